"""QA that proves something: nobody checks their own work, a checker's decision is not a
decision until its outcome, and every field an outcome needs is asked for before submit."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from reviewer.cli import main
from reviewer.decisions import get_decision
from reviewer.decisions.types import DecisionError
from reviewer.qa.batches import assign, create_batches, set_status
from reviewer.qa.blind import checker_problems, submit_review
from reviewer.qa.outcomes import list_reviews, record_outcome
from reviewer.qa.signoff import countersign
from reviewer.qa.types import QaDecision
from tests.qa.conftest import SCHEDULE, START


def _done_batch(store: Any, cid: int, ids: dict[str, int]) -> int:
    """Alice's folder as a batch, second-reviewed by Carol (agreeing), marked done."""
    with store.session() as s:
        batches = create_batches(s, cid, "folder", 1, actor="lead", reviewer="Alice")
        batch = batches[0]  # folder a/: Alice's records
        for p, rid in ids.items():
            if p.startswith("a/"):
                first = get_decision(s, rid)
                submit_review(
                    s,
                    rid,
                    "Carol",
                    QaDecision(
                        closure_status=first.closure_status,
                        exemptions=first.exemptions,
                        closure_start_date=first.closure_start_date,
                        foi_schedule_date=first.foi_schedule_date,
                    ),
                )
        set_status(s, batch.id, "in review", actor="Alice")
        set_status(s, batch.id, "done", actor="Alice")
        return batch.id


def test_a_reviewer_cannot_countersign_their_own_batch(
    twelve: tuple[Any, int, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    store, cid, ids = twelve
    batch = _done_batch(store, cid, ids)
    with store.session() as s, pytest.raises(DecisionError, match="own batch"):
        countersign(s, batch, "Alice", decision="accept")
    url = store.engine.url.render_as_string(hide_password=False)
    store.dispose()
    args = ["qa", "batches", "countersign", str(batch), "--checker", "Alice", "--accept"]
    assert main(["--db", url, *args]) == 2
    err = capsys.readouterr().err
    assert "own batch" in err and "Traceback" not in err
    with store.session() as s:
        assert countersign(s, batch, "Carol", decision="accept").countersigned_by == "Carol"


def test_a_reviewer_cannot_be_the_checker_of_their_own_batch(
    twelve: tuple[Any, int, dict[str, int]],
) -> None:
    store, cid, _ids = twelve
    with store.session() as s:
        batch = create_batches(s, cid, "count", 12, actor="lead", reviewer="Bob")[0]
        with pytest.raises(DecisionError, match="own batch"):
            assign(s, batch.id, "Alice", "checker", actor="lead")  # Alice decided records in it
        with pytest.raises(DecisionError, match="own batch"):
            assign(s, batch.id, "Bob", "checker", actor="lead")  # assigned as its reviewer
        assert assign(s, batch.id, "Carol", "checker", actor="lead").id == batch.id


def _qa_csv(url: str, tmp: Path, capsys: pytest.CaptureFixture[str], path: str) -> Path:
    capsys.readouterr()
    assert (
        main(["--db", url, "decisions", "export", "--collection", "case", "--format", "csv"]) == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    row = next(r for r in rows if r["path"] == path)
    row.update(
        closure_status="Closed",
        foi_exemption_code="40(2)",
        closure_period="84",
        closure_start_date=START.isoformat(),
        foi_schedule_date=SCHEDULE.isoformat(),
        title_closed="No",
        description_closed="No",
        reviewer="Carol",
        role="qa",
    )
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerow(row)
    target = tmp / "qa.csv"
    target.write_text(out.getvalue(), encoding="utf-8")
    return target


def test_a_checkers_import_is_not_the_decision_until_the_outcome(
    twelve: tuple[Any, int, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store, cid, ids = twelve
    url = store.engine.url.render_as_string(hide_password=False)
    path = "a/doc05.txt"  # Alice decided Open
    csv_file = _qa_csv(url, tmp_path, capsys, path)
    assert main(["--db", url, "decisions", "import", str(csv_file), "--collection", "case"]) == 0
    assert json.loads(capsys.readouterr().out)["saved"] == 1
    with store.session() as s:
        assert get_decision(s, ids[path]).closure_status == "Open"  # still Alice's
        [review] = [r for r in list_reviews(s, cid) if r.record_id == ids[path]]
        assert review.checker == "Carol" and review.outcome is None
    assert (
        main(["--db", url, "decisions", "export", "--collection", "case", "--format", "json"]) == 0
    )
    exported = {r["path"]: r for r in json.loads(capsys.readouterr().out)}
    assert exported[path]["closure_status"] == "Open"
    assert exported[path]["reviewer"] == "Alice"
    with store.session() as s:
        record_outcome(s, review.id, "overturn", "s.40(2) applies", "Carol")
        assert get_decision(s, ids[path]).closure_status == "Closed"  # now, by the outcome


def test_a_closed_judgment_needs_the_dates_an_overturn_saves() -> None:
    judged = QaDecision(closure_status="Closed", exemptions=(("40(2)", 84),))
    problems = checker_problems(judged)
    assert any("closure start date" in p for p in problems)
    assert any("FOI schedule date" in p for p in problems)
    dated = QaDecision(
        closure_status="Closed",
        exemptions=(("40(2)", 84),),
        closure_start_date=START,
        foi_schedule_date=SCHEDULE,
    )
    assert checker_problems(dated) == []
    assert checker_problems(QaDecision(closure_status="Open")) == []
