"""Scanned paper: OCR text with word boxes on the image, confidence per page, plain failures."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from models import Store
from reviewer.ingest.extract import extract, ocr
from reviewer.ingest.pipeline import ingest_paths
from reviewer.ingest.types import Identification
from reviewer.records_view import list_records
from tests.holdings.scans import degrade, scanned_pdf, text_page_pixmap, word_rect

LINES = ["Witness statement of Sarah Kendrick", "14 Acacia Avenue, Leeds LS1 4AB"]
needs_tesseract = pytest.mark.skipif(ocr.engine() is None, reason="Tesseract is not installed")


def _png(lines: list[str] = LINES) -> bytes:
    return bytes(text_page_pixmap(lines).tobytes("png"))


@needs_tesseract
def test_an_image_only_pdf_gets_text_boxes_and_confidence() -> None:
    data = scanned_pdf([degrade(_png(), skew=0.4, noise=0.002)])
    plain = extract(data, "scan.pdf", Identification())
    assert plain.needs_ocr and plain.status == "empty"  # without OCR, as before
    result = extract(data, "scan.pdf", Identification(), ocr=True)
    assert result.status == "ok" and not result.needs_ocr
    page = result.pages[0]
    assert "Sarah Kendrick" in page.text and "LS1 4AB" in page.text
    assert page.confidence is not None and page.confidence > 80
    assert "from OCR (Tesseract" in result.message and "mean confidence" in result.message
    # The word boxes are where the words are drawn on the page (points, as a PDF's text layer).
    start = page.text.index("Kendrick")
    box = next(w for w in page.words or () if w[0] == start)
    truth = word_rect(LINES, "Kendrick")
    # Same left and right edges (within 3 points, skewed 0.4 degrees); vertically OCR boxes the
    # ink, inside the font's line box that MuPDF gives a text layer's word.
    assert (box[2], box[4]) == pytest.approx((truth[0], truth[2]), abs=3)
    assert truth[1] - 2 <= box[3] < box[5] <= truth[3] + 2


@needs_tesseract
def test_image_files_and_multipage_tiffs_are_read_page_by_page() -> None:
    from PIL import Image

    frames = [Image.open(io.BytesIO(_png([f"Exhibit page {n}"]))) for n in (1, 2)]
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:], dpi=(300, 300))
    result = extract(out.getvalue(), "scan.tif", Identification(), ocr=True)
    assert result.status == "ok" and result.page_count == 2
    assert [p.text for p in result.pages] == ["Exhibit page 1", "Exhibit page 2"]
    png = extract(_png(), "photo.png", Identification(), ocr=True)
    assert png.pages[0].width == pytest.approx(420, abs=1)  # points, as MuPDF shows the image


@needs_tesseract
def test_a_corrupt_scan_is_one_bad_record(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    (folder / "good.png").write_bytes(_png())
    summary = ingest_paths(store, [folder], "c")
    with store.session() as session:
        rows = {r.path: r for r in list_records(session, "c")}
    assert rows["broken.jpg"].status == "corrupt"
    assert rows["broken.jpg"].message.startswith("damaged or unreadable image")
    assert rows["good.png"].status == "ok"
    assert summary.statuses["ok"] == 1


@needs_tesseract
def test_ingest_stores_ocr_words_and_confidence(store: Store, tmp_path: Path) -> None:
    from sqlalchemy import select

    from models.records import RecordPage
    from reviewer.ingest.types import unpack_words

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(scanned_pdf([_png()]))
    ingest_paths(store, [folder], "c")
    with store.session() as session:
        page = session.scalars(select(RecordPage)).one()
        assert "Kendrick" in page.text
        assert page.ocr_confidence is not None and page.ocr_confidence > 80
        words = unpack_words(page.words)
    assert len(words) >= 10


def test_missing_engine_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "engine", lambda: None)
    result = extract(scanned_pdf([_png()]), "scan.pdf", Identification(), ocr=True)
    assert result.status == "empty" and result.needs_ocr
    assert result.message.endswith(
        "OCR engine (Tesseract) is not installed: see the README's set-up"
    )


@needs_tesseract
def test_redacting_a_scanned_page_removes_the_pixels_under_the_box() -> None:
    import pymupdf

    from reviewer.export.redact import redact_pdf

    data = scanned_pdf([_png()])
    page = extract(data, "scan.pdf", Identification(), ocr=True).pages[0]
    start = page.text.index("Kendrick")
    box = next(w for w in page.words or () if w[0] == start)
    rect = (box[2], box[3], box[4], box[5])
    result = redact_pdf(data, {1: [rect]})
    with pymupdf.open(stream=result.pdf, filetype="pdf") as doc:
        xref = doc[0].get_images()[0][0]
        image = pymupdf.Pixmap(doc, xref)
        scale = image.width / doc[0].rect.width
        x0, y0, x1, y1 = (int(v * scale) for v in rect)
        inside = {
            image.pixel(x, y)[0] for x in range(x0 + 2, x1 - 2) for y in range(y0 + 2, y1 - 2)
        }
    assert len(inside) == 1  # one flat colour: the word's pixels are gone from the image itself
    again = extract(result.pdf, "scan.pdf", Identification(), ocr=True)
    assert "Kendrick" not in again.text and "Sarah" in again.text


@needs_tesseract
def test_a_scanned_image_redacted_for_transfer_loses_the_pixels(
    store: Store, tmp_path: Path
) -> None:
    """A JPEG/PNG scan's redacted copy is the picture, with the word's pixels removed."""
    import pymupdf

    from reviewer.decisions.redactions import add_redaction
    from reviewer.decisions.save import save_appraisal, save_sensitivity
    from reviewer.decisions.types import Actor
    from reviewer.export.plan import plan_transfer
    from reviewer.export.transfer import _redacted_copy
    from reviewer.ingest.access import record_bytes, record_text

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan.png").write_bytes(_png())
    ingest_paths(store, [folder], "c")
    reviewer = Actor("Sam", "sensitivity")
    with store.session() as session:
        (row,) = list_records(session, "c")
        text = record_text(session, row.id)
        start = text.index("Kendrick")
        row_modified = datetime.fromtimestamp((folder / "scan.png").stat().st_mtime, UTC).date()
        save_appraisal(session, row.id, Actor("Ada", "appraiser"), "select", [], "Statement")
        save_sensitivity(
            session,
            row.id,
            reviewer,
            closure_status="Closed",
            redacted=True,
            exemptions=[("40(2)", 84)],
            closure_start_date=row_modified,
            foi_schedule_date=date(2024, 3, 1),
        )
        add_redaction(session, row.id, reviewer, start=start, end=start + 8, label="PERSON")
    with store.session() as session:
        (item,) = plan_transfer(session, "c").items
        original = record_bytes(session, row.id)
    assert item.scanned_image and item.redact
    result = _redacted_copy(store, item, original, "scan_R.pdf")
    with pymupdf.open(stream=result.pdf, filetype="pdf") as doc:
        assert doc[0].get_images(), "the copy is the picture, not a rendering of its text"
    again = extract(result.pdf, "scan_R.pdf", Identification(), ocr=True)
    assert "Kendrick" not in again.text and "Sarah" in again.text


@needs_tesseract
def test_an_image_read_by_ocr_still_needs_someone_to_look(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OCR's text is scanned for personal data, but OCR misreads names (a tester found a
    missed "Paul" on the sample's scanned statement): the pages themselves must be looked at
    before the record goes Open, as for any scan (issue 15)."""
    from models.records import Record
    from reviewer.export.scan_check import READ_BY_OCR, UNSCANNABLE, unreadable

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "read.png").write_bytes(_png())
    ingest_paths(store, [folder], "c")
    monkeypatch.setenv("REVIEWER_OCR", "off")
    (folder / "unread.png").write_bytes(_png(["Another page"]))
    ingest_paths(store, [folder], "c")
    with store.session() as session:
        rows = {r.name: r for r in session.query(Record)}
        read = unreadable(rows["read.png"], scanned=True)
        assert read is not None and read[0] == READ_BY_OCR
        assert "read by OCR" in read[1]
        assert unreadable(rows["unread.png"], scanned=True)[0] == UNSCANNABLE  # type: ignore[index]
