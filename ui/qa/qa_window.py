"""Opening the blind second review from the main window (a menu action calls `open_blind_review`).

The checker is the window's current identity; the collection is the one open in the queue; the
sample is the collection's newest (drawn with `reviewer qa sample`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from reviewer.decisions.types import DecisionError
from reviewer.qa.flow import BlindReviewFlow
from ui.qa.blind_review_widget import BlindReviewWidget


class BlindReviewWindow(QMainWindow):
    """A separate window, so the checker never sees the main window's decision panels."""

    def __init__(self, flow: BlindReviewFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blindReviewWindow")
        self.setWindowTitle(f"Blind second review — checker {flow.checker}")
        self.review = BlindReviewWidget(flow, self)
        self.setCentralWidget(self.review)
        self.resize(1100, 750)


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
    qa_window = BlindReviewWindow(flow, window)
    qa_window.show()
    window._blind_review = qa_window  # keep a reference while it is open
    return qa_window
