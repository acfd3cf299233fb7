"""System exports' metadata: manifests and sidecars reach the records they describe."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from models import Store
from reviewer.cli import main
from reviewer.ingest.manifest import ManifestError, read_manifest
from reviewer.ingest.manifest.suggest import metadata_date, metadata_suggestions, parse_date
from reviewer.ingest.pipeline import ingest_paths
from reviewer.records_view import list_records

MANIFEST = (
    "File Path,Reference,Document Date,Description,Author\n"
    "statements/s1.txt,CPS-0001,14/08/2004,Statement of witness A,PC 123\n"
    "statements\\s2.txt,CPS-0002,2005-01-31,Statement of witness B,PC 456\n"
    "letters/missing.txt,CPS-0003,2006-02-01,Not in the export,PC 789\n"
    "letters/short.txt,CPS-0004\n"
)


def _export(tmp_path: Path) -> Path:
    root = tmp_path / "export"
    (root / "statements").mkdir(parents=True)
    (root / "letters").mkdir()
    (root / "statements" / "s1.txt").write_text("first statement")
    (root / "statements" / "s2.txt").write_text("second statement")
    (root / "letters" / "L1.txt").write_text("a letter nobody listed")
    (root / "letters" / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(60))
    (root / "metadata.csv").write_text(MANIFEST, encoding="utf-8")
    return root


def _rows(store: Store) -> dict[str, object]:
    with store.session() as session:
        return {r.path: r for r in list_records(session, "c")}


def test_a_csv_manifest_beside_the_files_describes_them(store: Store, tmp_path: Path) -> None:
    root = _export(tmp_path)
    before = hashlib.sha256((root / "metadata.csv").read_bytes()).hexdigest()
    summary = ingest_paths(store, [root], "c")
    rows = _rows(store)
    s1 = rows["statements/s1.txt"]
    assert s1.metadata == {  # type: ignore[attr-defined]
        "File Path": "statements/s1.txt",
        "Reference": "CPS-0001",
        "Document Date": "14/08/2004",
        "Description": "Statement of witness A",
        "Author": "PC 123",
    }
    assert rows["statements/s2.txt"].metadata["Reference"] == "CPS-0002"  # type: ignore[attr-defined]
    # The manifest itself stays a record, unchanged.
    manifest = rows["metadata.csv"]
    assert manifest.sha256 == before  # type: ignore[attr-defined]
    assert "2 rows not used" in manifest.message  # type: ignore[attr-defined]
    report = summary.metadata
    assert report is not None
    assert report.rows_matched == 2
    assert report.unmatched_count == 2
    reasons = {line: why for _src, line, why in report.unmatched_rows}
    assert "matches no ingested file" in reasons[4]
    assert "has 2 cells where the header has 5" in reasons[5]
    assert report.files_without_row == ["letters/L1.txt"]  # as named; Thumbs.db is excluded
    assert rows["letters/L1.txt"].metadata == {}  # type: ignore[attr-defined]


def test_rerun_keeps_one_copy_of_the_metadata(store: Store, tmp_path: Path) -> None:
    root = _export(tmp_path)
    ingest_paths(store, [root], "c")
    first = _rows(store)["statements/s1.txt"].metadata  # type: ignore[attr-defined]
    ingest_paths(store, [root], "c")
    assert _rows(store)["statements/s1.txt"].metadata == first  # type: ignore[attr-defined]
    from sqlalchemy import func, select

    from models.metadata import RecordMetadata

    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(RecordMetadata)) == 10


def test_metadata_suggests_date_reference_and_description(store: Store, tmp_path: Path) -> None:
    ingest_paths(store, [_export(tmp_path)], "c")
    record_id = _rows(store)["statements/s1.txt"].id  # type: ignore[attr-defined]
    with store.session() as session:
        found = {s.field: s for s in metadata_suggestions(session, record_id)}
        assert found["date"].value == "2004-08-14"
        assert "Document Date" in found["date"].reason
        assert found["reference"].value == "CPS-0001"
        assert found["description"].value == "Statement of witness A"
        assert metadata_date(session, record_id) is not None
        from reviewer.decisions.date_suggest import suggest_record_date

        best = suggest_record_date(session, record_id)
        assert best is not None and best.date.isoformat() == "2004-08-14"
        assert best.source == "export_metadata" and "Document Date" in best.reason


def test_xlsx_manifest_given_with_windows_paths(store: Store, tmp_path: Path) -> None:
    from datetime import datetime

    import openpyxl

    root = tmp_path / "drive"
    (root / "case 1").mkdir(parents=True)
    (root / "case 1" / "note.txt").write_text("note")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Filename", "Created", "Case"])
    sheet.append([r"C:\Exports\drive\case 1\note.txt", datetime(2003, 5, 1), 17])
    given = tmp_path / "elsewhere.xlsx"
    book.save(given)
    summary = ingest_paths(store, [root], "c", metadata=[given])
    assert summary.metadata is not None and summary.metadata.rows_matched == 1
    meta = _rows(store)["case 1/note.txt"].metadata  # type: ignore[attr-defined]
    assert meta == {
        "Filename": r"C:\Exports\drive\case 1\note.txt",
        "Created": "2003-05-01",
        "Case": "17",
    }


SHAREPOINT = """<?xml version="1.0" encoding="utf-8"?>
<SPObjects xmlns="urn:deployment-manifest-schema">
  <SPObject Id="1" ObjectType="SPFile" Url="Shared Documents/Minutes March.txt">
    <File Url="Shared Documents/Minutes March.txt" Id="a1" Name="Minutes March.txt"
          FileValue="00000001.dat" TimeCreated="2004-03-02T10:00:00" Author="1073741823">
      <Properties><Property Name="vti_title" Type="String" Value="Board minutes" /></Properties>
    </File>
  </SPObject>
  <SPObject Id="2" ObjectType="SPListItem">
    <ListItem FileUrl="Shared Documents/Minutes March.txt" DocId="b2">
      <Fields><Field Name="DocumentReference" Value="BRD/2004/03" /></Fields>
    </ListItem>
  </SPObject>
