"""Blind second review: the record without its first decision, the checker's form, then the
comparison and uphold/overturn. Every rule is in `reviewer.qa`; this only shows and collects."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.decisions.types import DecisionError
from reviewer.detect.labels import shown_by_default
from reviewer.qa.types import QaDecision
from ui.qa.comparison_table_model import ComparisonTableModel
from ui.viewer.viewer_panel import ViewerPanel
from ui.widgets.elided_label import ElidedLabel

log = logging.getLogger(__name__)


class BlindReviewWidget(QWidget):
    """Walks `flow` (a `reviewer.qa.flow.BlindReviewFlow`) record by record."""

    submitted = Signal(int)  # review id
    outcome_recorded = Signal(int, str)  # review id, outcome

    def __init__(self, flow: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.index = 0
        self.review_id: int | None = None
        self._build()
        self.show_record(0)

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = ElidedLabel()
        # The page as the reviewer saw it, with its personal-data highlights (never redactions:
        # those are part of the first decision the checker must not see).
        self.viewer = ViewerPanel()
        self.text: QPlainTextEdit = self.viewer.text
        self.status = QComboBox()
        self.status.addItems(["", "Open", "Closed"])
        self.redacted = QCheckBox("Open with redactions (original closed)")
        self.code = QComboBox()
        self.code.addItems(self.flow.exemption_codes())
        self.period = QSpinBox(minimum=1, maximum=150, value=84)
        self.code.currentTextChanged.connect(self._suggest_period)
        add = QPushButton("Add exemption")
        add.clicked.connect(self._add_exemption)
        remove = QPushButton("Remove")
        remove.clicked.connect(self._remove_exemption)
        self.exemptions = QStandardItemModel(0, 2, self)
        self.exemptions.setHorizontalHeaderLabels(["FOI code", "Years"])
        self.exemption_view = QTableView()
        self.exemption_view.setModel(self.exemptions)
        self.exemption_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.exemption_view.setMaximumHeight(110)
        self.title_closed = QCheckBox("Title closed")
        self.title_alt = QLineEdit(placeholderText="Alternate title")
        self.desc_closed = QCheckBox("Description closed")
        self.desc_alt = QLineEdit(placeholderText="Alternate description")
        # Asked for whenever the judgment is Closed: an overturn saves them as the decision.
        self.start = QLineEdit(placeholderText="YYYY-MM-DD (needed when closed)")
        self.schedule = QLineEdit(placeholderText="YYYY-MM-DD (needed when closed)")
        self.problems = QLabel(wordWrap=True)
        self.problems.setStyleSheet("color: #a40000")
        self.submit_button = QPushButton("Submit my decision")
        self.submit_button.clicked.connect(self.submit)

        pick = QHBoxLayout()
        for w in (self.code, self.period, add, remove):
            pick.addWidget(w)
        form = QFormLayout()
        form.addRow("Closure status", self.status)
        form.addRow("", self.redacted)
        form.addRow("Exemption", pick)
        form.addRow("", self.exemption_view)
        form.addRow(self.title_closed, self.title_alt)
        form.addRow(self.desc_closed, self.desc_alt)
        form.addRow("Closure start date", self.start)
        form.addRow("FOI schedule date", self.schedule)
        self.form_box = QGroupBox("Your decision (the first decision is hidden)")
        self.form_box.setLayout(form)

        self.comparison = ComparisonTableModel(self)
        self.comparison_view = QTableView()
        self.comparison_view.setModel(self.comparison)
        self.comparison_view.horizontalHeader().setStretchLastSection(True)
        self.note = QLineEdit(placeholderText="Note for the reviewer (required to overturn)")
        self.uphold_button = QPushButton("Uphold first decision")
        self.overturn_button = QPushButton("Overturn (use mine)")
        self.uphold_button.clicked.connect(lambda: self.decide("uphold"))
        self.overturn_button.clicked.connect(lambda: self.decide("overturn"))
        self.verdict = QLabel()
        buttons = QHBoxLayout()
        for b in (self.uphold_button, self.overturn_button):
            buttons.addWidget(b)
        box = QVBoxLayout()
        for shown in (self.comparison_view, self.verdict, self.note):
            box.addWidget(shown)
        box.addLayout(buttons)
        self.comparison_box = QGroupBox("Comparison")
        self.comparison_box.setLayout(box)

        prev_b, next_b = QPushButton("◀ Previous"), QPushButton("Next ▶")
        prev_b.clicked.connect(lambda: self.show_record(self.index - 1))
        next_b.clicked.connect(lambda: self.show_record(self.index + 1))
        nav = QHBoxLayout()
        nav.addWidget(prev_b)
        nav.addStretch(1)
        nav.addWidget(next_b)

        right = QWidget()
        col = QVBoxLayout(right)
        for part in (self.form_box, self.problems, self.submit_button, self.comparison_box):
            col.addWidget(part)
        col.addStretch(1)
        col.addLayout(nav)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.viewer)
        split.addWidget(right)
        # The checker reads the record: give it the larger share, as the main window does.
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 500])
        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addWidget(split, 1)

    # --- record -------------------------------------------------------------------------
    def show_record(self, index: int) -> None:
        if not len(self.flow):
            self.heading.setText("The sample is empty: draw a sample first (reviewer qa sample).")
            for part in (self.form_box, self.submit_button, self.comparison_box):
                part.setEnabled(False)
            return
        if not 0 <= index < len(self.flow):
            return
        self.index = index
        rec = self.flow.record(index)
        self.heading.setText(f"Record {index + 1} of {len(self.flow)}: {rec.path}")
        if not self._show_page(rec.record_id):
            self.viewer.show_record(None)
            self.viewer.text.set_text(rec.text.replace("\f", "\n"))
            self.viewer.stack.setCurrentWidget(self.viewer.text)
        self._reset_form()
        done = self.flow.reviewed().get(rec.record_id)
        self.heading.setToolTip("already submitted" if done else "")

    def _show_page(self, record_id: int) -> bool:
        """The record in the main window's viewer with its highlights; False if it cannot be."""
        from ui.record_state import load_record_state

        try:
            with self.flow.store.session() as session:
                state = load_record_state(session, record_id, "case")
        except Exception as exc:  # a missing evidence file: the text is still shown
            log.warning("record %s: page view unavailable (%s)", record_id, type(exc).__name__)
            return False
        if state is None:
            return False
        self.viewer.show_record(state.content, state.data)
        # What anyone opening the record sees by default, and nothing of the first review:
        # its dismissals are drawn like any other highlight, its redactions not at all.
        self.viewer.set_marks(
            [replace(m, dismissed=False) for m in state.span_marks if shown_by_default(m)]
        )
        return True

    def _reset_form(self) -> None:
        self.review_id = None
        self.status.setCurrentIndex(0)
        for box in (self.redacted, self.title_closed, self.desc_closed):
            box.setChecked(False)
        for edit in (self.title_alt, self.desc_alt, self.start, self.schedule, self.note):
            edit.clear()
        self.exemptions.removeRows(0, self.exemptions.rowCount())
        self.problems.clear()
        self.verdict.clear()
        self.comparison.clear()
        self.comparison_box.setVisible(False)
        for enabled in (
            self.form_box,
            self.submit_button,
            self.uphold_button,
            self.overturn_button,
        ):
            enabled.setEnabled(True)

    def _suggest_period(self, code: str) -> None:
        years = self.flow.suggested_period(code)
        if years:
            self.period.setValue(int(years))

    def _add_exemption(self) -> None:
        code = self.code.currentText()
        existing = [self.exemptions.item(r, 0).text() for r in range(self.exemptions.rowCount())]
        if code and code not in existing:
            self.exemptions.appendRow(
                [QStandardItem(code), QStandardItem(str(self.period.value()))]
            )

    def _remove_exemption(self) -> None:
        rows = sorted({i.row() for i in self.exemption_view.selectedIndexes()}, reverse=True)
        for r in rows:
            self.exemptions.removeRow(r)

    def _date(self, edit: QLineEdit, name: str, problems: list[str]) -> date | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            problems.append(f"{name} must be a date as YYYY-MM-DD")
            return None

    def decision(self) -> QaDecision:
        """The checker's decision as entered (raises DecisionError for unreadable dates)."""
        problems: list[str] = []
        start = self._date(self.start, "closure start date", problems)
        schedule = self._date(self.schedule, "FOI schedule date", problems)
        if problems:
            raise DecisionError(problems)
        rows = range(self.exemptions.rowCount())
        return QaDecision(
            closure_status=self.status.currentText() or None,
            redacted=self.redacted.isChecked(),
            exemptions=tuple(
                (self.exemptions.item(r, 0).text(), int(self.exemptions.item(r, 1).text()))
                for r in rows
            ),
            title_closed=self.title_closed.isChecked(),
            title_alternate=self.title_alt.text(),
            description_closed=self.desc_closed.isChecked(),
            description_alternate=self.desc_alt.text(),
            closure_start_date=start,
            foi_schedule_date=schedule,
        )

    # --- actions ------------------------------------------------------------------------
    def submit(self) -> None:
        if not 0 <= self.index < len(self.flow):
            return  # an empty sample: nothing to submit (the button is disabled too)
        rid = self.flow.record_ids[self.index]
        try:
            self.review_id, result = self.flow.submit(rid, self.decision())
        except (DecisionError, ValueError) as exc:
            problems = exc.problems if isinstance(exc, DecisionError) else [str(exc)]
            self.problems.setText("\n".join(problems))
            return
        self.problems.clear()
        self.form_box.setEnabled(False)
        self.submit_button.setEnabled(False)
        self.comparison.set_rows(result.fields)
        self.comparison_box.setVisible(True)
        agrees = result.agrees
        self.verdict.setText("You agree with the first decision." if agrees else "You disagree.")
        for w in (self.note, self.uphold_button, self.overturn_button):
            w.setVisible(not agrees)
        self.submitted.emit(self.review_id)

    def decide(self, outcome: str) -> None:
        if self.review_id is None:
            return
        try:
            review = self.flow.decide(self.review_id, outcome, self.note.text())
        except DecisionError as exc:
            self.problems.setText("\n".join(exc.problems))
            return
        self.problems.clear()
        self.verdict.setText(f"Recorded: {review.outcome}.")
        self.uphold_button.setEnabled(False)
        self.overturn_button.setEnabled(False)
        self.outcome_recorded.emit(review.id, outcome)
