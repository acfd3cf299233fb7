"""A closure whose period has already ended when the bag is made is refused, not sent Closed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from models.records import Collection, IngestRoot
from reviewer.cli import main
from reviewer.decisions.save import save_appraisal, save_sensitivity
from reviewer.decisions.store import set_record_date
from reviewer.export.plan import closure_end, plan_transfer
from reviewer.export.readiness import CLOSURE_ENDED, check_session
from tests.export.conftest import APPRAISER, COLLECTION, REVIEWER, Built, _add, _pdf

ENDED = (
    "the closure ended on 2009-10-04 (40(2), 5 years from 2004-10-04): open the record or "
    "give the period that still applies"
)


def _closed(years: int, *, start: date = date(2004, 10, 4), **extra: Any) -> dict[str, Any]:
    return {
        "closure_status": "Closed",
        "exemptions": [("40(2)", years)],
        "closure_start_date": start,
        "foi_schedule_date": date(2024, 3, 1),
        "period_justification": "" if years == 84 else "A short closure agreed with the family",
        **extra,
    }


@pytest.fixture
def expired(store: Any, built: Built) -> int:
    """The built collection plus an e-mail closed for 5 years from 2004-10-04 (ended 2009)."""
    with store.session() as s:
        coll = s.query(Collection).filter_by(name=COLLECTION).one()
        root = s.query(IngestRoot).filter_by(collection_id=coll.id).one()
        record = _add(s, coll, root, "case1/mg5.pdf", _pdf(["Case summary"]))
        save_appraisal(s, record.id, APPRAISER, "select", [], "Trial papers")
        set_record_date(s, record.id, APPRAISER, date(2004, 10, 4))
        save_sensitivity(s, record.id, REVIEWER, **_closed(5))
        return int(record.id)


def test_closure_end_is_the_start_plus_the_longest_period() -> None:
    assert closure_end(date(2004, 10, 4), ((("40(2)", 5)),)) == date(2009, 10, 4)
    assert closure_end(date(2004, 10, 4), (("40(2)", 5), ("27(1)", 30))) == date(2034, 10, 4)
    assert closure_end(date(2004, 2, 29), (("40(2)", 1),)) == date(2005, 3, 1)
    assert closure_end(None, (("40(2)", 5),)) is None
    assert closure_end(date(2004, 10, 4), ()) is None


def test_an_ended_closure_is_refused_in_the_plan(store: Any, expired: int) -> None:
    with store.session() as s:
        plan = plan_transfer(s, COLLECTION)
    assert [p.reason for p in plan.problems if p.record_id == expired] == [ENDED]
    # The other closures (84 years from 2004) still apply.
    assert all(p.record_id == expired for p in plan.problems)


def test_a_closure_ending_after_today_is_not_refused(store: Any, expired: int) -> None:
    with store.session() as s:
        plan = plan_transfer(s, COLLECTION, today=date(2009, 10, 3))
        assert plan.problems == ()
        # The day it ends, it has ended: the record is open from then on.
        ended = plan_transfer(s, COLLECTION, today=date(2009, 10, 4))
    assert [p.reason for p in ended.problems] == [ENDED]


def test_readiness_names_the_ended_closure(store: Any, expired: int) -> None:
    with store.session() as s:
        readiness = check_session(s, COLLECTION)
    assert not readiness.ready
    assert [(r.record_id, r.reason, r.detail) for r in readiness.refused] == [
        (expired, CLOSURE_ENDED, ENDED)
    ]
    # The two records open with redactions still go (84 years); the ended closure does not.
    assert (readiness.open_with_redactions, readiness.closed) == (2, 0)
    assert readiness.summary()["refused_closure_ended"] == 1


def test_the_cli_refuses_and_check_says_why(
    store: Any, expired: int, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.dispose()
    out = tmp_path / "bag"
    code = main(
        ["--db", db_url, "export", "transfer", "--collection", COLLECTION, "--out", str(out)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert f"case1/mg5.pdf: {ENDED}" in err
    assert not out.exists()
    code = main(["--db", db_url, "export", "transfer", "--collection", COLLECTION, "--check"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["ready"] is False
    assert data["refused"] == [
        {"record_id": expired, "path": "case1/mg5.pdf", "reason": CLOSURE_ENDED, "detail": ENDED}
    ]


def test_opening_the_record_clears_the_refusal(store: Any, expired: int) -> None:
    with store.session() as s:
        save_sensitivity(s, expired, REVIEWER, closure_status="Open")
        assert check_session(s, COLLECTION).ready
