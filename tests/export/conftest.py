"""A small collection with decisions, built by inserting rows directly (no ingest needed)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from models.entities import RecordScan
from models.records import Collection, IngestRoot, Record, RecordPage
from reviewer.decisions.redactions import add_redaction
from reviewer.decisions.save import save_appraisal, save_sensitivity
from reviewer.decisions.types import Actor
from reviewer.ingest.extract.pdf import page_text
from reviewer.ingest.types import pack_words
from tests.export.pdfs import NAME, PHONE

APPRAISER = Actor("Ada Appraiser", "appraiser")
REVIEWER = Actor("Sam Sensitivity", "sensitivity")
MTIME = datetime(2004, 6, 1, 9, 30, tzinfo=UTC)
COLLECTION = "Case files 2004"


@dataclass
class Built:
    root: Path
    ids: dict[str, int]


def _pdf(lines: list[str]) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    for i, line in enumerate(lines):
        page.insert_text((72, 100 + 30 * i), line, fontsize=12)
    doc.set_metadata({"author": NAME})
    data: bytes = doc.tobytes()
    return data


def _add(session: Any, coll: Collection, root: IngestRoot, path: str, data: bytes) -> Record:
    is_pdf = path.endswith(".pdf")
    target = Path(root.path).joinpath(*path.split("/"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    record = Record(
        collection=coll,
        root_id=root.id,
        path=path,
        name=path.rsplit("/", 1)[-1],
        size=len(data),
        mtime=MTIME,
        sha256=hashlib.sha256(data).hexdigest(),
        puid="fmt/276" if is_pdf else "x-fmt/111",
        format_name="Acrobat PDF 1.7 - Portable Document Format" if is_pdf else "Plain Text File",
        mime="application/pdf" if is_pdf else "text/plain",
        id_method="Signature",
    )
    session.add(record)
    session.flush()
    if is_pdf:
        doc = pymupdf.open(stream=data, filetype="pdf")
        for n, page in enumerate(doc, 1):
            pt = page_text(page)
            session.add(
                RecordPage(
                    record_id=record.id,
                    page_no=n,
                    text=pt.text,
                    words=pack_words(pt.words or ()),
                    width=pt.width,
                    height=pt.height,
                )
            )
    else:
        session.add(RecordPage(record_id=record.id, page_no=1, text=data.decode()))
    # Scanned for personal data: a record never scanned cannot go Open (reviewer.export.scan_check).
    session.add(RecordScan(record_id=record.id, text_sha256="0" * 64, pipeline_version="test"))
    session.flush()
    return record


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


@pytest.fixture
def built(store: Any, tmp_path: Path) -> Built:
    """letter.pdf open; statement.pdf and notes.txt open with redactions; old.pdf destroyed."""
    root_dir = tmp_path / "evidence"
    root_dir.mkdir()
    ids: dict[str, int] = {}
    closed = {
        "closure_status": "Closed",
        "redacted": True,
        "exemptions": [("40(2)", 84)],
        "closure_start_date": date(2004, 12, 31),
        "foi_schedule_date": date(2024, 3, 1),
    }
    with store.session() as s:
        coll = Collection(name=COLLECTION, kind="case")
        s.add(coll)
        s.flush()
        root = IngestRoot(collection_id=coll.id, path=str(root_dir))
        s.add(root)
        s.flush()
        files = {
            "case1/letter.pdf": _pdf(["Letter about the hearing date."]),
            "case1/statement.pdf": _pdf([f"Witness {NAME} saw it.", f"Phone {PHONE}."]),
            "case1/notes.txt": f"Notes\nCalled {NAME} on {PHONE}.\nNo answer.\n".encode(),
            "case1/old.pdf": _pdf(["Routine circular."]),
        }
        for path, data in files.items():
            ids[path] = _add(s, coll, root, path, data).id
        for path in ("case1/letter.pdf", "case1/statement.pdf", "case1/notes.txt"):
            save_appraisal(s, ids[path], APPRAISER, "select", ["homicide"], "Murder trial papers")
        save_appraisal(s, ids["case1/old.pdf"], APPRAISER, "destroy", [], "Ephemeral")
        save_sensitivity(s, ids["case1/letter.pdf"], REVIEWER, closure_status="Open")
        for path in ("case1/statement.pdf", "case1/notes.txt"):
            save_sensitivity(s, ids[path], REVIEWER, **closed)  # type: ignore[arg-type]
            text = "\f".join(p.text for p in s.query(RecordPage).filter_by(record_id=ids[path]))
            for needle in (NAME, PHONE):
                start, end = _span(text, needle)
                add_redaction(s, ids[path], REVIEWER, start=start, end=end, label="PERSON")
    return Built(root_dir, ids)
