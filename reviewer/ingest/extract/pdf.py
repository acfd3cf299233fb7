"""PDF text with exact word boxes, built from PyMuPDF's words in one pass per page.

The page text is assembled FROM the words (same line: " ", new line or block: "\\n"), so every
word's offsets are exact and a detection in the text maps straight to rectangles on the page.
"""

from __future__ import annotations

from typing import Any

from reviewer.ingest.extract.common import corrupt, encrypted, error, safe_file_name, unique_names
from reviewer.ingest.types import EMPTY, OK, Extraction, Member, PageText, WordBox

WHAT = "PDF"
_quiet = False


def module() -> Any:
    """PyMuPDF, imported on first use (the window opens fast) with its console chatter off."""
    global _quiet
    import pymupdf

    if not _quiet:
        pymupdf.TOOLS.mupdf_display_errors(False)  # type: ignore[no-untyped-call]
        pymupdf.TOOLS.mupdf_display_warnings(False)  # type: ignore[no-untyped-call]
        _quiet = True
    return pymupdf


def _open(data: bytes) -> Any:
    return module().open(stream=data, filetype="pdf")


def page_text(page: Any) -> PageText:
    """One page's text and word boxes (offsets relative to this page's text)."""
    words = page.get_text("words", sort=False)
    parts: list[str] = []
    boxes: list[WordBox] = []
    pos = 0
    last_block = last_line = None
    for x0, y0, x1, y1, word, block, line, _ in words:
        if last_block is not None:
            sep = " " if (block == last_block and line == last_line) else "\n"
            parts.append(sep)
            pos += 1
        parts.append(word)
        end = pos + len(word)
        boxes.append((pos, end, x0, y0, x1, y1))
        pos = end
        last_block, last_line = block, line
    rect = page.rect
    return PageText("".join(parts), tuple(boxes), float(rect.width), float(rect.height))


def embedded_members(doc: Any) -> tuple[Member, ...]:
    """Files embedded in the PDF (portfolios, attached originals) as child records."""
    count = doc.embfile_count()
    if not count:
        return ()
    entries: list[tuple[str, bytes | None, str]] = []
    for index in range(count):
        try:
            info = doc.embfile_info(index)
            label = info.get("ufilename") or info.get("filename") or info.get("name")
        except Exception:
            label = None
        try:
            entries.append(
                (safe_file_name(label, f"embedded-{index + 1}"), doc.embfile_get(index), "")
            )
        except Exception:
            entries.append((safe_file_name(label, f"embedded-{index + 1}"), None, "damaged"))
    names = unique_names(name for name, _, _ in entries)
    return tuple(
        Member(name, data)
        if data is not None
        else Member(name, None, "corrupt", "embedded file could not be read")
        for name, (_, data, _) in zip(names, entries, strict=True)
    )


def extract_pdf(data: bytes) -> Extraction:
    try:
        doc = _open(data)
    except Exception:
        return corrupt(WHAT)
    try:
        if doc.needs_pass and not doc.authenticate(""):
            return encrypted(WHAT)
        if not doc.is_pdf:
            return corrupt(WHAT)
        return _read(doc)
    except Exception as exc:
        return error(exc, WHAT)
    finally:
        doc.close()


def _read(doc: Any) -> Extraction:
    pages: list[PageText] = []
    failed: list[int] = []
    image_only: list[int] = []
    for number in range(doc.page_count):
        try:
            page = doc.load_page(number)
            text = page_text(page)
            if not text.text and page.get_images(full=False):
                image_only.append(number + 1)
        except Exception:
            failed.append(number + 1)
            text = PageText("")
        pages.append(text)
    try:
        members = embedded_members(doc)
    except Exception:
        members = ()
    count = len(pages)
    if count and len(failed) == count:
        return corrupt(WHAT)
    has_text = any(p.text for p in pages)
    notes: list[str] = []
    if failed:
        notes.append(f"could not read {_pages(failed)} (damaged)")
    if not has_text:
        status, message = EMPTY, "no text layer: scanned pages need OCR"
        if not count:
            message = "PDF has no pages"
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
        needs_ocr=bool(count) and (not has_text or bool(image_only)),
        members=members,
    )


def _pages(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    return f"page{'s' if len(numbers) > 1 else ''} {shown}{more}"
