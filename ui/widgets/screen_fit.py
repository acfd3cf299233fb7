"""Windows never larger than the screen they open on (a laptop, a smaller second monitor)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

TITLE_BAR = 40  # pixels kept for the window manager's frame before a window is first shown


def fit_to_screen(win: QWidget) -> None:
    """Shrink `win` to the screen's free area; a shrunk window is marked to open maximised."""
    screen = win.screen()
    if screen is None:
        return
    free = screen.availableGeometry()
    frame = win.frameGeometry().size() - win.geometry().size()
    unshown = TITLE_BAR if win.frameGeometry().size() == win.geometry().size() else 0
    width = min(win.width(), free.width() - frame.width())
    height = min(win.height(), free.height() - frame.height() - unshown)
    if (width, height) != (win.width(), win.height()):
        win.resize(width, height)
        win.move(free.topLeft())
        win.setProperty("fillsScreen", True)
