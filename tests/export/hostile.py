"""Hostile PDFs for the redaction tests: each hides or lays out personal data the way real files do.

Fictional data only. Each generator returns the PDF's bytes; the strings a reviewer redacts are
the module constants.
"""

from __future__ import annotations

import pymupdf

PERSON = "Margaret Thornton"
ADDRESS = "3 Calder Row, Leeds"
POSTCODE = "LS1 6DQ"
NINO = "AB 12 34 56 C"
SECRETS = (PERSON, ADDRESS, POSTCODE, NINO)
STATEMENT = (
    f"I, {PERSON}, the above named person, of {ADDRESS} {POSTCODE}, for about two years "
    "worked at The Maltster's Arms as a barmaid. My supervisor there. My National Insurance "
    f"number is {NINO} and I make this statement believing it to be true."
)
# Words that must survive each redaction, each where it was.
KEPT = ("above", "named", "person,", "worked", "at", "The", "Maltster's", "supervisor", "there.")
BOX = pymupdf.Rect(72, 72, 420, 400)


def _save(doc: pymupdf.Document) -> bytes:
    data: bytes = doc.tobytes()
    doc.close()
    return data


def htmlbox_statement() -> bytes:
    """The statement laid out word by word, as HTML-to-PDF generators do."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_htmlbox(BOX, f"<p>{STATEMENT}</p>", css="* {font-size: 11pt;}")
    return _save(doc)


def textbox_statement() -> bytes:
    """The statement as one text operator per line (a Base-14 font without widths)."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_textbox(BOX, STATEMENT, fontsize=11)
    return _save(doc)


def _append(doc: pymupdf.Document, page: pymupdf.Page, content: bytes) -> None:
    xref = page.get_contents()[0]
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + content + b"\n")


def off_page_split() -> bytes:
    """The name drawn beyond the right edge, split across TJ strings, kerning and hex strings."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Statement taken at the station.", fontsize=11, fontname="helv")
    _append(
        doc,
        page,
        b"BT /helv 11 Tf 1 0 0 1 640 700 Tm [(Marg) -20 (aret Thor) 10 (nton)] TJ ET\n"
        b"BT /helv 11 Tf 1 0 0 1 640 650 Tm [<41422D> -15 <3132333435362D43>] TJ ET",
    )
    return _save(doc)


def hidden_layer() -> bytes:
    """The name in an optional-content layer that is off by default."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Statement taken at the station.", fontsize=11)
    ocg = doc.add_ocg("reviewer notes", on=False)
    page.insert_text((72, 200), f"Witness {PERSON}, NINO {NINO}", fontsize=11, oc=ocg)
    return _save(doc)


def page_labels() -> bytes:
    """The name as the prefix of every page label."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Statement taken at the station.", fontsize=11)
    doc.set_page_labels([{"startpage": 0, "prefix": f"{PERSON} p.", "style": "D"}])
    return _save(doc)


def structure_tree() -> bytes:
    """The name as a figure's /Alt in the structure tree and as /ActualText on the page."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Statement taken at the station.", fontsize=11)
    _append(
        doc,
        page,
        b"/Span <</MCID 0 /ActualText (" + PERSON.encode() + b")>> BDC "
        b"BT /helv 11 Tf 1 0 0 1 72 600 Tm (Signed) Tj ET EMC",
    )
    root, elem = doc.get_new_xref(), doc.get_new_xref()
    doc.update_object(root, f"<</Type/StructTreeRoot/K {elem} 0 R>>")
    doc.update_object(
        elem,
        f"<</Type/StructElem/S/Figure/P {root} 0 R/Pg {page.xref} 0 R/K 0/Alt({PERSON})>>",
    )
    catalog = doc.pdf_catalog()
    doc.xref_set_key(catalog, "StructTreeRoot", f"{root} 0 R")
    doc.xref_set_key(catalog, "MarkInfo", "<</Marked true>>")
    return _save(doc)


def widgetless_field() -> bytes:
    """A form field holding the name and NINO in /V and /DV with no widget on any page."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Statement taken at the station.", fontsize=11)
    field = doc.get_new_xref()
    doc.update_object(field, f"<</FT/Tx/T(witness)/V({PERSON})/DV(AB-123456-C)>>")
    doc.xref_set_key(doc.pdf_catalog(), "AcroForm", f"<</Fields[{field} 0 R]>>")
    return _save(doc)


def odd_spacing() -> bytes:
    """The name with two spaces and the NINO with hyphens: not the detected strings verbatim."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Witness: Margaret  Thornton of Leeds.", fontsize=11)
    page.insert_text((72, 130), "NINO AB-123456-C recorded.", fontsize=11)
    return _save(doc)


def hyphenated() -> bytes:
    """The surname hyphenated across a line end."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "This is the statement of Margaret Thorn-", fontsize=11)
    page.insert_text((72, 114), "ton, who was present that evening.", fontsize=11)
    return _save(doc)
