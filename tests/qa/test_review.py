"""Blind second review, field-by-field comparison, outcomes kept in the history, the report."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from reviewer.audit import record_history, verify
from reviewer.decisions.store import get_decision
from reviewer.decisions.types import DecisionError
from reviewer.qa.blind import blind_view, submit_review
from reviewer.qa.compare import compare
from reviewer.qa.outcomes import feedback, record_outcome
from reviewer.qa.report import build_report
from reviewer.qa.sampling import draw_sample
from reviewer.qa.types import Mark, QaDecision
from tests.qa.conftest import OPEN, SCHEDULE, START, decide

OPEN_D = QaDecision(closure_status="Open")


def closed_d(*ex: tuple[str, int], **kw: Any) -> QaDecision:
    """A checker's closed judgment, with the dates the QA form asks for (an overturn saves
    them)."""
    kw.setdefault("closure_start_date", START)
    kw.setdefault("foi_schedule_date", SCHEDULE)
    return QaDecision(closure_status="Closed", exemptions=ex, **kw)


def test_blind_view_hides_the_first_decision(twelve: tuple[Any, int, dict[str, int]]) -> None:
    store, _, ids = twelve
    with store.session() as s:
        view = blind_view(s, ids["a/doc00.txt"])
    names = {f.name for f in dataclasses.fields(view)}
    assert not names & {"closure_status", "exemptions", "decided_by", "reviewed_by", "redacted"}
    assert "Alice" not in repr(view)
    assert "40(2)" not in repr(view)
    assert view.text.startswith("Text of a/doc00.txt")


def test_comparison_field_by_field() -> None:
    first = closed_d(
        ("40(2)", 84), ("31", 100), title_closed=True, title_alternate="[title withheld]"
    )
    second = closed_d(("40(2)", 82), ("38", 84))
    rows = {f.field: f for f in compare(first, second).fields}
    assert rows["closure_status"].agrees
    assert not rows["foi:40(2)"].agrees  # same code, other period
    assert (rows["foi:40(2)"].first, rows["foi:40(2)"].checker) == ("84 years", "82 years")
    assert rows["foi:31"].checker == "not cited"
    assert rows["foi:38"].first == "not cited"
    assert not rows["title_closed"].agrees
    assert rows["description_closed"].agrees
    assert not compare(first, second).agrees
    assert compare(first, first).agrees


def test_redactions_compared_by_overlap() -> None:
    a = closed_d(("40(2)", 84), redacted=True, redactions=(Mark(start=10, end=20),))
    near = closed_d(("40(2)", 84), redacted=True, redactions=(Mark(start=12, end=20),))
    far = closed_d(("40(2)", 84), redacted=True, redactions=(Mark(start=50, end=60),))
    assert compare(a, near).redaction_overlap == pytest.approx(0.8)
    assert compare(a, near).agrees
    assert compare(a, far).redaction_overlap == 0.0
    assert not compare(a, far).agrees
    box = closed_d(("40(2)", 84), redactions=(Mark(page=1, rect=(0, 0, 10, 10)),))
    half = closed_d(("40(2)", 84), redactions=(Mark(page=1, rect=(5, 0, 15, 10)),))
    other_page = closed_d(("40(2)", 84), redactions=(Mark(page=2, rect=(0, 0, 10, 10)),))
    assert compare(box, half).redaction_overlap == pytest.approx(50 / 150)
    assert compare(box, other_page).redaction_overlap == 0.0


def test_overturn_corrects_and_keeps_both_in_history(
    twelve: tuple[Any, int, dict[str, int]],
) -> None:
    store, _, ids = twelve
    rid = ids["a/doc05.txt"]  # Alice: Open
    # The checker is asked for every date an overturn saves before submitting (never after,
    # when the form is locked and only Uphold would still work).
    with store.session() as s, pytest.raises(DecisionError, match="FOI schedule date"):
        submit_review(s, rid, "Carol", closed_d(("40(2)", 84), foi_schedule_date=None))
    with store.session() as s:
        review_id, diff = submit_review(s, rid, "Carol", closed_d(("40(2)", 84)))
        assert not diff.closure_agrees
        with pytest.raises(DecisionError, match="why"):
            record_outcome(s, review_id, "overturn", "", "Carol")
    with store.session() as s:
        record_outcome(s, review_id, "overturn", "Names a witness's health.", "Carol")
    with store.session() as s:
        now = get_decision(s, rid)
        events = record_history(s, rid)
        assert verify(s).ok
        fb = feedback(s, twelve[1], "Alice")
    assert now.closure_status == "Closed"
    assert now.exemptions == (("40(2)", 84),)
    assert now.reviewed_by == "Carol"
    assert now.reviewed_role == "qa"
    assert now.closure_start_date == date(2004, 12, 31)  # as the checker gave it
    states = [
        (e.role, e.after.get("closure_status")) for e in events if "closure_status" in e.after
    ]
    assert ("sensitivity", "Open") in states
    assert ("qa", "Closed") in states
    assert [e.kind for e in events][-1] == "qa_outcome"
    assert [f.note for f in fb] == ["Names a witness's health."]


def test_uphold_restores_an_imported_checker_decision(
    twelve: tuple[Any, int, dict[str, int]],
) -> None:
    store, cid, ids = twelve
    rid = ids["a/doc00.txt"]  # Alice: Closed 40(2) 84
    with store.session() as s:
        decide(s, rid, "Carol", "qa", OPEN)  # e.g. `decisions import` with role qa
    with store.session() as s:
        report = build_report(s, cid, "case")
        assert report.figures.reviewed == 1
        review = report.reviews[0]
        assert (review.first.closure_status, review.second.closure_status) == ("Closed", "Open")
        record_outcome(s, review.id, "uphold", "Closure was right", "Carol")
    with store.session() as s:
        now = get_decision(s, rid)
        report = build_report(s, cid, "case")
    assert now.closure_status == "Closed"
    assert report.figures.upheld == 1
    assert report.figures.errors == 0
    assert report.figures.reviewed == 1  # the restore is not taken for a new checker decision


def test_cannot_check_own_or_undecided(store: Any) -> None:
    from tests.qa.conftest import add_collection

    with store.session() as s:
        _, ids = add_collection(s, "c", ["x.txt", "y.txt"])
        decide(s, ids["x.txt"], "Alice", "sensitivity", OPEN)
        with pytest.raises(DecisionError, match="own"):
            submit_review(s, ids["x.txt"], "Alice", OPEN_D)
        with pytest.raises(DecisionError, match="no sensitivity decision"):
            submit_review(s, ids["y.txt"], "Carol", OPEN_D)
        with pytest.raises(DecisionError, match="exemption"):
            submit_review(s, ids["x.txt"], "Carol", QaDecision(closure_status="Closed"))


def test_report_matches_hand_calculation(twelve: tuple[Any, int, dict[str, int]]) -> None:
    """10 reviewed of a 12-record sample. Closure (first, checker):
    Alice 8: C/C, C/C, C/O, O/O, O/O, O/O, O/C, O/O   -> agree 6/8
    Bob 2 reviewed of 4: C/C, O/O                      -> agree 2/2
    Overall 10: a=3 C/C, b=1 C/O, c=1 O/C, d=5 O/O -> p_o 0.8, kappa 7/12 (see test_stats).
    Alice: a=2,b=1,c=1,d=4 -> p_o .75, p_e (3/8)(3/8)+(5/8)(5/8) = 34/64,
    kappa = (48-34)/(64-34)."""
    store, cid, ids = twelve
    paths = sorted(ids)
    checker = {
        0: closed_d(("40(2)", 84)),
        1: closed_d(("40(2)", 84)),
        2: OPEN_D,
        3: OPEN_D,
        4: OPEN_D,
        5: OPEN_D,
        6: closed_d(("40(2)", 84)),
        7: OPEN_D,
        8: closed_d(("40(2)", 84)),
        10: OPEN_D,
    }
    with store.session() as s:
        draw_sample(s, cid, rate=1.0, seed=3)
        for i, d in checker.items():
            submit_review(s, ids[paths[i]], "Carol", d)
    with store.session() as s:
        report = build_report(s, cid, "case", threshold=0.1)
    out = report.to_json()
    assert out["sample_size"] == 12
    assert out["reviewed"] == 10
    assert out["agreement"] == pytest.approx(0.8)
    assert out["kappa"] == pytest.approx(7 / 12)
    alice = out["per_reviewer"]["Alice"]
    assert (alice["sample_size"], alice["reviewed"]) == (8, 8)
    assert alice["agreement"] == pytest.approx(0.75)
    assert alice["kappa"] == pytest.approx(14 / 30)
    bob = out["per_reviewer"]["Bob"]
    assert (bob["sample_size"], bob["reviewed"], bob["agreement"]) == (4, 2, 1.0)
    assert bob["kappa"] == pytest.approx(1.0)
    # 2 disagreements, no outcome yet: both count as errors: 2/10 with Wilson (0.0567, 0.5098).
    assert out["errors"] == 2
    assert out["error_rate"] == pytest.approx(0.2)
    assert out["error_interval"][0] == pytest.approx(0.05668, abs=1e-4)
    assert out["error_interval"][1] == pytest.approx(0.50983, abs=1e-4)
    assert out["recommendation"] == "return"
    assert out["per_exemption"]["40(2)"]["kappa"] == pytest.approx(7 / 12)


def test_first_reviewers_redactions_compared_with_the_checkers(
    twelve: tuple[Any, int, dict[str, int]],
) -> None:
    from reviewer.decisions.redactions import add_redaction
    from reviewer.decisions.types import Actor

    store, _, ids = twelve
    rid = ids["a/doc01.txt"]  # Alice: Closed 40(2) 84
    with store.session() as s:
        add_redaction(s, rid, Actor("Alice", "sensitivity"), start=8, end=18, label="PERSON")
    with store.session() as s:
        _, diff = submit_review(
            s, rid, "Carol", closed_d(("40(2)", 84), redactions=(Mark(start=8, end=16),))
        )
    row = next(f for f in diff.fields if f.field == "redactions")
    assert row.first == "1 marks"
    assert diff.redaction_overlap == pytest.approx(0.8)
    assert row.agrees
