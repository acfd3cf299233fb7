"""OCR reading order: a form's labels and values row by row, columns of running text per column."""

from __future__ import annotations

from typing import Any

import pytest

from reviewer.ingest.extract import extract, ocr
from reviewer.ingest.extract.pdf import module
from reviewer.ingest.types import Identification
from tests.holdings.scans import scanned_pdf

needs_tesseract = pytest.mark.skipif(ocr.engine() is None, reason="Tesseract is not installed")

FORM = [
    ("Home address:", "41 Cobbler's Rise, Headingley, Leeds"),
    ("Postcode:", "LS6 4QR"),
    ("Home telephone:", "None"),
    ("Mobile:", "07700 900667"),
    ("Date and place of birth:", "12/02/1981, Wakefield"),
    ("Station:", "Millgarth, Leeds"),
]
LEFT = (
    "The council met on Tuesday evening to discuss the closure of the branch library on "
    "Station Road. Residents spoke for nearly an hour about the reading groups, the homework "
    "club and the warm room that the building offers in winter. The chair promised a full "
    "consultation before any decision is taken and said the figures would be published."
)
RIGHT = (
    "Flooding closed the towpath between the lock and the old mill for the third time this "
    "year. Walkers were asked to use the lane behind the church while the canal trust "
    "cleared fallen branches and checked the banks. A spokesman said the path should open "
    "again by the weekend if the weather stays dry and the water level keeps falling."
)


def _data(words: list[tuple[int, int, int, int, int, str]], height: int = 36) -> dict[str, Any]:
    """An `image_to_data` result: (block, line, left, top, width, text) per word."""
    keys = ("block_num", "par_num", "line_num", "left", "top", "width", "height", "text", "conf")
    data: dict[str, list[Any]] = {k: [] for k in keys}
    for block, line, left, top, width, text in words:
        row = (block, 1, line, left, top, width, height, text, 95.0)
        for key, value in zip(keys, row, strict=True):
            data[key].append(value)
    return data


def _lines(data: dict[str, Any]) -> list[str]:
    return [" ".join(data["text"][i] for i in line) for line in ocr.reading_order(data)]


def test_a_forms_labels_and_values_are_read_row_by_row() -> None:
    # Tesseract's blocks: the labels (block 1), then the values (block 2), level row by row.
    widths = [300, 200, 340, 140, 460, 160]
    words = [(1, n + 1, 250, 450 + 66 * n, w, f"label{n}:") for n, w in enumerate(widths)]
    words += [(2, n + 1, 950, 446 + 66 * n, 400, f"value{n}") for n in range(6)]
    words.insert(0, (0, 1, 250, 300, 900, "Witness contact details"))
    assert _lines(_data(words)) == [
        "Witness contact details",
        *(f"label{n}: value{n}" for n in range(6)),
    ]


def test_a_form_cut_into_blocks_at_different_rows_on_each_side_is_read_as_one() -> None:
    # Tesseract cut the labels into blocks 1 and 2 and the values into blocks 3 and 4, at other
    # rows (as it does on a noisy 200 dpi scan): the two columns are still judged as a whole.
    widths = [300, 460, 340, 140, 200, 160]
    words = [(1 + n // 3, n + 1, 250, 450 + 66 * n, w, f"label{n}:") for n, w in enumerate(widths)]
    words += [(3 + (n >= 2), n + 1, 950, 446 + 66 * n, 400, f"value{n}") for n in range(6)]
    assert _lines(_data(words)) == [f"label{n}: value{n}" for n in range(6)]


def test_a_value_on_two_lines_stays_under_its_row() -> None:
    words = [(1, 1, 250, 450, 300, "Address:"), (1, 2, 250, 582, 200, "Postcode:")]
    words += [(1, 3, 250, 648, 120, "Mobile:")]
    words += [(2, 1, 950, 450, 500, "41 Cobbler's Rise,"), (2, 2, 950, 516, 300, "Leeds")]
    words += [(2, 3, 950, 582, 200, "LS6 4QR"), (2, 4, 950, 648, 300, "07700 900667")]
    assert _lines(_data(words)) == [
        "Address: 41 Cobbler's Rise,",
        "Leeds",
        "Postcode: LS6 4QR",
        "Mobile: 07700 900667",
    ]


def test_columns_of_running_text_are_read_column_by_column() -> None:
    # Two columns of wrapped text with level lines, even across a wide gutter (5.5 line
    # heights): the left column's lines fill it, so each column is read top to bottom, the left
    # one first, as Tesseract orders them.
    ragged = [880, 860, 900, 870, 890, 850, 900, 610]
    words = [(1, n + 1, 100, 200 + 50 * n, w, f"left{n}") for n, w in enumerate(ragged)]
    words += [(2, n + 1, 1200, 200 + 50 * n, w, f"right{n}") for n, w in enumerate(ragged)]
    lines = _lines(_data(words))
    assert lines == [f"left{n}" for n in range(8)] + [f"right{n}" for n in range(8)]
    # Short lines beside a column, but close to it (a narrow gutter), are not a form either.
    words = [(1, n + 1, 100, 200 + 50 * n, 300 + 80 * n, f"left{n}") for n in range(8)]
    words += [(2, n + 1, 100 + 300 + 80 * 7 + 60, 200 + 50 * n, 500, f"r{n}") for n in range(8)]
    assert _lines(_data(words))[:8] == [f"left{n}" for n in range(8)]


def _form_page() -> Any:
    pymupdf = module()
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=300)
    page.insert_text((60, 40), "Witness contact details", fontsize=12, fontname="helv")
    for n, (label, value) in enumerate(FORM):
        page.insert_text((60, 70 + 16 * n), label, fontsize=10, fontname="helv")
        page.insert_text((230, 70 + 16 * n), value, fontsize=10, fontname="helv")
    return page


def _scan(page: Any) -> bytes:
    import pymupdf

    png = page.get_pixmap(dpi=300, colorspace=pymupdf.csGRAY).tobytes("png")
    return scanned_pdf([png], width=page.rect.width, height=page.rect.height)


@needs_tesseract
def test_a_scanned_form_reads_each_label_with_its_value_and_boxes_stay_on_the_words() -> None:
    page = _form_page()
    found = extract(_scan(page), "form.pdf", Identification(), ocr=True).pages[0]
    lines = found.text.splitlines()
    for label, value in FORM:
        assert f"{label} {value}" in lines
    # Each word's box is still where that word is drawn (highlights and redaction use them).
    drawn = page.get_text("words")
    for word in ("Cobbler's", "LS6", "Wakefield", "Mobile:", "Millgarth,"):
        start = found.text.index(word)
        box = next(w for w in found.words or () if w[0] == start)
        assert box[1] == start + len(word)
        truth = next(w for w in drawn if w[4] == word)
        assert (box[2], box[4]) == pytest.approx((truth[0], truth[2]), abs=2)
        assert truth[1] - 2 <= box[3] < box[5] <= truth[3] + 2


@needs_tesseract
def test_a_scanned_two_column_page_reads_per_column() -> None:
    pymupdf = module()
    doc = pymupdf.open()
    page = doc.new_page(width=420, height=260)
    page.insert_textbox(pymupdf.Rect(24, 24, 204, 250), LEFT, fontsize=10, fontname="helv")
    page.insert_textbox(pymupdf.Rect(216, 24, 396, 250), RIGHT, fontsize=10, fontname="helv")
    text = " ".join(extract(_scan(page), "news.pdf", Identification(), ocr=True).text.split())
    assert LEFT in text and RIGHT in text
