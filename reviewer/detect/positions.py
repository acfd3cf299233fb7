"""From character offsets in a record's text to a PDF page and one rectangle per line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reviewer.detect.span import Rect, Span
from reviewer.ingest.types import PAGE_SEPARATOR, PageText, WordBox


def page_starts(pages: Sequence[PageText]) -> list[int]:
    """Offset of each page's first character in the joined text."""
    starts: list[int] = []
    pos = 0
    for page in pages:
        starts.append(pos)
        pos += len(page.text) + len(PAGE_SEPARATOR)
    return starts


def line_rects(words: Sequence[WordBox], start: int, end: int) -> tuple[Rect, ...]:
    """Union of the boxes of the words touching `[start, end)` (page offsets), one rect per line.

    Whole words are covered even when the span starts or ends inside one: a redaction box that is
    slightly too big is safe, one that is too small leaks.
    """
    hits = [w for w in words if w[0] < end and start < w[1]]
    rects: list[list[float]] = []
    for _s, _e, x0, y0, x1, y1 in sorted(hits, key=lambda w: w[0]):
        if rects:
            last = rects[-1]
            height = min(y1 - y0, last[3] - last[1]) or 1.0
            same_line = min(y1, last[3]) - max(y0, last[1]) > 0.5 * height and x0 >= last[0] - 1.0
            if same_line:
                last[0], last[1] = min(last[0], x0), min(last[1], y0)
                last[2], last[3] = max(last[2], x1), max(last[3], y1)
                continue
        rects.append([x0, y0, x1, y1])
    return tuple((r[0], r[1], r[2], r[3]) for r in rects)


def locate(span: Span, pages: Sequence[PageText], starts: Sequence[int] | None = None) -> Span:
    """`span` with its 1-based page and, where the page has word boxes, its rectangles."""
    if not pages:
        return span
    starts = list(starts) if starts is not None else page_starts(pages)
    index = 0
    for i, s in enumerate(starts):
        if s <= span.start:
            index = i
    page = pages[index]
    if len(pages) == 1 and page.words is None:
        return span
    offset = starts[index]
    rects: tuple[Rect, ...] = ()
    if page.words:
        rects = line_rects(page.words, span.start - offset, min(span.end - offset, len(page.text)))
    return replace(span, page=index + 1, rects=rects)


def locate_all(spans: Sequence[Span], pages: Sequence[PageText]) -> list[Span]:
    """`locate` for every span of one record."""
    starts = page_starts(pages)
    return [locate(s, pages, starts) for s in spans]
