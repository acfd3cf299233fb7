"""A record's history in words: each event kind described, newest first, no highlighted text."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from reviewer.audit import EventView
from reviewer.decisions import Actor, save_appraisal, save_sensitivity, set_record_date
from reviewer.decisions.looked_at import confirm_looked_at
from reviewer.decisions.redactions import add_redaction, remove_redaction
from reviewer.decisions.save import clear_decision
from reviewer.decisions.store import set_description
from reviewer.detect.entities import (
    add_manual_entity,
    dismiss_entity,
    remove_manual_entity,
    restore_entity,
)
from reviewer.viewings import record_played
from reviewer.workview import HistoryLine, history_lines, load_decided, load_work_view
from reviewer.workview.history import describe, lines_of
from tests.decisions.factory import Fixture, make_store

APPRAISER = Actor("Ann Appraiser", "appraiser")
SENSITIVITY = Actor("Sam Sensitive", "sensitivity")
PATH = "case1/notes.txt"  # its text is "Officer notes"


@pytest.fixture
def fx(db_url: str) -> Iterator[Fixture]:
    f = make_store(db_url)
    yield f
    f.store.dispose()


def _whats(fx: Fixture, rid: int) -> list[str]:
    with fx.store.session() as s:
        return [line.what for line in history_lines(s, rid)]


def test_decisions_are_described_field_by_field_newest_first(fx: Fixture) -> None:
    rid = fx.ids[PATH]
    with fx.store.session() as s:
        save_appraisal(s, rid, APPRAISER, "select", ("homicide",), "A murder case")
        save_appraisal(s, rid, APPRAISER, "destroy", (), "A murder case")
        set_record_date(s, rid, SENSITIVITY, date(2004, 3, 1))
        set_description(s, rid, SENSITIVITY, "Officer's notes of the arrest")
        save_sensitivity(
            s,
            rid,
            SENSITIVITY,
            closure_status="Closed",
            exemptions=[("40(2)", 84)],
            closure_start_date=date(2004, 3, 1),
            foi_schedule_date=date(2026, 1, 5),
        )
        save_sensitivity(
            s,
            rid,
            SENSITIVITY,
            closure_status="Closed",
            exemptions=[("40(2)", 95)],
            closure_start_date=date(2004, 3, 1),
            foi_schedule_date=date(2026, 1, 5),
            period_justification="The youngest person was 5 at the record's date.",
        )
        confirm_looked_at(s, rid, SENSITIVITY)
        confirm_looked_at(s, rid, SENSITIVITY, undo=True)
        clear_decision(s, rid, APPRAISER, "appraisal")
        s.commit()
        lines = history_lines(s, rid)
    assert all(isinstance(line, HistoryLine) for line in lines)
    assert [line.what for line in lines] == [
        "Own appraisal removed (was Destroy); the record inherits again.",
        "Withdrew the confirmation that someone looked at it.",
        "Confirmed someone looked at it.",
        "Closure: Closed, 40(2) 84 years → Closed, 40(2) 95 years; closure period justified: "
        "“The youngest person was 5 at the record's date.”",
        "Closure: Closed, 40(2) 84 years; closure starts 1 Mar 2004; FOI schedule date 5 Jan 2026.",
        "Description: “Officer's notes of the arrest”",
        "Date of the record set to 1 Mar 2004.",
        "Appraisal: Select → Destroy; criteria unticked: Murder and manslaughter.",
        "Appraisal: Select; criteria ticked: Murder and manslaughter; rationale: “A murder case”",
    ]
    first, last = lines[-1], lines[0]
    assert (first.who, first.role) == ("Ann Appraiser", "appraiser")
    assert lines[1].who == "Sam Sensitive" and lines[1].role == "sensitivity"
    assert first.at.utcoffset() == timedelta(0)  # aware UTC; the panel shows local time
    assert [line.at for line in lines] == sorted((line.at for line in lines), reverse=True)
    assert last.what.startswith("Own appraisal removed")


def test_dates_set_again_changed_and_the_bookkeeping_left_out(fx: Fixture) -> None:
    rid = fx.ids[PATH]
    with fx.store.session() as s:
        set_record_date(s, rid, SENSITIVITY, date(2004, 3, 1))
        set_record_date(s, rid, SENSITIVITY, date(2004, 3, 1))
        set_record_date(s, rid, SENSITIVITY, date(2005, 12, 31))
        set_record_date(s, rid, SENSITIVITY, None)
        s.commit()
    whats = _whats(fx, rid)
    assert whats == [
        "Date of the record 31 Dec 2005 removed.",
        "Date of the record changed from 1 Mar 2004 to 31 Dec 2005.",
        "Date of the record confirmed as 1 Mar 2004.",
        "Date of the record set to 1 Mar 2004.",
    ]
    for what in whats:
        for field in ("version", "record_id", "scope_path", "_by", "_role"):
            assert field not in what


def test_open_with_redactions_title_closed_and_cleared(fx: Fixture) -> None:
    rid = fx.ids[PATH]
    with fx.store.session() as s:
        save_sensitivity(
            s,
            rid,
            SENSITIVITY,
            closure_status="Closed",
            redacted=True,
            exemptions=[("40(2)", 84)],
            closure_start_date=date(2004, 12, 31),
            foi_schedule_date=date(2026, 1, 5),
            title_closed=True,
            title_alternate="Notes of [name withheld]",
            redact_labels=("PERSON",),
        )
        clear_decision(s, rid, SENSITIVITY, "sensitivity")
        s.commit()
    cleared, saved = _whats(fx, rid)
    assert saved.startswith("Closure: Open (redacted), 40(2) 84 years; redact: Person; ")
    assert "title closed, shown as “Notes of [name withheld]”" in saved
    assert cleared == (
        "Own closure decision removed (was Open (redacted), 40(2) 84 years); "
        "the record inherits again."
    )


def test_highlights_redactions_and_playings_name_no_highlighted_text(fx: Fixture) -> None:
    rid = fx.ids[PATH]
    with fx.store.session() as s:
        added = add_manual_entity(s, rid, 0, 7, "PERSON", "Sam Sensitive")  # "Officer"
        dismiss_entity(s, added.id, "once", "Sam Sensitive")
        restore_entity(s, added.id, "Sam Sensitive")
        red = add_redaction(s, rid, SENSITIVITY, entity_id=added.id)
        remove_redaction(s, red.id, SENSITIVITY)
        remove_manual_entity(s, added.id, "Sam Sensitive")
        record_played(s, rid, "Sam Sensitive", "sensitivity", 42.4)
        record_played(s, rid, "Sam Sensitive", "sensitivity", 3725)
        s.commit()
        lines = history_lines(s, rid)
    whats = [line.what for line in lines]
    assert whats == [
        "Played the recording (reached 1:02:05).",
        "Played the recording (reached 0:42).",
        "Removed a Person highlight that was added by hand.",
        "Redaction removed: Person on page 1.",
        "Marked for redaction: Person on page 1.",
        "Restored a dismissed Person highlight.",
        "Dismissed a Person highlight as not personal data (this one only).",
        "Added a Person highlight by hand.",
    ]
    assert not any("Officer" in w for w in whats)
    assert lines[0].who == "Sam Sensitive" and lines[0].role == "sensitivity"


def _event(kind: str, before: object = None, after: object = None, **kw: object) -> EventView:
    fields: dict[str, object] = {
        "id": 1,
        "collection_id": 1,
        "record_id": 1,
        "target": "thing:1",
        "actor": "Someone",
        "role": "qa",
        "at": datetime(2026, 12, 3, 14, 5, tzinfo=UTC),
        "kind": kind,
        "before": before,
        "after": after,
        "hash": "0" * 64,
    }
    fields.update(kw)
    return EventView(**fields)  # type: ignore[arg-type]


def test_unknown_kinds_and_malformed_events_still_read() -> None:
    assert describe(_event("something_new_happened")) == "Something new happened."
    assert describe(_event("")) == "Something was recorded."
    # A decision event whose state is not what it should be: a line, not a crash.
    odd = _event("appraisal", before=[1, 2], after={"exemptions": 7}, target="record:1")
    assert describe(odd)
    assert describe(_event("media_played", after="nonsense")) == "Played the recording."
    assert describe(_event("redaction_added", after=None)) == "Marked for redaction: a passage."


def test_qa_and_propagated_events() -> None:
    state: dict[str, object] = {"appraisal": None, "closure_status": "Open", "exemptions": []}
    closed = {**state, "closure_status": "Closed", "exemptions": [["31", 100]]}
    overturn = _event("qa_overturn", before=state, after=closed, target="record:1")
    assert describe(overturn) == "QA overturned the decision: Closure: Open → Closed, 31 100 years."
    same = _event("qa_uphold", before=state, after=state, target="record:1")
    assert describe(same) == "QA upheld the first decision."
    copied = _event(
        "appraisal from record 7",
        before=None,
        after={"appraisal": "retain", "criteria": []},
        target="record:1",
    )
    assert describe(copied) == "Copied from record 7: Appraisal: Retain."
    outcome = _event("qa_outcome", after={"outcome": "overturn", "note": "s.31 applies"})
    assert describe(outcome) == "QA overturned the first decision: “s.31 applies”"


def test_lines_are_newest_first_by_event_order() -> None:
    at = datetime(2026, 12, 3, 14, 5, tzinfo=UTC)
    events = [_event("a_kind", id=1, at=at), _event("b_kind", id=2, at=at)]
    assert [line.what for line in lines_of(events)] == ["B kind.", "A kind."]


def test_the_view_carries_the_history_and_a_reload_refreshes_it(fx: Fixture) -> None:
    from reviewer.workview import with_decided

    rid = fx.ids[PATH]
    with fx.store.session() as s:
        save_appraisal(s, rid, APPRAISER, "select")
        s.commit()
        view = load_work_view(s, rid, "case", with_marks=False)
    assert view is not None
    assert [line.what for line in view.history] == ["Appraisal: Select."]
    with fx.store.session() as s:
        save_appraisal(s, rid, APPRAISER, "retain")
        s.commit()
        decided = load_decided(s, rid)
    assert next(line.what for line in decided.history) == "Appraisal: Select → Retain."
    fresh = with_decided(view, decided)
    assert fresh.history == decided.history
    assert dataclasses.replace(fresh, history=()).history == ()
