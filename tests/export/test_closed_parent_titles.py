"""A closed title stays closed in its children's paths: an open attachment of an e-mail whose
title is closed goes under the e-mail's alternate title, in `data/` and in `metadata.csv`, however
deep it sits (a zip inside the e-mail); the closed originals keep their real paths."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from datetime import UTC, date, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import bagit
import pytest

from models.entities import RecordScan
from models.records import Record, RecordPage
from reviewer.decisions.redactions import add_redaction
from reviewer.decisions.save import save_appraisal, save_sensitivity
from reviewer.decisions.types import DecisionView
from reviewer.export.plan import TransferItem, plan_transfer
from reviewer.export.rows import place
from reviewer.export.transfer import export_transfer
from reviewer.ingest.pipeline import ingest_paths
from tests.export.conftest import APPRAISER, REVIEWER, _pdf
from tests.export.test_closed_titles import assert_nothing_closed_is_open

MAIL = "RE Statement of Harriet Quigley.eml"
MAIL_ALT = "Case e-mail 1"
ZIP = "Quigley bundle.zip"
ZIP_ALT = "Bundle 1"
NAME = "Harriet Quigley"
COLLECTION = "Parents"
MTIME = datetime(2004, 10, 4, 12, tzinfo=UTC).timestamp()
CLOSED: dict[str, Any] = {
    "closure_status": "Closed",
    "exemptions": [("40(2)", 84)],
    "closure_start_date": date(2004, 12, 31),
    "foi_schedule_date": date(2024, 3, 1),
}


def _mail() -> bytes:
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as z:
        z.writestr("Letter to the court.pdf", _pdf(["Letter about the hearing date."]))
    msg = EmailMessage()
    msg["Subject"] = "Statement"
    msg["From"] = "clerk@example.org"
    msg["To"] = "counsel@example.org"
    msg["Date"] = "Mon, 04 Oct 2004 10:00:00 +0000"
    msg.set_content("Please see the attached summary.")
    summary = _pdf(["MG5 summary", f"Witness {NAME} saw it."])
    for name, data, sub in (
        ("MG5 summary.pdf", summary, "pdf"),
        ("MG6 schedule.pdf", _pdf(["MG6 schedule"]), "pdf"),
        (ZIP, bundle.getvalue(), "zip"),
    ):
        msg.add_attachment(data, maintype="application", subtype=sub, filename=name)
    return bytes(msg)


@pytest.fixture
def family(store: Any, tmp_path: Path) -> dict[str, int]:
    """The e-mail and the zip it carries (not selected: TDR refuses zips) with closed titles;
    the MG5 attachment open with redactions, the letter in the zip open, the MG6 attachment
    closed (title open)."""
    root = tmp_path / "evidence"
    (root / "case").mkdir(parents=True)
    (root / "case" / MAIL).write_bytes(_mail())
    os.utime(root / "case" / MAIL, (MTIME, MTIME))
    ingest_paths(store, [root], COLLECTION)
    with store.session() as s:
        records = s.query(Record).all()
        ids = {r.name: r.id for r in records}
        paths = {r.name: r.path for r in records}
        assert paths["Letter to the court.pdf"].endswith(f"{MAIL}/{ZIP}/Letter to the court.pdf")
        for r in records:
            s.add(RecordScan(record_id=r.id, text_sha256="0" * 64, pipeline_version="test"))
            # TDR refuses zips: only what is in it goes.
            appraisal = "retain" if r.name == ZIP else "select"
            save_appraisal(s, r.id, APPRAISER, appraisal, [], "Trial papers")
        for name, alternate in ((MAIL, MAIL_ALT), (ZIP, ZIP_ALT)):
            save_sensitivity(
                s, ids[name], REVIEWER, title_closed=True, title_alternate=alternate, **CLOSED
            )
        save_sensitivity(s, ids["MG6 schedule.pdf"], REVIEWER, **CLOSED)
        save_sensitivity(s, ids["Letter to the court.pdf"], REVIEWER, closure_status="Open")
        mg5 = ids["MG5 summary.pdf"]
        save_sensitivity(s, mg5, REVIEWER, redacted=True, **CLOSED)
        text = "\f".join(p.text for p in s.query(RecordPage).filter_by(record_id=mg5))
        start = text.index(NAME)
        add_redaction(s, mg5, REVIEWER, start=start, end=start + len(NAME), label="PERSON")
    return ids


def test_open_children_go_under_the_alternate_titles(store: Any, family: dict[str, int]) -> None:
    with store.session() as s:
        placed = {p.item.name: p for p in place(plan_transfer(s, COLLECTION).items)}
    mail = f"case/{MAIL_ALT}_contents"
    assert placed["MG5 summary.pdf"].redacted_path == f"{mail}/MG5 summary_R.pdf"
    letter = placed["Letter to the court.pdf"]
    assert letter.path == f"{mail}/{ZIP_ALT}_contents/Letter to the court.pdf"
    # Closed originals keep their real paths, as TDR expects of a closed record.
    assert placed[MAIL].path == f"case/{MAIL}"
    assert placed["MG5 summary.pdf"].path == f"case/{MAIL}_contents/MG5 summary.pdf"
    assert placed["MG6 schedule.pdf"].path == f"case/{MAIL}_contents/MG6 schedule.pdf"


def test_two_closed_parents_with_one_alternate_get_two_folders(
    store: Any, family: dict[str, int], tmp_path: Path
) -> None:
    """A second e-mail with the same alternate title does not share the first one's folder."""
    other = tmp_path / "more" / "case"
    other.mkdir(parents=True)
    (other / "RE Another statement.eml").write_bytes(_mail())
    os.utime(other / "RE Another statement.eml", (MTIME, MTIME))
    ingest_paths(store, [tmp_path / "more"], COLLECTION)
    with store.session() as s:
        for r in s.query(Record).filter(Record.path.like("%Another%")).all():
            s.add(RecordScan(record_id=r.id, text_sha256="0" * 64, pipeline_version="test"))
            appraisal = "retain" if r.name == ZIP else "select"
            save_appraisal(s, r.id, APPRAISER, appraisal, [], "Trial papers")
            if r.name == "RE Another statement.eml":
                save_sensitivity(
                    s, r.id, REVIEWER, title_closed=True, title_alternate=MAIL_ALT, **CLOSED
                )
            elif r.name == "Letter to the court.pdf":
                save_sensitivity(s, r.id, REVIEWER, closure_status="Open")
            else:
                save_sensitivity(s, r.id, REVIEWER, **CLOSED)
        placements = place(plan_transfer(s, COLLECTION).items)
    letters = sorted(p.path for p in placements if p.item.name == "Letter to the court.pdf")
    assert letters == [  # numbered in the order of the e-mails' paths
        f"case/{MAIL_ALT} 2_contents/{ZIP_ALT}_contents/Letter to the court.pdf",
        f"case/{MAIL_ALT}_contents/{ZIP}/Letter to the court.pdf",
    ]


