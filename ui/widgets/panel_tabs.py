"""Tabs whose panels scroll instead of pushing the window wider or taller than the screen.

A decision panel's full form is taller than a 768-pixel laptop screen allows; in a scroll area
it keeps its layout and the window keeps its size. `currentWidget`/`setCurrentWidget` speak of
the panels themselves, so callers never see the scroll areas.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget


class PanelTabs(QTabWidget):
    def addTab(self, widget: QWidget, label: str) -> int:  # type: ignore[override]
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        area.setWidget(widget)
        return super().addTab(area, label)

    def panel(self, index: int) -> QWidget | None:
        area = self.widget(index)
        return area.widget() if isinstance(area, QScrollArea) else area

    def currentWidget(self) -> QWidget:
        return self.panel(self.currentIndex()) or super().currentWidget()

    def setCurrentWidget(self, widget: QWidget) -> None:
        for i in range(self.count()):
            if self.panel(i) is widget:
                self.setCurrentIndex(i)
                return
        super().setCurrentWidget(widget)
