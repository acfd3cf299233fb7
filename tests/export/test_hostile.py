"""Each hostile PDF: the copy removes exactly what was marked and nothing hidden survives."""

from __future__ import annotations

import contextlib
import re
import zlib
from collections.abc import Callable

import pymupdf
import pytest

from reviewer.export.redact import redact_pdf
from reviewer.export.render import render_text_pdf
from reviewer.export.verify_copy import VerificationReport, search_secrets, skeleton
from tests.export import hostile
from tests.export.hostile import KEPT, NINO, PERSON, SECRETS


def _words(data: bytes) -> list[tuple[str, float, float]]:
    doc = pymupdf.open(stream=data, filetype="pdf")
    return [(w[4], round(w[0], 1), round(w[1], 1)) for p in doc for w in p.get_text("words")]


def _everything(data: bytes) -> str:
    """All text a reader or a script could pull out: every page (off-page too), every object
    and every inflated stream, folded to letters and digits."""
    doc = pymupdf.open(stream=data, filetype="pdf")
    parts = [p.get_text("text", clip=pymupdf.INFINITE_RECT()) for p in doc]
    parts += [str(doc.metadata), doc.get_xml_metadata()]
    parts += [str(label) for label in [doc[0].get_label()]]
    for xref in range(1, doc.xref_length()):
        parts.append(doc.xref_object(xref, compressed=False))
        if doc.xref_is_stream(xref):
            parts.append((doc.xref_stream(xref) or b"").decode("latin-1"))
    raw = data
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", raw, re.S):
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompress(match.group(1)).decode("latin-1"))
    text = "\n".join(parts)
    # Hex strings (<4D61...>) read as the bytes they hold.
    text += "".join(
        bytes.fromhex(h.decode()).decode("latin-1")
        for h in re.findall(rb"<([0-9A-Fa-f\s]{8,})>", text.encode("latin-1"))
        if len(h.replace(b" ", b"")) % 2 == 0
    )
    return skeleton(text)


@pytest.mark.parametrize("make", [hostile.htmlbox_statement, hostile.textbox_statement])
def test_statement_keeps_every_other_word_in_place(make: Callable[[], bytes]) -> None:
    source = make()
    result = redact_pdf(source, {}, list(SECRETS))
    before, after = _words(source), set(_words(result.pdf))
    kept = [w for w in before if w[0] in KEPT]
    assert len(kept) >= len(KEPT)
    assert [w for w in kept if w not in after] == []
    # Every word the redactions do not touch is there, in place.
    untouched = [w for w in before if not any(p in w[0] for p in ("Margaret", "Thornton"))]
    untouched = [w for w in untouched if skeleton(w[0]) not in skeleton(" ".join(SECRETS))]
    assert [w for w in untouched if w not in after] == []
    assert result.report.ok
    assert result.report.place_problems == []
    text = pymupdf.open(stream=result.pdf, filetype="pdf")[0].get_text()
    for secret in SECRETS:
        assert skeleton(secret) not in skeleton(text)


@pytest.mark.parametrize(
    "make",
    [
        hostile.off_page_split,
        hostile.hidden_layer,
        hostile.page_labels,
        hostile.structure_tree,
        hostile.widgetless_field,
        hostile.odd_spacing,
        hostile.hyphenated,
    ],
)
def test_hidden_copies_removed(make: Callable[[], bytes]) -> None:
    source = make()
    assert skeleton(PERSON) in _everything(source)  # the fixture does hide the name
    out = redact_pdf(source, {}, [PERSON, NINO]).pdf
    everything = _everything(out)
    assert skeleton(PERSON) not in everything
    assert skeleton(NINO) not in everything
    assert "statement" in everything or "witness" in everything or "evening" in everything


@pytest.mark.parametrize(
    "make",
    [
        hostile.off_page_split,
        hostile.hidden_layer,
        hostile.page_labels,
        hostile.structure_tree,
        hostile.widgetless_field,
        hostile.odd_spacing,
        hostile.hyphenated,
    ],
)
def test_verification_finds_each_hiding_place(make: Callable[[], bytes]) -> None:
    """The check alone, on the unredacted file: every hiding place is found."""
    source = make()
    report = VerificationReport()
    doc = pymupdf.open(stream=source, filetype="pdf")
    search_secrets(source, doc, [PERSON], "copy_R.pdf", report)
    assert report.leaks, make.__name__


def test_verification_finds_file_name() -> None:
    doc = pymupdf.open()
    doc.new_page()
    data = doc.tobytes()
    report = VerificationReport()
    search_secrets(data, pymupdf.open(stream=data), [PERSON], "Margaret_Thornton_R.pdf", report)
    assert report.leaks == [
        "redacted string 1 is still in the copy's file name: close the title and give an alternate"
    ]


def test_hyphenated_surname_removed_and_rest_kept() -> None:
    out = redact_pdf(hostile.hyphenated(), {}, [PERSON]).pdf
    text = pymupdf.open(stream=out, filetype="pdf")[0].get_text()
    assert "Thorn" not in text
    assert "ton," not in text
    assert "who was present" in text
    assert "statement of" in text


