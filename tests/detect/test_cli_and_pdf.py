"""`reviewer detect`, `scan`, `entities` through `reviewer.cli.main`, and PDF rectangles."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest
from spacy.language import Language

from models import Store
from reviewer.cli import main
from tests.detect.conftest import add_record


def make_pdf(path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Witness: Sarah Jones, tel 07700 900123")
    page.insert_text((72, 100), "lives at 12 Acacia Avenue,")
    page.insert_text((72, 114), "Leeds LS1 4AB")
    doc.save(path)


def test_detect_pdf_rects_contain_words(
    tmp_path: Path, nlp: Language, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "s.pdf"
    make_pdf(pdf)
    assert main(["detect", str(pdf), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    phone = next(r for r in rows if r["label"] == "PHONE")
    assert phone["page"] == 1
    assert phone["text"] == "07700 900123"
    with pymupdf.open(pdf) as doc:
        hits = doc[0].search_for("07700")
    x0, y0, x1, _y1 = phone["rects"][0]
    assert x0 <= hits[0].x0 + 1
    assert x1 >= hits[0].x1 - 1
    assert y0 <= hits[0].y0 + 1
    address = next(r for r in rows if r["label"] == "ADDRESS")
    assert address["text"] == "12 Acacia Avenue,\nLeeds LS1 4AB"
    assert len(address["rects"]) == 2


def test_detect_txt_offsets_are_file_offsets(
    tmp_path: Path, nlp: Language, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Contact DC Amir Hussain on 0113 496 0123 or amir@example.com.\n"
    f = tmp_path / "n.txt"
    f.write_text(text, encoding="utf-8")
    assert main(["detect", str(f)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["label"] for r in rows} >= {"PERSON", "PHONE", "EMAIL"}
    for r in rows:
        assert text[r["start"] : r["end"]] == r["text"]
        assert "page" not in r


def test_detect_missing_file_is_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["detect", str(tmp_path / "nope.txt")]) == 2


def test_scan_then_entities(
    db_url_of: str, store: Store, nlp: Language, capsys: pytest.CaptureFixture[str]
) -> None:
    url = db_url_of
    add_record(store, "case1", "dir/a.txt", ["Mrs Olivia Brown, NHS number 943 476 5919."])
    add_record(store, "case1", "dir/b.doc", [""], status="encrypted")
    assert main(["--db", url, "scan", "--collection", "case1", "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "scanned 1" in err
    assert "skipped 1" in err
    assert main(["--db", url, "entities", "--collection", "case1", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["label"] for r in rows} >= {"PERSON", "NHS_NUMBER"}
    assert all(r["path"] == "dir/a.txt" and r["dismissed"] is False for r in rows)
    assert main(["--db", url, "scan", "--collection", "nope"]) == 2
