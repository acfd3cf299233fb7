"""Redaction that really removes: PyMuPDF redactions applied, the file scrubbed, then verified.

A black box drawn over text hides nothing: the text stays in the file. Here the text, image pixels
and vector drawings under each box are deleted by `apply_redactions`, every other place a secret
can hide (document info, XMP, annotations, form fields, attachments, links, JavaScript and open
actions, bookmarks) is emptied, and the file is rewritten with garbage collection so removed
objects do not survive. The output is then checked: no text under any box, and none of the
redacted strings anywhere in the page text or in any decompressed object of the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reviewer.export.phrases import find_phrase, normalise
from reviewer.ingest.extract.pdf import module as fitz

Box = tuple[float, float, float, float]
Glyph = tuple[str, float, float]  # character and its rounded position
# Raw-byte search of short strings would hit font names and operators; the page-text check
# (word-bounded) still covers them.
MIN_RAW_SEARCH = 4


class RedactionError(Exception):
    """The redacted copy of a record failed; it must not be exported."""


@dataclass(frozen=True)
class RedactionResult:
    """The redacted PDF and what was done, for the export summary."""

    pdf: bytes
    boxes: int
    pages: int


def _open(data: bytes) -> Any:
    try:
        doc = fitz().open(stream=data, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises several types for damaged files
        raise RedactionError("the PDF could not be opened") from exc
    if doc.needs_pass:
        raise RedactionError("the PDF is password-protected")
    return doc


def _strip_page(page: Any) -> None:
    """Drop annotations (keeping our redactions), form fields, links and page actions."""
    for widget in list(page.widgets()):
        page.delete_widget(widget)
    for annot in list(page.annots()):
        if annot.type[0] != fitz().PDF_ANNOT_REDACT:
            page.delete_annot(annot)
    for link in page.get_links():
        page.delete_link(link)
    page.parent.xref_set_key(page.xref, "AA", "null")


def _strip_document(doc: Any) -> None:
    doc.set_toc([])
    doc.scrub(
        attached_files=True,
        clean_pages=True,
        embedded_files=True,
        hidden_text=False,  # keeps OCR layers searchable; text under boxes is already gone
        javascript=True,
        metadata=True,
        redactions=False,
        remove_links=True,
        reset_fields=True,
        reset_responses=True,
        thumbnails=True,
        xml_metadata=True,
    )
    doc.set_metadata({})
    doc.del_xml_metadata()
    catalog = doc.pdf_catalog()
    for key in ("OpenAction", "AA", "Outlines", "PieceInfo", "Metadata"):
        doc.xref_set_key(catalog, key, "null")


def redact_pdf(
    data: bytes,
    boxes: Mapping[int, Sequence[Box]],
    secrets: Sequence[str] = (),
    *,
    every_occurrence: bool = True,
) -> RedactionResult:
    """Redact `boxes` (1-based page -> rects in PDF points) and, if asked, every other place the
    `secrets` (the redacted strings) appear as words; raise `RedactionError` if anything remains."""
    doc = _open(data)
    try:
        plan: dict[int, list[Any]] = {}
        for page_no, rects in boxes.items():
            if not 1 <= page_no <= doc.page_count:
                raise RedactionError(f"a redaction is on page {page_no}, beyond the last page")
            plan.setdefault(page_no, []).extend(fitz().Rect(r) for r in rects)
        if every_occurrence:
            for secret in secrets:
                for page_no, rect in find_phrase(doc, secret):
                    plan.setdefault(page_no, []).append(rect)
        count = 0
        before: dict[tuple[int, int], set[Glyph]] = {}
        for page in doc:
            rects = plan.get(page.number + 1, [])
            for i, rect in enumerate(rects):
                before[(page.number + 1, i)] = _text_under(page, rect)
                page.add_redact_annot(_inset(rect), fill=(0, 0, 0), cross_out=False)
                count += 1
            _strip_page(page)
            if rects:
                page.apply_redactions(
                    images=fitz().PDF_REDACT_IMAGE_PIXELS,
                    graphics=fitz().PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
                    text=fitz().PDF_REDACT_TEXT_REMOVE,
                )
        _strip_document(doc)
        out = doc.tobytes(garbage=4, deflate=True, clean=True)
    finally:
        doc.close()
    verify_redacted(out, plan, secrets, before)
    return RedactionResult(pdf=out, boxes=count, pages=len(plan))


def _inset(rect: Any) -> Any:
    """The box pulled in by a point at each side.

    MuPDF removes every character whose glyph box merely touches a redaction, and glyph boxes
    reach past the ink, so a box flush with a word also took the next word's first letter. The
    verification below still requires every character centred in the original box to be gone.
    """
    margin = min(1.0, rect.width / 10)
    return fitz().Rect(rect.x0 + margin, rect.y0, rect.x1 - margin, rect.y1)


def _text_under(page: Any, rect: Any) -> set[Glyph]:
    """Characters whose centre lies in `rect`, with their position (a clip would also return
    neighbours that merely touch it)."""
    found: set[Glyph] = set()
    raw = page.get_text("rawdict", clip=rect)
    for block in raw.get("blocks", []):
        for line in block.get("lines", []):
            for span in line.get("spans", []):
                for char in span.get("chars", []):
                    x0, y0, x1, y1 = char["bbox"]
                    centre = fitz().Point((x0 + x1) / 2, (y0 + y1) / 2)
                    if centre in rect and not char["c"].isspace():
                        found.add((char["c"], round(x0, 1), round(y0, 1)))
    return found


def _raw_pattern(secret: str) -> re.Pattern[bytes] | None:
    text = normalise(secret)
    if len(text) < MIN_RAW_SEARCH:
        return None
    variants = {text.encode("utf-8"), text.encode("utf-16-be")}
    body = b"|".join(re.escape(v) for v in variants)
    return re.compile(b"(?<![a-z0-9])(?:" + body + b")(?![a-z0-9])")


def verify_redacted(
    pdf: bytes,
    boxes: Mapping[int, Sequence[Any]],
    secrets: Sequence[str],
    before: Mapping[tuple[int, int], set[Glyph]] | None = None,
) -> None:
    """Raise `RedactionError` if text remains under a box or a secret remains anywhere.

    With `before` (glyphs under each box before redacting), only glyphs still at their old place
    count: MuPDF may slide the rest of a line a few points left into the emptied box, which hides
    nothing secret (the string search below still covers every secret).
    """
    doc = _open(pdf)
    try:
        for page_no, rects in boxes.items():
            page = doc[page_no - 1]
            for i, rect in enumerate(rects):
                left = _text_under(page, rect)
                if before is not None:
                    left &= before.get((page_no, i), set())
                if left:
                    raise RedactionError(f"text remains under a redaction box on page {page_no}")
        page_text = normalise(" ".join(page.get_text("text") for page in doc))
        raw: list[bytes] = []
        for xref in range(1, doc.xref_length()):
            raw.append(doc.xref_object(xref, compressed=False).encode("utf-8", "replace"))
            if doc.xref_is_stream(xref):
                raw.append(doc.xref_stream(xref) or b"")
        blob = b"\n".join(raw).lower()
        for n, secret in enumerate(secrets, 1):
            needle = normalise(secret)
            if not needle:
                continue
            if re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", page_text):
                raise RedactionError(f"redacted string {n} is still in the page text")
            pattern = _raw_pattern(secret)
            if pattern is not None and pattern.search(blob):
                raise RedactionError(f"redacted string {n} is still in the file's bytes")
    finally:
        doc.close()
