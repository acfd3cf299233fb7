"""After an export the reviewer can open the bag's redaction verification report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.export.transfer import export_transfer
from tests.export.conftest import COLLECTION, Built
from tests.export.pdfs import NAME


def test_export_dialog_opens_the_verification_report(
    store: Any, built: Built, tmp_path: Path, qtbot: Any
) -> None:
    from ui.export.export_dialog import ExportDialog

    out = tmp_path / "bag"
    summary = export_transfer(store, COLLECTION, out)
    dialog = ExportDialog(store, COLLECTION, tasks=None)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert dialog.report_btn.isHidden()
    dialog._exported(summary)
    assert not dialog.report_btn.isHidden()
    shown = dialog.show_verification()
    assert shown is not None
    qtbot.addWidget(shown)
    text = shown.text.toPlainText()  # type: ignore[attr-defined]
    assert "data/case1/statement_R.pdf: passed" in text
    assert "kept in place" in text
    assert NAME not in text
    assert str(out) in shown.heading.text()  # type: ignore[attr-defined]


def test_verification_dialog_for_a_folder_that_is_not_a_bag(tmp_path: Path, qtbot: Any) -> None:
    from ui.export.verification_dialog import VerificationDialog

    dialog = VerificationDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert "not a bag" in dialog.heading.text()
    assert dialog.text.toPlainText() == ""
