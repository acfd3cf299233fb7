"""PDF text per page, and word boxes whose offsets are exact in that text.

The text is MuPDF's own line by line (white space tidied); word boxes are MuPDF's words found
in that text in reading order, so a detection in the text maps straight to rectangles on the page.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

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
    pack_words,
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
    """One page's text and, when `boxes`, its word boxes (offsets relative to this page's text).

    The text is MuPDF's, one line per line with its words separated by single spaces. Ingest
    asks for the text alone: the boxes cost a third more than the text itself and are computed
    the first time a record is scanned or viewed (`reviewer.ingest.words`), from the same
    page, aligned to this same text.
    """
    rect = page.rect
    width, height = float(rect.width), float(rect.height)
    textpage = page.get_textpage(flags=module().TEXTFLAGS_WORDS)
    text = tidy_text(textpage.extractText())
    if not boxes:
        return PageText(text, None, width, height)
    words = align_words(text, textpage.extractWORDS())
    return PageText(text, words, width, height, packed=pack_words(words))


# White space that `tidy_text` changes, other than blank lines.
_ODD_ASCII = ("\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "  ", " \n", "\n ")
_ODD = re.compile(r"[^\S \n]")


def tidy_text(raw: str) -> str:
    """MuPDF's page text with runs of white space made one space and blank lines dropped."""
    if (
        raw[:1] != " "
        and raw[-1:] != " "
        and not any(odd in raw for odd in _ODD_ASCII)
        and (raw.isascii() or not _ODD.search(raw))
    ):  # most pages: only blank lines to drop (40% of the time of the general case)
        return "\n".join(filter(None, raw.split("\n")))
    return "\n".join(tidy for line in raw.splitlines() if (tidy := " ".join(line.split())))


# A word is looked for at most this far past the previous one: a word MuPDF spells differently
# from the page text (it never should) gets no box rather than capturing a later occurrence.
_SLACK = 64


def align_words(text: str, words: Sequence[Sequence[Any]]) -> tuple[WordBox, ...]:
    """Word boxes with their offsets in `text`, found in reading order.

    `words` are MuPDF's (x0, y0, x1, y1, word, ...) from the page `text` came from. A word
    holding a space MuPDF does not split on is split here, each part keeping the whole box
    (too big a redaction box is safe; too small leaks).
    """
    out: list[WordBox] = []
    pos = 0
    find = text.find
    for x0, y0, x1, y1, word, *_ in words:
        for part in word.split():
            at = find(part, pos, pos + _SLACK + len(part))
            if at < 0:
                continue
            pos = at + len(part)
            out.append((at, pos, float(x0), float(y0), float(x1), float(y1)))
    return tuple(out)


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
    found: list[tuple[str | None, bytes | None, str]] = []
    total = 0
    for index in range(min(doc.embfile_count(), limits.max_members)):
        label, data, why = _embedded(doc, index, limits)
        if data is not None and total + len(data) > limits.max_total_bytes:
            data, why = None, "embedded files too large in total to extract safely"
        total += len(data or b"")
        found.append((label, data, why))
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


def _blank(page: Any) -> bool:
    """Nothing is drawn on the page: no content at all and no annotations.

    A page with content but no text is an image, or text drawn as outlines, and needs OCR;
    only a truly blank page does not (2,000 blank pages are not a scan to send to OCR).
    """
    return not page.read_contents().strip() and page.first_annot is None


def _read(doc: Any, limits: Limits, boxes: bool) -> Extraction:
    pages: list[PageText] = []
    failed: list[int] = []
    untexted: list[int] = []  # pages with something drawn but no text layer
    for number in range(doc.page_count):
        try:
            page = doc.load_page(number)
            text = page_text(page, boxes)
            if not text.text and not _blank(page):
                untexted.append(number + 1)
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
    if has_text:
        status, message = OK, ""
        if untexted:
            notes.append(f"no text layer on {_pages(untexted)}: needs OCR")
    elif untexted:
        status, message = EMPTY, "no text layer: scanned pages need OCR"
    else:
        status, message = EMPTY, "no text: every page is blank"
    message = "; ".join(([message] if message else []) + notes)
    return Extraction(
        status=status,
        message=message,
        pages=tuple(pages),
        page_count=count,
        paged=True,
        needs_ocr=bool(untexted),
        members=members,
    )


def _pages(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    return f"page{'s' if len(numbers) > 1 else ''} {shown}{more}"