</SPObjects>
"""


def test_sharepoint_manifest(store: Store, tmp_path: Path) -> None:
    root = tmp_path / "sp"
    (root / "Shared Documents").mkdir(parents=True)
    (root / "Shared Documents" / "Minutes March.txt").write_text("minutes")
    (root / "Manifest.xml").write_text(SHAREPOINT)
    ingest_paths(store, [root], "c")
    rows = _rows(store)
    meta = rows["Shared Documents/Minutes March.txt"].metadata  # type: ignore[attr-defined]
    assert meta["TimeCreated"] == "2004-03-02T10:00:00"
    assert meta["Property:vti_title"] == "Board minutes"
    assert meta["Field:DocumentReference"] == "BRD/2004/03"
    rid = rows["Shared Documents/Minutes March.txt"].id  # type: ignore[attr-defined]
    with store.session() as session:
        found = {s.field: s.value for s in metadata_suggestions(session, rid)}
    assert found["date"] == "2004-03-02"
    assert found["reference"] == "BRD/2004/03"


def test_sidecars_json_and_xml(store: Store, tmp_path: Path) -> None:
    root = tmp_path / "side"
    root.mkdir()
    (root / "a.txt").write_text("a")
    (root / "a.txt.metadata.json").write_text(
        json.dumps({"title": "Memo", "date": "2001-02-03", "tags": ["x", "y"]})
    )
    (root / "b.txt").write_text("b")
    (root / "b.txt.metadata.xml").write_text(
        "<metadata><title>Note</title><dates created='1999-12-31'/></metadata>"
    )
    (root / "c.txt.metadata.json").write_text("{not json")
    summary = ingest_paths(store, [root], "c")
    rows = _rows(store)
    assert rows["a.txt"].metadata == {  # type: ignore[attr-defined]
        "title": "Memo",
        "date": "2001-02-03",
        "tags": '["x", "y"]',
    }
    assert rows["b.txt"].metadata == {"title": "Note", "dates@created": "1999-12-31"}  # type: ignore[attr-defined]
    assert summary.metadata is not None
    assert [(s, m) for s, m in summary.metadata.problems] == [
        ("c.txt.metadata.json", "not valid JSON (line 1)")
    ]
    assert "not valid JSON" in rows["c.txt.metadata.json"].message  # type: ignore[attr-defined]


def test_a_manifest_without_a_path_column_is_refused_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "metadata.csv"
    bad.write_text("Reference,Date\nX,2001-01-01\n")
    with pytest.raises(ManifestError, match="no column names the files"):
        read_manifest(bad)


def test_cli_ingest_metadata_and_records_json(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _export(tmp_path)
    given = tmp_path / "extra.csv"
    given.write_text("name,Owner\nL1.txt,Records team\n")
    argv = ["--db", db_url, "ingest", str(root), "--collection", "c", "--metadata", str(given)]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "metadata: 3 records described" in err
    assert "matches no ingested file" in err
    assert main(["--db", db_url, "records", "--collection", "c", "--format", "json"]) == 0
    rows = {r["path"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["letters/L1.txt"]["metadata"] == {"name": "L1.txt", "Owner": "Records team"}
    assert rows["statements/s1.txt"]["record_date"] is None


def test_cli_bad_metadata_file_is_exit_2(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _export(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    argv = ["--db", db_url, "ingest", str(root), "--collection", "c", "--metadata"]
    assert main([*argv, str(tmp_path / "nope.csv")]) == 2
    assert main([*argv, str(bad)]) == 2
    err = capsys.readouterr().err
    assert "no such metadata file" in err and "no column names the files" in err
    assert "Traceback" not in err


def test_parse_date_forms() -> None:
    assert parse_date("2004-08-14T09:00:00Z").isoformat() == "2004-08-14"  # type: ignore[union-attr]
    assert parse_date("14/08/2004").isoformat() == "2004-08-14"  # type: ignore[union-attr]
    assert parse_date("3rd May 2004").isoformat() == "2004-05-03"  # type: ignore[union-attr]
    assert parse_date("31/02/2004") is None
    assert parse_date("soon") is None
