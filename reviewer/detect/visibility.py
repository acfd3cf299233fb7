"""Which detected spans a reviewer sees by default — kept for callers of this module's names.

The one rule lives in `reviewer.detect.labels` (`shown_by_default`, `DEFAULT_SHOWN`,
`FLAG_SCORE`), beside the label defaults; the GUI, `reviewer detect`, the personal-data dot and
the benchmark's noise figure all use it.
"""

from __future__ import annotations

from reviewer.detect.labels import DEFAULT_SHOWN, FLAG_SCORE, Scored, shown_by_default

__all__ = ["DEFAULT_SHOWN", "FLAG_SCORE", "Scored", "default_labels", "shown_by_default"]


def default_labels() -> frozenset[str]:
    """Labels highlighted without asking; the others only through `--labels` or the GUI."""
    return DEFAULT_SHOWN
