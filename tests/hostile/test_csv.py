"""Decisions CSV that round-trips every storable path, neutralises formulas, and rejects a bad
cell as one bad row without quoting it."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.csv_cells import neutralise, restore

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX names hold CR, LF and backslash")

NAMES = [
    "plain.txt",
    "=HYPERLINK(1).txt",
    "'=quoted.txt",
    "+plus.txt",
    "-minus.txt",
    "@at.txt",
    "\ttab.txt",
    "line\rbreak.txt",
    "line\nfeed.txt",
    "back\\slash.txt",
    " spaced .txt",
    "',comma\".txt",
]


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "names"
    root.mkdir()
    for i, name in enumerate(NAMES):
        (root / name).write_text(f"file {i}\n")
    (root / b"latin-\xe9.txt".decode("utf-8", "surrogateescape")).write_text("latin\n")
    return root


def _run(db: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


def _export(db: str, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, _ = _run(db, capsys, "decisions", "export", "--collection", "c", "--format", "csv")
    assert code == 0
    return out


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_cells_neutralise_and_restore_one_to_one() -> None:
    for value in ["", "=1", "'=1", "''=1", "'", "'x", "a=1", "-", "\r", "@x", "+44"]:
        assert restore(neutralise(value)) == value
        assert not neutralise(value).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_every_path_survives_export_then_import(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _folder(tmp_path)
    assert _run(db_url, capsys, "ingest", str(root), "--collection", "c")[0] == 0
    exported = _export(db_url, capsys)
    assert "'=HYPERLINK(1).txt" in exported and "\n=HYPERLINK" not in exported
    reader = csv.reader(io.StringIO(exported, newline=""), strict=True)
    header, *rows = list(reader)
    assert len(rows) == len(NAMES) + 1, "a CR in a path no longer splits its row"
    col = {name: i for i, name in enumerate(header)}
    for row in rows:
        row[col["appraisal"]] = "retain"
        row[col["reviewer"]] = "Ann Appraiser"
        row[col["role"]] = "appraiser"
    table = _write(tmp_path / "back.csv", header, rows)
    code, _out, err = _run(db_url, capsys, "decisions", "import", str(table), "--collection", "c")
    assert code == 0, err
    again = csv.DictReader(io.StringIO(_export(db_url, capsys), newline=""))
    decided = {restore(r["path"]): r["appraisal"] for r in again}
    assert decided == {**dict.fromkeys(NAMES, "retain"), "latin-\ufffd.txt": "retain"}


def test_a_bad_cell_is_one_bad_row_named_by_line_and_column(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _folder(tmp_path)
    _run(db_url, capsys, "ingest", str(root), "--collection", "c")
    header = ["path", "appraisal", "criteria", "rationale", "closure_status", "redact_labels"]
    header += ["foi_exemption_code", "closure_period", "closure_start_date", "foi_schedule_date"]
    header += ["title_closed", "title_alternate", "description_closed"]
    header += ["description_alternate", "reviewer", "role"]
    blank = [""] * (len(header) - 4)

    def row(path: str, rationale: str = "", criteria: str = "") -> list[str]:
        return [path, "retain", criteria, rationale, *blank[:-2], "Ann", "appraiser"]

    rows = [
        row("plain.txt", "Name: Jo Bloggs\x00AB123456C"),
        row("-minus.txt"),
        row("@at.txt", criteria="Margaret Thornton"),
        row("-minus.txt"),
        row("+plus.txt"),
    ]
    for r in rows:
        assert len(r) == len(header)
    table = _write(tmp_path / "bad.csv", header, [[neutralise(c) for c in r] for r in rows])
    code, out, err = _run(db_url, capsys, "decisions", "import", str(table), "--collection", "c")
    assert code == 0
    for secret in ("Jo Bloggs", "AB123456C", "Margaret", "Thornton"):
        assert secret not in out and secret not in err
    assert "line 2" in err and "rationale: holds a NUL" in err
    assert "line 4" in err and "criteria: item 1" in err
    assert "line 5" in err and "on line 3 already" in err
    decided = {
        restore(r["path"]): r["appraisal"]
        for r in csv.DictReader(io.StringIO(_export(db_url, capsys), newline=""))
    }
    assert decided["-minus.txt"] == decided["+plus.txt"] == "retain"
    assert decided["plain.txt"] == decided["@at.txt"] == ""
