"""`reviewer ingest`, `reviewer records`, `reviewer text` as the command-line contract says."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.cli import main

CONTRACT_KEYS = {
    "id",
    "parent_id",
    "path",
    "size",
    "sha256",
    "puid",
    "format",
    "mime",
    "status",
    "message",
    "pages",
    "duplicate_of",
    "metadata",
    "record_date",
}


def _records(db_url: str, capsys: pytest.CaptureFixture[str], fmt: str = "json") -> str:
    capsys.readouterr()
    assert main(["--db", db_url, "records", "--collection", "c", "--format", fmt]) == 0
    return capsys.readouterr().out


def test_ingest_then_records_json_has_the_contract_keys(
    db_url: str, messy_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db_url, "ingest", str(messy_tree), "--collection", "c"]) == 0
    rows = json.loads(_records(db_url, capsys))
    assert rows and all(set(r) == CONTRACT_KEYS for r in rows)
    by_path = {r["path"]: r for r in rows}
    child = by_path["email.eml/summary.pdf"]
    assert child["parent_id"] == by_path["email.eml"]["id"]
    assert by_path["broken.pdf"]["message"]  # says why in plain words
    assert all("\\" not in r["path"] for r in rows)


def test_records_csv_and_table(
    db_url: str, messy_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--db", db_url, "ingest", str(messy_tree), "--collection", "c", "--jobs", "2"])
    reader = csv.DictReader(io.StringIO(_records(db_url, capsys, "csv")))
    assert set(reader.fieldnames or []) == CONTRACT_KEYS
    assert any(r["path"] == "note.txt" for r in reader)
    assert "note.txt" in _records(db_url, capsys, "table")


def test_bad_usage_exits_2_with_one_line(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_url, "records", "--collection", "nope", "--format", "json"]) == 2
    assert "no collection named" in capsys.readouterr().err
    assert main(["--db", db_url, "ingest", "/no/such/folder", "--collection", "c"]) == 2


def test_text_of_a_utf8_file_is_its_exact_text(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    note = tmp_path / "note.txt"
    content = "Line one\r\nLíne two — café\n\n  indented\n"
    note.write_bytes(content.encode("utf-8"))
    assert main(["text", str(note)]) == 0
    assert capsysbinary.readouterr().out.decode("utf-8") == content


def test_text_of_a_pdf_and_of_an_encrypted_pdf(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    import pymupdf

    from tests.ingest.conftest import make_pdf

    make_pdf(tmp_path / "a.pdf", ["First page", "Second page"])
    assert main(["text", str(tmp_path / "a.pdf")]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert "First page" in out and "\f" in out and "Second page" in out
    doc = pymupdf.open(tmp_path / "a.pdf")
    doc.save(
        tmp_path / "locked.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o"
    )
    assert main(["text", str(tmp_path / "locked.pdf")]) == 2
    assert b"encrypted" in capsysbinary.readouterr().err


DOCS = 100  # 2,000 pages: several commit intervals at any plausible speed


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_a_killed_ingest_leaves_a_consistent_store_and_a_rerun_finishes(
    tmp_path: Path, db_url: str
) -> None:
    from tests.ingest.conftest import make_pdf

    root = tmp_path / "many"
    root.mkdir()
    # Full pages of text, so the ingest outlasts several batches and commits even on a
    # fast machine.
    for i in range(DOCS):
        lines = [f"Document {i} page {{p}} line {n} of the witness statement" for n in range(50)]
        make_pdf(root / f"doc{i:03d}.pdf", ["\n".join(lines).format(p=p) for p in range(20)])
    cmd = [
        sys.executable,
        "-m",
        "reviewer.cli",
        "--db",
        db_url,
        "ingest",
        str(root),
        "--collection",
        "c",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from sqlalchemy import func, select

    from models import open_store
    from models.records import Record, RecordPage

    deadline = time.monotonic() + 60
    store = None
    while time.monotonic() < deadline:
        if not db_url.startswith("sqlite") or Path(db_url.removeprefix("sqlite:///")).exists():
            try:
                store = store or open_store(db_url, migrate_schema=False)
                with store.session() as s:
                    if (s.scalar(select(func.count()).select_from(Record)) or 0) >= 5:
                        break
            except Exception:  # the schema may not exist yet
                pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert store is not None
    with store.session() as s:
        partial = s.scalar(select(func.count()).select_from(Record)) or 0
        # Every stored record is complete: all 20 pages or none.
        pages = s.execute(
            select(RecordPage.record_id, func.count()).group_by(RecordPage.record_id)
        ).all()
    assert 0 < partial < DOCS
    assert all(n == 20 for _rid, n in pages)
    store.dispose()
    assert main(["--db", db_url, "ingest", str(root), "--collection", "c"]) == 0
    store = open_store(db_url)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Record)) == DOCS
    store.dispose()
