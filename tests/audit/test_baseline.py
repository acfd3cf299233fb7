"""A baseline accepts a store's present state into the history, openly and never by accident.

The attacks are plain SQL on another connection (a store upgraded from before sealing looks the
same to `verify` as one edited by hand). Runs on SQLite and, with REVIEWER_TEST_DB, PostgreSQL.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from reviewer.audit import verify
from reviewer.audit.baseline import BaselineRefused, baseline_events, take_baseline
from reviewer.cli import main
from reviewer.decisions import Actor, save_appraisal
from tests.decisions.factory import Fixture, make_store


def _sql(fx: Fixture, *statements: str) -> None:
    engine = create_engine(fx.url, poolclass=NullPool)
    with engine.begin() as conn:
        for sql in statements:
            conn.execute(text(sql))
    engine.dispose()


@pytest.fixture
def fx(db_url: str) -> Fixture:
    fx = make_store(db_url)
    with fx.store.session() as s:
        save_appraisal(s, fx.ids["case1/notes.txt"], Actor("Ann", "appraiser"), "select", [], "")
    return fx


def test_a_baseline_accepts_rows_the_history_never_saw_and_says_so(fx: Fixture) -> None:
    notes = fx.ids["case1/notes.txt"]
    _sql(  # as an older release wrote them: never sealed
        fx,
        f"UPDATE records SET name = 'renamed.txt' WHERE id = {notes}",
        f"UPDATE decisions SET rationale = 'written by hand' WHERE record_id = {notes}",
    )
    with fx.store.session() as s:
        before = verify(s)
        assert {p.table for p in before.problems} == {"records", "decisions"}
        done = take_baseline(s, "Admin", "store made before release 0.8")
        s.commit()
    assert done.accepted == {"records": 1, "decisions": 1}
    with fx.store.session() as s:
        assert verify(s).ok
        [event_row] = [b for b in baseline_events(s) if b["rows"] == 1 and b["by"] == "Admin"][:1]
        assert event_row["reason"] == "store made before release 0.8"
        assert len(baseline_events(s)) == 2  # the sealed rows, then the decision's own event
    # A baseline is not a licence: the next edit by hand is caught again.
    _sql(fx, f"UPDATE records SET sha256 = 'x' WHERE id = {notes}")
    with fx.store.session() as s:
        assert [(p.table, p.change) for p in verify(s).problems] == [("records", "edited")]


def test_a_baseline_never_accepts_an_altered_or_missing_event(fx: Fixture) -> None:
    _sql(fx, "UPDATE audit_events SET actor = 'someone else' WHERE id = 1")
    with fx.store.session() as s, pytest.raises(BaselineRefused, match="broken at event 1"):
        take_baseline(s, "Admin", "hide it")


def test_a_baseline_needs_a_reason_and_an_intact_store_needs_none(fx: Fixture) -> None:
    with fx.store.session() as s:
        with pytest.raises(BaselineRefused, match="needs a reason"):
            take_baseline(s, "Admin", "  ")
        assert take_baseline(s, "Admin", "routine").event_id is None
        assert baseline_events(s) == []


def test_the_command_takes_one_and_verify_lists_it(
    fx: Fixture, capsys: pytest.CaptureFixture[str]
) -> None:
    _sql(fx, "UPDATE collections SET kind = 'x'")
    assert main(["--db", fx.url, "audit", "verify"]) == 1
    capsys.readouterr()
    assert main(["--db", fx.url, "audit", "baseline", "--reason", "upgraded from 0.7"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["accepted"] == {"collections": 1}
    assert "baseline taken: 1 row(s)" in out.err
    assert main(["--db", fx.url, "audit", "verify"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["baselines"][0]["reason"] == "upgraded from 0.7"
    assert "accepted 1 row(s): upgraded from 0.7" in out.err
    _sql(fx, "UPDATE audit_events SET after = '{}' WHERE target = 'baseline'")
    assert main(["--db", fx.url, "audit", "baseline", "--reason", "again"]) == 2
    assert "refused: the history itself is broken" in capsys.readouterr().err
