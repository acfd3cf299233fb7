"""Redaction that removes exactly what was marked, from a copy made of what is visible.

Order of work, each step for a reason:

1. `contents.prepare_contents`: text split one glyph a string (so MuPDF's removal cannot slide
   the rest of a line), hidden layers and marked-content alternatives dropped.
2. The glyphs to remove are chosen on the page: every whole-word occurrence of each redacted
   string (spacing, case, punctuation and line-end hyphens ignored) and every glyph whose centre
   lies in a box the reviewer drew. Nothing else.
3. Images and drawings under the marks are blanked (pixels under the glyphs' boxes, drawings a box
   covers), then only the chosen glyphs are removed (a tiny redaction at each glyph's centre, so a
   neighbour whose box merely touches stays), then black boxes are drawn over exactly those glyphs.
4. `sanitise`: content off the page, annotations, fields, files, scripts, metadata, page labels,
   the structure tree and the rest are removed; the file is rewritten with garbage collection,
   then keeps only the whitelisted keys a reader needs to draw the pages (unknown keys go too).
5. `verify_copy`: word by word against the original, and every redacted string searched for in
   every form and place. A copy that fails is refused, with the report saying why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reviewer.export.contents import ContentError, prepare_contents
from reviewer.export.glyphs import Box as Box
from reviewer.export.glyphs import (
    Glyph,
    find_secret,
    glyphs_in,
    page_glyphs,
    page_string,
    run_boxes,
)
from reviewer.export.sanitise import (
    keep_what_is_drawn,
    remove_off_page,
    strip_document,
    strip_page,
)
from reviewer.export.verify_copy import (
    GlyphKey,
    VerificationReport,
    glyph_key,
    search_secrets,
    verify_copy,
)
from reviewer.ingest.extract.pdf import module as fitz

PIN = 0.1  # half-height of the redaction drawn through the glyphs' centres


class RedactionError(Exception):
    """The redacted copy of a record failed; it must not be exported."""

    def __init__(self, message: str, report: VerificationReport | None = None) -> None:
        super().__init__(message)
        self.report = report


@dataclass(frozen=True)
class RedactionResult:
    """The redacted PDF, what was done, and the verification report."""

    pdf: bytes
    boxes: int
    pages: int
    report: VerificationReport


def _open(data: bytes) -> Any:
    try:
        doc = fitz().open(stream=data, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises several types for damaged files
        raise RedactionError("the PDF could not be opened") from exc
    if doc.needs_pass:
        raise RedactionError("the PDF is password-protected")
    return doc


def _apply(page: Any, rects: Sequence[Box], *, images: int, graphics: int, text: int) -> None:
    if not rects:
        return
    for rect in rects:
        page.add_redact_annot(fitz().Rect(rect), fill=False, cross_out=False)
    page.apply_redactions(images=images, graphics=graphics, text=text)


def pin_lines(glyphs: Sequence[Glyph], chosen: set[int]) -> list[Box]:
    """Thin redactions through the centres of each run of chosen glyphs on a line.

    MuPDF removes every glyph whose box the redaction touches; a line from the first glyph's
    centre to the last one's touches those glyphs and no neighbour (the glyph before ends left
    of the first centre, the line above ends above it). One per run, not one per glyph: MuPDF's
    cost per redaction grows with the redactions already on the page."""
    out: list[Box] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            (x0, y0), (x1, y1) = glyphs[run[0]].centre, glyphs[run[-1]].centre
            y = (y0 + y1) / 2
            out.append((min(x0, x1) - PIN, y - PIN, max(x0, x1) + PIN, y + PIN))
            run.clear()

    for i in sorted(chosen):
        g = glyphs[i]
        if not g.horizontal:
            flush()
            x, y = g.centre
            out.append((x - PIN, y - PIN, x + PIN, y + PIN))
            continue
        if run and (i != run[-1] + 1 or glyphs[run[-1]].line != g.line):
            flush()
        run.append(i)
    flush()
    return out


TextMarks = Mapping[int, Sequence[tuple[str, Sequence[Box]]]]


def _redact_page(
    page: Any,
    drawn: Sequence[Box],
    secrets: Sequence[str],
    located: Sequence[tuple[str, Sequence[Box]]] = (),
) -> tuple[set[GlyphKey], list[Box]]:
    """Remove the marked glyphs, pixels and drawings of one page; returns the glyphs removed
    and the boxes drawn.

    `located` are text marks with the boxes the workstation found them at: found among the
    page's glyphs, the glyphs are redacted; not found (a scan read by OCR, a page with no text
    layer) their boxes are redacted as drawn."""
    glyphs = page_glyphs(page)
    folded = page_string(glyphs) if (secrets or located) else None
    drawn = list(drawn)
    for text, rects in located:
        if not find_secret(glyphs, text, folded):
            drawn.extend(rects)
    chosen: set[int] = set()
    for rect in drawn:
        chosen.update(glyphs_in(glyphs, rect))
    secrets = [*secrets, *(text for text, _ in located)]
    for secret in secrets:
        for occurrence in find_secret(glyphs, secret, folded):
            chosen.update(occurrence)
    text_boxes = run_boxes(glyphs, chosen)
    _apply(
        page,
        drawn,
        images=fitz().PDF_REDACT_IMAGE_PIXELS,
        graphics=fitz().PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
        text=fitz().PDF_REDACT_TEXT_NONE,
    )
    _apply(
        page,
        text_boxes,
        images=fitz().PDF_REDACT_IMAGE_PIXELS,
        graphics=fitz().PDF_REDACT_LINE_ART_REMOVE_IF_COVERED,
        text=fitz().PDF_REDACT_TEXT_NONE,
    )
    _apply(
        page,
        pin_lines(glyphs, chosen),
        images=fitz().PDF_REDACT_IMAGE_NONE,
        graphics=fitz().PDF_REDACT_LINE_ART_NONE,
        text=fitz().PDF_REDACT_TEXT_REMOVE,
    )
    boxes = [*drawn, *text_boxes]
    if boxes:
        shape = page.new_shape()  # one drawing for all boxes: each draw_rect rewrites the page
        for box in boxes:
            shape.draw_rect(fitz().Rect(box))
        shape.finish(color=None, fill=(0, 0, 0), width=0)
        shape.commit(overlay=True)
    return {glyph_key(glyphs[i]) for i in chosen}, boxes


def redact_pdf(
    data: bytes,
    boxes: Mapping[int, Sequence[Box]],
    secrets: Sequence[str] = (),
    *,
    every_occurrence: bool = True,
    copy_name: str = "",
    text_marks: TextMarks | None = None,
) -> RedactionResult:
    """Redact `boxes` (1-based page -> rects in PDF points) and, unless `every_occurrence` is
    off, every whole-word occurrence of the `secrets` (the redacted strings); `text_marks`
    (page -> (text, rects)) are redacted by their glyphs where the page has them, else by their
    rects. Verify the copy against `data` and raise `RedactionError` (with the report) if
    anything is wrong."""
    text_marks = text_marks or {}
    source = _open(data)
    pages = source.page_count
    source.close()
    for page_no in [*boxes, *text_marks]:
        if not 1 <= page_no <= pages:
            raise RedactionError(f"a redaction is on page {page_no}, beyond the last page")
    try:
        prepared = prepare_contents(data)
    except ContentError as exc:
        raise RedactionError(str(exc)) from exc
    doc = _open(prepared)
    removed: dict[int, set[GlyphKey]] = {}
    drawn: dict[int, list[Box]] = {}
    try:
        for page in doc:
            number = page.number + 1
            strip_page(page)
            chosen, page_boxes = _redact_page(
                page,
                list(boxes.get(number, ())),
                secrets if every_occurrence else (),
                text_marks.get(number, ()),
            )
            if chosen or page_boxes:
                removed[number], drawn[number] = chosen, page_boxes
            remove_off_page(page)
        strip_document(doc)
        out = doc.tobytes(garbage=4, deflate=True, clean=True)
    finally:
        doc.close()
    out = keep_what_is_drawn(out)
    marked = [text for marks in text_marks.values() for text, _ in marks]
    every = sorted({*secrets, *(t for t in marked if t.strip())}, key=len, reverse=True)
    report = verify_copy(data, out, removed, drawn, every, copy_name)
    if not report.ok:
        raise RedactionError(
            f"the redacted copy failed verification: {report.problems()[0]}", report
        )
    return RedactionResult(pdf=out, boxes=report.boxes, pages=len(drawn), report=report)


def verify_redacted(pdf: bytes, boxes: Mapping[int, Sequence[Any]], secrets: Sequence[str]) -> None:
    """Raise `RedactionError` if text remains under a box or a secret remains anywhere in `pdf`
    (a check of a finished copy on its own, without its original)."""
    doc = _open(pdf)
    try:
        for page_no, rects in boxes.items():
            glyphs = page_glyphs(doc[page_no - 1])
            for rect in rects:
                if glyphs_in(glyphs, tuple(rect)):
                    raise RedactionError(f"text remains under a redaction box on page {page_no}")
        report = VerificationReport()
        search_secrets(pdf, doc, secrets, "", report)
    finally:
        doc.close()
    if report.leaks:
        raise RedactionError(report.leaks[0], report)
