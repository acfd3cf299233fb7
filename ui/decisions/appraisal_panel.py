"""Appraisal: criteria for the collection's kind, outcome and rationale.

The panel only gathers the reviewer's choice; the window saves it through `reviewer.decisions`
(which refuses destroy under a legal hold) and puts the refusal back here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.decisions.criteria_table_model import GUIDANCE_ROLE, CriteriaTableModel
from ui.widgets.message_area import MessageArea

OUTCOMES = (
    ("select", "Select (S)"),
    ("retain", "Retain (R)"),
    ("destroy", "Destroy (X)"),
    ("defer", "Defer (D)"),
)
RATIONALE_DELAY_MS = 600  # typing pauses this long before the rationale is saved


class AppraisalPanel(QWidget):
    """`changed(outcome, criteria, rationale)` fires on every change the reviewer makes."""

    changed = Signal(object, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CriteriaTableModel(self)
        self.list = QListView()
        self.list.setObjectName("criteriaList")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.guidance = QLabel("")
        self.guidance.setObjectName("guidance")
        self.guidance.setWordWrap(True)
        self.guidance.hide()
        self.hold = QLabel("")
        self.hold.setObjectName("holdBanner")
        self.hold.setWordWrap(True)
        self.hold.hide()
        self.outcomes = QButtonGroup(self)
        self.outcomes.setExclusive(False)
        grid = QGridLayout()
        self.buttons: dict[str, QRadioButton] = {}
        for i, (value, text) in enumerate(OUTCOMES):
            b = QRadioButton(text)
            b.setObjectName(f"outcome_{value}")
            self.buttons[value] = b
            self.outcomes.addButton(b)
            grid.addWidget(b, i // 2, i % 2)
        self.rationale = QPlainTextEdit()
        self.rationale.setObjectName("rationale")
        self.rationale.setPlaceholderText("Rationale: why this outcome (saved as you type)")
        self.rationale.setMaximumHeight(90)
        self.problem = QLabel("")
        self.problem.setObjectName("problems")
        self.problem.setWordWrap(True)
        self.stamp = QLabel("")
        self.stamp.setObjectName("panelHint")
        self.stamp.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.hold)
        layout.addWidget(_title("Long-term interest criteria  (1–9 tick)"))  # noqa: RUF001
        layout.addWidget(self.list, 3)
        layout.addWidget(self.guidance)
        layout.addWidget(_title("Outcome"))
        layout.addLayout(grid)
        layout.addWidget(self.rationale)
        layout.addWidget(MessageArea(self.problem, self.stamp))
        self._outcome: str | None = None
        self._loading = False
        self._unsaved = False  # choices on screen that were not saved, with the reason shown
        self._base: tuple[Any, ...] | None = None  # the stored appraisal they were made over
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RATIONALE_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.outcomes.buttonClicked.connect(self._on_outcome)
        self.model.ticked_changed.connect(self._emit)
        self.rationale.textChanged.connect(self._on_text)
        self.list.selectionModel().currentChanged.connect(self._show_guidance)

    def set_criteria(self, criteria: Sequence[Any]) -> None:
        self.model.set_criteria(criteria)

    def load(
        self,
        outcome: str | None,
        ticked: Sequence[str],
        suggested: Sequence[str],
        rationale: str,
        stamp: str,
        holds: Sequence[str],
        *,
        keep_unsaved: bool = False,
    ) -> None:
        """Show a record's decision without saving anything.

        `keep_unsaved` (the same record redrawn after a save): choices not saved for a reason
        shown (criteria ticked before an outcome) stay, with the reason, unless the stored
        appraisal itself changed."""
        base = (outcome, tuple(ticked), rationale)
        if keep_unsaved and self._unsaved and base == self._base:
            self.stamp.setText(stamp)
            return
        self._base, self._unsaved = base, False
        self._timer.stop()
        self._loading = True
        self._set_outcome(outcome)
        self.model.set_state(ticked, suggested)
        if self.rationale.toPlainText() != rationale:
            self.rationale.setPlainText(rationale)
        self.stamp.setText(stamp)
        self.problem.setText("")
        self.hold.setVisible(bool(holds))
        if holds and outcome == "destroy":
            # Decided destroy before the hold: the conflict is shown, not hidden.
            self.hold.setText(
                "Legal hold: " + "; ".join(holds) + " — held: destroy suspended. This record "
                "was decided destroy before the hold; it cannot be destroyed while the hold lasts."
            )
        else:
            self.hold.setText(
                "Legal hold: " + "; ".join(holds) + " — this record cannot be destroyed."
            )
        self.buttons["destroy"].setEnabled(not holds)
        self._loading = False

    def clear(self) -> None:
        """No record: nothing chosen, nothing to edit."""
        self.load(None, (), (), "", "", ())
        self.setEnabled(False)

    def pending(self) -> bool:
        """Typed text waiting for its pause before saving."""
        return self._timer.isActive()

    def flush(self) -> None:
        """Save a rationale still waiting for its typing pause (before moving away)."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit()

    def set_outcome(self, outcome: str) -> None:
        if self.buttons[outcome].isEnabled():
            self._set_outcome(outcome)
            self._emit()
        else:
            self.problem.setText("Destroy is refused while a legal hold applies.")

    def toggle_criterion(self, row: int) -> bool:
        return self.model.toggle(row)

    def show_problems(self, problems: Sequence[str]) -> None:
        """Why the choices on screen were not saved (they then survive a redraw)."""
        self._unsaved = bool(problems)
        self.problem.setText("Not saved: " + "; ".join(problems) if problems else "")

    def _set_outcome(self, outcome: str | None) -> None:
        self._outcome = outcome
        for value, b in self.buttons.items():
            b.setChecked(value == outcome)

    def _on_outcome(self, button: QRadioButton) -> None:
        value = next(v for v, b in self.buttons.items() if b is button)
        self._set_outcome(None if value == self._outcome and not button.isChecked() else value)
        self._emit()

    def _on_text(self) -> None:
        if not self._loading:
            self._timer.start()

    def _emit(self) -> None:
        if not self._loading:
            self.changed.emit(self._outcome, self.model.ticked(), self.rationale.toPlainText())

    def _show_guidance(self, index: QModelIndex, _prev: QModelIndex) -> None:
        text = str(index.data(GUIDANCE_ROLE) or "")
        self.guidance.setText(text)
        self.guidance.setVisible(bool(text))


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("panelTitle")
    return label
