"""Redaction must remove, not cover: text, pixels, drawings and every hiding place in the file."""

from __future__ import annotations

import re
import zlib

import pymupdf
import pytest

from reviewer.export.redact import RedactionError, redact_pdf, verify_redacted
from reviewer.export.render import render_text_pdf
from tests.export.pdfs import EMAIL, NAME, PHONE, leaky_pdf

IMAGE_BOX = (70.0, 290.0, 400.0, 410.0)


def _name_box(data: bytes) -> tuple[float, float, float, float]:
    doc = pymupdf.open(stream=data, filetype="pdf")
    rect = doc[0].search_for(NAME)[0]
    return (rect.x0, rect.y0, rect.x1, rect.y1)


def _all_bytes(data: bytes) -> bytes:
    """The file's raw bytes plus every stream inflated, lower-cased: nothing can hide in there."""
    parts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            parts.append(match.group(1))
    return b"\n".join(parts).lower()


@pytest.fixture(scope="module")
def redacted() -> bytes:
    source = leaky_pdf()
    boxes = {1: [_name_box(source), IMAGE_BOX]}
    return redact_pdf(source, boxes, [NAME, PHONE, EMAIL]).pdf


def test_source_really_leaks() -> None:
    """The fixture is honest: before redaction the name is in the bytes and metadata."""
    doc = pymupdf.open(stream=leaky_pdf(), filetype="pdf")
    assert doc.metadata["author"] == NAME
    assert doc.embfile_count() == 1
    assert NAME.lower().encode() in _all_bytes(leaky_pdf())


def test_text_under_box_and_every_secret_gone(redacted: bytes) -> None:
    doc = pymupdf.open(stream=redacted, filetype="pdf")
    text = doc[0].get_text()
    assert NAME not in text
    assert PHONE not in text
    assert EMAIL not in text
    assert "Tomorrow the case resumes." in text  # untouched text stays
    assert "Signed by the officer" in text
    raw = _all_bytes(redacted)
    for secret in (NAME, "quigley", EMAIL, "900461"):
        assert secret.lower().encode() not in raw


def test_metadata_annotations_files_links_js_gone(redacted: bytes) -> None:
    doc = pymupdf.open(stream=redacted, filetype="pdf")
    assert not any(doc.metadata[k] for k in ("author", "title", "subject"))
    assert not doc.get_xml_metadata()
    assert list(doc[0].annots()) == []
    assert doc[0].get_links() == []
    assert doc.embfile_count() == 0
    assert doc.get_toc() == []
    assert doc.xref_get_key(doc.pdf_catalog(), "OpenAction")[0] == "null"
    assert b"javascript" not in _all_bytes(redacted)


def test_image_and_drawing_under_box_removed(redacted: bytes) -> None:
    doc = pymupdf.open(stream=redacted, filetype="pdf")
    page = doc[0]
    pix = page.get_pixmap(clip=pymupdf.Rect(IMAGE_BOX), dpi=36)
    reds = blues = 0
    for y in range(pix.height):
        for x in range(pix.width):
            r, g, b = pix.pixel(x, y)[:3]
            reds += r > 200 and g < 80 and b < 80
            blues += b > 200 and r < 80 and g < 80
    assert reds == 0
    assert blues == 0
    drawings = page.get_drawings()
    assert not any(d.get("fill") == (0.0, 0.0, 1.0) for d in drawings)


def test_verify_catches_unredacted_output() -> None:
    source = leaky_pdf()
    box = pymupdf.Rect(_name_box(source))
    with pytest.raises(RedactionError, match="under a redaction box"):
        verify_redacted(source, {1: [box]}, [])
    with pytest.raises(RedactionError, match="redacted string 1"):
        verify_redacted(source, {}, [NAME])


def test_box_only_redaction_fails_loudly_when_string_repeats() -> None:
    """Redacting one occurrence while the same name stays elsewhere must not pass silently."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), f"{NAME} attended.", fontsize=12)
    page.insert_text((72, 200), f"Later {NAME} left.", fontsize=12)
    data = doc.tobytes()
    first = page.search_for(NAME)[0]
    with pytest.raises(RedactionError, match="still in the copy's page text"):
        redact_pdf(data, {1: [tuple(first)]}, [NAME], every_occurrence=False)
    out = redact_pdf(data, {1: [tuple(first)]}, [NAME]).pdf
    assert NAME not in pymupdf.open(stream=out, filetype="pdf")[0].get_text()


def test_whole_words_only() -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "Tom said tomorrow. NHS:9434765919 noted.", fontsize=11)
    out = redact_pdf(doc.tobytes(), {}, ["Tom", "9434765919"]).pdf
    text = pymupdf.open(stream=out, filetype="pdf")[0].get_text()
    assert "tomorrow" in text
    assert "Tom said" not in text
    assert "9434765919" not in text


def test_box_beyond_last_page_is_refused() -> None:
    with pytest.raises(RedactionError, match="beyond the last page"):
        redact_pdf(leaky_pdf(), {3: [(0, 0, 10, 10)]}, [])


def test_docx_text_rendered_then_redacted() -> None:
    docx = pytest.importorskip("docx")
    import io

    from reviewer.ingest.extract import extract
    from reviewer.ingest.types import Identification

    document = docx.Document()
    document.add_paragraph(f"Interview with {NAME} on 3 May 2004.")
    document.add_paragraph(f"Contact: {PHONE}, {EMAIL}")
    buf = io.BytesIO()
    document.save(buf)
    extraction = extract(buf.getvalue(), "interview.docx", Identification(puid="fmt/412"))
    pages = [p.text for p in extraction.pages]
    assert NAME in "\n".join(pages)
    rendered = render_text_pdf(pages)
    out = redact_pdf(rendered, {}, [NAME, PHONE, EMAIL]).pdf
    text = pymupdf.open(stream=out, filetype="pdf")[0].get_text()
    assert "Interview with" in text
    assert NAME not in text
    assert PHONE not in text
    assert NAME.lower().encode() not in _all_bytes(out)


def test_text_record_pages_and_line_breaks() -> None:
    rendered = render_text_pdf([f"Page one mentions {NAME}\nsecond line", f"Page two: {NAME}"])
    doc = pymupdf.open(stream=rendered, filetype="pdf")
    assert doc.page_count == 2
    out = redact_pdf(rendered, {}, [NAME]).pdf
    doc = pymupdf.open(stream=out, filetype="pdf")
    assert all(NAME not in p.get_text() for p in doc)
    assert "second line" in doc[0].get_text()
