"""Closed titles and descriptions stay closed everywhere the bag is open; copies redact only
what a reviewer saw; the verification report rides in the bag."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import bagit
import pymupdf
import pytest

from models.entities import DetectedEntity
from models.records import Collection, IngestRoot, RecordPage
from reviewer.decisions.redactions import add_redaction
from reviewer.decisions.save import save_appraisal, save_sensitivity
from reviewer.decisions.store import set_description
from reviewer.export.transfer import TransferRefused, export_transfer
from reviewer.export.verification_file import REPORT_NAME
from reviewer.export.verify_copy import VerificationReport, search_secrets, skeleton
from tests.export.conftest import APPRAISER, REVIEWER, _add, _pdf

TITLE = "Statement of Harriet Quigley"
ALTERNATE = "Witness statement"
DESCRIPTION = "Account by Harriet Quigley of the night of 3 May"
DESCRIPTION_ALT = "Witness account"
NAME = "Harriet Quigley"
CLOSED = {
    "closure_status": "Closed",
    "redacted": True,
    "exemptions": [("40(2)", 84)],
    "closure_start_date": date(2004, 12, 31),
    "foi_schedule_date": date(2024, 3, 1),
}


def _collection(store: Any, tmp_path: Path, *, title_closed: bool = True) -> dict[str, int]:
    root_dir = tmp_path / "evidence"
    root_dir.mkdir()
    ids: dict[str, int] = {}
    with store.session() as s:
        coll = Collection(name="Titles", kind="case")
        s.add(coll)
        s.flush()
        root = IngestRoot(collection_id=coll.id, path=str(root_dir))
        s.add(root)
        s.flush()
        lines = [f"I, {NAME}, saw it.", "Next to the Café Royal door.", "Signed."]
        record = _add(s, coll, root, f"case/{TITLE}.pdf", _pdf(lines))
        ids["statement"] = record.id
        save_appraisal(s, record.id, APPRAISER, "select", ["homicide"], "Trial papers")
        set_description(s, record.id, APPRAISER, DESCRIPTION)
        save_sensitivity(
            s,
            record.id,
            REVIEWER,
            title_closed=title_closed,
            title_alternate=ALTERNATE if title_closed else "",
            description_closed=True,
            description_alternate=DESCRIPTION_ALT,
            redact_labels=["PERSON", "ORG"],
            **CLOSED,  # type: ignore[arg-type]
        )
        text = "\f".join(p.text for p in s.query(RecordPage).filter_by(record_id=record.id))
        start = text.index(NAME)
        add_redaction(s, record.id, REVIEWER, start=start, end=start + len(NAME), label="PERSON")
        cafe = text.index("Café Royal")
        # A span below the display threshold the reviewer never saw, and one they added.
        s.add(
            DetectedEntity(
                record_id=record.id,
                start=cafe,
                end=cafe + 10,
                label="ORG",
                text="Café Royal",
                page=1,
                score=0.35,
            )
        )
        signed = text.index("Signed")
        s.add(
            DetectedEntity(
                record_id=record.id,
                start=signed,
                end=signed + 6,
                label="ORG",
                text="Signed",
                page=1,
                score=0.2,
                source="manual",
            )
        )
    return ids


def _open_parts(bag: Path, closed_paths: set[str]) -> list[tuple[str, bytes]]:
    """Every file name and every byte of the bag that is open: all but the closed originals
    themselves, the folders holding nothing else (a closed record keeps its real path) and the
    lines naming them (their manifest, ffid and metadata rows)."""
    parts: list[tuple[str, bytes]] = []
    for dirpath, dirnames, filenames in os.walk(bag):
        for name in [*dirnames, *filenames]:
            rel = (Path(dirpath) / name).relative_to(bag).as_posix()
            full = bag / rel
            if rel in closed_paths:
                continue
            if full.is_dir():
                inside = {f.relative_to(bag).as_posix() for f in full.rglob("*") if f.is_file()}
                if inside and inside <= closed_paths:
                    continue
            parts.append((f"name {rel}", rel.encode()))
            if full.is_file():
                data = full.read_bytes()
                lines = [
                    line
                    for line in data.split(b"\n")
                    if not any(p.encode() in line or p[5:].encode() in line for p in closed_paths)
                ]
                parts.append((rel, b"\n".join(lines)))
    return parts


def assert_nothing_closed_is_open(bag: Path, closed_paths: set[str], secrets: list[str]) -> None:
    """No closed title, description or name, in any folded form, in any open part of the bag."""
    parts = _open_parts(bag, closed_paths)
    assert any(rel == "metadata.csv" for rel, _ in parts)
    for rel, data in parts:
        folded = skeleton(data.decode("utf-8", "replace"))
        for closed in secrets:
            assert skeleton(closed) not in folded, (rel, closed)


def test_closed_title_and_description_appear_nowhere_open(store: Any, tmp_path: Path) -> None:
    _collection(store, tmp_path)
    out = tmp_path / "bag"
    export_transfer(store, "Titles", out)
    bagit.Bag(str(out)).validate()
    copy = out / "data" / "case" / f"{ALTERNATE}_R.pdf"
    assert copy.is_file()
    original = f"data/case/{TITLE}.pdf"
    assert (out / original).is_file()  # the closed original keeps its name (TDR closes it)
    assert_nothing_closed_is_open(out, {original}, [TITLE, DESCRIPTION])
    # The copy's PDF objects and streams too, decompressed, in every folded form.
    report = VerificationReport()
    data = copy.read_bytes()
    search_secrets(data, pymupdf.open(stream=data), [TITLE, DESCRIPTION], copy.name, report)
    assert report.leaks == []
    metadata = (out / "metadata.csv").read_text("utf-8")
    assert f"case/{ALTERNATE}_R.pdf" in metadata
    assert DESCRIPTION_ALT in metadata


def test_open_title_naming_a_redacted_person_is_refused(store: Any, tmp_path: Path) -> None:
    """Without a closed title the copy would be named after the person it redacts: refused."""
    _collection(store, tmp_path, title_closed=False)
    out = tmp_path / "bag"
    with pytest.raises(TransferRefused) as caught:
        export_transfer(store, "Titles", out)
    reasons = [p.reason for p in caught.value.problems]
    assert any("file name: close the title and give an alternate" in r for r in reasons)
    assert all(NAME not in r for r in reasons)
    assert not out.exists()


def test_only_spans_the_reviewer_saw_or_chose_are_redacted(store: Any, tmp_path: Path) -> None:
    _collection(store, tmp_path)
    out = tmp_path / "bag"
    export_transfer(store, "Titles", out)
    text = pymupdf.open(out / "data" / "case" / f"{ALTERNATE}_R.pdf")[0].get_text()
    assert NAME not in text
    assert "Café Royal" in text  # scored 0.35: below the threshold, never shown
    assert "Signed" not in text  # added by the reviewer: redacted whatever its score


def test_verification_report_in_the_bag(store: Any, tmp_path: Path) -> None:
    _collection(store, tmp_path)
    out = tmp_path / "bag"
    summary = export_transfer(store, "Titles", out)
    report = (out / REPORT_NAME).read_text("utf-8")
    assert summary.verification_report == str(out / REPORT_NAME)
    assert f"data/case/{ALTERNATE}_R.pdf: passed" in report
    assert "kept in place" in report
    assert NAME not in report
    assert TITLE not in report
    tagmanifest = (out / "tagmanifest-sha256.txt").read_text()
    assert REPORT_NAME in tagmanifest
    assert json.loads(json.dumps(summary.as_dict()))["verification_report"]
