"""Hostile PDFs hiding text in keys no list of known keys names, in invisible characters, in
hidden layers drawn with embedded CID fonts and in zipped attachments (issue 15, item 5).

The copy keeps only what a reader draws (a whitelist of keys), and the check alone finds each
hiding place. Fictional data only.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import pikepdf
import pymupdf
import pytest

from reviewer.export.redact import redact_pdf
from reviewer.export.sanitise import keep_what_is_drawn
from reviewer.export.verify_copy import VerificationReport, search_secrets, skeleton
from tests.export.hostile import NINO, PERSON

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="DejaVu Sans is not installed")
INVISIBLE = ("\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060")
VISIBLE_LINES = (
    (100, "Statement of: Margaret Thornton, National Insurance number AB 12 34 56 C."),
    (120, "I worked at The Maltster's Arms for about two years as a supervisor."),
)
PAGE_KEYS = {
    "/Type", "/Parent", "/Resources", "/Contents", "/Rotate", "/UserUnit", "/Group",
    "/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox",
}  # fmt: skip


def _hex(text: str) -> str:
    return "<" + text.encode("utf-8").hex() + ">"


def _base(*, visible: bool = True) -> tuple[pymupdf.Document, pymupdf.Page]:
    """A page with the statement (`visible`) or with the name already redacted."""
    doc = pymupdf.open()
    page = doc.new_page()
    for y, line in VISIBLE_LINES if visible else ((100, "Statement of: [redacted]"),):
        page.insert_text((72, y), line, fontsize=11)
    return doc, page


def private_keys() -> bytes:
    """Unknown keys everywhere: catalog, page, page tree, resources, a form XObject, the
    trailer's /Info, the name broken by zero-width spaces and the NINO by soft hyphens."""
    doc, page = _base()
    catalog = doc.pdf_catalog()
    note = doc.get_new_xref()
    hidden_name = _hex("Marg\u200baret Thorn\u200bton")
    doc.update_object(note, f"<< /Note {hidden_name} >>")
    doc.xref_set_key(catalog, "Extra", f"{note} 0 R")
    doc.xref_set_key(catalog, "Lang", "(Margaret Thornton)")
    doc.xref_set_key(catalog, "ViewerPreferences", "<< /Who (Margaret Thornton) >>")
    doc.xref_set_key(page.xref, "Foo", _hex("AB\u00ad12\u00ad34\u00ad56\u00adC"))
    doc.xref_set_key(page.xref, "ArtBox", "[0 0 595 842 (Margaret Thornton)]")
    resources = doc.xref_get_key(page.xref, "Resources")
    if resources[0] == "xref":
        doc.xref_set_key(int(resources[1].split()[0]), "Foo", "(Margaret Thornton)")
    else:
        doc.xref_set_key(page.xref, "Resources/Foo", "(Margaret Thornton)")
    pages = doc.xref_get_key(catalog, "Pages")[1].split()[0]
    doc.xref_set_key(int(pages), "Bar", "(Margaret Thornton)")
    form = pymupdf.open()
    form.new_page(width=200, height=50).insert_text((10, 30), "Signed at the station.")
    page.show_pdf_page(pymupdf.Rect(72, 300, 272, 350), form, 0)
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "Subtype")[1] == "/Form":
            doc.xref_set_key(xref, "Private", "(Margaret Thornton AB123456C)")
    info = doc.get_new_xref()
    doc.update_object(info, "<< /Custom (Margaret Thornton) >>")
    doc.xref_set_key(-1, "Info", f"{info} 0 R")
    data: bytes = doc.tobytes()
    return data


def hidden_cid_layer(*, visible: bool = True) -> bytes:
    """The name and NINO drawn with an embedded TrueType (Identity-H: glyph ids, not letters)
    in a layer that is off, plus a visible line in the same font."""
    doc, page = _base(visible=visible)
    ocg = doc.add_ocg("notes", on=False)
    page.insert_text(
        (72, 200), "Margaret Thornton AB123456C", fontname="dv", fontfile=str(FONT), oc=ocg
    )
    page.insert_text((72, 140), "Witness signed 15/08/2004", fontname="dv", fontfile=str(FONT))
    data: bytes = doc.tobytes()
    return data


