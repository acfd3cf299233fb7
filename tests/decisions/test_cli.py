"""The decisions, holds and audit commands, run as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from reviewer.cli import main
from reviewer.decisions import get_decision
from reviewer.decisions.table import COLUMNS, EXTRA_COLUMNS
from tests.decisions.factory import Fixture

COLL = "Test case files"


def run(fx: Fixture, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    fx.store.dispose()
    code = main(["--db", fx.url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def write_csv(path: Path, rows: list[dict[str, str]], header: tuple[str, ...] = COLUMNS) -> Path:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in header})
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


GOOD_SELECT = {
    "path": "case1/statement.pdf",
    "appraisal": "select",
    "criteria": "homicide;precedent",
    "rationale": "murder appeal",
    "closure_status": "Closed",
    "foi_exemption_code": "40(2);38",
    "closure_period": "84;84",
    "closure_start_date": "2004-12-31",
    "foi_schedule_date": "2025-03-01",
    "title_closed": "Yes",
    "title_alternate": "Statement of [name withheld]",
    "description_closed": "No",
    "reviewer": "Contractor One",
    "role": "sensitivity",
}


def test_import_keeps_good_rows_and_reports_bad_ones_by_line(
    fx: Fixture, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows = [
        GOOD_SELECT,
        {**GOOD_SELECT, "path": "no/such/file.pdf"},
        {"path": "case1/notes.txt", "appraisal": "destroy", "reviewer": "C", "role": "appraiser"},
        {**GOOD_SELECT, "path": "case1/sub/memo.docx", "closure_period": "84"},
        {
            **GOOD_SELECT,
            "path": "case2/mail.eml",
            "foi_exemption_code": "35(1)(a);38",
            "closure_start_date": "2003-12-31",
        },
        {**GOOD_SELECT, "path": "corp/minutes.docx", "closure_start_date": "31/12/2001"},
        {
            "path": "case2/mail.eml/attachment.pdf",
            "closure_status": "Open",
            "reviewer": "C",
            "role": "sensitivity",
            "title_closed": "No",
            "description_closed": "No",
        },
    ]
    code, out, err = run(
        fx,
        capsys,
        "decisions",
        "import",
        str(write_csv(tmp_path / "d.csv", rows)),
        "--collection",
        COLL,
    )
    assert code == 0
    report = json.loads(out)
    assert (report["rows"], report["saved"], report["rejected"]) == (7, 3, 4)
    lines = [ln for ln in err.splitlines() if ln.startswith("line ")]
    assert lines[0] == "line 3: no record with this path in the collection"
    assert lines[1].startswith("line 5: 2 FOI exemption code(s) but 1 closure period(s)")
    assert lines[2].startswith("line 6: exemption 35(1)(a) cannot apply to historical records")
    assert lines[3] == "line 7: closure start date must be a date YYYY-MM-DD"
    with fx.store.session() as s:
        v = get_decision(s, fx.ids["case1/statement.pdf"])
        assert v.exemptions == (("40(2)", 84), ("38", 84))
        assert v.title_alternate == "Statement of [name withheld]"
        assert get_decision(s, fx.ids["case1/notes.txt"]).appraisal == "destroy"
        assert get_decision(s, fx.ids["case2/mail.eml"]).closure_status is None


def test_import_never_loses_what_is_stored(
    fx: Fixture, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(
        fx,
        capsys,
        "decisions",
        "import",
        str(write_csv(tmp_path / "a.csv", [GOOD_SELECT])),
        "--collection",
        COLL,
    )
    # A later file with only an appraisal, and a bad one, leaves the closure alone.
    later = [
        {
            "path": "case1/statement.pdf",
            "appraisal": "retain",
            "reviewer": "B",
            "role": "appraiser",
        },
        {**GOOD_SELECT, "closure_period": "84;999"},
    ]
    code, _out, err = run(
        fx,
        capsys,
        "decisions",
        "import",
        str(write_csv(tmp_path / "b.csv", later)),
        "--collection",
        COLL,
    )
    assert code == 0
    assert "line 3:" in err
    with fx.store.session() as s:
        v = get_decision(s, fx.ids["case1/statement.pdf"])
    assert v.appraisal == "retain"
    assert v.closure_status == "Closed"
    assert v.exemptions == (("40(2)", 84), ("38", 84))


def test_export_round_trip(fx: Fixture, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(
        fx,
        capsys,
        "decisions",
        "import",
        str(write_csv(tmp_path / "a.csv", [GOOD_SELECT])),
        "--collection",
        COLL,
    )
    code, out, _ = run(fx, capsys, "decisions", "export", "--collection", COLL, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    # The contract's columns in its order; the date of the record (after `role`), description.
    assert tuple(rows[0]) == (*COLUMNS, *EXTRA_COLUMNS)
    assert EXTRA_COLUMNS[0] == "date_of_the_record"
    assert len(rows) == 7
    exported = next(r for r in rows if r["path"] == "case1/statement.pdf")
    assert {k: exported[k] for k in GOOD_SELECT} == GOOD_SELECT
    # Importing the export changes nothing.
    (tmp_path / "e.csv").write_text(out, encoding="utf-8")
    code, out2, _ = run(
        fx, capsys, "decisions", "import", str(tmp_path / "e.csv"), "--collection", COLL
    )
    report = json.loads(out2)
    assert (report["saved"], report["rejected"], report["unchanged"]) == (0, 0, 7)
    code, js, _ = run(fx, capsys, "decisions", "export", "--collection", COLL, "--format", "json")
    items = json.loads(js)
    assert (
        items[next(i for i, r in enumerate(items) if r["path"] == "case1/statement.pdf")][
            "closure_period"
        ]
        == "84;84"
    )


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "no header"),
        (b"path,appraisal\ncase1/notes.txt,select\n", "missing columns"),
        (b"\xff\xfe\x00p", "not UTF-8"),
        (",".join(COLUMNS).encode() + b'\n"unclosed,select\n', "malformed CSV"),
    ],
)
def test_malformed_file_exits_2_with_one_line(
    fx: Fixture, capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, words: str
) -> None:
    (tmp_path / "bad.csv").write_bytes(content)
    code, _, err = run(
        fx, capsys, "decisions", "import", str(tmp_path / "bad.csv"), "--collection", COLL
    )
    assert code == 2
    assert words in err
    assert len(err.strip().splitlines()) == 1


def test_unknown_collection_is_bad_usage(fx: Fixture, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(fx, capsys, "decisions", "export", "--collection", "Nope")
    assert code == 2
    assert "no collection named" in err


def test_holds_commands(fx: Fixture, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        fx,
        capsys,
        "holds",
        "add",
        "--collection",
        COLL,
        "--name",
        "Undercover Policing Inquiry",
        "--keyword",
        "undercover",
        "--by",
        "Ann",
    )
    assert code == 0
    hold_id = json.loads(out)["id"]
    destroy = {
        "path": "corp/minutes.docx",
        "appraisal": "destroy",
        "reviewer": "C",
        "role": "appraiser",
    }
    code, out, err = run(
        fx,
        capsys,
        "decisions",
        "import",
        str(write_csv(tmp_path / "d.csv", [destroy])),
        "--collection",
        COLL,
    )
    assert "line 2: record" in err
    assert "Undercover Policing Inquiry" in err
    code, out, _ = run(fx, capsys, "holds", "list", "--collection", COLL)
    assert json.loads(out)[0]["records"] == 1
    code, out, _ = run(fx, capsys, "holds", "lift", str(hold_id), "--by", "Ann", "--reason", "done")
    assert code == 0
    assert json.loads(out)["active"] is False
    code, out, _ = run(fx, capsys, "holds", "lift", str(hold_id), "--by", "Ann")
    assert code == 1
    code, out, _ = run(fx, capsys, "audit", "log", "--collection", COLL)
    assert [e["kind"] for e in json.loads(out)] == ["hold_created", "hold_lifted"]


def test_audit_verify_exit_codes(
    fx: Fixture, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(
        fx,
        capsys,
        "decisions",
        "import",
        str(write_csv(tmp_path / "a.csv", [GOOD_SELECT])),
        "--collection",
        COLL,
    )
    code, out, _ = run(fx, capsys, "audit", "verify")
    assert code == 0
    assert json.loads(out)["ok"] is True
    with fx.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET role = 'qa' WHERE id = 1"))
    code, out, err = run(fx, capsys, "audit", "verify")
    assert code == 1
    assert json.loads(out)["first_bad_event_id"] == 1
    assert "event 1" in err
