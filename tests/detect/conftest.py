"""Fixtures for detection tests: one spaCy pipeline per session, small stores with records."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spacy.language import Language

from models import Store, open_store
from models.records import Collection, Record, RecordPage
from reviewer.ingest.types import pack_words


def flagged(text: str, label: str) -> set[str]:
    """The texts of the spans a reviewer sees highlighted (score >= 0.5) with this label."""
    from reviewer.detect import detect_text

    return {s.text for s in detect_text(text, min_score=0.5) if s.label == label}


@pytest.fixture(scope="session")
def nlp() -> Language:
    from reviewer.detect import build_pipeline

    return build_pipeline()


@pytest.fixture
def db_url_of(db_url: str) -> str:
    """The URL of the `store` fixture's database, for CLI tests (SQLite or PostgreSQL)."""
    return db_url


@pytest.fixture
def store(db_url_of: str) -> Iterator[Store]:
    s = open_store(db_url_of)
    yield s
    s.dispose()


def _words_column(words: list[list[float]]) -> bytes | None:
    """Word boxes as the store keeps them (packed float32s)."""
    return pack_words(tuple((int(w[0]), int(w[1]), *map(float, w[2:])) for w in words))  # type: ignore[arg-type]


def add_record(
    store: Store,
    collection: str,
    path: str,
    pages: list[str],
    status: str = "ok",
    words: list[list[list[float]]] | None = None,
) -> int:
    """Insert a record and its pages directly (the ingest pipeline is not needed here)."""
    with store.session() as session:
        coll = session.query(Collection).filter_by(name=collection).first()
        if coll is None:
            coll = Collection(name=collection)
            session.add(coll)
            session.flush()
        rec = Record(collection_id=coll.id, path=path, name=path.rsplit("/", 1)[-1], status=status)
        session.add(rec)
        session.flush()
        for i, text in enumerate(pages, 1):
            page_words = _words_column(words[i - 1]) if words else None
            session.add(RecordPage(record_id=rec.id, page_no=i, text=text, words=page_words))
        return rec.id
