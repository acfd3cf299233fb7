"""The history is tamper-evident: edits, deletions and insertions are found by `verify`."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text

from models.audit import AuditHead
from reviewer.audit import record_history, verify
from reviewer.cli import main
from reviewer.decisions import Actor, create_hold, save_appraisal, save_sensitivity
from tests.decisions.factory import Fixture

APPRAISER = Actor("Ann Appraiser", "appraiser")
REVIEWER = Actor("Sam Sensitive", "sensitivity")


def _five_events(fx: Fixture) -> None:
    with fx.store.session() as s:
        save_appraisal(s, fx.ids["case1/notes.txt"], APPRAISER, "select", ["sample"], "")
        save_appraisal(s, fx.ids["case1/statement.pdf"], APPRAISER, "select", ["homicide"], "")
        create_hold(s, fx.collection_id, APPRAISER, "IICSA", keywords=["abuse"])
        save_sensitivity(s, fx.ids["case1/notes.txt"], REVIEWER, closure_status="Open")
        save_appraisal(s, fx.ids["case1/notes.txt"], APPRAISER, "retain", [], "s.3(4)")


def _sql(fx: Fixture, statement: str) -> None:
    with fx.store.engine.begin() as conn:
        conn.execute(text(statement))


def _verify(fx: Fixture):  # type: ignore[no-untyped-def]
    with fx.store.session() as s:
        return verify(s)


def test_intact_history_verifies(fx: Fixture) -> None:
    _five_events(fx)
    result = _verify(fx)
    assert result.ok
    assert result.events == 6  # the fixture's records are sealed by the first event
    with fx.store.session() as s:
        events = record_history(s, fx.ids["case1/notes.txt"])
    assert [e.kind for e in events] == ["appraisal", "sensitivity", "appraisal"]
    assert events[0].before is None
    assert events[2].before["appraisal"] == "select"
    assert events[2].after["appraisal"] == "retain"
    assert (events[2].actor, events[2].role) == ("Ann Appraiser", "appraiser")
    assert events[2].at.tzinfo is not None


def test_empty_history_verifies(fx: Fixture) -> None:
    assert _verify(fx).ok


def test_update_of_an_event_is_caught(fx: Fixture) -> None:
    _five_events(fx)
    _sql(fx, "UPDATE audit_events SET actor = 'Someone Else' WHERE id = 2")
    result = _verify(fx)
    assert not result.ok
    assert result.first_bad_event_id == 2
    assert "altered" in result.reason


def test_update_of_after_json_is_caught(fx: Fixture) -> None:
    _five_events(fx)
    _sql(fx, "UPDATE audit_events SET after = replace(after, 'homicide', 'sample') WHERE id = 3")
    assert _verify(fx).first_bad_event_id == 3


def test_delete_of_a_middle_event_is_caught(fx: Fixture) -> None:
    _five_events(fx)
    _sql(fx, "DELETE FROM audit_events WHERE id = 3")
    result = _verify(fx)
    assert not result.ok
    assert result.first_bad_event_id == 3
    assert "missing" in result.reason


def test_delete_of_the_last_event_is_caught(fx: Fixture) -> None:
    _five_events(fx)
    _sql(fx, "DELETE FROM audit_events WHERE id = 6")
    result = _verify(fx)
    assert not result.ok
    assert result.first_bad_event_id == 6


def test_renumbered_forgery_is_caught(fx: Fixture) -> None:
    _five_events(fx)
    _sql(fx, "DELETE FROM audit_events WHERE id = 3")
    _sql(fx, "UPDATE audit_events SET id = id - 1 WHERE id > 3")
    result = _verify(fx)
    assert not result.ok
    assert result.first_bad_event_id == 3


def test_decision_edited_in_place_without_event_is_caught(fx: Fixture) -> None:
    _five_events(fx)
    _sql(fx, "UPDATE decisions SET appraisal = 'destroy' WHERE appraisal = 'retain'")
    result = _verify(fx)
    assert not result.ok
    assert "decisions record:2 was edited outside the tool" in result.reason
    assert result.first_bad_event_id == 6


def test_hold_lifted_in_place_without_event_is_caught(fx: Fixture) -> None:
    _five_events(fx)
    _sql(fx, "UPDATE holds SET lifted_by = 'x', lifted_at = '2026-01-01 00:00:00'")
    result = _verify(fx)
    assert not result.ok
    assert "hold" in result.reason


def test_chain_continues_after_a_new_store(fx: Fixture) -> None:
    _five_events(fx)
    fx.store.dispose()
    from models import open_store

    again = open_store(fx.url)
    try:
        with again.session() as s:
            save_sensitivity(
                s,
                fx.ids["case1/statement.pdf"],
                REVIEWER,
                closure_status="Closed",
                exemptions=[("40(2)", 84)],
                closure_start_date=date(2004, 12, 31),
                foi_schedule_date=date(2024, 5, 1),
            )
        with again.session() as s:
            result = verify(s)
        assert result.ok
        assert result.events == 7
    finally:
        again.dispose()


def test_delete_of_the_head_row_itself_is_caught(fx: Fixture) -> None:
    _five_events(fx)
    _sql(fx, "DELETE FROM audit_head")
    result = _verify(fx)
    assert not result.ok
    assert "head is missing" in result.reason
    assert result.events == 6
    assert result.head_hash is None


def test_head_and_newest_event_deleted_together_are_caught(fx: Fixture) -> None:
    _five_events(fx)
    _sql(fx, "DELETE FROM audit_events WHERE id = 6")
    _sql(fx, "DELETE FROM audit_head")
    assert not _verify(fx).ok


def test_cli_reports_events_checked_and_head_hash(
    fx: Fixture, capsys: pytest.CaptureFixture[str]
) -> None:
    _five_events(fx)
    with fx.store.session() as s:
        head = s.get(AuditHead, 1)
        assert head is not None
        stored = head.head_hash
    fx.store.dispose()
    assert main(["--db", fx.url, "audit", "verify"]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert (report["ok"], report["events_checked"], report["head_hash"]) == (True, 6, stored)
    assert f"6 events checked, head hash {stored}" in err
    _sql(fx, "UPDATE audit_events SET kind = 'x' WHERE id = 4")
    fx.store.dispose()
    assert main(["--db", fx.url, "audit", "verify"]) == 1
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert (report["first_bad_event_id"], report["events_checked"]) == (4, 4)
    assert report["head_hash"] == stored  # what the stored head claims
    assert "event 4" in err


@pytest.mark.parametrize(
    "text",
    ["plain", 'quote " and \\ backslash', "é ü 漢字 \u2028 emoji 🙂", "tab\tnew\nline\x00nul"],
)
def test_fast_event_hash_agrees_with_the_chain(text: str) -> None:
    """`verify` writes the canonical JSON by hand for speed: it must hash exactly as appends do."""
    from datetime import UTC, datetime

    from reviewer.audit.chain import event_hash
    from reviewer.audit.verify import _hash

    at = datetime(2026, 12, 3, 9, 58, 17, 123, tzinfo=UTC)
    for coll, rec in ((None, None), (3, 12)):
        fields = {
            "id": 7,
            "collection_id": coll,
            "record_id": rec,
            "target": f"record:{text}",
            "actor": text,
            "role": "qa",
            "at": at,
            "kind": text,
            "before": json.dumps({"t": text}),
            "after": "null",
            "prev_hash": "0" * 64,
        }
        row = (*fields.values(), "")
        assert _hash(row) == event_hash(**fields)  # type: ignore[arg-type]
