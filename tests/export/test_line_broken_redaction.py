"""A name and a postcode wrapped across a line of an HTML-laid-out PDF are redacted whole
(issue 15, item 5): the open redacted copy kept "Pemberton-Whitley" and "LS1 6DQ"."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pymupdf

from models.records import Collection, IngestRoot
from reviewer.decisions.save import save_appraisal, save_sensitivity
from reviewer.detect.entities import list_entities, scan_records
from reviewer.export.transfer import export_transfer
from tests.export.conftest import APPRAISER, COLLECTION, REVIEWER, Built, _add

# Narrow enough that "Jonathan | Pemberton-Whitley" and "LS1 | 6DQ" fall on two lines.
BOX = pymupdf.Rect(72, 72, 322, 400)  # type: ignore[no-untyped-call]
MINUTE = (
    "The meeting took place at the office in Leeds LS1 6DQ on Tuesday. Those present were "
    "Jonathan Pemberton-Whitley and Margaret Thornton from the department, who argued about "
    "the budget."
)


def _htmlbox_pdf() -> bytes:
    doc: Any = pymupdf.open()  # type: ignore[no-untyped-call]
    page = doc.new_page()
    page.insert_htmlbox(BOX, f"<p>{MINUTE}</p>", css="* {font-size: 11pt;}")
    data: bytes = doc.tobytes()
    doc.close()
    return data


def test_wrapped_name_and_postcode_are_covered_in_the_redacted_copy(
    store: Any, built: Built, tmp_path: Path
) -> None:
    with store.session() as s:
        coll = s.query(Collection).filter_by(name=COLLECTION).one()
        root = s.query(IngestRoot).filter_by(collection_id=coll.id).one()
        rid = _add(s, coll, root, "case1/minute.pdf", _htmlbox_pdf()).id
    with store.session() as s:
        from reviewer.ingest.access import record_text

        text = record_text(s, rid)
    # The layout does wrap both inside: the test is about line breaks.
    assert "Jonathan\nPemberton-Whitley" in text, text
    assert "LS1\n6DQ" in text, text
    scan_records(store, [rid], 1, force=True)
    with store.session() as s:
        found = {(e.label, e.text) for e in list_entities(s, rid) if e.score >= 0.5}
        save_appraisal(s, rid, APPRAISER, "select", ["homicide"], "Murder trial papers")
        save_sensitivity(
            s,
            rid,
            REVIEWER,
            closure_status="Closed",
            redacted=True,
            redact_labels=["PERSON", "POSTCODE"],
            exemptions=[("40(2)", 84)],
            closure_start_date=date(2004, 12, 31),
            foi_schedule_date=date(2024, 3, 1),
        )
    assert ("PERSON", "Jonathan\nPemberton-Whitley") in found, found
    assert ("POSTCODE", "LS1\n6DQ") in found, found
    out = tmp_path / "bag"
    export_transfer(store, COLLECTION, out)
    copy_doc: Any = pymupdf.open(out / "data/case1/minute_R.pdf")  # type: ignore[no-untyped-call]
    copy = copy_doc[0].get_text()
    for secret in ("Jonathan", "Pemberton", "Whitley", "Margaret", "Thornton", "LS1", "6DQ"):
        assert secret not in copy, copy
    for kept in ("meeting", "Leeds", "Tuesday", "present", "department", "argued", "budget"):
        assert kept in copy, copy