def test_closed_parent_titles_appear_nowhere_open(
    store: Any, family: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "bag"
    export_transfer(store, COLLECTION, out)
    bagit.Bag(str(out)).validate()
    rows = list(csv.DictReader(io.StringIO((out / "metadata.csv").read_text("utf-8"))))
    closed = {f"data/{r['filepath']}" for r in rows if r["closure status"] == "Closed"}
    assert_nothing_closed_is_open(out, closed, [MAIL, ZIP, Path(MAIL).stem, Path(ZIP).stem])
    assert f"data/case/{MAIL}" in closed  # the closed originals are where they were
    assert f"data/case/{MAIL}_contents/MG6 schedule.pdf" in closed
    mail = out / "data" / "case" / f"{MAIL_ALT}_contents"
    assert (mail / "MG5 summary_R.pdf").is_file()
    assert (mail / f"{ZIP_ALT}_contents" / "Letter to the court.pdf").is_file()
    public = {r["filepath"] for r in rows if r["closure status"] == "Open"}
    assert f"case/{MAIL_ALT}_contents/{ZIP_ALT}_contents/Letter to the court.pdf" in public


def _item(record_id: int, path: str) -> TransferItem:
    view = DecisionView(record_id=record_id, appraisal="select", closure_status="Open")
    return TransferItem(
        record_id, path, path.rsplit("/", 1)[-1], None, None, None, False, None, None, True, view
    )


def test_a_container_in_a_container_both_transferred_gets_two_contents_folders() -> None:
    """An e-mail forwarded inside an e-mail: each is a file, so each one's members need a folder
    of its own, or the inner e-mail and its folder would share one name."""
    items = [_item(1, "a.eml"), _item(2, "a.eml/b.eml"), _item(3, "a.eml/b.eml/c.pdf")]
    assert [p.path for p in place(items)] == [
        "a.eml",
        "a.eml_contents/b.eml",
        "a.eml_contents/b.eml_contents/c.pdf",
    ]
