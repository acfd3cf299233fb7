"""A reviewer's session driven with the keyboard and mouse, then a restart that finds it all."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from tests.ui.conftest import COLLECTION


def settle(qtbot: Any, win: Any) -> None:
    """Wait until the window's workers (the redraw after a save) have finished."""
    qtbot.waitUntil(lambda: win.tasks.active_count() == 0, timeout=10000)


def _decision(store: Any, record_id: int) -> Any:
    from reviewer.decisions import get_decision

    with store.session() as s:
        return get_decision(s, record_id)


def test_open_collection_shows_first_record_with_highlights(make_window: Any) -> None:
    win = make_window()
    assert win.queue.proxy.rowCount() == 3
    assert win.state.content.path == "a_statement.pdf"
    assert win.viewer.showing_pdf()
    assert win.viewer.pdf.page_count() == 2
    labels = {m.label for m in win.state.span_marks}
    assert {"PHONE", "EMAIL"} <= labels
    drawn = [m for m in win.state.span_marks if m.page == 0 and m.rects]
    assert drawn, "highlights are placed on the page"
    assert "Test Reviewer (appraiser)" in win.who.text()


def test_move_decide_dismiss_redact_then_restart(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    win = make_window()
    first = win.state.content.record_id
    # J/K move through the queue
    with qtbot.waitSignal(win.record_shown):
        qtbot.keyClick(win, Qt.Key.Key_J)
    assert win.state.content.path == "b_note.txt"
    assert any(m.label == "PHONE" for m in win.state.span_marks)
    with qtbot.waitSignal(win.record_shown):
        qtbot.keyClick(win, Qt.Key.Key_K)
    assert win.state.content.record_id == first
    # tick criterion 1, choose Select: saved at once with who and role
    qtbot.keyClick(win, Qt.Key.Key_1)
    qtbot.keyClick(win, Qt.Key.Key_S)
    settle(qtbot, win)
    d = _decision(ui_store, first)
    crit1 = win.appraisal.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert d.appraisal == "select"
    assert d.criteria == (crit1,)
    assert d.appraised_by == "Test Reviewer"
    assert d.appraised_role == "appraiser"
    # rationale typed in the box is saved after the typing pause
    win.appraisal.rationale.setFocus()
    qtbot.keyClicks(win.appraisal.rationale, "Murder case")
    qtbot.waitUntil(lambda: _decision(ui_store, first).rationale == "Murder case", timeout=3000)
    settle(qtbot, win)
    assert win.queue.model.record_at(win.queue.model.row_of(first)).appraisal == "select"
    # next highlight, then dismiss it
    win.setFocus()
    qtbot.keyClick(win, Qt.Key.Key_N)
    key = win._current_span
    assert key is not None
    entity_id = int(key.split(":")[1])
    qtbot.mouseClick(win.highlights.dismiss_btn, Qt.MouseButton.LeftButton)
    settle(qtbot, win)
    assert next(m for m in win.state.span_marks if m.key == key).dismissed
    # redact the next live highlight with B
    qtbot.keyClick(win, Qt.Key.Key_N)
    redacted_key = win._current_span
    qtbot.keyClick(win, Qt.Key.Key_B)
    settle(qtbot, win)
    assert len(win.state.redaction_marks) == 1
    # closure: Open (O)
    qtbot.keyClick(win, Qt.Key.Key_O)
    assert _decision(ui_store, first).closure_status == "Open"
    win.close()

    again = make_window()
    assert again.state.content.record_id == first
    assert again.appraisal.buttons["select"].isChecked()
    assert again.appraisal.model.ticked() == (crit1,)
    assert again.appraisal.rationale.toPlainText() == "Murder case"
    assert again.sensitivity.status_buttons["open"].isChecked()
    dismissed = {m.entity_id for m in again.state.span_marks if m.dismissed}
    assert entity_id in dismissed
    red = again.state.redaction_marks
    assert len(red) == 1
    assert red[0].page == 0
    assert red[0].rects
    assert redacted_key == f"entity:{red[0].entity_id}"


def test_undo_and_redo_are_saved(make_window: Any, qtbot: Any, ui_store: Any) -> None:
    win = make_window()
    rid = win.state.content.record_id
    qtbot.keyClick(win, Qt.Key.Key_R)
    assert _decision(ui_store, rid).appraisal == "retain"
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, win)
    assert _decision(ui_store, rid).appraisal is None
    # The panel is redrawn from the store by a background refresh: wait for it, not a sleep.
    qtbot.waitUntil(lambda: not win.appraisal.buttons["retain"].isChecked(), timeout=5000)
    qtbot.keyClick(win, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _decision(ui_store, rid).appraisal == "retain"


def test_destroy_refused_under_legal_hold(make_window: Any, qtbot: Any, ui_store: Any) -> None:
    from reviewer.decisions import Actor, create_hold
    from reviewer.decisions.store import collection_id_of
    from reviewer.queue import load_queue

    with ui_store.session() as s:
        win_rid = load_queue(s, COLLECTION).rows[0].id
        create_hold(s, collection_id_of(s, COLLECTION), Actor("RMU", "qa"), "Inquiry moratorium")
    win = make_window()
    assert "Inquiry moratorium" in win.appraisal.hold.text()
    qtbot.keyClick(win, Qt.Key.Key_X)
    assert _decision(ui_store, win_rid).appraisal is None
    assert "legal hold" in win.appraisal.problem.text()


def test_closed_needs_tdr_fields_checked_as_typed(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    win = make_window()
    rid = win.state.content.record_id
    qtbot.keyClick(win, Qt.Key.Key_C)
    assert "Not saved" in win.sensitivity.problems.text()
    assert _decision(ui_store, rid).closure_status is None
    model = win.sensitivity.model
    row = model.row_of("40(2)")
    model.setData(model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.keyClicks(win.sensitivity.start, "2004-03-03")
    qtbot.keyClicks(win.sensitivity.schedule, "2024-06-01")
    # the file has no record date, so TDR wants its last-modified date (or 31 December)
    qtbot.waitUntil(lambda: "31 December" in win.sensitivity.problems.text(), timeout=3000)
    assert _decision(ui_store, rid).closure_status is None
    win.sensitivity.start.clear()
    qtbot.keyClicks(win.sensitivity.start, date.today().isoformat())
    qtbot.waitUntil(lambda: _decision(ui_store, rid).closure_status == "Closed", timeout=3000)
    assert _decision(ui_store, rid).exemptions == (("40(2)", 84),)
    assert win.sensitivity.problems.text() == ""


def test_find_and_manual_mark(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    win.viewer.find_box.setText("kendrick")
    assert win.viewer.find_count.text() == "1 of 3"
    win.viewer.find_step(1)
    assert win.viewer.hit_index() == 1
    before = len(win.state.span_marks)
    start = win.state.content.text.index("Crown Court")
    win.add_manual(start, start + len("Crown Court"), "ORG")
    settle(qtbot, win)
    assert len(win.state.span_marks) == before + 1
    win.undo()
    settle(qtbot, win)
    assert len(win.state.span_marks) == before


def test_layout_is_remembered(make_window: Any) -> None:
    win = make_window()
    win.splitter.setSizes([200, 900, 300])
    sizes = win.splitter.sizes()
    win.close()
    again = make_window()
    assert again.splitter.sizes() == sizes


def test_shortcuts_dialog(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    qtbot.keyClick(win, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: win.shortcuts_dialog.isVisible())
    text = " ".join(label.text() for label in win.shortcuts_dialog.labels)
    assert "Next record" in text
    assert "Closure: Closed" in text
    win.shortcuts_dialog.close()


def test_suggest_fills_closure_start_and_periods(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    win = make_window()
    rid = win.state.content.record_id
    modified = win.state.content.modified
    assert modified is not None
    qtbot.keyClick(win, Qt.Key.Key_C)
    model = win.sensitivity.model
    row = model.row_of("40(2)")
    model.setData(model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(row, 2), "50")
    qtbot.keyClicks(win.sensitivity.schedule, "2024-06-01")
    qtbot.mouseClick(win.sensitivity.suggest_btn, Qt.MouseButton.LeftButton)
    year_end = date(modified.year, 12, 31)
    expected = year_end if year_end <= date.today() else modified  # never a future start
    assert win.sensitivity.start.text() == expected.isoformat()
    assert model.ticked() == (("40(2)", 84),)
    qtbot.waitUntil(lambda: _decision(ui_store, rid).closure_status == "Closed", timeout=3000)
    settle(qtbot, win)


def test_screenshot_mode_saves_nothing(make_window: Any, qtbot: Any, ui_store: Any) -> None:
    win = make_window()
    win.edits.read_only = True
    rid = win.state.content.record_id
    qtbot.keyClick(win, Qt.Key.Key_S)
    assert _decision(ui_store, rid).appraisal is None
