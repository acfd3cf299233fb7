"""Text-like files (TXT, CSV, XML, HTML, RTF) with encoding detection.

A UTF-8 text file's extracted text is exactly its decoded content (no newline or whitespace
changes), because detection offsets reported by the CLI index into it.
"""

from __future__ import annotations

import re
from typing import Any

from reviewer.ingest.extract.common import error, failed, single_page
from reviewer.ingest.types import CORRUPT, Extraction

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_NOT_TEXT = "not readable as text: no character encoding fits (binary data?)"
_BLOCK_TAGS = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dt",
    "dd",
    "dl",
    "title",
    "address",
    "figcaption",
    "caption",
    "nav",
    "aside",
    "main",
    "form",
    "fieldset",
    "legend",
]
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n\s*\n+")


def decode_text(data: bytes) -> str | None:
    """Decode text bytes: UTF-8, a BOM, Windows-1252 (UK office files), then detection."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec.removesuffix("-sig"))
            except UnicodeDecodeError:
                return data[len(bom) :].decode(codec.removesuffix("-sig"), errors="replace")
    from charset_normalizer import from_bytes
    from charset_normalizer.utils import is_multi_byte_encoding

    best = from_bytes(data).best()
    guess = best.encoding if best is not None else None
    if b"\x00" in data[:8192]:
        # NULs: only UTF-16/32 without a BOM is still text.
        return str(best) if guess and guess.startswith("utf_") else None
    if guess is None or not is_multi_byte_encoding(guess):
        # Short Western text is often misread as cp1250 and the like; UK records are cp1252.
        for codec in ("cp1252", "latin-1"):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue
    return str(best) if best is not None else None


def extract_text(data: bytes) -> Extraction:
    text = decode_text(data)
    if text is None:
        return failed(CORRUPT, _NOT_TEXT)
    return single_page(text)


def html_to_text(markup: bytes | str) -> str:
    """Visible text of an HTML page: scripts and styles dropped, blocks on their own lines."""
    from bs4 import BeautifulSoup

    soup: Any = BeautifulSoup(markup, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS):
        if tag.name == "br":
            tag.replace_with("\n")
        else:
            tag.insert_before("\n")
            tag.insert_after("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after("\t")
    text = soup.get_text()
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def extract_html(data: bytes) -> Extraction:
    try:
        return single_page(html_to_text(data))
    except Exception as exc:
        return error(exc, "HTML page")


def extract_rtf(data: bytes) -> Extraction:
    try:
        from striprtf import striprtf

        convert: Any = striprtf.rtf_to_text
        text = convert(data.decode("latin-1"), errors="ignore")
    except Exception:
        return failed(CORRUPT, "damaged or unreadable RTF document")
    return single_page(text)
