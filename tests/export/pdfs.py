"""Small PDFs built in memory for the export tests; fictional data only."""

from __future__ import annotations

import pymupdf

NAME = "Harriet Quigley"
PHONE = "07700 900461"
EMAIL = "h.quigley@example.com"


def leaky_pdf() -> bytes:
    """A PDF hiding a name in every place redaction usually forgets, with an image and a drawing."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), f"Witness: {NAME} of Leeds.", fontsize=12)
    page.insert_text((72, 130), f"Telephone {PHONE} or email {EMAIL}.", fontsize=12)
    page.insert_text((72, 160), "Tomorrow the case resumes.", fontsize=12)
    # A red image square and a blue vector rectangle, both under the box drawn at y 300..400.
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    pix.set_rect(pix.irect, (255, 0, 0))
    page.insert_image(pymupdf.Rect(80, 300, 180, 400), pixmap=pix)
    page.draw_rect(pymupdf.Rect(300, 320, 380, 380), color=(0, 0, 1), fill=(0, 0, 1))
    page.insert_text((72, 500), "Signed by the officer in the case.", fontsize=12)
    page.add_text_annot((400, 100), f"Check {NAME}'s address")
    page.insert_link(
        {
            "kind": pymupdf.LINK_URI,
            "from": pymupdf.Rect(72, 490, 200, 505),
            "uri": f"mailto:{EMAIL}",
        }
    )
    doc.embfile_add("notes.txt", f"{NAME} statement notes".encode())
    doc.set_metadata({"author": NAME, "title": f"Statement of {NAME}", "subject": "case 12"})
    doc.set_xml_metadata(f"<x:xmpmeta xmlns:x='adobe:ns:meta/'><d>{NAME}</d></x:xmpmeta>")
    doc.set_toc([[1, f"Statement of {NAME}", 1]])
    catalog = doc.pdf_catalog()
    js = doc.get_new_xref()
    doc.update_object(js, f"<</S/JavaScript/JS(app.alert('{NAME}'))>>")
    doc.xref_set_key(catalog, "OpenAction", f"{js} 0 R")
    data: bytes = doc.tobytes()
    doc.close()
    return data
