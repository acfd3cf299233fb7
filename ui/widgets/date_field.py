"""A typed date (YYYY-MM-DD, empty allowed) with a calendar to pick from.

A plain line edit, not a QDateEdit: a QDateEdit showing "not set" (its special value) swallows
every key typed into it, so a reviewer could not type the first date of a record at all.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)


def parse_date(text: str) -> date | str | None:
    """A date, None when empty, or the text back when it is not YYYY-MM-DD."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


class DateField(QWidget):
    """`edit` with a calendar button (and `extra` widgets) on one row; `picked()` when a day is
    chosen in the calendar (the edit then holds it as YYYY-MM-DD)."""

    picked = Signal()

    def __init__(self, edit: QLineEdit, *extra: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setToolTip("Pick the date from a calendar")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.calendar = QCalendarWidget()
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(self.calendar)
        self.menu.addAction(action)
        self.button.setMenu(self.menu)
        self.menu.aboutToShow.connect(self._opening)
        self.calendar.clicked.connect(self._chosen)
        row.addWidget(self.button)
        for w in extra:
            row.addWidget(w)

    def _opening(self) -> None:
        current = parse_date(self.edit.text())
        if isinstance(current, date):
            self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _chosen(self, day: QDate) -> None:
        self.edit.setText(date(day.year(), day.month(), day.day()).isoformat())
        self.menu.close()
        self.picked.emit()
