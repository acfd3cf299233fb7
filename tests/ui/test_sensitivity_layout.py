"""Issue 14: the Sensitivity tab fits its pane at the first-run size of a 1366x768 laptop:
no sideways scrolling, whatever the record shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QScrollArea


def _first_run_window(make_window: Any, qtbot: Any) -> Any:
    win = make_window()
    win.resize(1366, 768 - 38)  # the screen less openbox's title bar, as on first run
    win.decision_tabs.setCurrentWidget(win.sensitivity)
    qtbot.wait(50)
    return win


def _sideways(win: Any) -> int:
    area = win.decision_tabs.widget(win.decision_tabs.currentIndex())
    assert isinstance(area, QScrollArea)
    return int(area.horizontalScrollBar().maximum())


def test_sensitivity_tab_needs_no_sideways_scrolling_at_first_run_size(
    make_window: Any, qtbot: Any
) -> None:
    win = _first_run_window(make_window, qtbot)
    assert win.decision_tabs.width() <= 400  # the first-run share, not a wide window
    for _ in range(win.queue.proxy.rowCount()):
        qtbot.waitUntil(lambda: win.tasks.active_count() == 0, timeout=10000)
        assert _sideways(win) == 0, win.state.content.path
        with qtbot.waitSignal(win.record_shown, timeout=10000):
            win.step_record(1)
        if win.queue.proxy.rowCount() - 1 == win.queue.table.currentIndex().row():
            break


def test_unreadable_record_and_suggestion_fit_too(make_window: Any, qtbot: Any) -> None:
    """The 'I looked at it' confirmation and a date suggestion wrap instead of widening."""
    from datetime import date
    from types import SimpleNamespace

    win = _first_run_window(make_window, qtbot)
    facts = win.sensitivity.facts
    facts.load(None, "", needs_look=True)
    facts.show_suggestion(
        SimpleNamespace(
            date=date(2004, 8, 16), reason="the e-mail's Date: header, Mon, 16 Aug 2004 09:12"
        )
    )
    qtbot.wait(50)
    assert facts.looked_at.isVisible() and facts.use_btn.isVisible()
    assert _sideways(win) == 0
    facts.load(None, "Ann Reviewer-Longname", needs_look=True)
    qtbot.wait(50)
    assert _sideways(win) == 0


def test_fits_the_pane_at_its_narrowest(make_window: Any, qtbot: Any) -> None:
    """At the decision pane's minimum width, with room to spare for a screen's other fonts."""
    win = _first_run_window(make_window, qtbot)
    least = win.decision_tabs.minimumWidth()
    sizes = win.splitter.sizes()
    win.splitter.setSizes([sizes[0], sizes[1] + sizes[2] - least, least])
    qtbot.wait(50)
    assert win.decision_tabs.width() == least
    assert _sideways(win) == 0
    assert win.sensitivity.minimumSizeHint().width() <= least - 30
