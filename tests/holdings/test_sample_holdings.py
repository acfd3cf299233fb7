"""The bundled sample's holdings, ingested as a new user's first run ingests them."""

from __future__ import annotations

from models import Store
from reviewer.ingest.access import record_text
from reviewer.ingest.manifest.suggest import metadata_suggestions
from reviewer.records_view import list_records
from reviewer.sample import ensure_sample_collection

CASE = "case-R-v-Hartigan-2004"


def test_sample_scan_mailbox_clip_and_manifest(store: Store) -> None:
    ensure_sample_collection(store, scan=False)
    with store.session() as session:
        rows = {r.path.removeprefix(f"{CASE}/"): r for r in list_records(session, "sample")}
        scan = rows["MG11 REDSHAW Paul 18.08.04 scan.pdf"]
        assert scan.status == "ok" and "from OCR" in scan.message
        assert "Paul Anthony REDSHAW" in record_text(session, scan.id)
        assert scan.metadata["Document Reference"] == "MG11/003"
        found = {s.field: s.value for s in metadata_suggestions(session, scan.id)}
        assert found["date"] == "2004-08-18"
        assert found["reference"] == "MG11/003"
        box = "OIC mailbox export 2004-08.mbox"
        messages = [p for p in rows if p.startswith(f"{box}/") and p.endswith(".eml")]
        assert len(messages) == 2
        attachment = f"{messages[0]}/Redshaw notes.txt"
        assert rows[attachment].parent_id == rows[messages[0]].id
        clip = rows["BWV 15.08.04 0112 PC4471.mp4"]
        assert clip.status == "empty" and clip.message.endswith("needs viewing")
        assert clip.metadata["creation_time"].startswith("2004-08-15T01:12:00")
        assert rows["metadata.csv"].status == "ok"
