"""PDF text, word boxes, passwords, damage, scans and attachments."""

from __future__ import annotations

import pymupdf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewer.ingest.extract import extract
from reviewer.ingest.types import PAGE_SEPARATOR, Identification
from tests.extract import builders


def test_text_pages_and_geometry(text_pdf: bytes, no_ident: Identification) -> None:
    result = extract(text_pdf, "statement.pdf", no_ident)
    assert result.status == "ok"
    assert result.paged
    assert result.page_count == 2
    assert len(result.pages) == 2
    first = result.pages[0]
    assert first.text.startswith(f"Statement of {builders.NAME}\nPhone {builders.PHONE}")
    assert "Second block here." in first.text
    assert (first.width, first.height) == (595.0, 842.0)
    assert result.text == first.text + PAGE_SEPARATOR + "Page two text."


def test_word_offsets_match_words(text_pdf: bytes, no_ident: Identification) -> None:
    result = extract(text_pdf, "statement.pdf", no_ident)
    with pymupdf.open(stream=text_pdf, filetype="pdf") as doc:
        for page, extracted in zip(doc, result.pages, strict=True):
            words = page.get_text("words", sort=False)
            assert extracted.words is not None
            assert len(words) == len(extracted.words)
            for word, box in zip(words, extracted.words, strict=True):
                start, end, x0, y0, x1, y1 = box
                assert extracted.text[start:end] == word[4]
                assert (x0, y0, x1, y1) == pytest.approx(word[:4])


def test_user_password_is_encrypted(no_ident: Identification) -> None:
    data = builders.pdf(
        ["Secret text"], encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u-pass", owner_pw="o-pass"
    )
    result = extract(data, "locked.pdf", no_ident)
    assert result.status == "encrypted"
    assert "password" in result.message
    assert result.text == ""


def test_owner_password_only_is_read(no_ident: Identification) -> None:
    data = builders.pdf(
        ["Readable despite restrictions"],
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        owner_pw="o-pass",
        permissions=0,
    )
    result = extract(data, "restricted.pdf", no_ident)
    assert result.status == "ok"
    assert "Readable despite restrictions" in result.text


