"""Interrupted surveys continue where they stopped and end with the same result."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reviewer.progress import Cancelled, RecordingProgress
from reviewer.survey import engine, survey, walk
from reviewer.survey.index import INDEX_NAME


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many small transactions, so a cancel can land in the middle of each phase."""
    monkeypatch.setattr(walk, "FOLDERS_PER_TRANSACTION", 1)
    monkeypatch.setattr(engine, "BATCH", 2)


@pytest.mark.parametrize("cancel_after", [2, 9, 14, 17])  # listing, then inspecting
@pytest.mark.usefixtures("small_steps")
def test_cancel_then_rerun_gives_the_same_result(
    tree: Path, tmp_path: Path, cancel_after: int
) -> None:
    whole = tmp_path / "whole"
    survey(tree, whole, jobs=1)
    resumed = tmp_path / "resumed"
    progress = RecordingProgress(cancel_after=cancel_after)
    with pytest.raises(Cancelled):
        survey(tree, resumed, jobs=1, progress=progress)
    assert (resumed / INDEX_NAME).exists()
    assert not (resumed / "droid.csv").exists()
    survey(tree, resumed, jobs=1)
    assert (resumed / "droid.csv").read_text() == (whole / "droid.csv").read_text()


@pytest.mark.usefixtures("small_steps")
def test_cancel_with_worker_processes_then_rerun(tree: Path, tmp_path: Path) -> None:
    survey(tree, tmp_path / "whole", jobs=1)
    with pytest.raises(Cancelled):
        survey(tree, tmp_path / "resumed", jobs=2, progress=RecordingProgress(cancel_after=15))
    survey(tree, tmp_path / "resumed", jobs=2)
    whole = (tmp_path / "whole" / "droid.csv").read_text()
    assert (tmp_path / "resumed" / "droid.csv").read_text() == whole


@pytest.mark.usefixtures("small_steps")
def test_rerun_does_not_redo_finished_work(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(Cancelled):
        survey(tree, out, jobs=1, progress=RecordingProgress(cancel_after=15))
    progress = RecordingProgress()
    survey(tree, out, jobs=1, progress=progress)
    first_inspect = next(r for r in progress.reports if r[1] is not None)
    assert first_inspect[0] > 0  # files hashed before the cancel are not hashed again


def test_progress_reports_total_for_an_estimate(tree: Path, tmp_path: Path) -> None:
    progress = RecordingProgress()
    survey(tree, tmp_path / "out", jobs=1, progress=progress)
    inspecting = [r for r in progress.reports if r[1] is not None]
    assert inspecting[-1][0] == inspecting[-1][1] == 12


def test_worker_processes_give_the_same_csv(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BATCH", 4)  # several batches in flight at once
    survey(tree, tmp_path / "one", jobs=1)
    survey(tree, tmp_path / "two", jobs=2)
    survey(tree, tmp_path / "three", jobs=2, identify_processes=2)
    one = (tmp_path / "one" / "droid.csv").read_text()
    assert (tmp_path / "two" / "droid.csv").read_text() == one
    assert (tmp_path / "three" / "droid.csv").read_text() == one


def test_unreadable_folder_is_reported_not_fatal(
    tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_scandir = os.scandir
    locked = str(tree / "Policy")

    def scandir(path: str):  # type: ignore[no-untyped-def]
        if str(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(walk.os, "scandir", scandir)
    summary = survey(tree, tmp_path / "out", jobs=1)
    problem = next(g for g in summary.problems if g.key == "unreadable_folder")
    assert problem.examples == ["Policy"]
    assert summary.totals.files == 5  # everything outside Policy
    row = next(
        line
        for line in (tmp_path / "out" / "droid.csv").read_text().splitlines()
        if '"Policy"' in line
    )
    assert '"Access denied"' in row


def test_links_are_not_followed(tree: Path, tmp_path: Path) -> None:
    (tree / "Cases" / "loop").symlink_to(tree, target_is_directory=True)
    summary = survey(tree, tmp_path / "out", jobs=1)
    assert summary.totals.files == 12
    link = next(g for g in summary.problems if g.key == "link")
    assert link.examples == ["Cases/loop"]
    rows = (tmp_path / "out" / "droid.csv").read_text().splitlines()
    (row,) = [line for line in rows if '"loop"' in line]
    assert '"Not done"' in row  # listed as DROID lists it, not entered
    assert '"Folder"' in row
