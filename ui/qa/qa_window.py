"""Opening the blind second review from the main window (a menu action calls `open_blind_review`).

The checker is the window's current identity; the collection is the one open in the queue; the
sample is the collection's newest (drawn with `reviewer qa sample`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from reviewer.decisions.types import DecisionError
from reviewer.qa.flow import BlindReviewFlow
from ui.qa.blind_review_widget import BlindReviewWidget
from ui.widgets.screen_fit import fit_to_screen


class BlindReviewWindow(QMainWindow):
    """A separate window, so the checker never sees the main window's decision panels.

    `on_close` runs when it closes: the main window, hidden while the checker judges (its
    queue, panels and history show first decisions), comes back then.
    """

    def __init__(
        self,
        flow: BlindReviewFlow,
        parent: QWidget | None = None,
        on_close: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_close = on_close
        self.setObjectName("blindReviewWindow")
        self.setWindowTitle(f"Blind second review — checker {flow.checker}")
        self.review = BlindReviewWidget(flow, self)
        self.setCentralWidget(self.review)
        self.resize(1300, 820)
        fit_to_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._on_close is not None:
            self._on_close()
        super().closeEvent(event)


def open_blind_review(window: Any) -> BlindReviewWindow | None:
    """Open the screen for `window.collection` as `window.identity` (a QA checker)."""
    snap = getattr(window, "collection", None)
    if snap is None:
        QMessageBox.information(window, "Blind second review", "Open a collection first.")
        return None
    try:
        flow = BlindReviewFlow(window.store, snap.collection_name, window.identity.name)
    except DecisionError as exc:
        QMessageBox.warning(window, "Blind second review", "\n".join(exc.problems))
        return None
    if window.identity.role != "qa":
        QMessageBox.information(
            window,
            "Blind second review",
            "You are not working in the QA role: your second reviews are still stored under "
            "your name. Use File → Change reviewer… to switch role.",
        )
    # Not a child of the main window, which is hidden until the checker closes this one:
    # no surface behind it shows a first decision, its author or its time.
    qa_window = BlindReviewWindow(flow, None, on_close=window.show)
    qa_window.show()
    window.hide()
    window._blind_review = qa_window  # keep a reference while it is open
    return qa_window
