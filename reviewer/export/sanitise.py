"""Everything a reader does not draw is removed from a redacted copy, not merely checked.

After the redactions, a copy could still carry the redacted text where no page shows it: text
drawn off the page, document information and XMP, annotations and links, form fields (a field's
`/V` and `/DV` survive with no widget on any page), attached and embedded files, JavaScript and
open actions, bookmarks, `/PageLabels` (a label prefix is free text), the structure tree (`/Alt`,
`/ActualText`, `/T`), page-piece data and thumbnails. Hidden layers and marked-content
alternatives are handled in the content streams by `reviewer.export.contents`.
"""

from __future__ import annotations

import io
import warnings
from decimal import Decimal
from typing import Any

import pikepdf

from reviewer.export.glyphs import page_glyphs
from reviewer.ingest.extract.pdf import module as fitz

FAR = 1.0e5  # points: bands this far out cover anything drawn off the page
CATALOG_KEYS = (
    "AcroForm",
    "AA",
    "AF",
    "Collection",
    "Dests",
    "Legal",
    "MarkInfo",
    "Metadata",
    "Names",
    "OCProperties",
    "OpenAction",
    "Outlines",
    "PageLabels",
    "Perms",
    "PieceInfo",
    "SpiderInfo",
    "StructTreeRoot",
    "Threads",
    "URI",
)
PAGE_KEYS = ("AA", "B", "Metadata", "PieceInfo", "StructParents", "Thumb", "Trans", "ID", "PZ")
OBJECT_KEYS = ("Metadata", "PieceInfo", "StructParent", "StructParents", "OC")


def strip_page(page: Any) -> None:
    """Drop annotations (keeping pending redactions), widgets, links and page-level extras."""
    for widget in list(page.widgets()):
        page.delete_widget(widget)
    for annot in list(page.annots()):
        if annot.type[0] != fitz().PDF_ANNOT_REDACT:
            page.delete_annot(annot)
    for link in page.get_links():
        page.delete_link(link)
    for key in PAGE_KEYS:
        page.parent.xref_set_key(page.xref, key, "null")


def _outside(box: Any, page_rect: Any) -> bool:
    x0, y0, x1, y1 = box
    return bool(x0 < page_rect.x0 or y0 < page_rect.y0 or x1 > page_rect.x1 or y1 > page_rect.y1)


def remove_off_page(page: Any) -> int:
    """Delete text, images and drawings outside the visible page; returns glyphs removed.

    Glyphs whose centre lies off the page are removed one line at a time (a glyph half over the
    edge is clipped, not drawn whole); images and drawings reaching off the page are cut back
    with four far bands. Pages with nothing off the page are left untouched."""
    visible = page.rect
    if not any(_outside(box, visible) for _, box in page.get_bboxlog()):
        return 0
    count = 0
    for glyph in page_glyphs(page, everywhere=True):
        x, y = glyph.centre
        if not (visible.x0 <= x <= visible.x1 and visible.y0 <= y <= visible.y1):
            page.add_redact_annot(fitz().Rect(x - 0.1, y - 0.1, x + 0.1, y + 0.1), fill=False)
            count += 1
    if count:
        page.apply_redactions(
            images=fitz().PDF_REDACT_IMAGE_NONE,
            graphics=fitz().PDF_REDACT_LINE_ART_NONE,
            text=fitz().PDF_REDACT_TEXT_REMOVE,
        )
    r = visible
    for band in (
        (-FAR, -FAR, FAR, r.y0),
        (-FAR, r.y1, FAR, FAR),
        (-FAR, -FAR, r.x0, FAR),
        (r.x1, -FAR, FAR, FAR),
    ):
        page.add_redact_annot(fitz().Rect(band), fill=False)
    page.apply_redactions(
        images=fitz().PDF_REDACT_IMAGE_PIXELS,
        graphics=fitz().PDF_REDACT_LINE_ART_REMOVE_IF_COVERED,
        text=fitz().PDF_REDACT_TEXT_NONE,
    )
    return count


def strip_document(doc: Any) -> None:
    """Empty every document-level place a secret can hide; unreferenced objects go on save."""
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
    for key in CATALOG_KEYS:
        doc.xref_set_key(catalog, key, "null")
    for xref in range(1, doc.xref_length()):
        keys = set(doc.xref_get_keys(xref))
        for key in OBJECT_KEYS:
            if key in keys:
                doc.xref_set_key(xref, key, "null")
    trailer_info = doc.xref_get_key(-1, "Info")
    if trailer_info[0] != "null":
        doc.xref_set_key(-1, "Info", "null")


# --- The whitelist: what a reader needs to draw the pages, and nothing else ---------------------
# The catalog keeps the page tree only: /Lang and /ViewerPreferences are dropped too (a language
# tag is free text and serves the structure tree, which is gone; viewer preferences change no
# pixel and may hold anything).
CATALOG_KEEP = frozenset({"/Type", "/Pages"})
# Page tree nodes: the tree itself; inheritable attributes are pushed down to every page first.
NODE_KEEP = frozenset({"/Type", "/Kids", "/Count", "/Parent"})
BOX_KEYS = ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox")
PAGE_KEEP = frozenset(
    {"/Type", "/Parent", "/Resources", "/Contents", "/Rotate", "/UserUnit", "/Group", *BOX_KEYS}
)
INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
GROUP_KEEP = frozenset({"/Type", "/S", "/CS", "/I", "/K"})  # a transparency group changes pixels
RESOURCE_KINDS = ("/ExtGState", "/ColorSpace", "/Pattern", "/Shading", "/XObject", "/Font")
FORM_KEEP = frozenset(
    {"/Type", "/Subtype", "/BBox", "/Matrix", "/Resources", "/Group", "/FormType", "/Length"}
    | {"/Filter", "/DecodeParms"}
)
IMAGE_KEEP = frozenset(
    {"/Type", "/Subtype", "/Width", "/Height", "/ColorSpace", "/BitsPerComponent", "/Intent"}
    | {"/ImageMask", "/Mask", "/Decode", "/Interpolate", "/SMask", "/SMaskInData", "/Length"}
    | {"/Filter", "/DecodeParms"}
    | {"/Matte"}  # a premultiplied soft mask's colour: without it the image changes colour
)


