"""After an export, the dialog says in one plain line what the core reports about cells a
spreadsheet would run as formulas (issue 17): how many, that none was neutralised in the bag's
CSVs (TDR needs exact values) so they read back unchanged, and to open them as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.records import Collection, IngestRoot
from reviewer.decisions.save import save_appraisal, save_sensitivity
from reviewer.export.metadata import count_formula_cells
from reviewer.export.transfer import export_transfer
from tests.export.conftest import APPRAISER, COLLECTION, REVIEWER, Built, _add, _pdf


def _formula_record(store: Any) -> None:
    """A file named like a formula at the top of the collection: its filepath and filename
    cells in metadata.csv both start with '='."""
    with store.session() as s:
        coll = s.query(Collection).filter_by(name=COLLECTION).one()
        root = s.query(IngestRoot).filter_by(collection_id=coll.id).one()
        rec = _add(s, coll, root, "=1+1.pdf", _pdf(["A sum"]))
        save_appraisal(s, rec.id, APPRAISER, "select", [], "kept")
        save_sensitivity(s, rec.id, REVIEWER, closure_status="Open")


def test_the_core_counts_formula_cells_in_the_bag_csvs(
    store: Any, built: Built, tmp_path: Path
) -> None:
    _formula_record(store)
    summary = export_transfer(store, COLLECTION, tmp_path / "bag")
    metadata = (tmp_path / "bag" / "metadata.csv").read_bytes()
    assert count_formula_cells(metadata) == 2  # filepath and filename; the header not counted
    assert summary.formula_cells == 2
    assert summary.formula_paths == ("=1+1.pdf",)
    note = summary.formula_note()
    assert note.startswith("2 cell(s) in the bag's CSV files start with = + - @")
    assert "none was neutralised" in note and "read back exactly" in note
    assert "\n" not in note


def test_the_dialog_says_it_after_export(
    store: Any, built: Built, tmp_path: Path, qtbot: Any
) -> None:
    """Before: the dialog said only where the transfer was written."""
    from ui.export.export_dialog import ExportDialog

    _formula_record(store)
    summary = export_transfer(store, COLLECTION, tmp_path / "bag")
    dialog = ExportDialog(store, COLLECTION, tasks=None)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog._exported(summary)
    lines = dialog.verdict.text().splitlines()
    assert lines[0].startswith("Transfer written to ")
    assert summary.formula_note() in lines
    assert any(line.startswith("2 cell(s) in the bag's CSV files") for line in lines)


def test_no_formula_cells_no_line(store: Any, built: Built, tmp_path: Path, qtbot: Any) -> None:
    from ui.export.export_dialog import ExportDialog

    summary = export_transfer(store, COLLECTION, tmp_path / "bag")
    assert summary.formula_cells == 0 and summary.formula_note() == ""
    dialog = ExportDialog(store, COLLECTION, tasks=None)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog._exported(summary)
    assert "cell(s)" not in dialog.verdict.text()
    assert len(dialog.verdict.text().splitlines()) == 1


def test_the_dialog_says_it_after_the_check_too(store: Any, built: Built, qtbot: Any) -> None:
    """Before: only `export transfer --check` warned about such names, not the dialog."""
    from reviewer.export.readiness import check
    from ui.export.export_dialog import ExportDialog

    _formula_record(store)
    readiness = check(store, COLLECTION)
    note = readiness.formula_note()
    assert note.startswith("1 name(s) start with = + - @, a tab or CR")
    assert "\n" not in note
    dialog = ExportDialog(store, COLLECTION, tasks=None)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog._checked(readiness)
    assert note in dialog.verdict.text().splitlines()
