"""Predictive review: rank records by what reviewers have decided so far, and estimate what is left.

Continuous active learning (CAL) as eDiscovery platforms do it: a linear model per collection and
task, retrained after each batch of decisions, scores every record not yet reviewed; the queue can
be read most-likely-first. A random "elusion" sample of the unreviewed records, reviewed blind to
the scores, estimates how many target records remain. Qt-free; the model never fills in a decision.
"""
