"""Issue 14: the personal-data panel's options and buttons are never cut at the first-run size
of a 1366x768 laptop (they read "Dismis", "estor", "Redac" in the real window)."""

from __future__ import annotations

from typing import Any


def test_options_and_buttons_fit_the_panel_at_first_run_size(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    win.resize(1366, 768 - 38)  # the screen less openbox's title bar
    qtbot.wait(50)
    panel = win.highlights
    assert panel.width() <= 240  # the first-run share
    for widget in (
        panel.show_low,
        panel.show_other,
        panel.dismiss_btn,
        panel.restore_btn,
        panel.redact_btn,
    ):
        assert widget.isVisible()
        assert widget.width() >= widget.sizeHint().width(), widget.text()
