"""Sensitivity review: closure status, FOI exemptions with periods, dates, closed title/description.

TNA's rules are checked as the reviewer types by `reviewer.decisions.validate_sensitivity`
(passed in as `validate`); the window saves only a decision the rules accept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.decisions.exemptions_table_model import (
    COL_CODE,
    COL_PERIOD,
    COL_TITLE,
    ExemptionsTableModel,
)
from ui.decisions.record_facts import RecordFacts
from ui.widgets.date_field import DateField, parse_date
from ui.widgets.message_area import MessageArea

STATUSES = (
    ("open", "Open (O)"),
    ("redacted", "Open with redactions (W)"),
    ("closed", "Closed (C)"),
)
TYPING_DELAY_MS = 600
# The stored decision's sensitivity part: a choice not saved yet is kept while these stay put.
SENSITIVITY_FIELDS = (
    "closure_status",
    "redacted",
    "exemptions",
    "closure_start_date",
    "foi_schedule_date",
    "title_closed",
    "title_alternate",
    "description_closed",
    "description_alternate",
    "period_justification",
)


class SensitivityPanel(QWidget):
    """`changed(fields)` carries `save_sensitivity`'s keyword arguments once the rules pass."""

    changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.validate: Callable[..., list[str]] | None = None
        self.status_buttons: dict[str, QRadioButton] = {}
        self.status_group = QButtonGroup(self)
        row = QGridLayout()  # two rows: the panel stays narrow enough for a laptop screen
        places = {"open": (0, 0), "closed": (0, 1), "redacted": (1, 0, 1, 2)}  # longest alone
        for value, text in STATUSES:
            b = QRadioButton(text)
            b.setObjectName(f"closure_{value}")
            self.status_buttons[value] = b
            self.status_group.addButton(b)
            row.addWidget(b, *places[value])
        self.model = ExemptionsTableModel(self)
        self.table = ExemptionsTable()
        self.table.setObjectName("exemptionsTable")
        self.table.setModel(self.model)
        self.table.setToolTip("Space or a click ticks an exemption; double-click its years to edit")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        hdr = self.table.horizontalHeader()
        hdr.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        hdr.resizeSection(COL_CODE, 96)
        hdr.resizeSection(COL_PERIOD, 52)
        self.start = QLineEdit()
        self.start.setPlaceholderText("YYYY-MM-DD")
        self.start.setToolTip("When the closure starts: usually the date of the record")
        self.schedule = QLineEdit()
        self.schedule.setPlaceholderText("YYYY-MM-DD")
        self.schedule.setToolTip("The Advisory Council's FOI schedule date, if there is one")
        for edit in (self.start, self.schedule):  # a whole date, never "YYYY…"
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("YYYY-MM-DD") + 16)
        self.title_closed = QCheckBox("Title closed")
        self.title_alt = QLineEdit()
        self.title_alt.setPlaceholderText("Alternate title")
        self.title_alt.setToolTip("The title to publish, e.g. Letter to [name withheld]")
        self.desc_closed = QCheckBox("Description closed")
        self.desc_alt = QLineEdit()
        self.desc_alt.setPlaceholderText("Alternate description")
        self.facts = RecordFacts()
        self.facts.problem.connect(self.show_problems)
        self.justification = QLineEdit()
        self.justification.setObjectName("periodJustification")
        self.justification.setPlaceholderText("Only for an unusual period")
        self.justification.setToolTip(
            "Only for a period outside the exemption's usual ones: why (e.g. the youngest "
            "person's age at the record's date)"
        )
        self.suggest_btn = QPushButton("Suggest")
        self.suggest_btn.setToolTip(
            "Fill the closure start from the record's date (else 31 December of its year)"
            " and the ticked exemptions' periods from the closure rules"
        )
        self.suggest_btn.clicked.connect(self.suggest)
        self.record_date: date | None = None
        self.modified: date | None = None
        form = QFormLayout()
        # In a narrow pane a field goes under its label rather than widening the panel.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        start_field = DateField(self.start, self.suggest_btn)
        schedule_field = DateField(self.schedule)
        for field in (start_field, schedule_field):
            field.picked.connect(self._date_picked)
        form.addRow("Closure start", start_field)
        form.addRow("FOI schedule date", schedule_field)
        form.addRow("Period justification", self.justification)
        form.addRow(self.title_closed, self.title_alt)
        form.addRow(self.desc_closed, self.desc_alt)
        self.problems = QLabel("")
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.stamp = QLabel("")
        self.stamp.setObjectName("panelHint")
        self.stamp.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.facts)
        layout.addWidget(_title("Closure status"))
        layout.addLayout(row)
        layout.addWidget(_title("FOI exemptions (E, Space ticks)"))
        layout.addWidget(self.table, 3)
        layout.addLayout(form)
        layout.addWidget(MessageArea(self.problems, self.stamp))
        self._status: str | None = None
        self._loading = False
        self._unsaved = False  # the reviewer's choice failed the rules: on screen, not stored
        self._base: tuple[Any, ...] | None = None  # the stored decision it was made over
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self._check_and_emit)
        self.status_group.buttonClicked.connect(self._on_status)
        self.model.edited.connect(self._check_and_emit)
        for cb in (self.title_closed, self.desc_closed):
            cb.toggled.connect(self._check_and_emit_if_user)
        for le in (self.start, self.schedule, self.title_alt, self.desc_alt, self.justification):
            le.textEdited.connect(lambda _t: self._timer.start())

    def set_exemptions(self, rows: Sequence[Any], relevant: Sequence[str] = ()) -> None:
        self.model.set_exemptions(rows, relevant)
        sep = self.model.separator_row()
        self.table.clearSpans()
        if sep >= 0:
            self.table.setSpan(sep, 0, 1, self.model.columnCount())

    def focus_exemptions(self) -> None:
        """Keyboard into the exemption list (E): the current row, else the first exemption."""
        current = self.table.currentIndex()
        if not current.isValid() or current.row() == self.model.separator_row():
            first = 1 if self.model.separator_row() == 0 else 0
            if self.model.rowCount() > first:
                self.table.setCurrentIndex(self.model.index(first, COL_CODE))
        self.table.scrollTo(self.table.currentIndex())
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_record_dates(self, record_date: date | None, modified: date | None) -> None:
        """The record's own date and last-modified date, for Suggest."""
        self.record_date, self.modified = record_date, modified

    def suggest(self) -> None:
        """Closure start and periods from `reviewer.decisions.exemptions`' rules, then check."""
        from reviewer.decisions.exemptions import suggest_closure_start, suggest_period

        start = suggest_closure_start(self.record_date, self.modified)
        if start is not None and start > date.today() and self.modified is not None:
            start = self.modified  # 31 December still to come: TDR also takes the modified date
        if start is not None:
            self.start.setText(start.isoformat())
        periods = {}
        for code, _years in self.model.ticked():
            years = suggest_period(code)
            if years is not None:
                periods[code] = years
        self.model.set_suggested_periods(periods)
        if start is None and not periods:
            self.show_problems(["nothing to suggest: the record has no date and no exemption"])
            return
        self._check_and_emit()

    def _date_picked(self) -> None:
        if not self._loading:
            self._check_and_emit()

    def load(self, view: Any, stamp: str, *, keep_unsaved: bool = False) -> None:
        """Show a `DecisionView`'s sensitivity part without saving.

        `keep_unsaved` (the same record redrawn after a save): a choice the rules refused stays,
        with its problems, unless the stored sensitivity decision itself changed; it is checked
        again, so a redaction or date that completes it saves it."""
        base = _sensitivity_of(view)
        if keep_unsaved and self._unsaved and base == self._base:
            self.stamp.setText(stamp)
            self._check_and_emit()
            return
        self._base, self._unsaved = base, False
        self._timer.stop()
        self._loading = True
        if view.closure_status is None:
            status = None
        elif view.closure_status == "Open":
            status = "open"
        else:
            status = "redacted" if view.redacted else "closed"
        self._set_status(status)
        self.model.set_ticked(view.exemptions)
        self.start.setText(view.closure_start_date.isoformat() if view.closure_start_date else "")
        self.schedule.setText(view.foi_schedule_date.isoformat() if view.foi_schedule_date else "")
        self.title_closed.setChecked(view.title_closed)
        self.title_alt.setText(view.title_alternate)
        self.desc_closed.setChecked(view.description_closed)
        self.desc_alt.setText(view.description_alternate)
        self.justification.setText(getattr(view, "period_justification", ""))
        self.problems.setText("")
        self.stamp.setText(stamp)
        self._loading = False

    def clear(self) -> None:
        """No record: nothing chosen, nothing to edit."""
        self._timer.stop()
        self._loading = True
        self._set_status(None)
        self.model.set_ticked(())
        for edit in (self.start, self.schedule, self.title_alt, self.desc_alt, self.justification):
            edit.clear()
        self.title_closed.setChecked(False)
        self.desc_closed.setChecked(False)
        self.problems.setText("")
        self.stamp.setText("")
        self._base, self._unsaved = None, False
        self._loading = False
        self.setEnabled(False)

    def pending(self) -> bool:
        """Typed text waiting for its pause before saving."""
        return self._timer.isActive()

    def unsaved(self) -> bool:
        """A choice on screen that the rules refused, so it is not stored."""
        return self._unsaved

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._check_and_emit()

    def set_status(self, status: str) -> None:
        self._set_status(status)
        self._check_and_emit()

    def fields(self) -> dict[str, Any] | list[str]:
        """`save_sensitivity` keywords, or the date problems that stop building them."""
        bad = []
        start, schedule = parse_date(self.start.text()), parse_date(self.schedule.text())
        if isinstance(start, str):
            bad.append("closure start date must be YYYY-MM-DD")
        if isinstance(schedule, str):
            bad.append("FOI schedule date must be YYYY-MM-DD")
        if bad:
            return bad
        status = self._status
        return {
            "closure_status": None
            if status is None
            else ("Open" if status == "open" else "Closed"),
            "redacted": status == "redacted",
            "exemptions": self.model.ticked(),
            "closure_start_date": start,
            "foi_schedule_date": schedule,
            "title_closed": self.title_closed.isChecked(),
            "title_alternate": self.title_alt.text(),
            "description_closed": self.desc_closed.isChecked(),
            "description_alternate": self.desc_alt.text(),
            "period_justification": self.justification.text(),
        }

    def show_problems(self, problems: Sequence[str]) -> None:
        if problems:
            self.problems.setText("Not saved yet:\n• " + "\n• ".join(problems))
        else:
            self.problems.setText("")

    def _set_status(self, status: str | None) -> None:
        self._status = status
        # An exclusive group cannot uncheck its checked button: "not decided" needs it off.
        self.status_group.setExclusive(False)
        for value, b in self.status_buttons.items():
            b.setChecked(value == status)
        self.status_group.setExclusive(True)

    def _on_status(self, button: QRadioButton) -> None:
        self._status = next(v for v, b in self.status_buttons.items() if b is button)
        self._check_and_emit()

    def _check_and_emit_if_user(self) -> None:
        if not self._loading:
            self._check_and_emit()

    def _check_and_emit(self) -> None:
        if self._loading or self._status is None:
            return
        fields = self.fields()
        if isinstance(fields, list):
            self._unsaved = True
            self.show_problems(fields)
            return
        problems = self.validate(**fields) if self.validate else []
        self.show_problems(problems)
        self._unsaved = bool(problems)
        if not problems:
            self.changed.emit(fields)


class ExemptionsTable(QTableView):
    """Space ticks or unticks the current row's exemption, whichever column the cursor is in."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if (
            event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and current.isValid()
            and self.state() != QAbstractItemView.State.EditingState
        ):
            model = self.model()
            if isinstance(model, ExemptionsTableModel):
                model.toggle(current.row())
                event.accept()
                return
        super().keyPressEvent(event)


def _sensitivity_of(view: Any) -> tuple[Any, ...]:
    return tuple(getattr(view, name, None) for name in SENSITIVITY_FIELDS)


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("panelTitle")
    label.setWordWrap(True)  # a narrow pane wraps it rather than scrolling sideways
    return label
