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


def test_a_validation_message_moves_nothing_above_it(make_window: Any, qtbot: Any) -> None:
    """Seen in the real window on a real document: pressing C showed three problems and the
    exemption table, the dates and the Suggest button jumped up under the pointer."""
    win = _first_run_window(make_window, qtbot)
    panel = win.sensitivity

    def places() -> list[tuple[int, int]]:
        return [
            (w.mapTo(panel, w.rect().topLeft()).y(), w.height())
            for w in (panel.table, panel.start, panel.suggest_btn, panel.justification)
        ]

    before = places()
    panel.show_problems(
        [
            "a closed record needs at least one FOI exemption code with its period",
            "a closed record needs a closure start date",
            "a closed record needs the FOI schedule date (Advisory Council approval)",
        ]
    )
    qtbot.wait(50)
    assert places() == before
    panel.show_problems([])
    qtbot.wait(50)
    assert places() == before


def test_the_appraisal_message_moves_nothing_either(make_window: Any, qtbot: Any) -> None:
    win = _first_run_window(make_window, qtbot)
    win.decision_tabs.setCurrentWidget(win.appraisal)
    panel = win.appraisal
    qtbot.wait(50)
    place = lambda: panel.rationale.mapTo(panel, panel.rationale.rect().topLeft()).y()  # noqa: E731
    before = place()
    panel.show_problems(["select needs at least one criterion", "a rationale is required"])
    qtbot.wait(50)
    assert place() == before
