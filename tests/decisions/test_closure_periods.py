"""Closure periods that make sense: each code's usual periods are data with their sources; a
period outside them is refused unless a written justification goes with it (kept in history)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from reviewer.audit import record_history
from reviewer.decisions import Actor, DecisionError, get_decision, save_sensitivity
from reviewer.decisions.exemptions import RULES_CSV, exemption, load_exemptions
from reviewer.decisions.rules import validate_sensitivity
from reviewer.decisions.table import COLUMNS
from tests.decisions.factory import Fixture
from tests.decisions.test_cli import COLL, GOOD_SELECT, run, write_csv

REVIEWER = Actor("Sam Sensitive", "sensitivity")
BASE = {
    "closure_status": "Closed",
    "closure_start_date": date(2004, 12, 31),
    "foi_schedule_date": date(2025, 3, 1),
}
WHY = "Youngest person named was aged 95 at the record's date (death certificate on file)."


def test_every_usual_period_has_its_source_and_40_2_follows_tnas_rule() -> None:
    with RULES_CSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["source"].strip() for r in rows)
    ex = exemption("40(2)")
    assert ex is not None and ex.usual_periods == ((82, 100),)
    assert all(ex.usual(100 - age) for age in (0, 16, 18))
    assert not ex.usual(5)
    s31 = exemption("31")
    assert s31 is not None and s31.usual(100) and s31.max_period == 100
    assert all(e.usual(150) for e in load_exemptions() if not e.usual_periods)


def test_a_five_year_40_2_closure_is_refused_without_a_justification() -> None:
    """Before: a 40(2) closure of 5 years was accepted silently."""
    problems = validate_sensitivity(**BASE, exemptions=[("40(2)", 5)])  # type: ignore[arg-type]
    assert problems == [
        "a closure period of 5 years for 40(2) is outside its usual periods (82-100 years): "
        "give a written justification (state the youngest person's age at the record's date)"
    ]
    assert validate_sensitivity(**BASE, exemptions=[("40(2)", 84)]) == []  # type: ignore[arg-type]
    assert validate_sensitivity(**BASE, exemptions=[("40(2)", 5)], period_justification="ok") != []  # type: ignore[arg-type]
    # A hostile tester's "justification": fifteen characters, no reason.
    for filler in ("xxxxxxxxxxxxxxx", "1234567890 12345", "a. b. c. d. e. f. g."):
        assert (
            validate_sensitivity(**BASE, exemptions=[("40(2)", 5)], period_justification=filler)
            != []
        ), filler  # type: ignore[arg-type]
    assert validate_sensitivity(**BASE, exemptions=[("40(2)", 5)], period_justification=WHY) == []  # type: ignore[arg-type]
    # A lapse is a limit no justification lifts.
    assert validate_sensitivity(**BASE, exemptions=[("31", 101)], period_justification=WHY) == [  # type: ignore[arg-type]
        "exemption 31 lapses after 100 years"
    ]


def test_the_justification_is_kept_with_the_decision_and_in_its_history(fx: Fixture) -> None:
    rid = fx.ids["case1/statement.pdf"]
    with fx.store.session() as s, pytest.raises(DecisionError, match="outside its usual periods"):
        save_sensitivity(s, rid, REVIEWER, exemptions=[("40(2)", 5)], **BASE)  # type: ignore[arg-type]
    with fx.store.session() as s:
        save_sensitivity(
            s,
            rid,
            REVIEWER,
            exemptions=[("40(2)", 5)],
            period_justification=WHY,
            **BASE,  # type: ignore[arg-type]
        )
    with fx.store.session() as s:
        assert get_decision(s, rid).period_justification == WHY
        last = record_history(s, rid)[-1]
        assert (last.kind, last.after["period_justification"]) == ("sensitivity", WHY)


def test_the_decisions_table_carries_the_justification(
    fx: Fixture, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    short = {**GOOD_SELECT, "foi_exemption_code": "40(2)", "closure_period": "5"}
    header = (*COLUMNS, "closure_period_justification")
    bad = write_csv(tmp_path / "bad.csv", [short], header)
    _code, out, err = run(fx, capsys, "decisions", "import", str(bad), "--collection", COLL)
    assert json.loads(out)["saved"] == 0
    assert "line 2: a closure period of 5 years for 40(2) is outside its usual periods" in err
    good = write_csv(
        tmp_path / "good.csv", [{**short, "closure_period_justification": WHY}], header
    )
    _code, out, err = run(fx, capsys, "decisions", "import", str(good), "--collection", COLL)
    assert json.loads(out)["saved"] == 1, err
    _code, out, _ = run(fx, capsys, "decisions", "export", "--collection", COLL)
    mine = next(r for r in csv.DictReader(io.StringIO(out)) if r["path"] == short["path"])
    assert (mine["closure_period"], mine["closure_period_justification"]) == ("5", WHY)
    # A file without the column keeps the stored justification (re-import changes nothing).
    contract_only = write_csv(tmp_path / "again.csv", [short])
    _code, out, err = run(
        fx, capsys, "decisions", "import", str(contract_only), "--collection", COLL
    )
    assert json.loads(out)["rejected"] == 0, err
