"""How far two sets of redactions cover the same thing (intersection over union).

Text spans are compared as sets of character offsets; boxes per page by area (boxes within one
reviewer's set are assumed not to overlap each other, as redaction tools draw them). The two
measures are combined by weight (characters and square points are not comparable, so each kind
counts in proportion to how many marks use it). 1.0 when both sets are empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.qa.types import Mark

AGREE_AT = 0.5  # IoU from which two redaction sets count as agreeing (the usual detection bar)


def _chars(marks: Sequence[Mark]) -> set[int]:
    out: set[int] = set()
    for m in marks:
        if m.start is not None and m.end is not None and m.end > m.start:
            out.update(range(m.start, m.end))
    return out


def _area(r: tuple[float, float, float, float]) -> float:
    return max(0.0, r[2] - r[0]) * max(0.0, r[3] - r[1])


def _inter(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def box_iou(first: Sequence[Mark], second: Sequence[Mark]) -> float | None:
    """Area IoU of the boxes (page by page); None when neither set has boxes."""
    a = [m for m in first if m.rect is not None and m.start is None]
    b = [m for m in second if m.rect is not None and m.start is None]
    if not a and not b:
        return None
    inter = sum(
        _inter(x.rect, y.rect)
        for x in a
        for y in b
        if x.page == y.page and x.rect is not None and y.rect is not None
    )
    union = sum(_area(m.rect) for m in a if m.rect) + sum(_area(m.rect) for m in b if m.rect)
    union -= inter
    return inter / union if union > 0 else 1.0


def span_iou(first: Sequence[Mark], second: Sequence[Mark]) -> float | None:
    """Character IoU of the text spans; None when neither set has spans."""
    a, b = _chars(first), _chars(second)
    if not a and not b:
        return None
    return len(a & b) / len(a | b)


def redaction_overlap(first: Sequence[Mark], second: Sequence[Mark]) -> float:
    """Combined IoU of two redaction sets, from 0 to 1."""
    spans = span_iou(first, second)
    boxes = box_iou(first, second)
    if spans is None and boxes is None:
        return 1.0
    if spans is None:
        return boxes or 0.0
    if boxes is None:
        return spans
    n_span = sum(1 for m in (*first, *second) if m.start is not None)
    n_box = sum(1 for m in (*first, *second) if m.rect is not None and m.start is None)
    return (spans * n_span + boxes * n_box) / (n_span + n_box)
