"""The record queue: table model, filter proxy and the panel that shows them."""
