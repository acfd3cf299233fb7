"""The personal-data side panel: legend/toggles + spans by label and text, and the actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reviewer.detect.labels import FLAG_SCORE, LABELS, shown_by_default
from ui.highlights.spans_tree_model import (
    DISMISSED_ROLE,
    ENTITY_ID_ROLE,
    KEY_ROLE,
    SpansTreeModel,
)
from ui.viewer.marks import Mark

LOW_SCORE = FLAG_SCORE  # spans the detector is less sure of are hidden unless asked for
SCOPES = (
    ("once", "this highlight"),
    ("record", "this text in the record"),
    ("collection", "this text everywhere"),
)


NO_TEXT = "No text to scan for personal data: someone must look at (or play) this record"
NOT_SCANNED = "Not scanned for personal data yet: File \N{RIGHTWARDS ARROW} Scan for personal data"


class HighlightsPanel(QWidget):
    """Signals carry entity ids; the main window turns them into saved, undoable changes."""

    span_chosen = Signal(str)  # Mark.key
    dismiss_requested = Signal(int, str)  # entity id, scope
    restore_requested = Signal(int)
    redact_requested = Signal(int)
    labels_hidden = Signal(object)  # set[str]
    low_confidence_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("highlightsPanel")
        self.model = SpansTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("spansTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.summary = QLabel("No personal data found")
        self.summary.setObjectName("panelHint")
        self.summary.setWordWrap(True)
        # Short labels (the panel is ~200 px wide on a 1366 px screen); tooltips say the rest.
        self.show_low = QCheckBox("Show low confidence")
        self.show_low.setToolTip(
            f"Spans the detector is less sure of (score < {LOW_SCORE}) are hidden by default"
        )
        # Organisations, places and dates alone are not personal data: hidden unless asked for.
        self.show_other = QCheckBox("Show orgs, places, dates")
        self.show_other.setObjectName("showOrganisations")
        self.show_other.setToolTip(
            "Organisations, places and dates: detected but not personal data on their own, "
            "so hidden by default"
        )
        self.scope = QComboBox()
        for value, text in SCOPES:
            self.scope.addItem(f"Dismiss {text}", value)
        self.dismiss_btn = QPushButton("Dismiss")
        self.dismiss_btn.setToolTip("Not personal data (Del)")
        self.restore_btn = QPushButton("Restore")
        self.redact_btn = QPushButton("Redact")
        self.redact_btn.setToolTip("Turn this highlight into a redaction box (B)")
        self.restore_btn.setToolTip("Show a dismissed highlight again (U)")
        # Two rows: three buttons side by side do not fit the panel on a laptop screen.
        buttons = QGridLayout()
        buttons.addWidget(self.dismiss_btn, 0, 0)
        buttons.addWidget(self.restore_btn, 0, 1)
        buttons.addWidget(self.redact_btn, 1, 0, 1, 2)
        title = QLabel("Personal data")
        title.setObjectName("panelTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.show_low)
        layout.addWidget(self.show_other)
        layout.addWidget(self.scope)
        layout.addLayout(buttons)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.tree.clicked.connect(self._on_clicked)
        self.model.toggled.connect(lambda *_: self.labels_hidden.emit(self.model.hidden_labels()))
        self.show_low.toggled.connect(self.low_confidence_toggled)
        # The main window redraws the record's marks on this signal, whichever option changed.
        self.show_other.toggled.connect(self.low_confidence_toggled)
        self.dismiss_btn.clicked.connect(self.dismiss_current)
        self.restore_btn.clicked.connect(self.restore_current)
        self.redact_btn.clicked.connect(self.redact_current)
        self._keys: list[str] = []
        self._selecting = False
        self._fresh_current = False
        self._update_buttons()

    def visible(self, marks: Sequence[Mark]) -> list[Mark]:
        """The spans to list and draw: the core's rule (`shown_by_default`), widened by the
        panel's two options (low-confidence spans; organisations, places and dates)."""
        labels = frozenset(LABELS) if self.show_other.isChecked() else None
        low = self.show_low.isChecked()
        return [m for m in marks if shown_by_default(m, labels, low_confidence=low)]

    def set_spans(
        self, marks: Sequence[Mark], *, scanned: bool = True, no_text: bool = False
    ) -> None:
        """`marks`: every span of the record; the low-confidence ones are filtered here.

        `scanned` False: detection has not run on the record yet, so no spans is not "none found".
        `no_text`: the record has no text a scan could read (a recording, a scan without OCR).
        """
        shown = self.visible(marks)
        self.model.set_spans(shown)
        self.tree.expandAll()
        live = [m for m in shown if not m.dismissed]
        self._keys = [m.key for m in sorted(live, key=lambda m: (m.start or 0, m.key))]
        hidden_low = sum(1 for m in marks if m.score < LOW_SCORE and m not in shown)
        hidden_other = len(marks) - len(shown) - hidden_low
        if shown:
            labels = len({m.label for m in live})
            text = f"{len(live)} highlight(s) in {labels} categor{'y' if labels == 1 else 'ies'}"
            if len(shown) > len(live):
                text += f", {len(shown) - len(live)} dismissed"
        elif no_text:
            text = NO_TEXT
        elif scanned:
            text = "No personal data found in this record"
        else:
            text = NOT_SCANNED
        if hidden_low:
            text += f" · {hidden_low} low-confidence hidden"
        if hidden_other:
            text += f" · {hidden_other} organisations, places or dates hidden"
        self.summary.setText(text)
        self._update_buttons()

    def live_keys(self) -> list[str]:
        """Keys of live spans in reading order, for next/previous highlight."""
        return list(self._keys)

    def select_key(self, key: str) -> None:
        index = self.model.index_of_key(key)
        if index.isValid():
            self._selecting = True
            try:
                self.tree.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                self.model.dataChanged.emit(index, index)
            finally:
                self._selecting = False
            self.tree.scrollTo(index)
            self._update_buttons()

    def current_entity(self) -> tuple[int, bool] | None:
        index = self.tree.currentIndex()
        entity_id = index.data(ENTITY_ID_ROLE) if index.isValid() else None
        if entity_id is None:
            return None
        return int(entity_id), bool(index.data(DISMISSED_ROLE))

    def dismiss_current(self) -> None:
        cur = self.current_entity()
        if cur is not None and not cur[1]:
            self.dismiss_requested.emit(cur[0], str(self.scope.currentData()))

    def restore_current(self) -> None:
        cur = self.current_entity()
        if cur is not None and cur[1]:
            self.restore_requested.emit(cur[0])

    def redact_current(self) -> None:
        cur = self.current_entity()
        if cur is not None:
            self.redact_requested.emit(cur[0])

    def _on_current(
        self, index: QModelIndex | QPersistentModelIndex, _prev: QModelIndex | QPersistentModelIndex
    ) -> None:
        key = index.data(KEY_ROLE)
        if key and not self._selecting:
            self._fresh_current = True
            self.span_chosen.emit(str(key))
        self._update_buttons()

    def _on_clicked(self, index: QModelIndex) -> None:
        """A click on the row already current shows its next occurrence."""
        if self._fresh_current:
            self._fresh_current = False
            return
        key = self.model.advance(index)
        if key:
            self.span_chosen.emit(key)
            self._update_buttons()

    def _update_buttons(self) -> None:
        cur = self.current_entity()
        self.dismiss_btn.setEnabled(cur is not None and not cur[1])
        self.restore_btn.setEnabled(cur is not None and cur[1])
        self.redact_btn.setEnabled(cur is not None and not cur[1])
