"""Issue 14: a closure chosen from the keyboard that the rules do not accept yet (W without its
exemptions) stays on screen, with why it is not saved, when the record is redrawn after another
save; it goes only when the reviewer changes it or moves to another record."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def _decision(store: Any, record_id: int) -> Any:
    from reviewer.decisions import get_decision

    with store.session() as s:
        return get_decision(s, record_id)


def _redact_a_highlight(win: Any, qtbot: Any) -> None:
    qtbot.keyClick(win, Qt.Key.Key_N)
    with qtbot.waitSignal(win.refreshed, timeout=10000):
        qtbot.keyClick(win, Qt.Key.Key_B)  # saved at once: the record is redrawn


def test_w_that_fails_the_rules_survives_a_refresh(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    win = make_window()
    panel, rid = win.sensitivity, win.state.content.record_id
    qtbot.keyClick(win, Qt.Key.Key_W)
    assert panel.status_buttons["redacted"].isChecked()
    why = panel.problems.text()
    assert "Not saved yet" in why and "exemption" in why
    _redact_a_highlight(win, qtbot)
    assert win.state.redaction_marks, "the redaction was saved and drawn"
    assert panel.status_buttons["redacted"].isChecked()
    assert panel.problems.text() == why
    assert _decision(ui_store, rid).closure_status is None  # still nothing saved
    # moving to another record and back shows what is stored: nothing decided
    with qtbot.waitSignal(win.record_shown, timeout=10000):
        qtbot.keyClick(win, Qt.Key.Key_J)
    assert not any(b.isChecked() for b in panel.status_buttons.values())
    assert panel.problems.text() == ""
    with qtbot.waitSignal(win.record_shown, timeout=10000):
        qtbot.keyClick(win, Qt.Key.Key_K)
    assert win.state.content.record_id == rid
    assert not any(b.isChecked() for b in panel.status_buttons.values())


def test_the_pending_choice_is_saved_once_the_rules_accept_it(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    """Completed after the redraw, the kept choice saves as if it had never been redrawn."""
    win = make_window()
    panel, rid = win.sensitivity, win.state.content.record_id
    qtbot.keyClick(win, Qt.Key.Key_W)
    _redact_a_highlight(win, qtbot)
    panel.start.setText(win.state.content.modified.isoformat())
    panel.schedule.setText("2026-01-31")
    panel.model.set_ticked(())
    with qtbot.waitSignal(win.refreshed, timeout=10000):
        panel.model.toggle(panel.model.row_of("40(2)"))
    d = _decision(ui_store, rid)
    assert (d.closure_status, d.redacted) == ("Closed", True)
    assert panel.problems.text() == ""


def test_a_changed_decision_replaces_the_pending_choice(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    """The user changes it: O is accepted and saved, and the W problems go."""
    win = make_window()
    panel, rid = win.sensitivity, win.state.content.record_id
    qtbot.keyClick(win, Qt.Key.Key_W)
    with qtbot.waitSignal(win.refreshed, timeout=10000):
        qtbot.keyClick(win, Qt.Key.Key_O)
    assert panel.status_buttons["open"].isChecked()
    assert panel.problems.text() == ""
    assert _decision(ui_store, rid).closure_status == "Open"


def test_criteria_ticked_before_an_outcome_survive_a_refresh(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    """The same on the Appraisal tab: 1 ticks a criterion, not saved without an outcome; a
    redraw keeps the tick and the reason, and S then saves both."""
    win = make_window()
    panel, rid = win.appraisal, win.state.content.record_id
    crit1 = panel.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    qtbot.keyClick(win, Qt.Key.Key_1)
    assert panel.model.ticked() == (crit1,)
    why = panel.problem.text()
    assert "choose an outcome" in why
    _redact_a_highlight(win, qtbot)
    assert panel.model.ticked() == (crit1,)
    assert panel.problem.text() == why
    with qtbot.waitSignal(win.refreshed, timeout=10000):
        qtbot.keyClick(win, Qt.Key.Key_S)
    d = _decision(ui_store, rid)
    assert (d.appraisal, d.criteria) == ("select", (crit1,))
    assert panel.problem.text() == ""
    with qtbot.waitSignal(win.record_shown, timeout=10000):
        qtbot.keyClick(win, Qt.Key.Key_J)
    assert panel.model.ticked() == ()
