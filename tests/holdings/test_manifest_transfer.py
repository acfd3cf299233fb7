"""An export's reference reaches TDR's 'former reference' in the transfer's metadata."""

from __future__ import annotations

from pathlib import Path

from models import Store
from reviewer.decisions.save import save_appraisal, save_sensitivity
from reviewer.decisions.types import Actor
from reviewer.export.plan import plan_transfer
from reviewer.export.rows import metadata_rows, place
from reviewer.ingest.pipeline import ingest_paths
from reviewer.records_view import list_records


def test_former_reference_from_the_manifest(store: Store, tmp_path: Path) -> None:
    root = tmp_path / "export"
    root.mkdir()
    (root / "a.txt").write_text("Minutes of the board.")
    (root / "metadata.csv").write_text("File Name,Reference,Title\na.txt,BRD/2004/7,Minutes\n")
    ingest_paths(store, [root], "c")
    with store.session() as session:
        ids = {r.path: r.id for r in list_records(session, "c")}
        save_appraisal(session, ids["a.txt"], Actor("Ada", "appraiser"), "select", [], "Board")
        save_sensitivity(session, ids["a.txt"], Actor("Sam", "sensitivity"), closure_status="Open")
    with store.session() as session:
        plan = plan_transfer(session, "c")
    placed = {p.item.path: p for p in place(plan.items)}
    (row,) = metadata_rows(placed["a.txt"])
    assert row.former_reference == "BRD/2004/7"
