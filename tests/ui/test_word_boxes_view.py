"""A PDF opened before any scan: short ones get word boxes at once, long ones in the background."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.conftest import _write_pdf


def _open_unscanned(make_window: Any, ui_store: Any, tmp_path: Path, pages: int) -> Any:
    from reviewer.ingest.pipeline import ingest_paths

    folder = tmp_path / "unscanned"
    folder.mkdir()
    texts = [f"Page {n} of the bundle: Sarah Kendrick" for n in range(pages)]
    _write_pdf(folder / "long.pdf", texts)
    ingest_paths(ui_store, [folder], "unscanned", kind="case")  # ingested, never scanned
    return make_window("unscanned")


def test_a_long_unscanned_pdf_gets_its_word_boxes_in_the_background(
    make_window: Any, ui_store: Any, qtbot: Any, tmp_path: Path
) -> None:
    from reviewer.workview.content import FILL_NOW_PAGES
    from reviewer.workview.geometry import rects_for_range

    win = _open_unscanned(make_window, ui_store, tmp_path, FILL_NOW_PAGES + 5)
    qtbot.waitUntil(lambda: win.tasks.active_count() == 0, timeout=20000)
    content = win.viewer.content
    assert content is win.state.content
    last = len(content.page_texts) - 1
    start = content.page_starts()[last] + content.page_texts[last].index("Sarah")
    # Find and selection land on the page: the boxes made in the background reached the viewer.
    assert rects_for_range(content, start, start + len("Sarah Kendrick"))


def test_a_short_unscanned_pdf_has_word_boxes_when_shown(
    make_window: Any, ui_store: Any, tmp_path: Path
) -> None:
    win = _open_unscanned(make_window, ui_store, tmp_path, 3)
    content = win.state.content
    assert all(content.words(p) for p in range(3))
    win.tasks.shutdown()


def test_a_misnamed_file_says_so_above_the_record(
    make_window: Any, ui_store: Any, tmp_path: Path
) -> None:
    from reviewer.ingest.pipeline import ingest_paths

    folder = tmp_path / "misnamed"
    folder.mkdir()
    _write_pdf(folder / "minutes.docx", ["Minutes of the board"])  # a PDF saved as .docx
    ingest_paths(ui_store, [folder], "misnamed", kind="corporate")
    win = make_window("misnamed")
    assert win.viewer.content.path == "minutes.docx"
    assert "extension .docx does not match its format" in win.viewer.detail.text()
    assert win.viewer.showing_pdf()  # read for what it is
    win.tasks.shutdown()


def test_an_unscanned_record_is_not_called_clean(
    make_window: Any, ui_store: Any, qtbot: Any, tmp_path: Path
) -> None:
    """Before any scan, no highlights means "not looked at yet", never "none found"."""
    from reviewer.detect.entities import scan_collection
    from ui.highlights.highlights_panel import NOT_SCANNED

    win = _open_unscanned(make_window, ui_store, tmp_path, 2)
    qtbot.waitUntil(lambda: win.tasks.active_count() == 0, timeout=20000)
    assert win.highlights.summary.text() == NOT_SCANNED
    win.tasks.shutdown()
    scan_collection(ui_store, "unscanned")
    again = make_window("unscanned")
    qtbot.waitUntil(lambda: again.tasks.active_count() == 0, timeout=20000)
    summary = again.highlights.summary.text()
    assert "highlight(s)" in summary and NOT_SCANNED not in summary
    again.tasks.shutdown()
