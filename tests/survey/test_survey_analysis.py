"""summary.json: duplicates, risks, clean-up candidates and ages come out right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.survey import SurveySummary, load_summary, survey


@pytest.fixture
def summary(tree: Path, tmp_path: Path) -> SurveySummary:
    out = tmp_path / "out"
    result = survey(tree, out, jobs=1)
    assert load_summary(out) == result  # what the GUI loads is what was computed
    json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return result


def _flag(groups: list, key: str):  # type: ignore[no-untyped-def]
    return next(g for g in groups if g.key == key)


def test_totals(summary: SurveySummary) -> None:
    t = summary.totals
    assert t.files == 12
    assert t.members == 3
    assert t.folders == 1 + 4 + 6  # root, Cases/Policy/Empty folder/Deep, six deep levels


def test_duplicates_and_reclaimable_bytes(summary: SurveySummary) -> None:
    dup = summary.duplicates
    # note.txt x3 (500 bytes each) and report.pdf == report-renamed.txt; locked.pdf differs.
    assert dup.sets == 2
    assert dup.files == 5
    notes = next(d for d in dup.largest if d.size == 500)
    assert notes.count == 3
    assert notes.reclaimable == 1000
    assert sorted(notes.paths) == [
        "Cases/copy of note.txt",
        "Cases/note.txt",
        "Policy/note-again.txt",
    ]
    pdfs = next(d for d in dup.largest if d.size != 500)
    assert sorted(pdfs.paths) == ["Policy/report-renamed.txt", "Policy/report.pdf"]
    assert dup.reclaimable_bytes == 1000 + pdfs.size


def test_risks_are_flagged(summary: SurveySummary) -> None:
    risks = summary.risks
    assert _flag(risks, "zero_byte").examples == ["Policy/empty.txt"]
    assert _flag(risks, "extension_mismatch").examples == ["Policy/report-renamed.txt"]
    assert _flag(risks, "disallowed").examples == ["Cases/bundle.zip"]  # TNA refuses ZIP
    assert summary.disallowed_by_reason == {"Zip": 1}
    protected = _flag(risks, "password_protected").examples
    assert sorted(protected) == [
        "Cases/bundle.zip",
        "Cases/bundle.zip/secret.txt",
        "Policy/locked.pdf",
    ]
    long_paths = _flag(risks, "long_path").examples
    assert long_paths
    assert all(p.startswith("Deep/") for p in long_paths)
    assert "Deep/" + "/".join(f"level-{n}-" + "x" * 40 for n in range(6)) + "/far.txt" in long_paths
    assert _flag(risks, "unreadable").count == 0


def test_rot_candidates(summary: SurveySummary) -> None:
    assert _flag(summary.rot, "temp").examples == ["Policy/~$draft.docx"]
    assert _flag(summary.rot, "system").examples == ["Policy/Thumbs.db"]
    assert _flag(summary.rot, "empty_folder").examples == ["Empty folder"]


def test_ages_and_20_year_rule(summary: SurveySummary) -> None:
    years = {r.year: r.files for r in summary.age_by_year}
    assert years[2001] == 1
    due = {r.year: r.files for r in summary.due_by_year}
    assert due[2021] == 1
    assert summary.overdue_files >= 1


def test_formats_and_folders(summary: SurveySummary) -> None:
    formats = {f.puid: f for f in summary.by_format}
    assert formats["fmt/18"].files == 3  # report.pdf, its renamed copy, locked.pdf
    assert formats["fmt/18"].members == 1
    folders = {f.folder: f.files for f in summary.by_folder}
    assert folders == {"Cases": 3, "Policy": 7, "Deep": 1, "": 1}
