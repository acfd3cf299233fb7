"""`reviewer qa ...` as a user's script runs it: contract keys, reproducible samples, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from models import open_store
from reviewer.cli import main
from tests.qa.conftest import OPEN, add_collection, closed, decide

HEAD = (
    "path,appraisal,criteria,rationale,closure_status,redact_labels,foi_exemption_code,"
    "closure_period,closure_start_date,foi_schedule_date,title_closed,title_alternate,"
    "description_closed,description_alternate,reviewer,role\n"
)


@pytest.fixture
def cli_store(db_url: str) -> str:
    """Six records decided by Alice (2 closed) through the decisions API."""
    store = open_store(db_url)
    with store.session() as s:
        _, ids = add_collection(s, "case", [f"f/r{i}.txt" for i in range(6)])
        for i, rid in enumerate(ids.values()):
            decide(s, rid, "Alice", "sensitivity", closed(("40(2)", 84)) if i < 2 else OPEN)
    store.dispose()
    return db_url


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except json.JSONDecodeError:
        return code, out, err


def test_sample_json_and_reproducible(cli_store: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, first, err = _run(
        capsys,
        "--db",
        cli_store,
        "qa",
        "sample",
        "--collection",
        "case",
        "--size",
        "3",
        "--seed",
        "11",
    )
    assert code == 0
    assert len(first) == 3
    assert all(set(x) == {"record_id", "path"} for x in first)
    assert "seed 11" in err
    _, again, _ = _run(
        capsys,
        "--db",
        cli_store,
        "qa",
        "sample",
        "--collection",
        "case",
        "--size",
        "3",
        "--seed",
        "11",
    )
    assert again == first
    code, by_rate, _ = _run(
        capsys,
        "--db",
        cli_store,
        "qa",
        "sample",
        "--collection",
        "case",
        "--rate",
        "50%",
        "--reviewer",
        "Alice",
    )
    assert code == 0
    assert len(by_rate) == 3


def test_report_after_decisions_import_with_role_qa(
    cli_store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(
        capsys,
        "--db",
        cli_store,
        "qa",
        "sample",
        "--collection",
        "case",
        "--rate",
        "1",
        "--seed",
        "5",
    )
    # Carol disagrees on r0 (Closed -> Open) and r2 (Open -> Closed 40(2) 84).
    rows = HEAD + (
        ",,,,Open,,,,,,No,,No,,Carol,qa\n".replace(",,,,Open", "f/r0.txt,,,,Open", 1)
        + "f/r2.txt,,,,Closed,,40(2),84,2004-12-31,2024-03-01,No,,No,,Carol,qa\n"
    )
    (tmp_path / "qa.csv").write_text(rows, encoding="utf-8")
    code, _, _ = _run(
        capsys,
        "--db",
        cli_store,
        "decisions",
        "import",
        str(tmp_path / "qa.csv"),
        "--collection",
        "case",
    )
    assert code == 0
    pdf, dis = tmp_path / "qa.pdf", tmp_path / "dis.csv"
    code, out, _ = _run(
        capsys,
        "--db",
        cli_store,
        "qa",
        "report",
        "--collection",
        "case",
        "--format",
        "json",
        "--pdf",
        str(pdf),
        "--disagreements",
        str(dis),
    )
    assert code == 0
    assert list(out)[:6] == [
        "collection",
        "sample_size",
        "reviewed",
        "agreement",
        "kappa",
        "type_agreement",
    ]
    assert {"sample_size", "reviewed", "agreement", "kappa", "per_reviewer"} <= set(out)
    assert (out["sample_size"], out["reviewed"], out["agreement"]) == (6, 2, 0.0)
    assert out["per_reviewer"]["Alice"]["reviewed"] == 2
    assert pdf.read_bytes().startswith(b"%PDF")
    table = list(csv.DictReader(io.StringIO(dis.read_text(encoding="utf-8"))))
    assert {r["path"] for r in table} == {"f/r0.txt", "f/r2.txt"}
    if os.name != "nt":
        assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    # Overturn r2 through the CLI, then feedback for Alice shows the note.
    review = next(r for r in table if r["path"] == "f/r2.txt")["review_id"]
    code, done, _ = _run(
        capsys,
        "--db",
        cli_store,
        "qa",
        "outcome",
        review,
        "--overturn",
        "--note",
        "Health details",
        "--checker",
        "Carol",
    )
    assert code == 0
    assert done["outcome"] == "overturn"
    _, fb, _ = _run(
        capsys, "--db", cli_store, "qa", "feedback", "--collection", "case", "--reviewer", "Alice"
    )
    assert [f["note"] for f in fb if f["outcome"]] == ["Health details"]


def test_agreeing_qa_import_counts_as_reviewed(
    cli_store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "qa.csv").write_text(
        HEAD + "f/r3.txt,,,,Open,,,,,,No,,No,,Carol,qa\n", encoding="utf-8"
    )
    _run(
        capsys,
        "--db",
        cli_store,
        "decisions",
        "import",
        str(tmp_path / "qa.csv"),
        "--collection",
        "case",
    )
    _, out, _ = _run(
        capsys, "--db", cli_store, "qa", "report", "--collection", "case", "--format", "json"
    )
    assert out["reviewed"] == 1
    assert out["agreement"] == 1.0


def test_bad_usage_exit_2(cli_store: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(
        capsys, "--db", cli_store, "qa", "sample", "--collection", "nope", "--size", "2"
    )
    assert code == 2
    assert "nope" in err
    code, _, err = _run(
        capsys, "--db", cli_store, "qa", "sample", "--collection", "case", "--rate", "3"
    )
    assert code == 2
    assert "rate" in err


def test_batches_flow(cli_store: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, made, _ = _run(
        capsys,
        "--db",
        cli_store,
        "qa",
        "batches",
        "create",
        "--collection",
        "case",
        "--by",
        "count",
        "--value",
        "4",
        "--reviewer",
        "Alice",
        "--actor",
        "Rita",
    )
    assert code == 0
    assert [b["records"] for b in made] == [4, 2]
    assert {b["reviewer"] for b in made} == {"Alice"}
    first = str(made[0]["id"])
    code, _, err = _run(
        capsys, "--db", cli_store, "qa", "batches", "status", first, "checked", "--actor", "Rita"
    )
    assert code == 2
    assert "in review" in err
    for status in ("in review", "done"):
        code, b, _ = _run(
            capsys, "--db", cli_store, "qa", "batches", "status", first, status, "--actor", "Alice"
        )
        assert code == 0
        assert b["status"] == status
    # No second reviews yet: countersigning is refused with the reason.
    code, _, err = _run(
        capsys, "--db", cli_store, "qa", "batches", "countersign", first, "--checker", "Carol"
    )
    assert code == 2
    assert "no second reviews" in err
