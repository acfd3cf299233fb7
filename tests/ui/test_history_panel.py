"""The History tab: the current record's history, refreshed after every save, per record."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from reviewer.workview import HistoryLine
from tests.ui.test_review_flow import settle


def _history_tab(win: Any) -> int:
    return next(
        i for i in range(win.decision_tabs.count()) if win.decision_tabs.tabText(i) == "History"
    )


def test_history_is_the_third_tab_and_shows_a_saved_appraisal(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    assert _history_tab(win) == 2
    assert win.decision_tabs.panel(2) is win.history
    assert win.history.row_texts() == []
    assert win.history.empty.text() == "No history yet"
    # Saved from the appraisal panel with the keyboard: S chooses Select.
    win.decision_tabs.setCurrentWidget(win.appraisal)
    qtbot.keyClick(win, Qt.Key.Key_S)
    settle(qtbot, win)
    win.decision_tabs.setCurrentIndex(2)
    rows = win.history.row_texts()
    assert len(rows) == 1
    when, who, what = rows[0]
    assert who == "Test Reviewer (appraiser)"
    assert what == "Appraisal: Select."
    assert datetime.strptime(when, "%d %b %Y %H:%M")  # local time, as "03 Dec 2026 14:05"
    assert win.history.empty.isHidden() and not win.history.tree.isHidden()
    item = win.history.tree.topLevelItem(0)
    assert item is not None and item.toolTip(2) == what
    # A second save lands on top once the record is redrawn.
    qtbot.keyClick(win, Qt.Key.Key_D)  # Defer, pressed on the History tab
    settle(qtbot, win)
    assert [r[2] for r in win.history.row_texts()] == [
        "Appraisal: Select → Defer.",
        "Appraisal: Select.",
    ]


def test_history_follows_the_record_on_screen(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    first = win.state.content.record_id
    qtbot.keyClick(win, Qt.Key.Key_R)  # Retain the first record
    settle(qtbot, win)
    assert [r[2] for r in win.history.row_texts()] == ["Appraisal: Retain."]
    with qtbot.waitSignal(win.record_shown):
        qtbot.keyClick(win, Qt.Key.Key_J)
    assert win.state.content.record_id != first
    assert win.history.row_texts() == []
    assert win.history.empty.text() == "No history yet"
    with qtbot.waitSignal(win.record_shown):
        qtbot.keyClick(win, Qt.Key.Key_K)
    assert win.state.content.record_id == first
    assert [r[2] for r in win.history.row_texts()] == ["Appraisal: Retain."]


def test_history_refreshes_even_while_panel_text_is_unsaved(make_window: Any, qtbot: Any) -> None:
    """A save redraws the decision panels only when nothing is typed there; the history is
    redrawn after every save regardless."""
    from ui import record_facts_actions

    win = make_window()
    win.appraisal.rationale.setFocus()
    qtbot.keyClicks(win.appraisal.rationale, "typing")  # pending, not saved yet
    assert win.appraisal.pending()
    record_facts_actions.set_looked_at(win, True)
    qtbot.waitUntil(
        lambda: "Confirmed someone looked at it." in [r[2] for r in win.history.row_texts()],
        timeout=10000,
    )
    settle(qtbot, win)


def test_tab_choice_is_kept_and_the_role_tab_still_comes_first(
    make_window: Any, qtbot: Any
) -> None:
    from ui import settings

    win = make_window()
    assert win.decision_tabs.currentWidget() is win.appraisal  # an appraiser's own tab
    win.decision_tabs.setCurrentIndex(2)
    win.save_layout()
    assert settings.load_text("window/decisionTab", "") == "2"
    again = make_window()
    assert again.decision_tabs.currentWidget() is again.history


def test_panel_keyboard_tooltips_and_no_sideways_scroll(qtbot: Any) -> None:
    from ui.decisions.history_panel import HistoryPanel
    from ui.widgets.panel_tabs import PanelTabs

    tabs = PanelTabs()
    panel = HistoryPanel()
    tabs.addTab(panel, "History")
    qtbot.addWidget(tabs)
    tabs.resize(345, 500)
    tabs.show()
    at = datetime(2026, 12, 3, 14, 5, tzinfo=UTC)
    long = "Closure period justified: " + "the youngest person named was a child " * 6
    lines = [
        HistoryLine(at, "Sam Sensitive", "sensitivity", long),
        HistoryLine(at, "Ann Appraiser", "appraiser", "Appraisal: Select."),
    ]
    panel.show_lines(lines)
    assert panel.row_texts()[0][0] == at.astimezone().strftime("%d %b %Y %H:%M")
    tree = panel.tree
    assert tree.currentItem() is tree.topLevelItem(0)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentItem() is tree.topLevelItem(1)
    assert tree.topLevelItem(0).toolTip(2) == long  # type: ignore[union-attr]
    area = tabs.widget(0)
    assert isinstance(area, QScrollArea)
    qtbot.waitUntil(lambda: panel.isVisible())
    assert not area.horizontalScrollBar().isVisible()
    assert not tree.horizontalScrollBar().isVisible()
    # The long sentence wraps: its row is taller than the short one's.
    first = tree.visualItemRect(tree.topLevelItem(0))  # type: ignore[arg-type]
    second = tree.visualItemRect(tree.topLevelItem(1))  # type: ignore[arg-type]
    assert first.height() > 2 * second.height() // 1.5
    panel.show_lines(())
    assert panel.empty.text() == "No history yet" and not panel.empty.isHidden()
    panel.clear()
    assert panel.empty.text() == "No record open"
