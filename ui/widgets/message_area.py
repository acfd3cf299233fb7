"""A fixed place for a panel's messages (problems that stop a save, who saved and when).

The area is always the same height, whatever it says: a validation message that appears or
goes never moves the buttons and fields above it under the reviewer's pointer. Longer text
scrolls inside the area.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

LINES = 6  # "Not saved yet:" and three problems, two of them on two lines, fit unscrolled


class MessageArea(QScrollArea):
    """Holds the given labels one above the other, in a box of `lines` text lines."""

    def __init__(self, *labels: QLabel, lines: int = LINES, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageArea")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        for label in labels:
            box.addWidget(label)
        box.addStretch(1)
        self.setWidget(inner)
        # The labels' own fonts (a style sheet may make them larger than the area's).
        spacing = max(label.fontMetrics().lineSpacing() for label in labels)
        self.setFixedHeight(spacing * lines + 6)
