"""A record's description (TDR `description`): set with its event, needed when closed."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from models.decisions import Decision
from reviewer.audit import record_history, verify
from reviewer.audit.chain import append_event
from reviewer.cli import main
from reviewer.decisions import (
    Actor,
    DecisionError,
    get_decision,
    save_sensitivity,
    set_description,
)
from reviewer.decisions.snapshot import decision_state
from reviewer.decisions.table import COLUMNS
from tests.decisions.factory import Fixture

REVIEWER = Actor("Sam Sensitive", "sensitivity")
CLOSED_DESCRIPTION = {
    "closure_status": "Closed",
    "exemptions": [("40(2)", 84)],
    "closure_start_date": date(2004, 12, 31),
    "foi_schedule_date": date(2025, 3, 1),
    "description_closed": True,
    "description_alternate": "Statement of a witness [name withheld]",
}


def test_description_is_stored_with_its_event_and_not_inherited(fx: Fixture) -> None:
    rid = fx.ids["case2/mail.eml"]
    with fx.store.session() as s:
        view = set_description(s, rid, REVIEWER, "  Email from Jo Bloggs about the trial ")
        assert view.description == "Email from Jo Bloggs about the trial"
        # The attachment inherits decisions from its email, never its description.
        assert get_decision(s, fx.ids["case2/mail.eml/attachment.pdf"]).description == ""
        events = record_history(s, rid)
        assert [e.kind for e in events] == ["description"]
        assert events[0].after["description"] == "Email from Jo Bloggs about the trial"
        assert events[0].actor == "Sam Sensitive"
        # Setting the same text again is not a change.
        set_description(s, rid, REVIEWER, "Email from Jo Bloggs about the trial")
        assert len(record_history(s, rid)) == 1
        assert verify(s).ok


def test_closed_description_needs_the_description(fx: Fixture) -> None:
    rid = fx.ids["case1/statement.pdf"]
    with fx.store.session() as s:
        with pytest.raises(DecisionError) as err:
            save_sensitivity(s, rid, REVIEWER, **CLOSED_DESCRIPTION)
        assert any("description itself" in p for p in err.value.problems)
        set_description(s, rid, REVIEWER, "Statement of Jo Bloggs")
        view = save_sensitivity(s, rid, REVIEWER, **CLOSED_DESCRIPTION)
        assert view.description_closed
        assert view.description == "Statement of Jo Bloggs"
        # While the description is closed it cannot be emptied.
        with pytest.raises(DecisionError, match="cannot be empty"):
            set_description(s, rid, REVIEWER, "")
        with pytest.raises(DecisionError, match="longer than 8000"):
            set_description(s, rid, REVIEWER, "x" * 8001)
        assert get_decision(s, rid).description == "Statement of Jo Bloggs"


def test_events_written_before_descriptions_existed_still_verify(fx: Fixture) -> None:
    """A store migrated from 0003 has events whose `after` lacks the new fields."""
    rid = fx.ids["case1/notes.txt"]
    with fx.store.session() as s:
        save_sensitivity(s, rid, REVIEWER, closure_status="Open")
        row = s.query(Decision).filter_by(record_id=rid).one()
        old_after = {
            k: v
            for k, v in decision_state(row).items()
            if k not in ("description", "closure_start_rule")
        }
        ev = append_event(
            s,
            actor="Old version",
            role="sensitivity",
            kind="sensitivity",
            target=f"record:{rid}",
            before=None,
            after=old_after,
            record_id=rid,
            covers=(row,),
        )
        row.last_event_id = ev.id
    with fx.store.session() as s:
        assert verify(s).ok
        set_description(s, rid, REVIEWER, "Officer's notes")
    with fx.store.session() as s:
        assert verify(s).ok


def _csv(rows: list[dict[str, str]], header: tuple[str, ...]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: r.get(k, "") for k in header} for r in rows)
    return buf.getvalue()


def test_csv_carries_description_and_record_date_after_the_contract_columns(
    fx: Fixture, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    header = (*COLUMNS, "description", "record_date")
    row = {
        "path": "case1/statement.pdf",
        "closure_status": "Closed",
        "foi_exemption_code": "40(2)",
        "closure_period": "84",
        # Checked against the record date given in the same row, not the file's 2004 mtime.
        "closure_start_date": "2003-03-04",
        "foi_schedule_date": "2025-03-01",
        "title_closed": "No",
        "description_closed": "Yes",
        "description_alternate": "Statement [name withheld]",
        "reviewer": "Contractor One",
        "role": "sensitivity",
        "description": "Statement of Jo Bloggs",
        "record_date": "2003-03-04",
    }
    bad = {**row, "path": "case1/notes.txt", "description": "", "record_date": ""}
    bad["closure_start_date"] = "2004-12-31"
    (tmp_path / "in.csv").write_text(_csv([row, bad], header), encoding="utf-8")
    fx.store.dispose()
    code = main(["--db", fx.url, "decisions", "import", str(tmp_path / "in.csv"), "--collection",
                 "Test case files"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0
    assert json.loads(out)["saved"] == 1
    assert "line 3: a closed description needs the record's description itself" in err
    with fx.store.session() as s:
        v = get_decision(s, fx.ids["case1/statement.pdf"])
        assert (v.description, v.record_date) == ("Statement of Jo Bloggs", date(2003, 3, 4))
        kinds = [e.kind for e in record_history(s, fx.ids["case1/statement.pdf"])]
        assert kinds == ["record_date", "description", "sensitivity"]
    fx.store.dispose()
    main(["--db", fx.url, "decisions", "export", "--collection", "Test case files"])
    exported = list(csv.DictReader(io.StringIO(capsys.readouterr()[0])))
    # Exported under the contract's name, right after `role`; the old name is still read.
    assert tuple(exported[0])[: len(COLUMNS) + 2] == (*COLUMNS, "date_of_the_record", "description")
    mine = next(r for r in exported if r["path"] == "case1/statement.pdf")
    assert (mine["description"], mine["date_of_the_record"]) == (
        "Statement of Jo Bloggs",
        "2003-03-04",
    )
    # A contract-only file (no extra columns) still imports and keeps the description.
    contract_only = {k: v for k, v in mine.items() if k in COLUMNS}
    contract_only["rationale"] = "changed"
    contract_only["appraisal"] = "select"
    contract_only["criteria"] = "homicide"
    (tmp_path / "c.csv").write_text(_csv([contract_only], COLUMNS), encoding="utf-8")
    fx.store.dispose()
    main(["--db", fx.url, "decisions", "import", str(tmp_path / "c.csv"), "--collection",
          "Test case files"])  # fmt: skip
    assert json.loads(capsys.readouterr()[0])["saved"] == 1
    with fx.store.session() as s:
        v = get_decision(s, fx.ids["case1/statement.pdf"])
        assert (v.description, v.appraisal) == ("Statement of Jo Bloggs", "select")
