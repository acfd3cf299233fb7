"""Which detected spans a reviewer sees by default: one rule for the GUI, the CLI and the benchmark.

A span is *flagged* when the detector is sure enough of it (score >= `FLAG_SCORE`); spans below
are "possible" and shown only on request. Label defaults (which labels are personal data shown
without asking) belong in `reviewer.detect.labels`; this function is where they are applied, so
every caller counts the same highlights.
"""

from __future__ import annotations

from typing import Protocol

from reviewer.detect.labels import LABELS

FLAG_SCORE = 0.5  # below this a span is "possible": hidden unless the reviewer asks for it


class Scored(Protocol):
    """Anything with a label and a score: a `Span`, an `EntityView`, a GUI mark."""

    @property
    def label(self) -> str: ...

    @property
    def score(self) -> float: ...


def default_labels() -> frozenset[str]:
    """Labels highlighted without asking; the others (e.g. ORG) only through `--labels` or the
    GUI's view option. Today every label: the defaults are set in `reviewer.detect.labels`."""
    return frozenset(LABELS)


def shown_by_default(span: Scored) -> bool:
    """Whether `span` is highlighted without the reviewer asking for more."""
    return span.score >= FLAG_SCORE and span.label in default_labels()