def zipped_attachment(*, visible: bool = True) -> bytes:
    doc, _ = _base(visible=visible)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "Margaret Thornton AB123456C " * 20)
    doc.embfile_add("a.zip", buf.getvalue())
    data: bytes = doc.tobytes()
    return data


def _folded_everything(data: bytes) -> str:
    """Every object and inflated stream, invisible characters removed, folded."""
    doc = pymupdf.open(stream=data, filetype="pdf")
    parts = [str(doc.xref_get_key(-1, "Info")), doc.xref_object(doc.pdf_catalog())]
    for xref in range(1, doc.xref_length()):
        obj = doc.xref_object(xref, compressed=False)
        parts.append(obj)
        parts += [bytes.fromhex(h).decode("utf-8", "replace") for h in _hexes(obj)]
        if doc.xref_is_stream(xref):
            parts.append((doc.xref_stream(xref) or b"").decode("latin-1"))
    text = "".join(c for c in "\n".join(parts) if unicodedata.category(c) != "Cf")
    return skeleton(text)


def _hexes(obj: str) -> list[str]:
    import re

    return [h for h in re.findall(r"<([0-9A-Fa-f]{8,})>", obj) if len(h) % 2 == 0]


def _words(data: bytes) -> set[tuple[str, float, float]]:
    doc = pymupdf.open(stream=data, filetype="pdf")
    return {(w[4], round(w[0], 1), round(w[1], 1)) for p in doc for w in p.get_text("words")}


def test_copy_keeps_only_whitelisted_keys() -> None:
    source = private_keys()
    assert skeleton(PERSON) in _folded_everything(source)
    result = redact_pdf(source, {}, [PERSON, NINO])
    with pikepdf.open(io.BytesIO(result.pdf)) as pdf:
        assert set(pdf.Root.keys()) == {"/Type", "/Pages"}
        assert set(pdf.trailer.keys()) <= {"/Root", "/Size", "/ID"}
        assert set(pdf.Root.Pages.keys()) <= {"/Type", "/Kids", "/Count", "/Parent"}
        page = pdf.pages[0].obj
        assert set(page.keys()) <= PAGE_KEYS
        assert "/ArtBox" not in page  # a box holding a string is not a box
        assert set(page.Resources.keys()) <= {"/Font", "/XObject", "/ExtGState", "/ColorSpace"}
        for xobj in page.Resources.get("/XObject", {}).values():
            assert "/Private" not in xobj
    everything = _folded_everything(result.pdf)
    assert skeleton(PERSON) not in everything
    assert skeleton(NINO) not in everything
    assert "thornton" not in everything
    # Glyphs outside the redactions stay where they were, the form XObject's text included.
    before, after = _words(source), _words(result.pdf)
    kept = [
        w for w in before if w[0] in ("worked", "Maltster's", "supervisor.", "Signed", "station.")
    ]
    assert len(kept) == 5
    assert [w for w in kept if w not in after] == []
    assert result.report.ok


def _drawn_the_same(source: bytes, dpi: int) -> bool:
    """Whether the whitelist pass alone leaves the first page's pixels as they were."""
    out = keep_what_is_drawn(source)
    a = pymupdf.open(stream=source, filetype="pdf")[0].get_pixmap(dpi=dpi)
    b = pymupdf.open(stream=out, filetype="pdf")[0].get_pixmap(dpi=dpi)
    return bool(a.samples == b.samples)


def test_whitelist_keeps_drawing_unchanged() -> None:
    """The pass alone: the page renders pixel for pixel as before."""
    assert _drawn_the_same(private_keys(), dpi=50)


@needs_font
def test_redacted_copy_drops_hidden_cid_layer_and_attachment() -> None:
    for source in (hidden_cid_layer(), zipped_attachment()):
        result = redact_pdf(source, {}, [PERSON, NINO])
        assert result.report.ok
        doc = pymupdf.open(stream=result.pdf, filetype="pdf")
        assert doc.embfile_count() == 0
        assert doc.get_ocgs() == {}
        assert "about two years" in doc[0].get_text()


def _leaks(data: bytes, secrets: list[str]) -> list[str]:
    report = VerificationReport()
    search_secrets(data, pymupdf.open(stream=data, filetype="pdf"), secrets, "copy_R.pdf", report)
    return report.leaks


