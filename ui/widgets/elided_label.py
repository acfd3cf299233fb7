"""A one-line label that elides its text to the width it is given, full text in the tooltip.

A plain QLabel asks for its whole text's width, so a long record title widened the window past
the screen; this one asks for almost nothing and never moves the layout around it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """`full_text()` is what was set; the label shows as much as fits, ending in an ellipsis."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle,
    ) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        super().setText(text)
        self.update()

    def full_text(self) -> str:
        return self._full

    def elided_text(self) -> str:
        return self.fontMetrics().elidedText(self._full, self._mode, max(self.width(), 0))

    def minimumSizeHint(self) -> QSize:
        return QSize(20, self.fontMetrics().height())

    def sizeHint(self) -> QSize:
        return QSize(
            min(self.fontMetrics().horizontalAdvance(self._full), 400), self.fontMetrics().height()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        rect = self.contentsRect()
        painter.drawText(
            rect, int(self.alignment()) | Qt.AlignmentFlag.AlignVCenter, self.elided_text()
        )
