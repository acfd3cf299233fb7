"""droid.csv: DROID's exact headers and value forms, and rows that match the files on disk."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

from reviewer.survey import survey
from reviewer.survey.droid import HEADERS


@pytest.fixture
def rows(tree: Path, tmp_path: Path) -> list[dict[str, str]]:
    out = tmp_path / "out"
    survey(tree, out, jobs=1)
    text = (out / "droid.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(f'"{h}"' for h in HEADERS)
    return list(csv.DictReader(text.splitlines()))


def test_headers_are_droids_exactly() -> None:
    assert HEADERS == (
        "ID", "PARENT_ID", "URI", "FILE_PATH", "NAME", "METHOD", "STATUS", "SIZE", "TYPE",
        "EXT", "LAST_MODIFIED", "EXTENSION_MISMATCH", "SHA256_HASH", "FORMAT_COUNT", "PUID",
        "MIME_TYPE", "FORMAT_NAME", "FORMAT_VERSION",
    )  # fmt: skip


def test_one_row_per_file_with_size_and_sha256_of_the_file_on_disk(
    tree: Path, rows: list[dict[str, str]]
) -> None:
    on_disk = {p: p.read_bytes() for p in tree.rglob("*") if p.is_file()}
    file_rows = {Path(r["FILE_PATH"]): r for r in rows if r["FILE_PATH"] and r["TYPE"] != "Folder"}
    assert set(file_rows) == set(on_disk)
    for path, data in on_disk.items():
        row = file_rows[path]
        assert row["SIZE"] == str(len(data))
        assert row["SHA256_HASH"] == hashlib.sha256(data).hexdigest()
        assert row["URI"] == "file:" + path.as_posix().replace(" ", "%20")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", row["LAST_MODIFIED"])
        assert row["EXTENSION_MISMATCH"] in ("true", "false")
    assert file_rows[tree / "Cases" / "note.txt"]["LAST_MODIFIED"].startswith("2001-06-15")


def test_folder_rows_look_like_droids(tree: Path, rows: list[dict[str, str]]) -> None:
    folders = {Path(r["FILE_PATH"]): r for r in rows if r["TYPE"] == "Folder" and r["FILE_PATH"]}
    assert set(folders) == {tree, *(p for p in tree.rglob("*") if p.is_dir())}
    root = folders[tree]
    assert root["PARENT_ID"] == ""
    assert root["URI"] == f"file:{tree.as_posix()}/"
    for row in folders.values():
        assert row["SIZE"] == ""
        assert row["METHOD"] == ""
        assert row["FORMAT_COUNT"] == ""
        assert row["STATUS"] == "Done"
    ids = {r["ID"]: r for r in rows}
    cases = folders[tree / "Cases"]
    assert cases["PARENT_ID"] == root["ID"]
    note = next(r for r in rows if r["NAME"] == "note.txt")
    assert ids[note["PARENT_ID"]] is cases


def test_archive_is_a_container_with_member_rows(tree: Path, rows: list[dict[str, str]]) -> None:
    archive = next(r for r in rows if r["NAME"] == "bundle.zip")
    assert (archive["TYPE"], archive["PUID"], archive["METHOD"]) == (
        "Container",
        "x-fmt/263",
        "Signature",
    )
    prefix = f"zip:file://{(tree / 'Cases' / 'bundle.zip').as_posix()}!/"
    members = {r["URI"].removeprefix(prefix): r for r in rows if r["URI"].startswith(prefix)}
    assert set(members) == {"letters/", "letters/first.txt", "report.pdf", "secret.txt"}
    assert members["letters/"]["TYPE"] == "Folder"
    assert members["letters/"]["PARENT_ID"] == archive["ID"]
    first = members["letters/first.txt"]
    assert first["PARENT_ID"] == members["letters/"]["ID"]
    assert first["FILE_PATH"] == ""
    assert first["SHA256_HASH"] == hashlib.sha256(b"first letter\n").hexdigest()
    assert members["report.pdf"]["PUID"] == "fmt/18"
    assert members["secret.txt"]["STATUS"] == "Access denied"


def test_identification_and_mismatch(rows: list[dict[str, str]]) -> None:
    by_name = {r["NAME"]: r for r in rows}
    pdf = by_name["report.pdf"]
    assert (pdf["PUID"], pdf["METHOD"], pdf["FORMAT_COUNT"]) == ("fmt/18", "Signature", "1")
    assert pdf["MIME_TYPE"] == "application/pdf"
    assert by_name["report-renamed.txt"]["EXTENSION_MISMATCH"] == "true"
    assert by_name["report.pdf"]["EXTENSION_MISMATCH"] == "false"


def test_zero_byte_file_is_done_as_droid_writes_it(rows: list[dict[str, str]]) -> None:
    """DROID's statuses are Done, Not done, Not found, Access denied and Error: no "Empty"."""
    empty = next(r for r in rows if r["NAME"] == "empty.txt")
    assert (empty["STATUS"], empty["SIZE"]) == ("Done", "0")
    assert empty["SHA256_HASH"] == hashlib.sha256(b"").hexdigest()
    assert empty["METHOD"] in ("", "Extension")  # nothing to match but the name
