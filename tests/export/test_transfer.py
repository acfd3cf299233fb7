"""The transfer bag: valid BagIt, TNA-valid metadata, redacted copies, refusal without residue."""

from __future__ import annotations

import csv
import io
import stat
from datetime import date
from pathlib import Path
from typing import Any

import bagit
import pymupdf
import pytest

from reviewer.decisions.save import save_appraisal
from reviewer.export.bag import BagInfo
from reviewer.export.metadata import validate_cells
from reviewer.export.transfer import TransferRefused, export_transfer, list_problems
from reviewer.progress import Cancelled, RecordingProgress
from tests.export.conftest import APPRAISER, COLLECTION, Built
from tests.export.pdfs import NAME, PHONE


def _rows(bag_dir: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((bag_dir / "metadata.csv").read_text("utf-8"))))


def test_bag_is_valid_and_complete(store: Any, built: Built, tmp_path: Path) -> None:
    out = tmp_path / "bag"
    progress = RecordingProgress()
    info = BagInfo("Crown Prosecution Service", "MOCK 1", "A Person", "a@example.com", "C-1")
    summary = export_transfer(store, COLLECTION, out, progress, info)
    bagit.Bag(str(out)).validate()
    assert summary.records == 3
    assert summary.redacted_copies == 2
    data = out / "data" / "case1"
    assert sorted(p.name for p in data.iterdir()) == [
        "letter.pdf",
        "notes.txt",
        "notes_R.pdf",
        "statement.pdf",
        "statement_R.pdf",
    ]
    assert (data / "statement.pdf").read_bytes() == (
        built.root / "case1/statement.pdf"
    ).read_bytes()
    assert "sha256" in bagit.Bag(str(out)).algorithms
    info_txt = (out / "bag-info.txt").read_text()
    for key in (
        "Source-Organization",
        "Consignment-Series",
        "Contact-Name",
        "Contact-Email",
        "Internal-Sender-Identifier",
        "Bag-Creator",
    ):
        assert f"{key}:" in info_txt
    assert "metadata.csv" in (out / "tagmanifest-sha256.txt").read_text()
    assert progress.reports[-1][0] == progress.reports[-1][1]


def test_metadata_rows_pass_schema_and_follow_redaction_rule(
    store: Any, built: Built, tmp_path: Path
) -> None:
    out = tmp_path / "bag"
    export_transfer(store, COLLECTION, out)
    rows = {r["filepath"]: r for r in _rows(out)}
    assert set(rows) == {
        "case1/letter.pdf",
        "case1/notes.txt",
        "case1/notes_R.pdf",
        "case1/statement.pdf",
        "case1/statement_R.pdf",
    }
    assert all(validate_cells(r) == [] for r in rows.values())
    assert rows["case1/statement.pdf"]["closure status"] == "Closed"
    assert rows["case1/statement.pdf"]["foi exemption code"] == "40(2)"
    assert rows["case1/statement.pdf"]["closure period"] == "84"
    assert rows["case1/statement_R.pdf"]["closure status"] == "Open"
    assert rows["case1/statement_R.pdf"]["foi exemption code"] == ""
    assert rows["case1/letter.pdf"]["closure status"] == "Open"


def test_redacted_copies_hold_no_redacted_text(store: Any, built: Built, tmp_path: Path) -> None:
    out = tmp_path / "bag"
    export_transfer(store, COLLECTION, out)
    for name in ("statement_R.pdf", "notes_R.pdf"):
        doc = pymupdf.open(out / "data" / "case1" / name)
        text = " ".join(p.get_text() for p in doc)
        assert NAME not in text
        assert PHONE not in text
        assert not doc.metadata["author"]
    notes = " ".join(p.get_text() for p in pymupdf.open(out / "data/case1/notes_R.pdf"))
    assert "No answer." in notes


def test_bag_is_owner_only(store: Any, built: Built, tmp_path: Path) -> None:
    out = tmp_path / "bag"
    export_transfer(store, COLLECTION, out)
    for path in [out, *out.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, path


def test_refusal_lists_every_problem_and_writes_nothing(
    store: Any, built: Built, tmp_path: Path
) -> None:
    with store.session() as s:
        save_appraisal(s, built.ids["case1/old.pdf"], APPRAISER, "select", [], "Sample")
    problems = list_problems(store, COLLECTION)
    assert [(p.path, p.record_id) for p in problems] == [
        ("case1/old.pdf", built.ids["case1/old.pdf"])
    ]
    assert "no sensitivity decision" in problems[0].reason
    out = tmp_path / "bag"
    with pytest.raises(TransferRefused) as info:
        export_transfer(store, COLLECTION, out)
    assert info.value.problems == problems
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".bag")]


def test_failure_midway_leaves_nothing(store: Any, built: Built, tmp_path: Path) -> None:
    (built.root / "case1" / "notes.txt").write_text("changed after ingest")
    out = tmp_path / "bag"
    with pytest.raises(TransferRefused) as info:
        export_transfer(store, COLLECTION, out)
    assert info.value.problems[0].path == "case1/notes.txt"
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".bag", "bag"))]


def test_cancel_leaves_nothing(store: Any, built: Built, tmp_path: Path) -> None:
    out = tmp_path / "bag"
    with pytest.raises(Cancelled):
        export_transfer(store, COLLECTION, out, RecordingProgress(cancel_after=1))
    assert not out.exists()


def test_refuses_non_empty_target(store: Any, built: Built, tmp_path: Path) -> None:
    out = tmp_path / "bag"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(TransferRefused, match="problem"):
        export_transfer(store, COLLECTION, out)
    assert (out / "keep.txt").read_text() == "mine"


def test_redact_labels_turn_detected_spans_into_redactions(
    store: Any, built: Built, tmp_path: Path
) -> None:
    """A decision's redact labels redact the detected spans with those labels, and only them."""
    from reviewer.decisions.save import save_sensitivity
    from reviewer.detect.entities import add_manual_entity
    from reviewer.ingest.access import record_text
    from tests.export.conftest import REVIEWER

    rid = built.ids["case1/letter.pdf"]
    with store.session() as s:
        text = record_text(s, rid)
        start = text.index("hearing")
        add_manual_entity(s, rid, start, start + len("hearing"), "PERSON", "tester")
        start = text.index("date")
        add_manual_entity(s, rid, start, start + len("date"), "DATE", "tester")
        save_sensitivity(
            s,
            rid,
            REVIEWER,
            closure_status="Closed",
            redacted=True,
            redact_labels=["PERSON"],
            exemptions=[("40(2)", 84)],
            closure_start_date=date(2004, 12, 31),
            foi_schedule_date=date(2024, 3, 1),
        )
    out = tmp_path / "bag"
    summary = export_transfer(store, COLLECTION, out)
    assert summary.redacted_copies == 3
    text = pymupdf.open(out / "data/case1/letter_R.pdf")[0].get_text()
    assert "hearing" not in text
    assert "date" in text
