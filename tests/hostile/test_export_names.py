"""A formula-like name stays exact in the bag's metadata.csv (TDR needs it) and is warned of."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.records import Collection, IngestRoot
from reviewer.decisions.save import save_appraisal, save_sensitivity
from reviewer.export.readiness import check
from reviewer.export.transfer import export_transfer
from tests.export.conftest import APPRAISER, REVIEWER, _add

NAME = "=HYPERLINK(1).txt"


def test_formula_names_are_kept_exact_for_tdr_and_warned_of(store: Any, tmp_path: Path) -> None:
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    with store.session() as s:
        coll = Collection(name="c", kind="case")
        s.add(coll)
        s.flush()
        root = IngestRoot(collection_id=coll.id, path=str(evidence))
        s.add(root)
        s.flush()
        ids = [_add(s, coll, root, path, b"A plain note.\n").id for path in (NAME, "plain.txt")]
        for rid in ids:
            save_appraisal(s, rid, APPRAISER, "select", ["homicide"], "Murder trial papers")
            save_sensitivity(s, rid, REVIEWER, closure_status="Open")
        s.commit()
    readiness = check(store, "c")
    assert readiness.ready, readiness.as_dict()
    assert readiness.formula_paths == (NAME,)
    summary = export_transfer(store, "c", tmp_path / "bag")
    assert summary.formula_paths == (NAME,)
    metadata = (tmp_path / "bag" / "metadata.csv").read_text(encoding="utf-8")
    assert f",{NAME}," in metadata and f"'{NAME}" not in metadata
