"""PDF word boxes: not made at ingest, made once on first need, from the evidence itself."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from sqlalchemy import select

from models import Store
from models.records import Record, RecordPage
from reviewer.detect.entities.records import load_pages
from reviewer.ingest.extract import extract
from reviewer.ingest.pipeline import ingest_paths
from reviewer.ingest.types import Identification, unpack_words
from reviewer.ingest.words import fill_word_boxes
from tests.ingest.conftest import make_eml, make_pdf

PAGES = ["Statement of Jane Doe, 12 High Street", "Page two: the vehicle AB12 CDE"]


def _ingest(store: Store, tmp_path: Path) -> Path:
    root = tmp_path / "case"
    root.mkdir()
    make_pdf(root / "statement.pdf", PAGES)
    make_eml(root / "mail.eml", "attached.pdf", (root / "statement.pdf").read_bytes())
    ingest_paths(store, [root], "case")
    return root


def _words(store: Store, name: str) -> list[bytes | None]:
    with store.session() as session:
        return list(
            session.scalars(
                select(RecordPage.words)
                .join(Record, Record.id == RecordPage.record_id)
                .where(Record.name == name, Record.parent_id.is_(None))
                .order_by(RecordPage.page_no)
            )
        )


def _record_id(store: Store, name: str) -> int:
    with store.session() as session:
        return session.scalars(select(Record.id).where(Record.name == name)).one()


def test_ingest_stores_text_without_boxes(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path)
    assert _words(store, "statement.pdf") == [None, None]


def test_boxes_are_made_on_first_need_and_match_the_page(store: Store, tmp_path: Path) -> None:
    root = _ingest(store, tmp_path)
    record_id = _record_id(store, "statement.pdf")
    with store.session() as session:
        pages = load_pages(session, record_id)  # what a scan or the viewer reads
    direct = extract((root / "statement.pdf").read_bytes(), "statement.pdf", Identification())
    assert [[w[:2] for w in p.words or ()] for p in pages] == [
        [w[:2] for w in p.words or ()] for p in direct.pages
    ]
    with pymupdf.open(root / "statement.pdf") as doc:
        for page, stored in zip(doc, pages, strict=True):
            words = page.get_text("words", sort=False)
            assert stored.words is not None and len(stored.words) == len(words)
            for word, (start, end, *_box) in zip(words, stored.words, strict=True):
                assert stored.text[start:end] == word[4]
    # Kept: a second reader does not open the evidence again.
    assert all(_words(store, "statement.pdf"))
    (root / "statement.pdf").unlink()
    with store.session() as session:
        assert [p.words for p in load_pages(session, record_id)] == [p.words for p in pages]


def test_an_attachment_gets_boxes_from_its_parent(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path)
    record_id = _record_id(store, "attached.pdf")
    with store.session() as session:
        assert fill_word_boxes(session, record_id)
    with store.session() as session:
        row = session.scalars(
            select(RecordPage).where(RecordPage.record_id == record_id, RecordPage.page_no == 1)
        ).one()
        words = unpack_words(row.words)
    assert [row.text[s:e] for s, e, *_ in words][:3] == ["Statement", "of", "Jane"]


def test_missing_or_changed_evidence_leaves_boxes_absent(store: Store, tmp_path: Path) -> None:
    root = _ingest(store, tmp_path)
    record_id = _record_id(store, "statement.pdf")
    make_pdf(root / "statement.pdf", ["Different text now"])
    with store.session() as session:
        assert not fill_word_boxes(session, record_id)
        pages = load_pages(session, record_id)
    assert [p.text for p in pages] == PAGES  # the stored text is still there
    assert all(p.words is None for p in pages)
    (root / "statement.pdf").unlink()
    with store.session() as session:
        assert not fill_word_boxes(session, record_id)
