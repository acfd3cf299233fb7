"""Content streams rewritten before a redaction: text split per glyph, hidden layers dropped.

Three things a reader never shows, or that would damage the copy, are handled here with pikepdf
(qpdf's parser, which copes with inline images and odd syntax):

- Text-showing operators are split so every glyph is its own string (`[(a)0(b)0(c)]TJ`, which
  draws exactly as before). MuPDF 1.28 (PyMuPDF 2.0) forgets the advance of the first removed glyph
  when kept glyphs precede it in the same string, so the rest of the line slid left under the box;
  with one glyph a string it computes every gap right.
- Content in an optional-content layer that is off by default (`/OC /name BDC ... EMC`, and form
  XObjects carrying a hidden `/OC`) is deleted: the copy holds only what a reader draws.
- Marked-content property lists (`/Span <</ActualText (...)>> BDC`) become plain `BMC`: their
  `/ActualText`, `/Alt` and `/E` are text a reader does not draw.
"""

from __future__ import annotations

import io
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator, String

SHOW = frozenset({"Tj", "TJ", "'", '"'})
IDENTITY = (Name("/Identity-H"), Name("/Identity-V"))


class ContentError(Exception):
    """The PDF's content streams could not be parsed or rewritten."""


def _key(obj: Any) -> tuple[int, int] | None:
    return obj.objgen if getattr(obj, "is_indirect", False) else None


def hidden_groups(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """Optional-content groups that are off in the default configuration."""
    props = pdf.Root.get("/OCProperties")
    if not isinstance(props, Dictionary):
        return set()
    groups = {_key(g) for g in props.get("/OCGs", Array()) if _key(g) is not None}
    config = props.get("/D", Dictionary())
    on = {_key(g) for g in config.get("/ON", Array())}
    off = {_key(g) for g in config.get("/OFF", Array())}
    if config.get("/BaseState") == Name("/OFF"):
        return {g for g in groups if g not in on and g is not None}
    return {g for g in off if g is not None}


def _is_hidden(oc: Any, hidden: set[tuple[int, int]]) -> bool:
    """Whether an `/OC` entry (a group or a membership dictionary) is hidden by default."""
    if not isinstance(oc, Dictionary):
        return False
    if oc.get("/Type") == Name("/OCMD"):
        members = oc.get("/OCGs")
        groups = list(members) if isinstance(members, Array) else [members]
        states = [(_key(g) in hidden) for g in groups if g is not None]
        if not states:
            return False
        policy = oc.get("/P", Name("/AnyOn"))
        if policy == Name("/AllOn"):
            return any(states)
        if policy == Name("/AnyOff"):
            return not any(states)
        if policy == Name("/AllOff"):
            return any(not s for s in states)
        return all(states)  # AnyOn: hidden only when every group is off
    return _key(oc) in hidden


def _glyph_width(resources: Dictionary, font_name: Any) -> int | None:
    """Bytes per glyph of the font set by `Tf` (None: leave its strings whole)."""
    fonts = resources.get("/Font")
    font = fonts.get(font_name) if isinstance(fonts, Dictionary) else None
    if not isinstance(font, Dictionary):
        return None
    if font.get("/Subtype") == Name("/Type0"):
        return 2 if font.get("/Encoding") in IDENTITY else None
    return 1


def _split_string(value: String, width: int) -> list[Any]:
    data = bytes(value)
    parts: list[Any] = []
    for i in range(0, len(data), width):
        if parts:
            parts.append(0)
        parts.append(String(data[i : i + width]))
    return parts or [value]


def _split_show(operands: list[Any], op: str, width: int | None) -> list[tuple[list[Any], str]]:
    """A text-showing operator as the same operators with one glyph a string (`TJ`)."""
    if width is None:
        return [(operands, op)]
    if op == "TJ":
        items: list[Any] = []
        for item in operands[0]:
            items.extend(_split_string(item, width) if isinstance(item, String) else [item])
        return [([Array(items)], "TJ")]
    out: list[tuple[list[Any], str]] = []
    text = operands[-1]
    if op == '"':
        out += [([operands[0]], "Tw"), ([operands[1]], "Tc")]
    if op in ("'", '"'):
        out.append(([], "T*"))
    out.append(([Array(_split_string(text, width))], "TJ"))
    return out


class _Rewriter:
    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.hidden = hidden_groups(pdf)
        self.done: set[tuple[int, int]] = set()

    def _properties_hidden(self, resources: Dictionary, operand: Any) -> bool:
        if isinstance(operand, Name):
            props = resources.get("/Properties")
            operand = props.get(operand) if isinstance(props, Dictionary) else None
        return _is_hidden(operand, self.hidden)

    def rewrite(self, stream_owner: Any, resources: Dictionary) -> bytes:
        """The owner's content rewritten; nested form XObjects are rewritten in place."""
        instructions = pikepdf.parse_content_stream(stream_owner)
        out: list[Any] = []
        skip_depth = 0
        font_width: int | None = None
        for inst in instructions:
            if isinstance(inst, pikepdf.ContentStreamInlineImage):
                if not skip_depth:
                    out.append(inst)
                continue
            operands, op = list(inst.operands), str(inst.operator)
            if skip_depth:
                if op in ("BDC", "BMC"):
                    skip_depth += 1
                elif op == "EMC":
                    skip_depth -= 1
                continue
            if op == "BDC":
                if operands[0] == Name("/OC") and self._properties_hidden(resources, operands[1]):
                    skip_depth = 1
                    continue
                if operands[0] != Name("/OC"):
                    out.append(pikepdf.ContentStreamInstruction([operands[0]], Operator("BMC")))
                    continue
            elif op == "Tf":
                font_width = _glyph_width(resources, operands[0])
            elif op == "Do" and self._do_hidden(resources, operands[0]):
                continue
            elif op in SHOW:
                for ops, name in _split_show(operands, op, font_width):
                    out.append(pikepdf.ContentStreamInstruction(ops, Operator(name)))
                continue
            out.append(inst)
        return pikepdf.unparse_content_stream(out)

    def _do_hidden(self, resources: Dictionary, name: Any) -> bool:
        xobjects = resources.get("/XObject")
        xobj = xobjects.get(name) if isinstance(xobjects, Dictionary) else None
        if not isinstance(xobj, pikepdf.Stream):
            return False
        if _is_hidden(xobj.get("/OC"), self.hidden):
            return True
        if xobj.get("/Subtype") == Name("/Form"):
            key = _key(xobj)
            if key is None or key not in self.done:
                if key is not None:
                    self.done.add(key)
                inner = xobj.get("/Resources")
                data = self.rewrite(xobj, inner if isinstance(inner, Dictionary) else resources)
                xobj.write(data)
        return False


def prepare_contents(data: bytes) -> bytes:
    """The PDF with text split per glyph, hidden layers and text alternatives removed."""
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            rewriter = _Rewriter(pdf)
            for page in pdf.pages:
                resources = page.resources
                page.obj.Contents = pdf.make_stream(rewriter.rewrite(page, resources))
            if "/OCProperties" in pdf.Root:
                del pdf.Root["/OCProperties"]
            buf = io.BytesIO()
            pdf.save(buf, fix_metadata_version=False)
            return buf.getvalue()
    except (pikepdf.PdfError, ValueError, TypeError, KeyError) as exc:
        raise ContentError("the PDF's page content could not be read") from exc
