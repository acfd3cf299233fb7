"""Beside the sensitivity decision: the date of the record (typed or picked from a calendar, with
what the record itself suggests and why) and, for a record no scan could read, the reviewer's
confirmation that someone looked at it.

The widget only shows and asks: a suggestion is applied when the reviewer presses "Use"; the
store is changed by `ui.record_facts_actions` through `reviewer.decisions`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

NOT_SET = QDate(1800, 1, 1)  # the QDateEdit's minimum, shown as "not set"
LOOK_PROMPT = "I looked at this record"
LOOK_NOTE = "No scan can read this record: it goes Open only once someone has looked at it."


def to_qdate(value: date | None) -> QDate:
    return NOT_SET if value is None else QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date | None:
    if not value.isValid() or value <= NOT_SET:
        return None
    return date(value.year(), value.month(), value.day())


class RecordFacts(QWidget):
    """`date_chosen(date | None)` when the reviewer sets the date (Enter, leaving the field, the
    calendar, or "Use" on a suggestion); `suggest_requested()` asks for the record's own date;
    `looked_at_changed(bool)` when the reviewer confirms (or withdraws) having looked at it."""

    date_chosen = Signal(object)
    suggest_requested = Signal()
    looked_at_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("recordDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(NOT_SET)
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setSpecialValueText("not set")
        self.date_edit.setToolTip(
            "TDR's 'date of the record': closure starts from it. Type it (yyyy-MM-dd) or pick "
            "it from the calendar; Enter saves."
        )
        self.suggest_btn = QPushButton("Suggest date")
        self.suggest_btn.setToolTip(
            "Read the date the record gives for itself: an e-mail's Date: header, a signature "
            "block, a letter's date line, the document's properties"
        )
        self.suggestion = QLabel("")
        self.suggestion.setObjectName("dateSuggestion")
        self.suggestion.setWordWrap(True)
        self.use_btn = QPushButton("Use")
        self.use_btn.setToolTip("Set the date of the record to the suggested date")
        self.use_btn.hide()
        self.looked_at = QCheckBox(LOOK_PROMPT)
        self.looked_at.setObjectName("lookedAt")
        self.looked_at.setToolTip(
            "Images, scans without text, audio and video are not read by the personal-data "
            "scan; they go Open only once a reviewer confirms someone looked at them"
        )
        self.looked_at.hide()
        self.look_note = QLabel(LOOK_NOTE)  # wraps: the pane stays narrow (no sideways scroll)
        self.look_note.setObjectName("panelHint")
        self.look_note.setWordWrap(True)
        self.look_note.hide()
        self.suggestion.setMinimumWidth(120)
        # The label above the date and its button: a 1366-pixel screen's pane has no room for
        # all three on one line.
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date_edit)
        row.addWidget(self.suggest_btn)
        row.addStretch(1)
        hint = QHBoxLayout()
        hint.setContentsMargins(0, 0, 0, 0)
        hint.addWidget(self.suggestion, 1)
        hint.addWidget(self.use_btn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(QLabel("Date of the record"))
        layout.addLayout(row)
        layout.addLayout(hint)
        layout.addWidget(self.looked_at)
        layout.addWidget(self.look_note)
        self._shown: date | None = None
        self._suggested: date | None = None
        self._loading = False
        self.date_edit.editingFinished.connect(self._edited)
        self.date_edit.calendarWidget().clicked.connect(lambda _d: self._edited())
        self.suggest_btn.clicked.connect(self.suggest_requested.emit)
        self.use_btn.clicked.connect(self._use)
        self.looked_at.toggled.connect(self._looked)

    def load(self, record_date: date | None, looked_at_by: str, needs_look: bool) -> None:
        """Show the record's date and confirmation without saving anything."""
        self._loading = True
        self._shown = record_date
        self.date_edit.setDate(to_qdate(record_date))
        self.suggestion.setText("")
        self.use_btn.hide()
        self._suggested = None
        self.looked_at.setVisible(needs_look or bool(looked_at_by))
        self.look_note.setVisible(needs_look or bool(looked_at_by))
        self.looked_at.setChecked(bool(looked_at_by))
        self.looked_at.setText(f"Looked at by {looked_at_by}" if looked_at_by else LOOK_PROMPT)
        self._loading = False

    def show_suggestion(self, suggestion: Any) -> None:
        """A `reviewer.decisions.date_suggest.DateSuggestion`, or None when there is none."""
        if suggestion is None:
            self._suggested = None
            self.suggestion.setText("The record gives no date for itself.")
            self.use_btn.hide()
            return
        self._suggested = suggestion.date
        self.suggestion.setText(f"Suggested: {suggestion.date.isoformat()} — {suggestion.reason}")
        self.use_btn.show()

    def _edited(self) -> None:
        value = from_qdate(self.date_edit.date())
        if self._loading or value == self._shown:
            return
        self._shown = value
        self.date_chosen.emit(value)

    def _use(self) -> None:
        if self._suggested is not None:
            self.date_edit.setDate(to_qdate(self._suggested))
            self._edited()

    def _looked(self, on: bool) -> None:
        if not self._loading:
            self.looked_at_changed.emit(on)
