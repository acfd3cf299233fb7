"""An exact copy of a closed record cannot be opened in the same transfer."""

from __future__ import annotations

from typing import Any

from reviewer.decisions.save import save_appraisal, save_sensitivity
from reviewer.export.transfer import list_problems
from tests.export.conftest import APPRAISER, COLLECTION, REVIEWER, Built, _add


def test_an_open_copy_of_a_closed_record_is_a_problem(store: Any, built: Built) -> None:
    from models.records import Collection, IngestRoot

    original = (built.root / "case1" / "statement.pdf").read_bytes()
    with store.session() as s:
        coll = s.query(Collection).filter_by(name=COLLECTION).one()
        root = s.query(IngestRoot).filter_by(collection_id=coll.id).one()
        copy = _add(s, coll, root, "copies/statement copy.pdf", original)
        save_appraisal(s, copy.id, APPRAISER, "select", [], "Copy kept with the file")
        save_sensitivity(s, copy.id, REVIEWER, closure_status="Open")
        copy_id = copy.id
    problems = [p for p in list_problems(store, COLLECTION) if p.record_id == copy_id]
    assert len(problems) == 1
    assert "exact copy of 'case1/statement.pdf'" in problems[0].reason
