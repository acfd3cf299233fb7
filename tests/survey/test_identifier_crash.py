"""A file that kills the identification process is marked `Error`; the survey carries on."""

from __future__ import annotations

import csv
import hashlib
import multiprocessing
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from reviewer.survey import engine, survey
from tests.survey import crashing
from tests.survey.conftest import PDF


@pytest.fixture
def drive(tree: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shared test tree, two dozen more files and a file that kills Siegfried's process."""
    for n in range(24):
        folder = tree / f"Team {n % 3}"
        folder.mkdir(exist_ok=True)
        if n % 2:
            (folder / f"minutes-{n}.pdf").write_bytes(PDF.replace(b"1.4", f"1.{n % 7}".encode()))
        else:
            (folder / f"letter-{n}.txt").write_text(f"Letter number {n}\n" * (n + 1))
    (tree / "Team 1" / "poison.bin").write_bytes(b"\x00truncated while read\x00" * 10)
    monkeypatch.setattr(engine, "BATCH", 4)  # the poison's batch, and others in flight with it
    monkeypatch.setattr(engine, "inspect_in_worker", crashing.dies_on_poison)
    return tree


def _rows(out: Path) -> dict[str, dict[str, str]]:
    with (out / "droid.csv").open(encoding="utf-8", newline="") as handle:
        return {row["FILE_PATH"] or row["URI"]: row for row in csv.DictReader(handle)}


@pytest.mark.parametrize("identify_processes", [1, 2])
def test_survey_carries_on_past_a_file_that_kills_identification(
    drive: Path, tmp_path: Path, identify_processes: int
) -> None:
    summary = survey(drive, tmp_path / "out", jobs=2, identify_processes=identify_processes)
    assert multiprocessing.active_children() == []  # every pool, dead or alive, is gone
    rows = _rows(tmp_path / "out")
    files = [p for p in drive.rglob("*") if p.is_file()]
    assert summary.totals.files == len(files) == 37
    poison = rows[str(drive / "Team 1" / "poison.bin")]
    assert poison["STATUS"] == "Error"
    assert poison["SHA256_HASH"] == poison["PUID"] == ""
    unreadable = next(g for g in summary.risks if g.key == "unreadable")
    assert unreadable.count == 1
    for path in files:
        if path.name == "poison.bin":
            continue
        row = rows[str(path)]
        assert row["STATUS"] == "Done", path.name
        assert row["SHA256_HASH"] == hashlib.sha256(path.read_bytes()).hexdigest()
        if path.suffix in {".pdf", ".txt"} and path.stat().st_size:
            assert row["PUID"], path.name
    # Apart from the poison's row, the same profile as a survey in which nothing died.
    whole = tmp_path / "whole"
    survey(drive, whole, jobs=1)
    expected = _rows(whole)
    del expected[str(drive / "Team 1" / "poison.bin")]
    del rows[str(drive / "Team 1" / "poison.bin")]
    assert rows == expected


def test_restarts_are_bounded_then_the_same_command_resumes(
    drive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "MAX_RESTARTS", 1)  # the poison's batch, not the poison again
    out = tmp_path / "out"
    with pytest.raises(BrokenProcessPool):
        survey(drive, out, jobs=2)
    assert multiprocessing.active_children() == []
    assert not (out / "droid.csv").exists()
    monkeypatch.setattr(engine, "inspect_in_worker", crashing.inspect_in_worker)
    survey(drive, out, jobs=2)  # the file is readable now
    survey(drive, tmp_path / "whole", jobs=1)
    rows = _rows(out)
    assert rows[str(drive / "Team 1" / "poison.bin")]["STATUS"] == "Done"
    assert rows == _rows(tmp_path / "whole")
