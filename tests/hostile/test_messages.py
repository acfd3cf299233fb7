"""Messages are safe: names shown, never obeyed; no traceback or document text for a user."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reviewer.cli import crash_log, main

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX names hold control characters")

ESCAPE_NAME = "\x1b]0;owned\x07\x1b[2Jred.txt"


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "names"
    root.mkdir()
    (root / ESCAPE_NAME).write_text("a file whose name drives a terminal\n")
    (root / "[red]styled[blink].txt").write_text("Rich markup in a name\n")
    (root / "=HYPERLINK(1).txt").write_text("formula-like\n")
    os.symlink(tmp_path / "gone\x1b[31m.txt", root / "dangling\x1b[5m")
    return root


def test_names_are_escaped_on_stderr_and_in_the_table(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _folder(tmp_path)
    assert main(["--db", db_url, "ingest", str(root), "--collection", "c"]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b" in err  # the broken link's name and target
    assert main(["--db", db_url, "records", "--collection", "c", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;owned\\x07" in out.replace("\n", "").replace("│", "").replace(" ", "")
    assert "[red]styled[blink].txt" in out
    assert main(["--db", db_url, "records", "--collection", "c", "--format", "csv"]) == 0
    csv_out = capsys.readouterr().out
    assert "'=HYPERLINK(1).txt" in csv_out
    assert not any(line.startswith("=") for line in csv_out.splitlines())


def test_an_unexpected_error_is_one_line_and_a_log_without_content(
    tmp_path: Path, db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewer.cli import records_cmd

    def explode(*_args: object) -> int:
        raise ValueError("INSERT refused: 'Jo Bloggs', NINO AB123456C, 1 High Street")

    monkeypatch.setattr(records_cmd, "run", explode)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    code = main(["--db", db_url, "records", "--collection", "c", "--format", "json"])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    for secret in ("Jo Bloggs", "AB123456C", "High Street"):
        assert secret not in err
    log = crash_log.log_folder() / "errors.log"
    assert str(log) in err
    logged = log.read_text()
    assert "ValueError" in logged and "explode" in logged
    for secret in ("Jo Bloggs", "AB123456C", "High Street"):
        assert secret not in logged
    if os.name != "nt":
        assert log.stat().st_mode & 0o777 == 0o600
