"""`decisions import` never loses a value without saying so: the GUI's version check, per row.

A row exported at version N is refused when the stored decision has moved on (a conflict with
both values, the stored decision kept); two imports running at once from two processes never
overwrite each other silently. SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
from pathlib import Path

import pytest

from models import Store
from reviewer.cli import main
from reviewer.decisions import Actor, get_decision, save_appraisal
from tests.team.conftest import add_collection

COUNT = 80


def _export(url: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    capsys.readouterr()
    assert (
        main(["--db", url, "decisions", "export", "--collection", "team", "--format", "csv"]) == 0
    )
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def _write(rows: list[dict[str, str]], path: Path, appraisal: str, reviewer: str) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "appraisal": appraisal, "reviewer": reviewer, "role": "appraiser"})
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_a_row_changed_since_export_is_a_conflict_and_the_stored_value_is_kept(
    store: Store, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rids = add_collection(store, count=3)
    with store.session() as s:
        for rid in rids:
            save_appraisal(s, rid, Actor("Ann", "appraiser"), "select", [], "")
    rows = _export(db_url, capsys)
    assert {r["version"] for r in rows} == {"1"}
    with store.session() as s:  # someone decides again after the export
        save_appraisal(s, rids[1], Actor("Bob", "appraiser"), "retain", [], "s.3(4)")
    path = _write(rows, tmp_path / "back.csv", "destroy", "Cat")
    capsys.readouterr()
    assert main(["--db", db_url, "decisions", "import", str(path), "--collection", "team"]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert report["saved"] == 2
    [conflict] = report["conflicts"]
    line = 2 + [r["path"] for r in rows].index("folder1/doc0001.txt")  # rids[1], header is 1
    assert conflict["line"] == line
    assert conflict["stored"]["appraisal"] == "retain" and conflict["stored"]["version"] == 2
    assert conflict["file"]["appraisal"] == "destroy" and conflict["file"]["version"] == 1
    assert f"line {line}: conflict" in err
    with store.session() as s:
        assert get_decision(s, rids[1]).appraisal == "retain"  # kept
        assert get_decision(s, rids[0]).appraisal == "destroy"


def _import(url: str, path: str, out: str, barrier: object) -> None:
    import contextlib

    barrier.wait()  # type: ignore[attr-defined]
    buffer_out, buffer_err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(buffer_out), contextlib.redirect_stderr(buffer_err):
        code = main(["--db", url, "decisions", "import", path, "--collection", "team"])
    Path(out).write_text(
        json.dumps({"code": code, "out": buffer_out.getvalue(), "err": buffer_err.getvalue()})
    )


def test_two_parallel_imports_never_overwrite_each_other_silently(
    store: Store, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rids = add_collection(store, count=COUNT)
    rows = _export(db_url, capsys)
    files = {
        "alice": _write(rows, tmp_path / "alice.csv", "select", "alice"),
        "bob": _write(rows, tmp_path / "bob.csv", "retain", "bob"),
    }
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [
        ctx.Process(
            target=_import, args=(db_url, str(path), str(tmp_path / f"{who}.json"), barrier)
        )
        for who, path in files.items()
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=240)
    results = {who: json.loads((tmp_path / f"{who}.json").read_text()) for who in files}
    saved: dict[str, int] = {}
    for who, result in results.items():
        if result["code"] == 0:
            report = json.loads(result["out"])
            saved[who] = report["saved"]
            # Every row is either saved or reported as a conflict: none silently lost.
            assert report["saved"] + len(report["conflicts"]) == COUNT, report
        else:  # the whole import was refused (the store was busy): said so, nothing saved
            assert result["err"].strip(), result
            saved[who] = 0
    with store.session() as s:
        final = {rid: get_decision(s, rid) for rid in rids}
    winners = {v.appraised_by for v in final.values()}
    # Whoever was told "saved" owns exactly that many records; nobody else's value replaced theirs.
    for who, n in saved.items():
        assert sum(1 for v in final.values() if v.appraised_by == who) == n
    assert sum(saved.values()) == COUNT
    assert winners <= set(files)
    assert all(v.version == 1 for v in final.values())  # no record was written twice
    for who, result in results.items():  # each conflict names the winner's stored value
        if result["code"] == 0 and saved[who] == 0:
            conflicts = json.loads(result["out"])["conflicts"]
            assert {c["stored"]["version"] for c in conflicts} == {1}
            assert {c["stored"]["changed_by"] for c in conflicts} == set(files) - {who}
