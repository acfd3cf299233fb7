"""Everything a reader does not draw is removed from a redacted copy, not merely checked.

After the redactions, a copy could still carry the redacted text where no page shows it: text
drawn off the page, document information and XMP, annotations and links, form fields (a field's
`/V` and `/DV` survive with no widget on any page), attached and embedded files, JavaScript and
open actions, bookmarks, `/PageLabels` (a label prefix is free text), the structure tree (`/Alt`,
`/ActualText`, `/T`), page-piece data and thumbnails. Hidden layers and marked-content
alternatives are handled in the content streams by `reviewer.export.contents`.
"""

from __future__ import annotations

from typing import Any

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
