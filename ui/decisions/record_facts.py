"""Beside the sensitivity decision: the date of the record (typed or picked from a calendar, with
what the record itself suggests and why) and, for a record no scan could read, the reviewer's
confirmation that someone looked at it.

The widget only shows and asks: a suggestion is applied when the reviewer presses "Use"; the
store is changed by `ui.record_facts_actions` through `reviewer.decisions`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.date_field import DateField, parse_date

LOOK_PROMPT = "I looked at this record"
LOOK_NOTE = "No scan can read this record: it goes Open only once someone has looked at it."
WRONG_DATE = "the date of the record must be a date as YYYY-MM-DD (empty: not set)"


class RecordFacts(QWidget):
    """`date_chosen(date | None)` when the reviewer sets the date (Enter, leaving the field, the
    calendar, or "Use" on a suggestion); `suggest_requested()` asks for the record's own date;
    `looked_at_changed(bool)` when the reviewer confirms (or withdraws) having looked at it;
    `problem(list)` when what was typed is not a date (nothing is saved)."""

    date_chosen = Signal(object)
    problem = Signal(list)
    suggest_requested = Signal()
    looked_at_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = QLineEdit()
        self.date_edit.setObjectName("recordDate")
        self.date_edit.setPlaceholderText("YYYY-MM-DD")  # empty: not set
        self.date_edit.setMinimumWidth(
            self.date_edit.fontMetrics().horizontalAdvance("YYYY-MM-DD") + 16
        )
        self.date_edit.setToolTip(
            "TDR's 'date of the record': closure starts from it. Type it (YYYY-MM-DD) or pick "
            "it from the calendar; Enter saves; empty it to unset."
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
        self.date_field = DateField(self.date_edit, self.suggest_btn)
        self.calendar = self.date_field.calendar
        row.addWidget(self.date_field)
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
        self.date_field.picked.connect(self._edited)
        self.suggest_btn.clicked.connect(self.suggest_requested.emit)
        self.use_btn.clicked.connect(self._use)
        self.looked_at.toggled.connect(self._looked)

    def load(
        self, record_date: date | None, looked_at_by: str, needs_look: bool, why: str = ""
    ) -> None:
        """Show the record's date and confirmation (with the core's reason for asking, `why`)
        without saving anything."""
        self._loading = True
        self._shown = record_date
        self.date_edit.setText(record_date.isoformat() if record_date else "")
        self.suggestion.setText("")
        self.use_btn.hide()
        self._suggested = None
        self.looked_at.setVisible(needs_look or bool(looked_at_by))
        self.look_note.setVisible(needs_look or bool(looked_at_by))
        self.look_note.setText(
            f"{why[:1].upper()}{why[1:]}: it goes Open only once someone has looked at it."
            if why
            else LOOK_NOTE
        )
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
        value = parse_date(self.date_edit.text())
        if self._loading:
            return
        if isinstance(value, str):
            shaped = re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
            self.problem.emit([f"{value} is not a day of the calendar" if shaped else WRONG_DATE])
            return
        if value == self._shown:
            return
        self._shown = value
        self.date_chosen.emit(value)

    def _use(self) -> None:
        if self._suggested is not None:
            self.date_edit.setText(self._suggested.isoformat())
            self._edited()

    def _looked(self, on: bool) -> None:
        if not self._loading:
            self.looked_at_changed.emit(on)
