"""Zero bytes, images, unknown formats, misnamed files and PRONOM-led dispatch."""

from __future__ import annotations

import os

from reviewer.ingest.extract import extract
from reviewer.ingest.types import Identification
from tests.extract import builders


def test_zero_bytes(no_ident: Identification) -> None:
    result = extract(b"", "empty.pdf", no_ident)
    assert (result.status, result.message) == ("empty", "zero-byte file")


def test_png_needs_ocr(no_ident: Identification) -> None:
    result = extract(builders.png(), "photo.png", no_ident)
    assert (result.status, result.message) == ("empty", "image: no text (needs OCR)")
    assert result.needs_ocr
    assert result.page_count == 1


def test_multipage_tiff_page_count(no_ident: Identification) -> None:
    result = extract(builders.tiff(pages=3), "scan.tif", no_ident)
    assert result.needs_ocr
    assert result.status == "empty"
    assert result.page_count == 3


def test_image_misnamed_as_docx(no_ident: Identification) -> None:
    assert extract(builders.png(), "report.docx", no_ident).needs_ocr


def test_docx_misnamed_as_pdf(statement_docx: bytes, no_ident: Identification) -> None:
    result = extract(statement_docx, "statement.pdf", no_ident)
    assert result.status == "ok"
    assert builders.NAME in result.text


def test_unknown_binary_is_unsupported(no_ident: Identification) -> None:
    result = extract(os.urandom(64) + bytes(64), "tool.exe", no_ident)
    assert result.status == "unsupported"
    assert result.message == "no text extractor for .exe files"


def test_unsupported_uses_pronom_name(no_ident: Identification) -> None:
    ident = Identification(puid="fmt/215", format_name="Microsoft Powerpoint for Windows")
    data = builders.zip_bytes({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"})
    result = extract(data, "slides.pptx", ident)
    assert result.status == "unsupported"
    assert result.message == "no text extractor for Microsoft Powerpoint for Windows"


def test_pronom_mime_drives_dispatch_without_extension(no_ident: Identification) -> None:
    ident = Identification(puid="x-fmt/111", mime="text/plain")
    assert extract(b"Plain note", "NOTE", ident).text == "Plain note"


def test_text_without_extension_is_sniffed(no_ident: Identification) -> None:
    assert extract(b"Jane Example rang.", "README", no_ident).text == "Jane Example rang."


def test_messages_quote_no_content(text_pdf: bytes, no_ident: Identification) -> None:
    for data, name in [
        (text_pdf[:200], "a.pdf"),
        (b"Jane Example\x00\x01" * 50, "b.txt"),
        (b"PK\x03\x04Jane Example", "c.docx"),
    ]:
        assert "Jane" not in extract(data, name, no_ident).message