def _empty_with(value: str) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "Statement of: [redacted]", fontsize=11)
    note = doc.get_new_xref()
    doc.update_object(note, f"<< /Note {value} >>")
    doc.xref_set_key(doc.pdf_catalog(), "Extra", f"{note} 0 R")
    data: bytes = doc.tobytes()
    return data


@pytest.mark.parametrize("mark", INVISIBLE)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_verification_sees_through_invisible_characters(mark: str, encoding: str) -> None:
    name = f"Marg{mark}aret Thorn{mark}ton"
    nino = mark.join(["AB", "12", "34", "56", "C"])
    for text, secret in ((name, PERSON), (nino, NINO)):
        data = _empty_with("<" + text.encode(encoding).hex() + ">")
        assert _leaks(data, [secret]) == [
            "redacted string 1 is still in the strings or names of an object in the copy"
        ], (text, encoding)


def test_verification_reads_utf16le_without_a_byte_order_mark() -> None:
    assert _leaks(_empty_with("<" + PERSON.encode("utf-16-le").hex() + ">"), [PERSON])


def test_verification_needle_with_invisible_characters() -> None:
    """The redacted string itself may carry a soft hyphen (copied from a document)."""
    assert _leaks(_empty_with("(Margaret Thornton)"), ["Margaret Thorn\u00adton"])


@needs_font
def test_verification_reads_hidden_layer_drawn_with_identity_h_font() -> None:
    leaks = _leaks(hidden_cid_layer(visible=False), [PERSON, "AB123456C"])
    assert "redacted string 1 is still in the copy's text in a hidden layer" in leaks
    assert "redacted string 2 is still in the copy's text in a hidden layer" in leaks


def test_verification_reports_an_attached_file() -> None:
    leaks = _leaks(zipped_attachment(visible=False), [PERSON])
    assert leaks == ["the copy holds an attached file, which a redacted copy must not"]


def test_verification_messages_read_as_sentences() -> None:
    from tests.export import hostile

    leaks = _leaks(hostile.widgetless_field(), [PERSON])
    assert leaks
    assert not [m for m in leaks if "copy's an" in m]


def test_verification_reads_xml_metadata_stream_as_text() -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "Statement of: [redacted]", fontsize=11)
    xmp = doc.get_new_xref()
    doc.update_object(xmp, "<< /Type /Metadata /Subtype /XML >>")
    doc.update_stream(xmp, "<x:dc>Marg\u200baret Thorn\u00adton</x:dc>".encode())
    doc.xref_set_key(doc[0].xref, "Metadata", f"{xmp} 0 R")
    data = doc.tobytes()
    assert _leaks(data, [PERSON]) == [
        "redacted string 1 is still in the text of an XML metadata stream in the copy"
    ]


def _matte_image_pdf() -> bytes:
    """A page drawing an image whose soft mask is premultiplied (/Matte): its colours depend on
    the key (seen on a generated producer-like PDF: 37,000 pixels changed without it)."""
    pdf = pikepdf.new()
    w = h = 16
    colour = bytes([200, 40, 40] * (w * h // 2) + [40, 40, 200] * (w * h // 2))
    alpha = bytes([(x * 16) % 256 for x in range(w * h)])
    smask = pikepdf.Stream(pdf, alpha)
    smask.Type, smask.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    smask.Width, smask.Height, smask.BitsPerComponent = w, h, 8
    smask.ColorSpace = pikepdf.Name.DeviceGray
    smask.Matte = pikepdf.Array([1, 1, 1])
    image = pikepdf.Stream(pdf, colour)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = w, h, 8
    image.ColorSpace = pikepdf.Name.DeviceRGB
    image.SMask = smask
    page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page))
    page.obj.MediaBox = pikepdf.Array([0, 0, 200, 200])
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image))
    page.obj.Contents = pikepdf.Stream(pdf, b"q 160 0 0 160 20 20 cm /Im1 Do Q")
    pdf.pages.append(page)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_a_premultiplied_soft_mask_keeps_its_matte() -> None:
    assert _drawn_the_same(_matte_image_pdf(), dpi=72)
