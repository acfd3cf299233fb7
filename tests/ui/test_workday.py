"""A reviewer's day without stale state, from the keyboard, in a layout that holds still.

Each test breaks one guarantee of issue #14 when its fix is taken out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

LONG_NAME = "Letter to the Chief Constable about the " + "very long " * 14 + "title.txt"
OTHER = "other-collection"


def settle(qtbot: Any, win: Any) -> None:
    qtbot.waitUntil(lambda: win.tasks.active_count() == 0, timeout=10000)


@pytest.fixture
def other_collection(ui_store: Any, tmp_path: Path) -> str:
    """A second collection whose only record has a very long name."""
    from reviewer.ingest.pipeline import ingest_paths

    folder = tmp_path / "other"
    folder.mkdir()
    (folder / LONG_NAME).write_text("A short letter with nothing personal.\n", encoding="utf-8")
    ingest_paths(ui_store, [folder], OTHER, kind="corporate")
    return OTHER


def _checked(buttons: dict[str, Any]) -> list[str]:
    return [name for name, b in buttons.items() if b.isChecked()]


def test_closure_radio_cleared_on_an_undecided_record(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    qtbot.keyClick(win.queue.table, Qt.Key.Key_C)
    assert _checked(win.sensitivity.status_buttons) == ["closed"]
    settle(qtbot, win)
    with qtbot.waitSignal(win.record_shown):
        qtbot.keyClick(win.queue.table, Qt.Key.Key_J)
    assert win.state.content.path == "b_note.txt"
    assert win.sensitivity.stamp.text() == "Not decided yet"
    assert _checked(win.sensitivity.status_buttons) == []
    assert _checked(win.appraisal.buttons) == []


def test_switching_collection_resets_filters_record_and_decision(
    make_window: Any, qtbot: Any, other_collection: str
) -> None:
    win = make_window()
    qtbot.keyClick(win.queue.table, Qt.Key.Key_S)
    settle(qtbot, win)
    win.queue.text.setText("statement")
    win.queue.appraisal.setCurrentIndex(2)  # Select
    win.open_collection(other_collection)
    # at once: nothing of the old collection stays on screen while the new one loads
    assert win.state is None
    assert win.viewer.title.full_text() == "No record open"
    assert _checked(win.appraisal.buttons) == []
    with qtbot.waitSignal(win.record_shown, timeout=10000):
        pass
    assert win.queue.text.text() == ""
    assert win.queue.appraisal.currentIndex() == 0
    assert win.queue.proxy.rowCount() == 1
    assert win.state.content.path == LONG_NAME
    assert _checked(win.appraisal.buttons) == []


def test_focus_lands_on_the_queue_and_letters_never_filter(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    assert win.focusWidget() is win.queue.table
    with qtbot.waitSignal(win.record_shown):
        qtbot.keyClick(win.focusWidget(), Qt.Key.Key_J)
    assert win.queue.text.text() == ""
    assert win.queue.proxy.rowCount() == 3


@pytest.mark.parametrize("field", ["queue_filter", "find", "rationale", "alt_title"])
def test_escape_leaves_any_field_for_the_queue(make_window: Any, qtbot: Any, field: str) -> None:
    win = make_window()
    widget = {
        "queue_filter": win.queue.text,
        "find": win.viewer.find_box,
        "rationale": win.appraisal.rationale,
        "alt_title": win.sensitivity.title_alt,
    }[field]
    widget.setFocus()
    assert win.focusWidget() is widget
    qtbot.keyClick(widget, Qt.Key.Key_Escape)
    assert win.focusWidget() is win.queue.table


def test_down_and_enter_leave_the_filter_box(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Return):
        win.queue.text.setFocus()
        qtbot.keyClick(win.queue.text, key)
        assert win.focusWidget() is win.queue.table


def test_letters_typed_in_a_field_are_text_not_shortcuts(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    win.appraisal.rationale.setFocus()
    qtbot.keyClicks(win.appraisal.rationale, "jsc")
    assert win.appraisal.rationale.toPlainText() == "jsc"
    assert _checked(win.appraisal.buttons) == []
    assert win.state.content.path == "a_statement.pdf"
    win.appraisal.flush()
    settle(qtbot, win)


def test_shortcuts_work_from_the_viewer(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    with qtbot.waitSignal(win.record_shown):
        qtbot.keyClick(win.queue.table, Qt.Key.Key_J)
    assert win.viewer.text_view() is win.viewer.text
    win.viewer.text.setFocus()
    with qtbot.waitSignal(win.record_shown):
        qtbot.keyClick(win.viewer.text, Qt.Key.Key_J)
    assert win.state.content.path == "c_minutes.txt"


def test_long_title_elides_and_never_widens_the_window(
    make_window: Any, qtbot: Any, other_collection: str
) -> None:
    win = make_window()
    win.resize(1000, 700)
    width = win.width()
    with qtbot.waitSignal(win.record_shown, timeout=10000):
        win.open_collection(other_collection)
    QApplication.processEvents()
    assert win.width() == width
    assert win.viewer.title.toolTip() == LONG_NAME
    assert win.viewer.title.full_text() == LONG_NAME
    assert win.viewer.title.minimumSizeHint().width() < 200


def test_window_fits_the_screen_on_first_run(qtbot: Any, ui_store: Any) -> None:
    from ui.main_window import MainWindow
    from ui.settings import load_identity

    win = MainWindow(ui_store, load_identity())
    qtbot.addWidget(win)
    screen = win.screen().availableGeometry()
    assert win.width() <= screen.width()
    assert win.height() <= screen.height()
    win.tasks.shutdown()


def test_drawn_area_stays_visible_while_its_menu_is_open(make_window: Any, qtbot: Any) -> None:
    from PySide6.QtCore import QPoint

    win = make_window()
    canvas = win.viewer.pdf.canvas
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(120, 120))
    qtbot.mouseMove(canvas, QPoint(320, 220))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(320, 220))
    menu = win._last_menu
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    assert canvas.pending_area() is not None
    assert any(a.text() == "Redact this area" for a in menu.actions())
    menu.hide()
    assert canvas.pending_area() is None


def test_m_marks_words_without_punctuation_and_menus_say_human_labels(
    make_window: Any, qtbot: Any
) -> None:
    from PySide6.QtGui import QTextCursor

    win = make_window()
    with qtbot.waitSignal(win.record_shown):
        qtbot.keyClick(win.queue.table, Qt.Key.Key_J)
    text = win.state.content.text
    start = text.index(": telephone")
    view = win.viewer.text
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(": telephone "), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_M)
    menu = win._last_menu
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    names = [a.text() for a in menu.actions()]
    assert "Date of birth" in names
    assert not [n for n in names if n.isupper() and "_" in n]
    person = next(a for a in menu.actions() if a.text() == "Person")
    assert menu.activeAction() is person  # M then Enter marks a person
    menu.hide()
    person.trigger()
    settle(qtbot, win)
    marked = [m for m in win.state.span_marks if m.text == "telephone"]
    assert marked, [m.text for m in win.state.span_marks]


def test_progress_moves_and_counts(make_window: Any) -> None:
    win = make_window()
    win.report_progress(0, 8, "Scanning for personal data")
    assert (win.task_bar.minimum(), win.task_bar.maximum()) == (0, 0)  # busy, never empty
    assert "0 of 8" in win.task_label.text()
    win.report_progress(3, 8, "Scanning for personal data")
    assert win.task_bar.value() == 3
    assert "3 of 8" in win.task_label.text()
    win._busy(False)
    assert not win.task_bar.isVisible()


def test_find_then_m_marks_the_hit_without_the_mouse(make_window: Any, qtbot: Any) -> None:
    win = make_window()  # the PDF: no text selection possible from the keyboard
    qtbot.keyClick(win.queue.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.focusWidget() is win.viewer.find_box
    qtbot.keyClicks(win.viewer.find_box, "Crown Court")
    qtbot.keyClick(win.viewer.find_box, Qt.Key.Key_Escape)
    assert win.focusWidget() is win.queue.table
    qtbot.keyClick(win.queue.table, Qt.Key.Key_M)
    menu = win._last_menu
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    start, end = win.viewer.selection_range()
    assert win.state.content.text[start:end] == "Crown Court"
    menu.hide()


def test_the_window_can_fit_a_1366x768_laptop(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    least = win.minimumSizeHint()
    assert least.width() <= 1300, least
    assert least.height() <= 680, least
    win.decision_tabs.setCurrentWidget(win.sensitivity)
    assert win.decision_tabs.currentWidget() is win.sensitivity