def test_truncated_pdf_is_corrupt_or_repaired(text_pdf: bytes, no_ident: Identification) -> None:
    result = extract(text_pdf[: len(text_pdf) // 3], "cut.pdf", no_ident)
    # MuPDF may repair a truncated file; if it cannot, the record is corrupt - never a crash.
    assert result.status in ("corrupt", "ok", "empty")
    if result.status == "corrupt":
        assert result.message == "damaged or unreadable PDF"


def test_garbage_after_header_is_corrupt(no_ident: Identification) -> None:
    for junk in (bytes(range(256)) * 20, b"1 0 obj <<>> garbage"):
        result = extract(b"%PDF-1.7\n" + junk, "junk.pdf", no_ident)
        assert result.status == "corrupt"
        assert result.message == "damaged or unreadable PDF"


def test_random_bytes_named_pdf(no_ident: Identification) -> None:
    result = extract(bytes(range(7, 250)) * 10, "fake.pdf", no_ident)
    assert result.status == "corrupt"
    assert result.message == "damaged or unreadable PDF"


def test_image_only_pdf_needs_ocr(no_ident: Identification) -> None:
    result = extract(builders.image_only_pdf(), "scan.pdf", no_ident)
    assert result.status == "empty"
    assert result.needs_ocr
    assert result.message == "no text layer: scanned pages need OCR"
    assert result.page_count == 1


def test_blank_pages_are_empty_not_a_scan(no_ident: Identification) -> None:
    doc = pymupdf.open()
    for _ in range(3):
        doc.new_page()
    result = extract(doc.tobytes(), "blank.pdf", no_ident)
    assert (result.status, result.message) == ("empty", "no text: every page is blank")
    assert not result.needs_ocr and result.page_count == 3
    # Text drawn as outlines has no text layer but is not blank: it still goes to OCR.
    page = doc[0]
    page.draw_rect(pymupdf.Rect(72, 72, 200, 100), fill=(0, 0, 0))
    result = extract(doc.tobytes(), "drawn.pdf", no_ident)
    assert (result.status, result.needs_ocr) == ("empty", True)
    assert result.message == "no text layer: scanned pages need OCR"


def test_mixed_scan_flags_ocr_but_stays_ok(no_ident: Identification) -> None:
    scan = pymupdf.open(stream=builders.image_only_pdf(), filetype="pdf")
    doc = pymupdf.open(stream=builders.pdf(["Typed page"]), filetype="pdf")
    doc.insert_pdf(scan)
    data = doc.tobytes()
    result = extract(data, "mixed.pdf", no_ident)
    assert result.status == "ok"
    assert result.needs_ocr
    assert "page 2" in result.message


def test_pdf_named_doc_is_read_as_pdf(text_pdf: bytes, no_ident: Identification) -> None:
    word_ident = Identification(puid="fmt/40", mime="application/msword", method="Extension")
    result = extract(text_pdf, "statement.doc", word_ident)
    assert result.status == "ok"
    assert builders.NAME in result.text


def test_embedded_files_become_members(no_ident: Identification) -> None:
    data = builders.pdf(
        ["Cover"], embed={"exhibit.txt": b"exhibit text", "photo.png": builders.png()}
    )
    result = extract(data, "portfolio.pdf", no_ident)
    assert {m.name: m.data for m in result.members}["exhibit.txt"] == b"exhibit text"
    assert len(result.members) == 2


def test_embedded_file_over_limit_is_refused(no_ident: Identification) -> None:
    from reviewer.ingest.extract import Limits

    data = builders.pdf(["Cover"], embed={"big.bin": bytes(300_000)})
    (member,) = extract(data, "p.pdf", no_ident, Limits(max_member_bytes=100_000)).members
    assert member.data is None
    assert member.status == "too_large"


def test_ingest_reads_the_same_text_without_boxes(
    text_pdf: bytes, no_ident: Identification
) -> None:
    full = extract(text_pdf, "statement.pdf", no_ident)
    lean = extract(text_pdf, "statement.pdf", no_ident, boxes=False)
    assert [p.text for p in lean.pages] == [p.text for p in full.pages]
    assert [(p.width, p.height) for p in lean.pages] == [(p.width, p.height) for p in full.pages]
    assert all(p.words is None and p.packed is None for p in lean.pages)
    assert all(p.words for p in full.pages)


def test_words_are_found_in_tidied_text() -> None:
    from reviewer.ingest.extract.pdf import align_words, tidy_text

    text = tidy_text("  Witness   Jane\tDoe \n\n\n Ref: 12/34  \n")
    assert text == "Witness Jane Doe\nRef: 12/34"
    words = [
        (1, 2, 3, 4, "Witness"),
        (5, 2, 6, 4, "Jane\xa0Doe"),  # a space MuPDF did not split on: both parts, one box
        (1, 9, 2, 10, "Ref:"),
        (3, 9, 4, 10, "Ghost"),  # not in the text: no box, and later words still found
        (5, 9, 6, 10, "12/34"),
    ]
    boxes = align_words(text, words)
    assert [text[s:e] for s, e, *_ in boxes] == ["Witness", "Jane", "Doe", "Ref:", "12/34"]
    assert boxes[1][2:] == boxes[2][2:] == (5.0, 2.0, 6.0, 4.0)


@given(st.text(alphabet=st.sampled_from("ab \n\t\r\x0b\x0c\x1c\x1f\x85\xa0\u2028é")))
def test_tidied_text_has_single_spaces_and_no_blank_lines(raw: str) -> None:
    """Whatever white space MuPDF gives (the quick path for plain pages included), the text
    is its words, one space apart, on non-blank lines: offsets of detections depend on it."""
    from reviewer.ingest.extract.pdf import tidy_text

    tidy = tidy_text(raw)
    lines = tidy.split("\n")
    assert all(line and line == " ".join(line.split()) for line in lines if tidy)
    assert tidy.split() == raw.split()
    by_line = (" ".join(line.split()) for line in raw.splitlines())
    assert tidy == "\n".join(line for line in by_line if line)  # MuPDF's lines kept
