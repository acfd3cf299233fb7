from __future__ import annotations

from reviewer.audit import verify
from reviewer.decisions import Actor, get_decision, save_appraisal
from tests.decisions.factory import Fixture

APPRAISER = Actor("A. Appraiser", "appraiser")


def test_save_and_read_back(fx: Fixture) -> None:
    rid = fx.ids["case1/notes.txt"]
    with fx.store.session() as s:
        view = save_appraisal(s, rid, APPRAISER, "select", ["homicide"], "murder case")
    assert view.appraisal == "select"
    with fx.store.session() as s:
        view = get_decision(s, rid)
        assert view.criteria == ("homicide",)
        assert view.decided_by == "A. Appraiser"
        assert view.version == 1
        assert view.transfer_due_year == 2024
        assert verify(s).ok