def test_text_record_line_does_not_shift() -> None:
    """'for about two years' stays where it was and no box lies over it."""
    line = "He lived at 3 Calder Row, Leeds LS1 6DQ, for about two years with his sister."
    rendered = render_text_pdf([line])
    result = redact_pdf(rendered, {}, [hostile.ADDRESS, hostile.POSTCODE])
    before, after = _words(rendered), set(_words(result.pdf))
    for word in ("for", "about", "two", "years", "with", "his", "sister."):
        assert next(w for w in before if w[0] == word) in after
    assert result.report.ok


def test_docx_date_label_keeps_its_letters() -> None:
    """Only the value's glyphs are removed and boxed: 'Date:' keeps its 'D'."""
    rendered = render_text_pdf(["Date: 16/08/2004\nRef:AB123456C held"])
    result = redact_pdf(rendered, {}, ["16/08/2004", "AB123456C"])
    doc = pymupdf.open(stream=result.pdf, filetype="pdf")
    text = doc[0].get_text()
    assert "Date:" in text
    assert "Ref:" in text
    assert "16/08/2004" not in text
    date_word = next(w for w in doc[0].get_text("words") if w[4] == "Date:")
    boxes = [
        item[1]
        for d in doc[0].get_drawings()
        if d.get("fill") == (0.0, 0.0, 0.0)
        for item in d["items"]
        if item[0] == "re"
    ]
    assert boxes
    assert all(not pymupdf.Rect(date_word[:4]).intersects(b) or b.x0 >= date_word[2] for b in boxes)


def test_naive_redaction_fails_verification() -> None:
    """MuPDF's own redaction of a search box moves the rest of the line: the check says so."""
    from reviewer.export.glyphs import find_secret, page_glyphs
    from reviewer.export.verify_copy import glyph_key, verify_copy

    source = hostile.textbox_statement()
    doc = pymupdf.open(stream=source, filetype="pdf")
    page = doc[0]
    glyphs = page_glyphs(page)
    removed = {glyph_key(glyphs[i]) for occ in find_secret(glyphs, PERSON) for i in occ}
    for rect in page.search_for(PERSON):
        page.add_redact_annot(rect)
    page.apply_redactions(images=0, graphics=0, text=0)
    naive = doc.tobytes(garbage=4, deflate=True)
    report = verify_copy(source, naive, {1: removed}, {1: []}, [PERSON])
    if pymupdf.mupdf_version_tuple >= (1, 28):
        assert {p.kind for p in report.place_problems} & {"moved", "missing"}
    assert not report.leaks


@pytest.mark.parametrize("rotation", [0, 90])
def test_scanned_name_pixels_blanked_under_invisible_text(rotation: int) -> None:
    """An OCR'd scan: the name is invisible text over an image; its pixels go too."""
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    pix.set_rect(pix.irect, (255, 0, 0))
    page.insert_image(pymupdf.Rect(60, 60, 300, 300), pixmap=pix, keep_proportion=False)
    page.insert_text((72, 100), f"Witness {PERSON} said so.", fontsize=11, render_mode=3)
    page.set_rotation(rotation)
    source = doc.tobytes()
    name = pymupdf.open(stream=source)[0].search_for(PERSON)[0]
    inner = pymupdf.Rect(name.x0 + 2, 100 - 7, name.x1 - 2, 100 + 1)  # inside the glyphs' box
    out = pymupdf.open(stream=redact_pdf(source, {}, [PERSON]).pdf)[0]
    if rotation:
        inner = inner * out.rotation_matrix
    pm = out.get_pixmap(clip=inner, dpi=72)
    red = sum(
        1
        for y in range(pm.height)
        for x in range(pm.width)
        if pm.pixel(x, y)[0] > 200 and pm.pixel(x, y)[1] < 80
    )
    assert red == 0
    assert "said so." in out.get_text()


def test_marked_words_use_glyphs_not_their_stored_boxes() -> None:
    """A span's stored box (the whole "NHS:9434765919" word, line high) is not what is
    redacted when the page has the text: only the value's glyphs go."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Patient NHS:9434765919 seen.", fontsize=11)
    page.insert_text((72, 111), "Next line close below.", fontsize=11)
    source = doc.tobytes()
    word = next(w for w in page.get_text("words") if "9434765919" in w[4])
    tall = (word[0], word[1] - 4, word[2], word[3] + 4)
    result = redact_pdf(source, {}, [], text_marks={1: [("9434765919", [tall])]})
    text = pymupdf.open(stream=result.pdf, filetype="pdf")[0].get_text()
    assert "NHS:" in text
    assert "9434765919" not in text
    assert "Next line close below." in text
    assert result.report.ok


def test_marks_on_a_page_without_text_are_boxed() -> None:
    """A scan with no text layer: the OCR'd span's box is redacted, pixels and all."""
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    pix.set_rect(pix.irect, (255, 0, 0))
    page.insert_image(pymupdf.Rect(60, 60, 300, 300), pixmap=pix, keep_proportion=False)
    source = doc.tobytes()
    box = (100.0, 100.0, 200.0, 120.0)
    result = redact_pdf(source, {}, [], text_marks={1: [(PERSON, [box])]})
    out = pymupdf.open(stream=result.pdf, filetype="pdf")[0]
    pm = out.get_pixmap(clip=pymupdf.Rect(box), dpi=72)
    assert all(max(pm.pixel(x, y)[:3]) < 40 for y in range(pm.height) for x in range(pm.width))
