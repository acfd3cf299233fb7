"""Character offsets to page positions and back, through the PDF word boxes of each page."""

from __future__ import annotations

import bisect
import re

from reviewer.workview.content import RecordContent, Rect


def page_of(starts: list[int], offset: int) -> int:
    """0-based page holding character `offset` of the record's text."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


def rects_for_range(content: RecordContent, start: int, end: int) -> list[tuple[int, Rect]]:
    """(page index, rect) of every word overlapping [start, end) of the joined text."""
    starts = content.page_starts()
    out: list[tuple[int, Rect]] = []
    first, last = page_of(starts, start), page_of(starts, max(start, end - 1))
    for p in range(first, last + 1):
        base = starts[p]
        for ws, we, x0, y0, x1, y1 in content.words(p):
            if base + ws < end and base + we > start:
                out.append((p, (x0, y0, x1, y1)))
    return out


def range_in_rect(content: RecordContent, page: int, rect: Rect) -> tuple[int, int] | None:
    """The [start, end) text range of the words whose centres lie in `rect` on `page`."""
    x0, y0, x1, y1 = rect
    hits = [
        (ws, we)
        for ws, we, a, b, c, d in content.words(page)
        if x0 <= (a + c) / 2 <= x1 and y0 <= (b + d) / 2 <= y1
    ]
    if not hits:
        return None
    base = content.page_starts()[page]
    return base + min(s for s, _ in hits), base + max(e for _, e in hits)


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Case-insensitive hits of `needle` in `text` as [start, end) offsets."""
    if not needle:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]
