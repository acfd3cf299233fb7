"""A collection inserted directly, with first decisions made through the decisions API."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from models.records import Collection, Record, RecordPage

START = date(2004, 12, 31)
SCHEDULE = date(2024, 3, 1)


def closed(*exemptions: tuple[str, int], **extra: Any) -> dict[str, Any]:
    """Keyword arguments of `save_sensitivity` for a closed record."""
    return {
        "closure_status": "Closed",
        "exemptions": exemptions,
        "closure_start_date": START,
        "foi_schedule_date": SCHEDULE,
        **extra,
    }


OPEN: dict[str, Any] = {"closure_status": "Open"}


def add_collection(session: Any, name: str, paths: list[str]) -> tuple[int, dict[str, int]]:
    """A collection with one record (and one page of text) per path."""
    coll = Collection(name=name, kind="case")
    session.add(coll)
    session.flush()
    ids = {}
    for p in paths:
        rec = Record(
            collection_id=coll.id,
            path=p,
            name=p.rsplit("/", 1)[-1],
            size=100,
            mtime=datetime(2004, 6, 1, tzinfo=UTC),
        )
        rec.pages = [RecordPage(page_no=1, text=f"Text of {p}. Witness statement.")]
        session.add(rec)
        session.flush()
        ids[p] = rec.id
    return coll.id, ids


def decide(session: Any, record_id: int, who: str, role: str, fields: dict[str, Any]) -> None:
    from reviewer.decisions.save import save_sensitivity
    from reviewer.decisions.types import Actor

    save_sensitivity(session, record_id, Actor(who, role), **fields)


@pytest.fixture
def twelve(store: Any) -> tuple[Any, int, dict[str, int]]:
    """12 records: Alice decided 8 (5 open, 3 closed), Bob 4 (2 open, 2 closed)."""
    paths = [f"{'a' if i < 8 else 'b'}/doc{i:02d}.txt" for i in range(12)]
    with store.session() as s:
        cid, ids = add_collection(s, "case", paths)
        for i, p in enumerate(paths):
            who = "Alice" if i < 8 else "Bob"
            is_closed = i in (0, 1, 2, 8, 9)
            decide(s, ids[p], who, "sensitivity", closed(("40(2)", 84)) if is_closed else OPEN)
    return store, cid, ids
