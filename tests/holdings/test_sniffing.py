"""Container signatures outrank content markers: a stored ZIP with a PDF first is a ZIP."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from models import Store
from reviewer.ingest.extract import extract, sniff
from reviewer.ingest.identify import identify_path
from reviewer.ingest.pipeline import ingest_paths
from reviewer.ingest.types import Identification
from reviewer.records_view import list_records


def _pdf_bytes(text: str) -> bytes:
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text)
    data: bytes = doc.tobytes()
    doc.close()
    return data


def _stored_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("statement.pdf", _pdf_bytes("Witness statement of a fictional person"))
        archive.writestr("notes.txt", "Second member, after the PDF")
    return buffer.getvalue()


def test_stored_zip_with_a_pdf_first_is_sniffed_as_a_zip() -> None:
    data = _stored_zip()
    assert b"%PDF-" in data[:1024]  # the trap: a PDF marker inside the first kilobyte
    assert sniff.detect_kind(data, "bundle.zip", Identification()) == sniff.ZIP
    assert sniff.detect_kind(data, "bundle.pdf", Identification()) == sniff.ZIP


def test_its_members_are_extracted() -> None:
    extraction = extract(_stored_zip(), "bundle.zip", Identification())
    assert extraction.status == "ok"
    assert [m.name for m in extraction.members] == ["statement.pdf", "notes.txt"]


def test_a_pdf_with_junk_before_its_header_is_still_a_pdf() -> None:
    data = b"\r\n\r\n" + _pdf_bytes("text")
    assert sniff.detect_kind(data, "a.pdf", Identification()) == sniff.PDF


def test_ingest_makes_records_of_the_members(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bundle.zip").write_bytes(_stored_zip())
    assert identify_path(folder / "bundle.zip").puid != "fmt/276"
    ingest_paths(store, [folder], "c")
    with store.session() as session:
        rows = {r.path: r for r in list_records(session, "c")}
    assert set(rows) == {"bundle.zip", "bundle.zip/statement.pdf", "bundle.zip/notes.txt"}
    assert rows["bundle.zip/statement.pdf"].status == "ok"
    assert rows["bundle.zip/statement.pdf"].parent_id == rows["bundle.zip"].id
