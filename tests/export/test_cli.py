"""`reviewer export transfer|appraisal-report` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import bagit
import pytest

from reviewer.cli import main
from reviewer.decisions.save import save_appraisal
from tests.export.conftest import APPRAISER, COLLECTION, Built


def test_transfer_command_writes_valid_bag(
    store: Any, built: Built, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bag"
    code = main(
        [
            "--db",
            db_url,
            "export",
            "transfer",
            "--collection",
            COLLECTION,
            "--out",
            str(out),
            "--series",
            "MOCK 1",
        ]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert json.loads(captured.out)["redacted_copies"] == 2
    assert "Contact-Name" in captured.err
    bagit.Bag(str(out)).validate()


def test_transfer_command_refuses_with_problems_on_stderr(
    store: Any, built: Built, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with store.session() as s:
        save_appraisal(s, built.ids["case1/old.pdf"], APPRAISER, "select", [], "Sample")
    out = tmp_path / "bag"
    code = main(
        ["--db", db_url, "export", "transfer", "--collection", COLLECTION, "--out", str(out)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "case1/old.pdf: no sensitivity decision" in err
    assert not out.exists()


def test_unknown_collection_is_bad_usage(
    store: Any, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "--db",
            db_url,
            "export",
            "transfer",
            "--collection",
            "nope",
            "--out",
            str(tmp_path / "bag"),
        ]
    )
    assert code == 2
    assert not (tmp_path / "bag").exists()


def test_appraisal_report_command(
    store: Any, built: Built, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.pdf"
    code = main(
        [
            "--db",
            db_url,
            "export",
            "appraisal-report",
            "--collection",
            COLLECTION,
            "--out",
            str(out),
        ]
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out)["counts"]["select"] == 3
    assert out.read_bytes().startswith(b"%PDF")
