"""Rendering a non-PDF record (DOCX, email, text) to PDF from its extracted text pages.

A redacted copy must be a PDF; for records that are not PDFs we lay out the text the workstation
extracted (the text the reviewer saw and the detections point into) with PyMuPDF's Story, one
source page after another, A4 with 2 cm margins. Redacted strings are then found on the rendered
pages by `reviewer.export.phrases.find_phrase`.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence

from reviewer.ingest.extract.pdf import module as fitz

A4 = (0.0, 0.0, 595.0, 842.0)  # points
MARGIN = 56.7  # 2 cm
CSS = "* {font-family: sans-serif; font-size: 10pt; line-height: 1.25;} p {margin: 0 0 2pt 0;}"


def _html(text: str) -> str:
    """One paragraph per line so line breaks survive; blank lines keep their height."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "".join(f"<p>{html.escape(line) or '&#160;'}</p>" for line in lines)


def render_text_pdf(pages: Sequence[str], title: str = "") -> bytes:
    """A PDF of `pages` (each source page starts a new PDF page); metadata left empty."""
    buf = io.BytesIO()
    writer = fitz().DocumentWriter(buf)
    where = fitz().Rect(MARGIN, MARGIN, A4[2] - MARGIN, A4[3] - MARGIN)
    try:
        for text in pages or [""]:
            story = fitz().Story(html=_html(text), user_css=CSS)
            more = 1
            while more:
                device = writer.begin_page(fitz().Rect(A4))
                more, _ = story.place(where)
                story.draw(device)
                writer.end_page()
    finally:
        writer.close()
    doc = fitz().open(stream=buf.getvalue(), filetype="pdf")
    try:
        doc.set_metadata({"title": title} if title else {})
        return bytes(doc.tobytes(garbage=3, deflate=True))
    finally:
        doc.close()


def image_pdf(data: bytes) -> bytes:
    """An image file (every frame of a TIFF) as a PDF whose pages are the images, in the same
    page points MuPDF gives the image, so OCR word boxes land on the same pixels."""
    with fitz().open(stream=data) as image:
        return bytes(image.convert_to_pdf())