def _number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _valid(key: str, value: Any) -> bool:
    """Whether a kept page entry has the form the standard gives it (so it holds no text)."""
    if key in BOX_KEYS:
        return isinstance(value, pikepdf.Array) and len(value) == 4 and all(map(_number, value))
    if key in ("/Rotate", "/UserUnit"):
        return _number(value)
    return True


def _only(obj: Any, keep: frozenset[str]) -> None:
    for key in list(obj.keys()):
        if key not in keep:
            del obj[key]


def _names_used(owner: Any) -> set[str] | None:
    """Every name a content stream gives as an operand (resource names among them); None when
    the stream cannot be read (its resources are then kept whole)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = pikepdf.parse_content_stream(owner)
    except (pikepdf.PdfError, TypeError, ValueError):
        return None
    names: set[str] = set()
    for inst in parsed:
        if isinstance(inst, pikepdf.ContentStreamInlineImage):
            return None  # an inline image names its colour space inside its own dictionary
        for operand in inst.operands:
            items = operand if isinstance(operand, pikepdf.Array) else [operand]
            names.update(str(item) for item in items if isinstance(item, pikepdf.Name))
    return names


class _Pruner:
    """Reduces resources to what the content streams use, and XObjects to their drawing keys."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.done: set[tuple[int, int]] = set()

    def resources(self, owner: Any, resources: Any) -> pikepdf.Dictionary:
        """A new resource dictionary holding only the entries `owner`'s content names."""
        used = _names_used(owner)
        out = pikepdf.Dictionary()
        if not isinstance(resources, pikepdf.Dictionary):
            return out
        for kind in RESOURCE_KINDS:
            entries = resources.get(kind)
            if not isinstance(entries, pikepdf.Dictionary):
                continue
            kept = pikepdf.Dictionary()
            for name in entries.keys():  # noqa: SIM118 - pikepdf objects iterate differently
                if used is None or name in used:
                    kept[name] = entries[name]
                    if kind == "/XObject":
                        self.xobject(entries[name])
            if len(kept):
                out[kind] = kept
        # /Properties: only marked-content tags refer to them, and the catalog's layers are
        # gone; a tag naming a missing list is drawn as ordinary content. /ProcSet is obsolete.
        return out

    def xobject(self, xobj: Any) -> None:
        if not isinstance(xobj, pikepdf.Stream):
            return
        key = xobj.objgen
        if key != (0, 0):
            if key in self.done:
                return
            self.done.add(key)
        if xobj.get("/Subtype") == pikepdf.Name("/Form"):
            _only(xobj, FORM_KEEP)
            group = xobj.get("/Group")
            if isinstance(group, pikepdf.Dictionary):
                _only(group, GROUP_KEEP)
            if "/Resources" in xobj:
                xobj.Resources = self.resources(xobj, xobj.Resources)
        elif xobj.get("/Subtype") == pikepdf.Name("/Image"):
            _only(xobj, IMAGE_KEEP)
            for mask in ("/SMask", "/Mask"):
                self.xobject(xobj.get(mask))


def _inherited(page: Any, key: str) -> Any:
    node = page
    for _ in range(64):
        if key in node:
            return node[key]
        parent = node.get("/Parent")
        if not isinstance(parent, pikepdf.Dictionary):
            return None
        node = parent
    return None


def keep_what_is_drawn(data: bytes) -> bytes:
    """The PDF rewritten with only the keys a reader needs to draw its pages (a whitelist).

    The catalog keeps its page tree, page tree nodes their tree keys, each page its boxes,
    rotation, unit, group, contents and the resources its content names (form XObjects
    likewise, images their drawing keys); the trailer keeps no /Info and a new /ID. Anything
    else, known or not, is dropped, so no unknown key carries text into the copy."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pruner = _Pruner(pdf)
        for page in pdf.pages:
            obj = page.obj
            for key in INHERITED:
                value = _inherited(obj, key)
                if value is not None and key not in obj:
                    obj[key] = value
            for key in list(obj.keys()):
                if key not in PAGE_KEEP or not _valid(key, obj[key]):
                    del obj[key]
            group = obj.get("/Group")
            if isinstance(group, pikepdf.Dictionary):
                _only(group, GROUP_KEEP)
            obj.Resources = pruner.resources(page, obj.get("/Resources"))
        nodes = [pdf.Root.Pages]
        while nodes:
            node = nodes.pop()
            if node.get("/Type") == pikepdf.Name("/Page"):
                continue
            _only(node, NODE_KEEP)
            nodes.extend(k for k in node.get("/Kids", pikepdf.Array()) if k is not None)
        _only(pdf.Root, CATALOG_KEEP)
        for key in list(pdf.trailer.keys()):
            if key not in ("/Root", "/Size"):
                del pdf.trailer[key]
        buf = io.BytesIO()
        pdf.save(buf, fix_metadata_version=False, compress_streams=True)
        return buf.getvalue()
