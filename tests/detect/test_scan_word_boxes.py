"""A scan makes the PDF word boxes ingest left out, without holding the store's write lock."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from sqlalchemy import select

from models import open_store
from models.records import RecordPage
from reviewer.detect.entities import list_entities, scan_collection
from reviewer.ingest import words
from reviewer.ingest.pipeline import ingest_paths
from tests.ingest.conftest import make_pdf


def test_scan_fills_word_boxes_one_record_at_a_time(
    nlp: Language, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "bundle"
    folder.mkdir()
    for n in range(4):
        make_pdf(folder / f"statement{n}.pdf", [f"Witness {n}: Sarah Kendrick, 07700 900{n:03d}."])
    store = open_store(sqlite_url)
    ingest_paths(store, [folder], "bundle")
    real = words.page_word_boxes
    locked: list[bool] = []

    def while_computing(data: bytes, texts: Any) -> dict[int, bytes]:
        # Another writer (a reviewer saving in the GUI) must get the lock at once.
        other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            locked.append(False)
        except sqlite3.OperationalError:
            locked.append(True)
        finally:
            other.close()
        return real(data, texts)

    monkeypatch.setattr(words, "page_word_boxes", while_computing)
    scan_collection(store, "bundle")
    assert locked == [False] * 4
    with store.session() as s:
        assert all(s.scalars(select(RecordPage.words)))
        ids = s.scalars(select(RecordPage.record_id).distinct()).all()
        phones = [e for rid in ids for e in list_entities(s, rid) if e.label == "PHONE"]
    assert len(phones) == 4 and all(e.rects for e in phones)  # highlights land on the page
    store.dispose()
