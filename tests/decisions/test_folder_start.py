"""Folder sensitivity decisions checked per record: start dates TDR refuses, and start rules."""

from __future__ import annotations

from datetime import date

import pytest

from reviewer.audit import verify
from reviewer.decisions import (
    Actor,
    DecisionError,
    folder_sensitivity_conflicts,
    get_decision,
    save_folder_sensitivity,
    save_sensitivity,
    set_description,
    set_record_date,
    validate_sensitivity,
)
from reviewer.decisions.store import date_last_modified, get_record
from tests.decisions.factory import Fixture

REVIEWER = Actor("Sam Sensitive", "sensitivity")
CLOSED = {
    "closure_status": "Closed",
    "exemptions": [("40(2)", 84)],
    "foi_schedule_date": date(2025, 3, 1),
}
# case1/statement.pdf and case1/notes.txt were last modified in 2004, case1/sub/memo.docx in 2005.


def test_fixed_start_date_reports_each_record_it_does_not_fit(fx: Fixture) -> None:
    memo = fx.ids["case1/sub/memo.docx"]
    fields = {**CLOSED, "closure_start_date": date(2004, 12, 31)}
    with fx.store.session() as s:
        conflicts = folder_sensitivity_conflicts(s, fx.collection_id, "case1", **fields)
        assert [(c.record_id, c.start_date) for c in conflicts] == [(memo, True)]
        assert "2005-12-31" in conflicts[0].reason
        with pytest.raises(DecisionError) as err:
            save_folder_sensitivity(s, fx.collection_id, "case1", REVIEWER, **fields)
        problems = err.value.problems
        assert problems[0].startswith(f"record {memo}: closure start date must be")
        assert "closure_start_rule='record_date'" in problems[-1]
        assert "memo" not in " ".join(problems)  # records by id, never by name
        assert get_decision(s, fx.ids["case1/notes.txt"]).closure_status is None


def test_records_with_their_own_decision_are_not_reported(fx: Fixture) -> None:
    memo = fx.ids["case1/sub/memo.docx"]
    fields = {**CLOSED, "closure_start_date": date(2004, 12, 31)}
    with fx.store.session() as s:
        save_sensitivity(s, memo, REVIEWER, closure_status="Open")
        assert folder_sensitivity_conflicts(s, fx.collection_id, "case1", **fields) == []
        save_folder_sensitivity(s, fx.collection_id, "case1", REVIEWER, **fields)
        assert get_decision(s, fx.ids["case1/notes.txt"]).closure_start_date == date(2004, 12, 31)
        assert get_decision(s, memo).closure_status == "Open"


def test_start_date_from_each_records_date(fx: Fixture) -> None:
    memo, notes = fx.ids["case1/sub/memo.docx"], fx.ids["case1/notes.txt"]
    statement = fx.ids["case1/statement.pdf"]
    with fx.store.session() as s:
        set_record_date(s, statement, REVIEWER, date(2003, 2, 1))
        folder = save_folder_sensitivity(
            s, fx.collection_id, "case1", REVIEWER, **CLOSED, closure_start_rule="year_end"
        )
        assert folder.closure_start_rule == "year_end"
        assert folder.closure_start_date is None
        starts = {rid: get_decision(s, rid).closure_start_date for rid in (memo, notes, statement)}
        assert starts == {
            memo: date(2005, 12, 31),
            notes: date(2004, 12, 31),
            statement: date(2003, 12, 31),
        }
        # Every inheriting record passes TDR's rule with its own dates.
        for rid in (memo, notes, statement):
            view = get_decision(s, rid)
            assert view.sensitivity_inherited
            assert (
                validate_sensitivity(
                    closure_status="Closed",
                    exemptions=view.exemptions,
                    closure_start_date=view.closure_start_date,
                    foi_schedule_date=view.foi_schedule_date,
                    record_date=view.record_date,
                    date_last_modified=date_last_modified(get_record(s, rid), s),
                )
                == []
            )
        # A later date of the record moves the start with it.
        set_record_date(s, notes, REVIEWER, date(2002, 7, 9))
        assert get_decision(s, notes).closure_start_date == date(2002, 12, 31)
        save_folder_sensitivity(
            s, fx.collection_id, "case1", REVIEWER, **CLOSED, closure_start_rule="record_date"
        )
        assert get_decision(s, notes).closure_start_date == date(2002, 7, 9)
        assert get_decision(s, memo).closure_start_date == date(2005, 6, 15)
        assert verify(s).ok


def test_rule_and_date_together_or_unknown_rule_refused(fx: Fixture) -> None:
    with fx.store.session() as s:
        with pytest.raises(DecisionError, match="not both"):
            save_folder_sensitivity(
                s,
                fx.collection_id,
                "case1",
                REVIEWER,
                **CLOSED,
                closure_start_date=date(2004, 12, 31),
                closure_start_rule="record_date",
            )
        with pytest.raises(DecisionError, match="closure start rule must be one of"):
            save_folder_sensitivity(
                s, fx.collection_id, "case1", REVIEWER, **CLOSED, closure_start_rule="today"
            )


def test_attachment_without_a_date_takes_its_emails_date(fx: Fixture) -> None:
    """The export dates an attachment by its email when it has none; the rule does the same."""
    with fx.store.session() as s:
        save_folder_sensitivity(
            s, fx.collection_id, "case2", REVIEWER, **CLOSED, closure_start_rule="record_date"
        )
        view = get_decision(s, fx.ids["case2/mail.eml/attachment.pdf"])
        assert view.closure_start_date == date(2003, 6, 15)


def test_closed_folder_description_reports_records_without_one(fx: Fixture) -> None:
    fields = {
        **CLOSED,
        "closure_start_rule": "year_end",
        "description_closed": True,
        "description_alternate": "[withheld]",
    }
    with fx.store.session() as s:
        set_description(s, fx.ids["case2/mail.eml"], REVIEWER, "Email from Jo Bloggs")
        conflicts = folder_sensitivity_conflicts(s, fx.collection_id, "case2", **fields)
        assert {c.record_id for c in conflicts} == {
            fx.ids["case2/statement_copy.pdf"],
            fx.ids["case2/mail.eml/attachment.pdf"],
        }
        assert all("description itself" in c.reason for c in conflicts)
        # The reviewer may save anyway; those records then need their own description.
        save_folder_sensitivity(
            s, fx.collection_id, "case2", REVIEWER, allow_conflicts=True, **fields
        )
        assert get_decision(s, fx.ids["case2/mail.eml"]).description_closed


def test_a_start_rule_propagates_as_the_rule(fx: Fixture) -> None:
    """An exact copy dated 2006 takes its own start date, not the 2004 original's."""
    from reviewer.decisions import apply_propagation, preview_propagation

    source, copy = fx.ids["case1/statement.pdf"], fx.ids["case2/statement_copy.pdf"]
    with fx.store.session() as s:
        view = save_sensitivity(s, source, REVIEWER, **CLOSED, closure_start_rule="year_end")
        assert view.closure_start_date == date(2004, 12, 31)
        preview = preview_propagation(s, source, REVIEWER, ["sensitivity"])
        assert [(c.record_id, c.problems) for c in preview] == [(copy, ())]
        apply_propagation(s, source, REVIEWER, [copy], ["sensitivity"])
        assert get_decision(s, copy).closure_start_date == date(2006, 12, 31)
