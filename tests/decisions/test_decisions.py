"""Saving, inheriting, holding and propagating decisions through the store."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from models import open_store
from models.audit import UnauditedChange
from models.decisions import Decision
from reviewer.audit import record_history, verify
from reviewer.decisions import (
    Actor,
    DecisionError,
    active_holds,
    apply_propagation,
    clear_decision,
    create_hold,
    decision_summaries,
    destroy_conflicts,
    get_decision,
    lift_hold,
    list_holds,
    preview_propagation,
    save_appraisal,
    save_folder_appraisal,
    save_folder_sensitivity,
    save_sensitivity,
    set_record_date,
    transfer_due_year,
)
from tests.decisions.factory import Fixture

APPRAISER = Actor("Ann Appraiser", "appraiser")
REVIEWER = Actor("Sam Sensitive", "sensitivity")
CLOSED = {
    "closure_status": "Closed",
    "exemptions": [("40(2)", 84), ("38", 84)],
    "closure_start_date": date(2004, 12, 31),
    "foi_schedule_date": date(2025, 3, 1),
}


def test_sensitivity_saved_and_read_with_exemptions_in_order(fx: Fixture) -> None:
    rid = fx.ids["case1/statement.pdf"]
    with fx.store.session() as s:
        alternate = {"title_closed": True, "title_alternate": "[withheld]"}
        save_sensitivity(s, rid, REVIEWER, **alternate, **CLOSED)
    with fx.store.session() as s:
        v = get_decision(s, rid)
    assert v.closure_status == "Closed"
    assert v.exemptions == (("40(2)", 84), ("38", 84))
    assert v.title_closed
    assert v.title_alternate == "[withheld]"
    assert (v.decided_by, v.role) == ("Sam Sensitive", "sensitivity")


def test_tdr_rule_breach_is_refused_and_nothing_stored(fx: Fixture) -> None:
    rid = fx.ids["case1/statement.pdf"]
    with pytest.raises(DecisionError) as err, fx.store.session() as s:
        save_sensitivity(s, rid, REVIEWER, **{**CLOSED, "closure_start_date": date(2004, 6, 1)})
    assert any("31 December" in p for p in err.value.problems)
    with fx.store.session() as s:
        assert get_decision(s, rid).closure_status is None
        assert record_history(s, rid) == []


def test_closure_start_follows_record_date_when_set(fx: Fixture) -> None:
    rid = fx.ids["case1/statement.pdf"]
    with fx.store.session() as s:
        set_record_date(s, rid, APPRAISER, date(2003, 2, 1))
        assert transfer_due_year(s, rid) == 2023
        with pytest.raises(DecisionError):
            save_sensitivity(s, rid, REVIEWER, **CLOSED)  # 2004-12-31 no longer matches
        v = save_sensitivity(s, rid, REVIEWER, **{**CLOSED, "closure_start_date": date(2003, 2, 1)})
    assert v.record_date == date(2003, 2, 1)


def test_unknown_criterion_and_bad_outcome_refused(fx: Fixture) -> None:
    rid = fx.ids["case1/notes.txt"]
    with pytest.raises(DecisionError) as err, fx.store.session() as s:
        save_appraisal(s, rid, APPRAISER, "keep", ["no_such_thing"], "")
    assert any("appraisal must be one of" in p for p in err.value.problems)
    assert any("unknown criteria: no_such_thing" in p for p in err.value.problems)


def test_folder_decision_inherited_and_overridden(fx: Fixture) -> None:
    with fx.store.session() as s:
        save_folder_appraisal(s, fx.collection_id, "case1", APPRAISER, "select", ["homicide"], "")
        save_folder_appraisal(s, fx.collection_id, "case1/sub", APPRAISER, "retain", [], "s.3(4)")
        save_appraisal(s, fx.ids["case1/notes.txt"], APPRAISER, "destroy", [], "ephemeral")
    with fx.store.session() as s:
        statement = get_decision(s, fx.ids["case1/statement.pdf"])
        memo = get_decision(s, fx.ids["case1/sub/memo.docx"])
        notes = get_decision(s, fx.ids["case1/notes.txt"])
        other = get_decision(s, fx.ids["case2/mail.eml"])
        summaries = decision_summaries(s, fx.collection_id)
    assert statement.appraisal == "select"
    assert statement.appraisal_inherited
    assert statement.inherited_scope == "folder case1/"
    assert memo.appraisal == "retain"  # the nearer folder wins
    assert notes.appraisal == "destroy"
    assert notes.inherited_from is None
    assert other.appraisal is None
    assert fx.ids["case2/mail.eml"] not in summaries
    assert summaries[fx.ids["case1/statement.pdf"]].appraisal == "select"


def test_parts_inherit_separately(fx: Fixture) -> None:
    rid = fx.ids["case1/statement.pdf"]
    with fx.store.session() as s:
        save_folder_appraisal(s, fx.collection_id, "case1", APPRAISER, "select", ["sample"], "")
        save_sensitivity(s, rid, REVIEWER, **CLOSED)
        v = get_decision(s, rid)
    assert v.appraisal == "select"
    assert v.appraisal_inherited
    assert v.closure_status == "Closed"
    assert not v.sensitivity_inherited


def test_parent_record_decision_applies_to_attachment(fx: Fixture) -> None:
    with fx.store.session() as s:
        save_appraisal(s, fx.ids["case2/mail.eml"], APPRAISER, "select", ["public_interest"], "")
        v = get_decision(s, fx.ids["case2/mail.eml/attachment.pdf"])
    assert v.appraisal == "select"
    assert v.inherited_record_id == fx.ids["case2/mail.eml"]


def test_clearing_an_override_inherits_again(fx: Fixture) -> None:
    rid = fx.ids["case1/notes.txt"]
    with fx.store.session() as s:
        save_folder_appraisal(s, fx.collection_id, "case1", APPRAISER, "select", ["sample"], "")
        save_appraisal(s, rid, APPRAISER, "destroy", [], "")
        assert clear_decision(s, rid, APPRAISER, "appraisal").appraisal == "select"


def test_folder_sensitivity_is_checked(fx: Fixture) -> None:
    with pytest.raises(DecisionError), fx.store.session() as s:
        save_folder_sensitivity(s, fx.collection_id, "case1", REVIEWER, closure_status="Closed")
    with fx.store.session() as s:
        save_folder_sensitivity(s, fx.collection_id, "case1", REVIEWER, closure_status="Open")
        assert get_decision(s, fx.ids["case1/notes.txt"]).closure_status == "Open"


def test_hold_blocks_destroy_naming_the_hold_and_lifting_is_recorded(fx: Fixture) -> None:
    rid = fx.ids["corp/minutes.docx"]
    with fx.store.session() as s:
        hold = create_hold(
            s, fx.collection_id, APPRAISER, "Undercover Policing Inquiry", keywords=["undercover"]
        )
        assert [h.name for h in active_holds(s, rid)] == ["Undercover Policing Inquiry"]
        assert active_holds(s, fx.ids["case1/notes.txt"]) == []
        save_appraisal(s, fx.ids["case1/notes.txt"], APPRAISER, "destroy", [], "")
    with pytest.raises(DecisionError) as err, fx.store.session() as s:
        save_appraisal(s, rid, APPRAISER, "destroy", [], "")
    assert "Undercover Policing Inquiry" in str(err.value)
    with fx.store.session() as s:
        lifted = lift_hold(s, hold.id, APPRAISER, "inquiry closed")
        assert not lifted.active
        assert lifted.lifted_by == "Ann Appraiser"
        assert save_appraisal(s, rid, APPRAISER, "destroy", [], "").appraisal == "destroy"
        holds = list_holds(s, fx.collection_id)
        assert holds[0].lift_reason == "inquiry closed"
        from reviewer.audit import history

        kinds = [e.kind for e in history(s, fx.collection_id)]
    assert kinds.count("hold_created") == 1
    assert kinds.count("hold_lifted") == 1


def test_collection_and_date_holds(fx: Fixture) -> None:
    with fx.store.session() as s:
        create_hold(
            s,
            fx.collection_id,
            APPRAISER,
            "IICSA",
            date_from=date(2003, 1, 1),
            date_to=date(2003, 12, 31),
        )
        assert active_holds(s, fx.ids["case2/mail.eml"])  # modified in 2003
        assert not active_holds(s, fx.ids["case1/notes.txt"])  # 2004
        create_hold(s, fx.collection_id, APPRAISER, "Whole collection")
        assert active_holds(s, fx.ids["case1/notes.txt"])


def test_folder_destroy_refused_when_a_record_under_it_is_held(fx: Fixture) -> None:
    with fx.store.session() as s:
        create_hold(s, fx.collection_id, APPRAISER, "Murder review", keywords=["murder"])
    with pytest.raises(DecisionError) as err, fx.store.session() as s:
        save_folder_appraisal(s, fx.collection_id, "case1", APPRAISER, "destroy", [], "")
    assert "Murder review" in str(err.value)


def test_hold_after_destroy_is_reported_as_conflict(fx: Fixture) -> None:
    rid = fx.ids["case1/notes.txt"]
    with fx.store.session() as s:
        save_appraisal(s, rid, APPRAISER, "destroy", [], "")
        create_hold(s, fx.collection_id, APPRAISER, "Late hold")
        assert set(destroy_conflicts(s, fx.collection_id)) == {rid}


def test_propagation_preview_then_apply(fx: Fixture) -> None:
    src = fx.ids["case1/statement.pdf"]
    dup = fx.ids["case2/statement_copy.pdf"]
    with fx.store.session() as s:
        save_appraisal(s, src, APPRAISER, "select", ["homicide"], "murder")
        preview = preview_propagation(s, src, APPRAISER)
        assert [(c.record_id, c.relation, c.parts) for c in preview] == [
            (dup, "duplicate", ("appraisal",))
        ]
        assert get_decision(s, dup).appraisal is None  # nothing changed yet
        result = apply_propagation(s, src, APPRAISER, [dup])
        assert [v.record_id for v in result.applied] == [dup]
        assert get_decision(s, dup).criteria == ("homicide",)
        kinds = [e.kind for e in record_history(s, dup)]
        assert kinds == [f"appraisal from record {src}"]
        assert preview_propagation(s, src, APPRAISER) == []


def test_propagation_to_email_attachments_and_refusals(fx: Fixture) -> None:
    mail = fx.ids["case2/mail.eml"]
    att = fx.ids["case2/mail.eml/attachment.pdf"]
    with fx.store.session() as s:
        save_sensitivity(s, mail, REVIEWER, **{**CLOSED, "closure_start_date": date(2003, 12, 31)})
        preview = preview_propagation(s, mail, REVIEWER)
        assert [(c.record_id, c.relation, c.problems) for c in preview] == [(att, "attachment", ())]
        apply_propagation(s, mail, REVIEWER)
        assert not get_decision(s, att).sensitivity_inherited
        # A duplicate modified in another year cannot take the same closure start date.
        src = fx.ids["case1/statement.pdf"]
        save_sensitivity(s, src, REVIEWER, **CLOSED)
        result = apply_propagation(s, src, REVIEWER)
        dup = fx.ids["case2/statement_copy.pdf"]
        assert dup in result.refused
        assert "31 December" in result.refused[dup][0]


def test_optimistic_concurrency(fx: Fixture) -> None:
    rid = fx.ids["case1/notes.txt"]
    with fx.store.session() as s:
        v = save_appraisal(s, rid, APPRAISER, "select", ["sample"], "")
        save_appraisal(s, rid, APPRAISER, "retain", [], "", expected_version=v.version)
    with pytest.raises(DecisionError) as err, fx.store.session() as s:
        save_appraisal(s, rid, APPRAISER, "defer", [], "", expected_version=v.version)
    assert "changed by someone else" in str(err.value)


def test_decision_cannot_be_changed_without_its_event(fx: Fixture) -> None:
    rid = fx.ids["case1/notes.txt"]
    with fx.store.session() as s:
        save_appraisal(s, rid, APPRAISER, "select", ["sample"], "")
    with fx.store.session() as s:
        row = s.scalar(select(Decision).where(Decision.record_id == rid))
        assert row is not None
        row.appraisal = "destroy"
        with pytest.raises(UnauditedChange):
            s.flush()
        s.rollback()
    with fx.store.session() as s:
        assert get_decision(s, rid).appraisal == "select"


def test_decisions_survive_a_new_store(fx: Fixture) -> None:
    rid = fx.ids["case1/statement.pdf"]
    with fx.store.session() as s:
        save_appraisal(s, rid, APPRAISER, "select", ["homicide"], "murder")
        save_sensitivity(s, rid, REVIEWER, **CLOSED)
    fx.store.dispose()
    again = open_store(fx.url)
    try:
        with again.session() as s:
            v = get_decision(s, rid)
            assert (v.appraisal, v.closure_status, v.version) == ("select", "Closed", 2)
            assert verify(s).ok
    finally:
        again.dispose()
