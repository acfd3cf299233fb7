"""Edit → Appraise this record's folder: one outcome every record under it inherits.

Appraisers decide case files as a whole; a record with its own decision keeps it. The rule
(inheritance, holds refusing destroy) lives in `reviewer.decisions`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from reviewer.decisions import Actor, DecisionError
from reviewer.decisions.save import save_folder_appraisal

OUTCOMES = ("select", "retain", "destroy", "defer")


def folder_of(path: str) -> str:
    """The folder holding a record ("" for a record at the top of the collection)."""
    return path.rsplit("/", 1)[0] if "/" in path else ""


class FolderAppraisalDialog(QDialog):
    """Outcome and rationale for a folder."""

    def __init__(self, parent: Any, folder: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Appraise a folder")
        self.outcome = QComboBox()
        self.outcome.addItems(OUTCOMES)
        self.rationale = QLineEdit()
        self.rationale.setPlaceholderText("why this outcome, for every record in the folder")
        form = QFormLayout(self)
        form.addRow(QLabel(f"Folder: {folder or '(the whole collection)'}"))
        form.addRow("Outcome", self.outcome)
        form.addRow("Rationale", self.rationale)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def appraise_folder(win: Any, *, answer: tuple[str, str] | None = None) -> bool:
    """Ask for an outcome for the current record's folder and save it; True when saved.

    `answer` (outcome, rationale) replaces the dialog in tests.
    """
    win.flush_edits()
    if win.state is None or win.collection is None:
        return False
    folder = folder_of(win.state.content.path)
    interactive = answer is None
    if answer is None:
        dialog = FolderAppraisalDialog(win, folder)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        answer = (dialog.outcome.currentText(), dialog.rationale.text())
    outcome, rationale = answer
    actor = Actor(win.identity.name, win.identity.role)
    try:
        with win.store.session() as session:
            save_folder_appraisal(
                session, win.state.content.collection_id, folder, actor, outcome, (), rationale
            )
    except DecisionError as exc:
        win.status("Folder not appraised: " + "; ".join(exc.problems))
        if interactive:
            QMessageBox.warning(win, "Folder not appraised", "\n".join(exc.problems))
        return False
    win.status(f"Folder {folder or '(whole collection)'}: {outcome} — records inherit it")
    win.reload_queue()
    return True
