"""Asked on first run: who is reviewing and in which role (stamped on every decision)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.settings import ROLES, Identity

ROLE_TEXT = {
    "appraiser": "Appraiser (selects records for transfer)",
    "sensitivity": "Sensitivity reviewer (decides closures)",
    "qa": "Quality checker (second review)",
}


class IdentityDialog(QDialog):
    def __init__(self, current: Identity | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Who is reviewing?")
        self.name = QLineEdit(current.name if current else "")
        self.name.setPlaceholderText("Your name as it should appear on decisions")
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(ROLE_TEXT[role], role)
        if current:
            self.role.setCurrentIndex(ROLES.index(current.role))
        intro = QLabel(
            "Every decision you make is saved with your name, role and the time. "
            "You can change this later from the File menu."
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Role", self.role)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))

    def identity(self) -> Identity:
        return Identity(self.name.text().strip(), str(self.role.currentData()))
