"""The window asks "did someone look at it?" exactly where the transfer would: the view carries
the core's reason (`reviewer.export.scan_check.unscannable`) instead of a rule of the GUI's own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from models.records import Record
from reviewer.workview import RecordWorkView, load_work_view
from tests.decisions.factory import Fixture, make_store

PATH = "case1/notes.txt"  # a PDF record with text


@pytest.fixture
def fx(db_url: str) -> Iterator[Fixture]:
    f = make_store(db_url)
    yield f
    f.store.dispose()


def _view(fx: Fixture, **record: object) -> RecordWorkView:
    rid = fx.ids[PATH]
    with fx.store.session() as s:
        row = s.get(Record, rid)
        assert row is not None
        for name, value in record.items():
            setattr(row, name, value)
    with fx.store.session() as s:
        view = load_work_view(s, rid, "case")
    assert view is not None
    return view


def test_a_record_with_text_never_scanned_asks_for_a_look(fx: Fixture) -> None:
    view = _view(fx)
    assert view.needs_look
    assert view.look_reason == "never scanned for personal data"


def test_some_pages_without_a_text_layer_ask_for_a_look_even_once_scanned(fx: Fixture) -> None:
    """Before: the window asked only for images, audio, video and empty records, so a PDF with
    text on some pages and scans on others was refused Open by the transfer with no way in the
    window to confirm it had been looked at."""
    view = _view(fx, needs_ocr=True, status="ok")
    assert view.needs_look
    assert "without a text layer" in view.look_reason


def test_text_read_by_ocr_still_asks_for_a_look(fx: Fixture) -> None:
    """Issue 15 lists scans among the records someone must look at: OCR misreads names."""
    plain = _view(fx, mime="image/png", status="ok", message="")
    assert plain.unscannable.startswith("an image file")
    read = _view(fx, mime="image/png", status="ok", message="text from OCR (tesseract)")
    assert read.needs_look and "read by OCR" in read.unscannable
    pdf = _view(fx, status="ok", message="text of page 2 from OCR (tesseract), mean confidence 88")
    assert pdf.needs_look and "read by OCR" in pdf.look_reason
