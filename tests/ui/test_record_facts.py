"""The date of the record in the sensitivity tab: typed or picked, a suggestion shown with its
reason and applied only on Use, undoable; and the 'looked at' confirmation for unread records;
the period justification goes with the sensitivity decision."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt

from tests.ui.test_review_flow import _decision, settle


def test_date_of_the_record_is_typed_suggested_and_undone(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    rid = win.state.content.record_id
    facts = win.sensitivity.facts
    assert facts.date_edit.text() == "" and facts.date_edit.placeholderText() == "YYYY-MM-DD"
    # Suggest shows the date and why; nothing is saved until Use.
    facts.suggest_btn.click()
    assert facts.suggestion.text() == "The record gives no date for itself." or (
        facts.suggestion.text().startswith("Suggested: ")
    )
    assert _decision(win.store, rid).record_date is None
    facts.show_suggestion(
        type("S", (), {"date": date(2004, 8, 16), "reason": "the letter's date line"})()
    )
    assert facts.suggestion.text() == "Suggested: 2004-08-16 — the letter's date line"
    qtbot.mouseClick(facts.use_btn, Qt.MouseButton.LeftButton)
    settle(qtbot, win)
    assert _decision(win.store, rid).record_date == date(2004, 8, 16)
    assert facts.date_edit.text() == "2004-08-16"
    # Typed from the keyboard, key by key: Enter saves.
    facts.date_edit.setFocus()
    facts.date_edit.selectAll()
    qtbot.keyClicks(facts.date_edit, "2004-08-15")
    qtbot.keyClick(facts.date_edit, Qt.Key.Key_Return)
    settle(qtbot, win)
    assert _decision(win.store, rid).record_date == date(2004, 8, 15)
    win.undo()
    settle(qtbot, win)
    assert _decision(win.store, rid).record_date == date(2004, 8, 16)


def test_a_date_typed_on_a_record_with_none_is_saved(make_window: Any, qtbot: Any) -> None:
    """Seen in the real window: the field showed "not set" and swallowed every key typed."""
    win = make_window()
    rid = win.state.content.record_id
    facts = win.sensitivity.facts
    qtbot.mouseClick(facts.date_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(facts.date_edit, "2004-03-01")
    qtbot.keyClick(facts.date_edit, Qt.Key.Key_Return)
    settle(qtbot, win)
    assert _decision(win.store, rid).record_date == date(2004, 3, 1)


def test_a_wrong_date_is_one_line_and_nothing_is_saved(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    rid = win.state.content.record_id
    facts = win.sensitivity.facts
    facts.date_edit.setFocus()
    qtbot.keyClicks(facts.date_edit, "1 March 2004")
    qtbot.keyClick(facts.date_edit, Qt.Key.Key_Return)
    settle(qtbot, win)
    assert _decision(win.store, rid).record_date is None
    assert "YYYY-MM-DD" in win.sensitivity.problems.text()
    facts.date_edit.clear()
    qtbot.keyClicks(facts.date_edit, "2023-02-29")
    qtbot.keyClick(facts.date_edit, Qt.Key.Key_Return)
    assert "2023-02-29 is not a day of the calendar" in win.sensitivity.problems.text()
    # A date in the future is the core's refusal, shown the same way.
    facts.date_edit.clear()
    qtbot.keyClicks(facts.date_edit, "2999-01-01")
    qtbot.keyClick(facts.date_edit, Qt.Key.Key_Return)
    settle(qtbot, win)
    assert _decision(win.store, rid).record_date is None
    assert "future" in win.statusBar().currentMessage()
    assert facts.date_edit.text() == ""  # the stored date again, not the refused one


def test_the_date_is_picked_from_the_calendar_and_cleared(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    rid = win.state.content.record_id
    facts = win.sensitivity.facts
    facts.calendar.clicked.emit(QDate(2004, 8, 14))
    settle(qtbot, win)
    assert _decision(win.store, rid).record_date == date(2004, 8, 14)
    facts.date_edit.setFocus()
    facts.date_edit.clear()
    qtbot.keyClick(facts.date_edit, Qt.Key.Key_Return)
    settle(qtbot, win)
    assert _decision(win.store, rid).record_date is None


def test_looked_at_confirmation_is_saved_for_an_unread_record(make_window: Any, qtbot: Any) -> None:
    from ui import record_facts_actions

    win = make_window()
    rid = win.state.content.record_id
    facts = win.sensitivity.facts
    assert facts.looked_at.isHidden()  # scanned text: nothing to confirm
    record_facts_actions.set_looked_at(win, True)
    settle(qtbot, win)
    assert _decision(win.store, rid).looked_at_by == "Test Reviewer"
    assert facts.looked_at.isChecked() and "Looked at by Test Reviewer" in facts.looked_at.text()


def test_a_pdf_with_scanned_pages_offers_the_confirmation(
    make_window: Any, ui_store: Any, qtbot: Any
) -> None:
    """Before: the window offered "I looked at this record" only for images, audio, video and
    empty records, while the transfer also refuses a PDF whose pages are partly scans."""
    from models.records import Record

    with ui_store.session() as s:
        first = s.query(Record).filter(Record.path == "a_statement.pdf").one()
        first.needs_ocr = True
    win = make_window()
    facts = win.sensitivity.facts
    assert not facts.looked_at.isHidden()
    assert facts.look_note.text().startswith("Scanned pages without a text layer")


def test_period_justification_travels_with_the_sensitivity_fields(make_window: Any) -> None:
    win = make_window()
    panel = win.sensitivity
    panel.justification.setText("Youngest person was 95 at the record's date.")
    fields = panel.fields()
    assert isinstance(fields, dict)
    assert fields["period_justification"] == "Youngest person was 95 at the record's date."


def test_queue_model_exposes_conflict_markers(qtmodeltester: Any) -> None:
    from reviewer.queue import QueueRow
    from ui.queue.queue_table_model import COL_APPRAISAL, COL_PATH, MARKERS_ROLE, QueueTableModel

    held = "held: destroy suspended: decided destroy, now under legal hold 'UCPI'"
    rows = [
        QueueRow(1, None, "a.pdf", "a.pdf", "PDF", "ok", 1, 10, False, "destroy", markers=(held,)),
        QueueRow(2, None, "b.pdf", "b.pdf", "PDF", "ok", 1, 10, False, "select"),
    ]
    model = QueueTableModel(rows)
    qtmodeltester.check(model)
    assert model.index(0, COL_PATH).data(MARKERS_ROLE) == (held,)
    assert model.index(0, COL_APPRAISAL).data(Qt.ItemDataRole.ToolTipRole) == held
    assert model.index(0, COL_APPRAISAL).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, COL_APPRAISAL).data(MARKERS_ROLE) == ()
    assert model.index(1, COL_APPRAISAL).data(Qt.ItemDataRole.ForegroundRole) is None
