"""DOCX text: body paragraphs and tables in document order, headers, footers and notes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from reviewer.ingest.extract.common import corrupt, error, failed, single_page
from reviewer.ingest.extract.limits import Limits
from reviewer.ingest.extract.zipguard import package_problem
from reviewer.ingest.types import TOO_LARGE, Extraction

WHAT = "Word document"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NOTE_PARTS = ("/word/footnotes.xml", "/word/endnotes.xml")


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_RUN_TEXT: Any = None


def paragraph_text(p: Any) -> str:
    """All of a paragraph's text, including content controls, fields, tracked insertions and
    text boxes (python-docx's `Paragraph.text` skips these); deleted text and the duplicate
    fallback copy of drawings are left out."""
    global _RUN_TEXT
    if _RUN_TEXT is None:
        from lxml import etree

        outside = "[not(ancestor::mc:Fallback) and not(ancestor::w:pPr)]"
        _RUN_TEXT = etree.XPath(
            " | ".join(f".//w:{t}{outside}" for t in ("t", "tab", "br", "cr", "noBreakHyphen")),
            namespaces={"w": _W[1:-1], "mc": _MC},
        )
    parts = []
    for node in _RUN_TEXT(p):
        name = node.tag[len(_W) :]
        if name == "t":
            parts.append(node.text or "")
        elif name == "tab":
            parts.append("\t")
        elif name == "noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def _blocks(container: Any, parent: Any) -> Iterator[str]:
    """Text of paragraphs and table rows under a body, cell, header or content control."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            yield paragraph_text(child)
        elif tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                cells = [" ".join(t for t in _blocks(cell, parent) if t) for cell in _cells(row)]
                yield "\t".join(cells)
        elif tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content, parent)


def _cells(row: Any) -> Iterator[Any]:
    for child in row.iterchildren():
        if child.tag == f"{_W}tc":
            yield child
        elif child.tag == f"{_W}sdt":  # a content control wrapping cells
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _cells(content)


def _headers_footers(document: Any) -> tuple[list[str], list[str]]:
    """Every distinct header and footer part (first-page and even-page ones too)."""
    heads: list[str] = []
    feet: list[str] = []
    seen: set[int] = set()
    for section in document.sections:
        for attr, out in (
            ("first_page_header", heads),
            ("header", heads),
            ("even_page_header", heads),
            ("first_page_footer", feet),
            ("footer", feet),
            ("even_page_footer", feet),
        ):
            part = getattr(section, attr)
            if part.is_linked_to_previous:
                continue
            element = part._element
            if id(element) in seen:
                continue
            seen.add(id(element))
            text = "\n".join(t for t in _blocks(element, part) if t)
            if text.strip():
                out.append(text)
    return heads, feet


def _notes(document: Any) -> list[str]:
    """Footnote and endnote text, read straight from their parts (python-docx has no API)."""
    from lxml import etree

    out: list[str] = []
    for part in document.part.package.iter_parts():
        if str(part.partname) not in _NOTE_PARTS:
            continue
        root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        for note in root:
            if note.get(f"{_W}type") in (
                "separator",
                "continuationSeparator",
                "continuationNotice",
            ):
                continue
            text = " ".join(
                "".join(t.text or "" for t in p.iter(f"{_W}t")) for p in note.iter(f"{_W}p")
            )
            if text.strip():
                out.append(text.strip())
    return out


def extract_docx(data: bytes, limits: Limits) -> Extraction:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            problem = package_problem(archive, limits)
    except Exception:
        return corrupt(WHAT)
    if problem:
        return failed(TOO_LARGE, problem)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception:
        return corrupt(WHAT)
    try:
        body = list(_blocks(document.element.body, document))
        heads, feet = _headers_footers(document)
        notes = _notes(document)
    except (KeyError, ValueError, zipfile.BadZipFile, EOFError):
        return corrupt(WHAT)
    except Exception as exc:
        return error(exc, WHAT)
    text = "\n".join([*heads, *body, *notes, *feet])
    return single_page(text)
