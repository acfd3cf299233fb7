"""What is drawn over a record: personal-data spans, redaction boxes and find hits."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from reviewer.workview.content import Rect

SPAN = "span"
REDACTION = "redaction"
FIND = "find"
SELECTION = "selection"

FIND_COLOUR = "#f2a900"
REDACTION_COLOUR = "#111111"
# Used only for labels the detector's LABEL_COLOURS does not know (e.g. an older store).
_FALLBACK = ("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#e15759")


def label_colours() -> dict[str, str]:
    """Colours by label from the detector, the one source of the legend."""
    try:
        from reviewer.detect.labels import LABEL_COLOURS
    except ImportError:
        return {}
    return dict(LABEL_COLOURS)


def colour_for(label: str, known: dict[str, str]) -> str:
    if label in known:
        return known[label]
    digest = hashlib.sha256(label.encode()).digest()
    return _FALLBACK[digest[0] % len(_FALLBACK)]


@dataclass(frozen=True)
class Mark:
    """One thing drawn over the record; `page` is 0-based, rects in PDF points."""

    key: str
    kind: str
    label: str
    colour: str
    start: int | None = None
    end: int | None = None
    page: int | None = None
    rects: tuple[Rect, ...] = ()
    dismissed: bool = False
    entity_id: int | None = None
    text: str = ""
    score: float = 1.0
