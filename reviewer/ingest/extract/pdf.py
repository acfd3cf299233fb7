"""PDF text with exact word boxes, built from PyMuPDF's words in one pass per page.

The page text is assembled FROM the words (same line: " ", new line or block: "\\n"), so every
word's offsets are exact and a detection in the text maps straight to rectangles on the page.
"""

from __future__ import annotations

import sys
from itertools import pairwise
from typing import Any

import numpy as np

from reviewer.ingest.extract.common import corrupt, encrypted, error, safe_file_name, unique_names
from reviewer.ingest.extract.limits import Limits
from reviewer.ingest.types import (
    CORRUPT,
    EMPTY,
    OK,
    TOO_LARGE,
    Extraction,
    Member,
    PageText,
    WordBox,
)

WHAT = "PDF"
_quiet = False


def module() -> Any:
    """PyMuPDF, imported on first use (the window opens fast) with its console chatter off."""
    global _quiet
    if "pymupdf" not in sys.modules:
        # PyMuPDF 2 imports its optional layout analyser (loading an ONNX model) and its
        # Markdown helpers on import: over a second in every worker process, for features
        # text extraction never uses.
        for optional in ("pymupdf.layout", "pymupdf4llm"):
            sys.modules.setdefault(optional, None)  # type: ignore[arg-type]
    import pymupdf

    if not _quiet:
        pymupdf.TOOLS.mupdf_display_errors(False)  # type: ignore[no-untyped-call]
        pymupdf.TOOLS.mupdf_display_warnings(False)  # type: ignore[no-untyped-call]
        _quiet = True
    return pymupdf


def _open(data: bytes) -> Any:
    return module().open(stream=data, filetype="pdf")


def page_text(page: Any, boxes: bool = True) -> PageText:
    """One page's text and word boxes (offsets relative to this page's text).

    Column-wise with numpy rather than a Python loop per word: ingest speed is measured
    against plain text extraction. The boxes always come packed (`PageText.packed`); the
    tuples only when `boxes` (ingest stores the packed form and skips them).
    """
    rect = page.rect
    width, height = float(rect.width), float(rect.height)
    textpage = page.get_textpage(flags=module().TEXTFLAGS_WORDS)
    words = textpage.extractWORDS()
    if not words:
        return PageText("", () if boxes else None, width, height, packed=b"")
    x0, y0, x1, y1, texts, blocks, lines, _ = zip(*words, strict=True)
    count = len(texts)
    lengths = np.fromiter(map(len, texts), np.int64, count)
    # Every word after the first is preceded by exactly one separator character:
    # " " within a line, "\n" where a new line or block starts.
    ends = np.cumsum(lengths + 1) - 1
    starts = ends - lengths
    block_no, line_no = np.array(blocks), np.array(lines)
    cuts = np.flatnonzero((block_no[1:] != block_no[:-1]) | (line_no[1:] != line_no[:-1])) + 1
    bounds = [0, *cuts.tolist(), count]
    text = "\n".join([" ".join(texts[a:b]) for a, b in pairwise(bounds)])
    grid = np.empty((count, 6), "<f4")
    grid[:, 0], grid[:, 1] = starts, ends
    grid[:, 2], grid[:, 3], grid[:, 4], grid[:, 5] = x0, y0, x1, y1
    tuples: tuple[WordBox, ...] | None = None
    if boxes:
        tuples = tuple(zip(starts.tolist(), ends.tolist(), x0, y0, x1, y1, strict=True))
    return PageText(text, tuples, width, height, packed=grid.tobytes())


def _embedded(doc: Any, index: int, limits: Limits) -> tuple[str | None, bytes | None, str]:
    """(label, bytes or None, reason) of one embedded file, refusing declared bombs."""
    try:
        info = doc.embfile_info(index)
    except Exception:
        return None, None, "embedded file could not be read"
    label = info.get("ufilename") or info.get("filename") or info.get("name")
    size, packed = int(info.get("size") or 0), int(info.get("length") or 0)
    if size > limits.max_member_bytes:
        return label, None, "embedded file too large to extract safely"
    if size > limits.ratio_floor_bytes and size / max(packed, 1) > limits.max_ratio:
        return label, None, "embedded file decompresses like a bomb: not extracted"
    try:
        return label, bytes(doc.embfile_get(index)), ""
    except Exception:
        return label, None, "embedded file could not be read"


def embedded_members(doc: Any, limits: Limits) -> tuple[Member, ...]:
    """Files embedded in the PDF (portfolios, attached originals) as child records."""
    found = [_embedded(doc, index, limits) for index in range(doc.embfile_count())]
    names = unique_names(
        safe_file_name(label, f"embedded-{index}") for index, (label, _, _) in enumerate(found, 1)
    )
    return tuple(
        Member(name, data)
        if data is not None
        else Member(name, None, TOO_LARGE if "bomb" in why or "large" in why else CORRUPT, why)
        for name, (_, data, why) in zip(names, found, strict=True)
    )


def extract_pdf(data: bytes, limits: Limits, boxes: bool = True) -> Extraction:
    try:
        doc = _open(data)
    except Exception:
        return corrupt(WHAT)
    try:
        if doc.needs_pass and not doc.authenticate(""):
            return encrypted(WHAT)
        if not doc.is_pdf:
            return corrupt(WHAT)
        return _read(doc, limits, boxes)
    except Exception as exc:
        return error(exc, WHAT)
    finally:
        doc.close()


def _read(doc: Any, limits: Limits, boxes: bool) -> Extraction:
    pages: list[PageText] = []
    failed: list[int] = []
    image_only: list[int] = []
    for number in range(doc.page_count):
        try:
            page = doc.load_page(number)
            text = page_text(page, boxes)
            if not text.text and page.get_images(full=False):
                image_only.append(number + 1)
        except Exception:
            failed.append(number + 1)
            text = PageText("")
        pages.append(text)
    try:
        members = embedded_members(doc, limits)
    except Exception:
        members = ()
    count = len(pages)
    if not count or len(failed) == count:
        return corrupt(WHAT)  # MuPDF "repairs" junk into a document with no pages
    has_text = any(p.text for p in pages)
    notes: list[str] = []
    if failed:
        notes.append(f"could not read {_pages(failed)} (damaged)")
    if not has_text:
        status, message = EMPTY, "no text layer: scanned pages need OCR"
    else:
        status, message = OK, ""
        if image_only:
            notes.append(f"no text layer on {_pages(image_only)}: needs OCR")
    message = "; ".join(([message] if message else []) + notes)
    return Extraction(
        status=status,
        message=message,
        pages=tuple(pages),
        page_count=count,
        paged=True,
        needs_ocr=not has_text or bool(image_only),
        members=members,
    )


def _pages(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    return f"page{'s' if len(numbers) > 1 else ''} {shown}{more}"
