"""The decision panels (appraisal, sensitivity) and the undoable saves behind them."""
