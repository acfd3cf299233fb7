"""Asked before an ingest: which collection the files join and, for a new one, its kind.

The kind (case files or corporate records) decides the appraisal criteria and the FOI
exemptions listed first, so it is asked, not guessed; an existing collection keeps its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

KINDS = (
    ("case", "Case files (prosecution and court papers)"),
    ("corporate", "Corporate records (minutes, policy, projects)"),
)


class IngestDialog(QDialog):
    """`choice()` gives (collection name, kind) once accepted."""

    def __init__(
        self,
        collections: Sequence[tuple[str, str]],
        current: str | None,
        what: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ingest into a collection")
        self.setMinimumWidth(520)  # the title and the kinds' names are never cut
        self._kinds = dict(collections)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setObjectName("collectionName")
        for name, _kind in collections:
            self.name.addItem(name)
        self.name.setCurrentText(current or "")
        editor = self.name.lineEdit()
        if editor is not None:  # always, once editable
            editor.setPlaceholderText("a new or existing collection")
        self.kind = QComboBox()
        self.kind.setObjectName("collectionKind")
        for value, text in KINDS:
            self.kind.addItem(text, value)
        self.hint = QLabel("")
        self.hint.setObjectName("panelHint")
        self.hint.setWordWrap(True)
        intro = QLabel(f"{what}\nFiles are read only: nothing on disk is changed.")
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Collection", self.name)
        form.addRow("Kind", self.kind)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Ingest")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.name.currentTextChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        name = self.name.currentText().strip()
        existing = self._kinds.get(name)
        if existing is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(existing), 0))
        self.kind.setEnabled(existing is None)
        self.hint.setText(
            ""
            if not name
            else ("Adds to the existing collection." if existing else "A new collection.")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(name))

    def choice(self) -> tuple[str, str]:
        return self.name.currentText().strip(), str(self.kind.currentData())
