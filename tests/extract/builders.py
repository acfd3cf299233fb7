"""Generated fixture files (fictional content only) for the extraction tests."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import Any

NAME = "Jane Example"
PHONE = "07700 900123"


def _pymupdf() -> Any:
    import pymupdf

    return pymupdf


def pdf(pages: list[str], *, embed: dict[str, bytes] | None = None, **save: Any) -> bytes:
    """A PDF with one text page per entry (lines split on newlines); extra args go to tobytes."""
    doc = _pymupdf().open()
    for text in pages:
        page = doc.new_page(width=595, height=842)
        y = 72.0
        for paragraph in text.split("\n\n"):
            page.insert_text((72, y), paragraph, fontsize=11)
            y += 40 + 14 * paragraph.count("\n")
    for name, data in (embed or {}).items():
        doc.embfile_add(name, data, filename=name)
    data = doc.tobytes(**save)
    doc.close()
    return bytes(data)


def image_only_pdf() -> bytes:
    """A 'scanned' page: an image and no text layer."""
    pymupdf = _pymupdf()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    pix.set_rect(pix.irect, (200, 200, 200))
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(pymupdf.Rect(72, 72, 300, 300), pixmap=pix)
    data = doc.tobytes()
    doc.close()
    return bytes(data)


def png() -> bytes:
    pymupdf = _pymupdf()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 8, 8), False)
    return bytes(pix.tobytes("png"))


def tiff(pages: int) -> bytes:
    """A little-endian TIFF of `pages` 1x1 grey images (multi-page scans are TIFFs)."""
    tags = (256, 257, 258, 259, 262, 273, 277, 278, 279)
    ifd_size = 2 + 12 * len(tags) + 4
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    for index in range(pages):
        start = len(out)
        pixel_at = start + ifd_size
        next_ifd = pixel_at + 2 if index < pages - 1 else 0
        values = {256: 1, 257: 1, 258: 8, 259: 1, 262: 1, 273: pixel_at, 277: 1, 278: 1, 279: 1}
        out += struct.pack("<H", len(tags))
        for tag in tags:
            kind = 4 if tag == 273 else 3  # LONG offsets, SHORT otherwise
            out += struct.pack("<HHI", tag, kind, 1)
            out += struct.pack(
                "<I" if kind == 4 else "<HH", values[tag], *(() if kind == 4 else (0,))
            )
        out += struct.pack("<I", next_ifd)
        out += b"\x80\x00"
    return bytes(out)


def docx(*, header: str = "", footer: str = "") -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph(f"Witness statement of {NAME}.")
    table = document.add_table(rows=2, cols=2)
    for (r, c), value in {(0, 0): "Name", (0, 1): "Phone", (1, 0): NAME, (1, 1): PHONE}.items():
        table.cell(r, c).text = value
    document.add_paragraph("Signed after the table.")
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx() -> bytes:
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Contacts"
    sheet.append(["Name", "Phone", "Born", "Count"])
    sheet.append([NAME, PHONE, dt.datetime(1980, 5, 17), 3.0])
    second = book.create_sheet("Notes")
    second.append(["Charging decision", None, None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def zip_bytes(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, (2020, 1, 2, 3, 4, 6)), data, method)
    return out.getvalue()


def set_encrypted_flag(data: bytes) -> bytes:
    """Mark every member encrypted (general purpose flag bit 0) in local and central headers."""
    buf = bytearray(data)
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (at := buf.find(signature, start)) >= 0:
            flags = struct.unpack_from("<H", buf, at + flag_at)[0]
            struct.pack_into("<H", buf, at + flag_at, flags | 0x1)
            start = at + 4
    return bytes(buf)


def lie_about_size(data: bytes, declared: int) -> bytes:
    """Rewrite every member's declared uncompressed size (local and central headers)."""
    buf = bytearray(data)
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := buf.find(signature, start)) >= 0:
            struct.pack_into("<I", buf, at + size_at, declared)
            start = at + 4
    return bytes(buf)


def zeros_deflated(size: int) -> bytes:
    """A zip holding `size` zero bytes in one member (compresses about 1000:1)."""
    return zip_bytes({"zeros.bin": bytes(size)})


def crc(data: bytes) -> int:
    return zlib.crc32(data)
