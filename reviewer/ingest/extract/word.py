"""DOCX text: body paragraphs and tables in document order, headers, footers and notes."""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from typing import Any

from reviewer.ingest.extract.common import corrupt, error, failed, single_page
from reviewer.ingest.extract.limits import Limits
from reviewer.ingest.extract.zipguard import package_problem
from reviewer.ingest.types import TOO_LARGE, Extraction

WHAT = "Word document"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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


def _blocks(container: Any) -> Iterator[str]:
    """Text of paragraphs and table rows under a body, cell, header or content control."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            yield paragraph_text(child)
        elif tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                cells = [" ".join(t for t in _blocks(cell) if t) for cell in _cells(row)]
                yield "\t".join(cells)
        elif tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def _cells(row: Any) -> Iterator[Any]:
    for child in row.iterchildren():
        if child.tag == f"{_W}tc":
            yield child
        elif child.tag == f"{_W}sdt":  # a content control wrapping cells
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _cells(content)


_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MAIN_TYPES = frozenset(
    "application/vnd." + t
    for t in (
        "openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "ms-word.document.macroEnabled.main+xml",
        "ms-word.template.macroEnabledTemplate.main+xml",
    )
)
_NOTE_TYPES = (_REL_TYPE + "footnotes", _REL_TYPE + "endnotes")
_SKIPPED_NOTES = ("separator", "continuationSeparator", "continuationNotice")


class _Package:
    """The few parts of a DOCX package text comes from, read straight from the zip.

    python-docx would load and parse every part (styles, themes, settings...) to reach them;
    this reads only the main document, its relationships, headers, footers and notes.
    """

    def __init__(self, archive: zipfile.ZipFile) -> None:
        from lxml import etree

        self._archive = archive
        self._rels: dict[str, list[tuple[str, str, str]]] = {}
        # The same parser settings python-docx uses (no entities, blank text dropped).
        self._parser = etree.XMLParser(
            remove_blank_text=True, resolve_entities=False, no_network=True
        )

    def xml(self, partname: str) -> Any:
        from lxml import etree

        return etree.fromstring(self._archive.read(partname.lstrip("/")), self._parser)

    def relationships(self, partname: str) -> list[tuple[str, str, str]]:
        """(id, type, target part name) of a part's internal relationships, in order."""
        if partname in self._rels:
            return self._rels[partname]
        folder, _, name = partname.rpartition("/")
        rels_name = f"{folder}/_rels/{name}.rels".lstrip("/")
        out: list[tuple[str, str, str]] = []
        self._rels[partname] = out
        if rels_name not in self._archive.NameToInfo:
            return out
        for rel in self.xml(rels_name).iter(_PKG_RELS):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or not target:
                continue
            if not target.startswith("/"):
                target = posixpath.normpath(posixpath.join(folder or "/", target))
            out.append((rel.get("Id") or "", rel.get("Type") or "", target))
        return out

    def main_part(self) -> str:
        """The main document part, as the package relationships name it (its type checked)."""
        main = next(
            (t for _, k, t in self.relationships("/") if k == _REL_TYPE + "officeDocument"),
            None,
        )
        if main is None:
            raise KeyError("no main document part")
        types = self.xml("[Content_Types].xml")
        extension = main.rpartition(".")[2].lower()
        content_type = None
        for default in types.iter(f"{_CT}Default"):
            if default.get("Extension", "").lower() == extension:
                content_type = default.get("ContentType")
        for override in types.iter(f"{_CT}Override"):
            if override.get("PartName", "").lower() == main.lower():
                content_type = override.get("ContentType")
        if content_type not in _MAIN_TYPES:
            raise ValueError("not a Word document")
        return main


def _headers_footers(package: _Package, main: str, root: Any) -> tuple[list[str], list[str]]:
    """Every distinct header and footer part (first-page and even-page ones too), section by
    section in document order."""
    heads: list[str] = []
    feet: list[str] = []
    seen: set[str] = set()
    targets = {rel_id: target for rel_id, _, target in package.relationships(main)}
    body = root.find(f"{_W}body")
    sections = (
        []
        if body is None
        else body.xpath("./w:p/w:pPr/w:sectPr | ./w:sectPr", namespaces={"w": _W[1:-1]})
    )
    for sect in sections:
        for kind, out in (("header", heads), ("footer", feet)):
            refs = {
                ref.get(f"{_W}type") or "default": ref.get(f"{_R}id")
                for ref in sect.iterchildren(f"{_W}{kind}Reference")
            }
            for which in ("first", "default", "even"):
                partname = targets.get(refs.get(which) or "")
                if partname is None or partname in seen:
                    continue
                seen.add(partname)
                text = "\n".join(t for t in _blocks(package.xml(partname)) if t)
                if text.strip():
                    out.append(text)
    return heads, feet


def _notes(package: _Package, main: str) -> list[str]:
    """Footnote and endnote text (python-docx has no API for them)."""
    out: list[str] = []
    for _, kind, partname in package.relationships(main):
        if kind not in _NOTE_TYPES:
            continue
        for note in package.xml(partname):
            if note.get(f"{_W}type") in _SKIPPED_NOTES:
                continue
            text = " ".join(
                "".join(t.text or "" for t in p.iter(f"{_W}t")) for p in note.iter(f"{_W}p")
            )
            if text.strip():
                out.append(text.strip())
    return out


def extract_docx(data: bytes, limits: Limits) -> Extraction:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        problem = package_problem(archive, limits)
    except Exception:
        return corrupt(WHAT)
    if problem:
        return failed(TOO_LARGE, problem)
    try:
        package = _Package(archive)
        main = package.main_part()
        root = package.xml(main)
        body_element = root.find(f"{_W}body")
        body = [] if body_element is None else list(_blocks(body_element))
        heads, feet = _headers_footers(package, main, root)
        notes = _notes(package, main)
    except (KeyError, ValueError, SyntaxError, zipfile.BadZipFile, EOFError, OSError):
        return corrupt(WHAT)  # lxml's XMLSyntaxError is a SyntaxError
    except Exception as exc:
        return error(exc, WHAT)
    text = "\n".join([*heads, *body, *notes, *feet])
    return single_page(text)
