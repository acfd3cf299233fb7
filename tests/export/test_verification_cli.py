"""`reviewer export verification --bag DIR`: the bag's redaction check, readable from the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reviewer.cli import main
from reviewer.export.transfer import export_transfer
from tests.export.conftest import COLLECTION, Built
from tests.export.pdfs import NAME


def test_prints_the_report_of_a_bag(
    store: Any, built: Built, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bag"
    export_transfer(store, COLLECTION, out)
    code = main(["--db", db_url, "export", "verification", "--bag", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "2 redacted copies, 2 passed." in captured.out
    assert "data/case1/statement_R.pdf: passed" in captured.out
    assert "data/case1/notes_R.pdf: passed" in captured.out
    assert NAME not in captured.out


def test_a_folder_that_is_not_a_bag_is_one_line(
    store: Any, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", db_url, "export", "verification", "--bag", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "is not a bag" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
