"""Menu actions: File → Export transfer… and File → Appraisal report…."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui import settings
from ui.export.export_dialog import ExportDialog

if TYPE_CHECKING:
    from ui.workbench import Workbench


def open_export_dialog(win: Workbench) -> ExportDialog | None:
    if win.collection is None:
        QMessageBox.information(win.as_parent(), "Export transfer", "Open a collection first.")
        return None
    dialog = ExportDialog(win.store, win.collection.collection_name, win.tasks, win.as_parent())
    dialog.record_requested.connect(win.reveal_record)
    dialog.show()
    dialog.check()
    win.export_dialog = dialog
    return dialog


def appraisal_report(win: Workbench, out_file: Path | None = None) -> None:
    """Ask where to save the report PDF, then write it in the background."""
    from reviewer.export.appraisal_report import write_appraisal_report

    if win.collection is None:
        QMessageBox.information(win.as_parent(), "Appraisal report", "Open a collection first.")
        return
    name = win.collection.collection_name
    if out_file is None:
        start = Path(settings.load_text("export/parent", str(Path.home())))
        chosen, _ = QFileDialog.getSaveFileName(
            win.as_parent(),
            "Save the appraisal report",
            str(start / f"{name}-appraisal.pdf"),
            "PDF (*.pdf)",
        )
        if not chosen:
            return
        out_file = Path(chosen)
    store, target = win.store, out_file
    win.tasks.run(
        lambda _p: write_appraisal_report(store, name, target),
        name="writing the appraisal report",
        on_done=lambda _r: win.status(f"Appraisal report saved: {target}"),
        on_failed=win.status,
    )
