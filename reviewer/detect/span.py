"""Detected spans as plain frozen values that cross process and thread boundaries."""

from __future__ import annotations

from dataclasses import dataclass

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class Candidate:
    """A span proposed by one component, before overlaps are resolved (offsets into a doc)."""

    start: int
    end: int
    label: str
    score: float
    reason: str


@dataclass(frozen=True)
class Span:
    """One detected span: character offsets into the record text, and where it sits on a page.

    `page` is 1-based and `rects` are `(x0, y0, x1, y1)` in PDF points, one per line the span
    covers; both are empty for formats without page geometry.
    """

    start: int
    end: int
    label: str
    text: str
    score: float
    reason: str
    page: int | None = None
    rects: tuple[Rect, ...] = ()

    def as_json(self) -> dict[str, object]:
        """The span fields of the command-line contract."""
        out: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "score": round(self.score, 3),
            "reason": self.reason,
        }
        if self.page is not None:
            out["page"] = self.page
            out["rects"] = [[round(v, 2) for v in r] for r in self.rects]
        return out
