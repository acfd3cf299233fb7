"""Conflicts shown where they are made: a hold over destroy decisions names them everywhere;
copies and families with conflicting closures are marked for the queue."""

from __future__ import annotations

import json
from datetime import date

import pytest

from reviewer.decisions import Actor, save_appraisal, save_sensitivity
from reviewer.decisions.markers import (
    COPY_CONFLICT,
    FAMILY_CONFLICT,
    HELD_DESTROY,
    record_markers,
)
from reviewer.export.appraisal_report import build_report, report_html
from reviewer.queue import load_queue
from tests.decisions.factory import Fixture
from tests.decisions.test_cli import COLL, run

APPRAISER = Actor("Ann Appraiser", "appraiser")
REVIEWER = Actor("Sam Sensitive", "sensitivity")
CLOSED = {
    "closure_status": "Closed",
    "exemptions": [("40(2)", 84)],
    "closure_start_date": date(2004, 12, 31),
    "foi_schedule_date": date(2025, 3, 1),
}


def test_a_hold_over_destroy_decisions_lists_them_everywhere(
    fx: Fixture, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: placing the hold said only 'hold placed'; nothing showed the conflict."""
    notes, minutes = fx.ids["case1/notes.txt"], fx.ids["corp/minutes.docx"]
    with fx.store.session() as s:
        for rid in (notes, minutes):
            save_appraisal(s, rid, APPRAISER, "destroy")
    code, out, err = run(
        fx, capsys, "holds", "add", "--collection", COLL, "--name", "Undercover Policing Inquiry",
        "--keyword", "undercover", "--by", "Ann Appraiser",
    )  # fmt: skip
    assert code == 0
    placed = json.loads(out)
    assert placed["destroy_suspended"] == [
        {"record_id": minutes, "path": "corp/minutes.docx", "marker": HELD_DESTROY}
    ]
    assert "corp/minutes.docx: held: destroy suspended (it was decided destroy)" in err
    code, out, err = run(fx, capsys, "holds", "list", "--collection", COLL)
    assert [r["path"] for r in json.loads(out)[0]["destroy_suspended"]] == ["corp/minutes.docx"]
    with fx.store.session() as s:
        markers = record_markers(s, fx.collection_id)
        assert [m.kind for m in markers[minutes]] == [HELD_DESTROY]
        assert notes not in markers  # decided destroy, but no hold covers it
        queue = {r.id: r for r in load_queue(s, COLL).rows}
        assert queue[minutes].markers[0].startswith("held: destroy suspended: decided destroy")
        report = build_report(s, COLL)
    assert [p for p, m in report.conflicts if m.startswith(HELD_DESTROY)] == ["corp/minutes.docx"]
    assert "held: destroy suspended" in report_html(report)


def test_a_held_record_that_inherits_destroy_says_held_in_the_queue_and_cli(
    fx: Fixture, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a record inheriting destroy from its folder (or parent) had a blank appraisal cell
    under a hold, the conflict only in a tooltip; `reviewer queue` had no markers at all."""
    from reviewer.decisions import create_hold, save_folder_appraisal

    minutes = fx.ids["corp/minutes.docx"]
    with fx.store.session() as s:
        save_folder_appraisal(s, fx.collection_id, "corp", APPRAISER, "destroy", [], "")
        create_hold(s, fx.collection_id, APPRAISER, "Inquiry", keywords=["undercover"])
    with fx.store.session() as s:
        row = next(r for r in load_queue(s, COLL).rows if r.id == minutes)
    assert row.appraisal is None  # nothing of its own: it inherits from the folder
    assert row.appraisal_cell == "held"
    code, out, _err = run(fx, capsys, "queue", "--collection", COLL, "--format", "json")
    assert code == 0
    item = next(i for i in json.loads(out) if i["record_id"] == minutes)
    assert item["markers"][0].startswith(HELD_DESTROY)


def test_copies_and_families_with_conflicting_closures_are_marked(fx: Fixture) -> None:
    original, copy = fx.ids["case1/statement.pdf"], fx.ids["case2/statement_copy.pdf"]
    mail, attachment = fx.ids["case2/mail.eml"], fx.ids["case2/mail.eml/attachment.pdf"]
    with fx.store.session() as s:
        save_sensitivity(s, original, REVIEWER, redact_labels=["PERSON"], redacted=True, **CLOSED)  # type: ignore[arg-type]
        save_sensitivity(s, copy, REVIEWER, **{**CLOSED, "closure_start_date": date(2006, 12, 31)})  # type: ignore[arg-type]
        save_sensitivity(s, mail, REVIEWER, closure_status="Open")
        save_sensitivity(
            s, attachment, REVIEWER, **{**CLOSED, "closure_start_date": date(2003, 12, 31)}
        )  # type: ignore[arg-type]
    with fx.store.session() as s:
        markers = record_markers(s, fx.collection_id)
    assert [str(m) for m in markers[original]] == [
        f"{COPY_CONFLICT}: this copy is Open with redactions, case2/statement_copy.pdf is Closed"
    ]
    assert [m.kind for m in markers[copy]] == [COPY_CONFLICT]
    assert str(markers[mail][0]) == (
        f"{FAMILY_CONFLICT}: opened in full while case2/mail.eml/attachment.pdf is Closed"
    )
    assert [m.kind for m in markers[attachment]] == [FAMILY_CONFLICT]
    assert set(markers) == {original, copy, mail, attachment}
    # The same closure on both copies is no conflict.
    with fx.store.session() as s:
        save_sensitivity(s, original, REVIEWER, **CLOSED)  # type: ignore[arg-type]
        assert original not in record_markers(s, fx.collection_id)


def test_a_copy_closed_by_its_folder_still_conflicts(fx: Fixture) -> None:
    from reviewer.decisions import save_folder_sensitivity

    original = fx.ids["case1/statement.pdf"]
    with fx.store.session() as s:
        save_sensitivity(s, original, REVIEWER, closure_status="Open")
        save_folder_sensitivity(
            s, fx.collection_id, "case2", REVIEWER, allow_conflicts=True,
            **{**CLOSED, "closure_start_date": None}, closure_start_rule="year_end",
        )  # fmt: skip
    with fx.store.session() as s:
        markers = record_markers(s, fx.collection_id)
    assert [m.kind for m in markers[original]] == [COPY_CONFLICT]
    assert "case2/statement_copy.pdf is Closed" in str(markers[original][0])
