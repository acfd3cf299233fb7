"""Quality checking of a contractor's sensitivity decisions.

Batches and assignments (`batches`), seeded and optionally stratified samples (`sampling`), the
checker's blind second review (`blind`) compared field by field (`compare`), uphold/overturn
outcomes that correct decisions through the decisions API (`outcomes`), and the figures a
department can defend: agreement, Cohen's kappa, Wilson intervals (`stats`, `report`).
Qt-free: the blind review screen in `ui/qa/` drives `reviewer.qa.flow`.
"""
