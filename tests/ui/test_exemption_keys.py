"""Issue 14: the FOI exemption list from the keyboard: E goes to it, Space ticks the current row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_e_focuses_the_exemptions_and_space_ticks_the_current_row(
    make_window: Any, qtbot: Any
) -> None:
    win = make_window()
    panel, table = win.sensitivity, win.sensitivity.table
    win.decision_tabs.setCurrentWidget(win.appraisal)
    qtbot.keyClick(win, Qt.Key.Key_E)
    assert win.decision_tabs.currentWidget() is panel
    assert QApplication.focusWidget() is table
    assert panel.table.currentIndex().row() == 0  # no current row yet: the first exemption
    first = panel.model.index(0, 0).data()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert [code for code, _ in panel.model.ticked()] == [first]
    # Space ticks whichever column the cursor is in; Down moves to the next exemption
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    second = panel.model.index(1, 0).data()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert [code for code, _ in panel.model.ticked()] == [first, second]
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert [code for code, _ in panel.model.ticked()] == [first]
    # Esc goes back to the queue, as from any field
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is win.queue.table


def test_a_tick_by_space_saves_a_closure_that_needs_it(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    from reviewer.decisions import get_decision

    win = make_window()
    rid = win.state.content.record_id
    qtbot.keyClick(win, Qt.Key.Key_C)  # Closed needs an exemption: not saved yet
    assert "Not saved yet" in win.sensitivity.problems.text()
    win.sensitivity.start.setText(win.state.content.modified.isoformat())  # no record date
    win.sensitivity.schedule.setText("2026-01-31")
    qtbot.keyClick(win, Qt.Key.Key_E)
    table = win.sensitivity.table
    row = win.sensitivity.model.row_of("40(2)")
    table.setCurrentIndex(win.sensitivity.model.index(row, 0))
    with qtbot.waitSignal(win.refreshed, timeout=10000):
        qtbot.keyClick(table, Qt.Key.Key_Space)
    with ui_store.session() as s:
        d = get_decision(s, rid)
    assert d.closure_status == "Closed"
    assert [code for code, _ in d.exemptions] == ["40(2)"]


def test_the_shortcut_sheet_and_help_name_the_exemption_keys() -> None:
    from ui.dialogs.help_dialog import HELP_HTML
    from ui.dialogs.shortcuts_dialog import shortcuts_html

    assert "FOI exemptions" in shortcuts_html()
    assert "<b>E</b>" in HELP_HTML and "<b>Space</b>" in HELP_HTML
