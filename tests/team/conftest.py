"""Team-mode fixtures: a collection of small records, and a marker for PostgreSQL-only tests."""

from __future__ import annotations

import pytest

from models import Store
from models.records import Collection, Record, RecordPage
from tests.conftest import on_postgres

postgres_only = pytest.mark.skipif(
    not on_postgres(),
    reason="needs a PostgreSQL server (REVIEWER_TEST_DB): row locks, SKIP LOCKED, roles, RLS",
)

LINES = (
    "Statement of Olivia Brown, 14 Acacia Avenue, Leeds LS1 4AB, telephone 07700 900{n:03d}.",
    "Minutes of the records board meeting number {n}. Nothing personal was discussed.",
    "Email from j.smith{n}@example.com about the appeal hearing on 3 March 2004.",
)


def add_collection(
    store: Store, name: str = "team", count: int = 12, *, busy: bool = False
) -> list[int]:
    """A collection of `count` one-page text records (some alike, so the scan cache is shared).

    `busy`: every record also gets a long text of its own, so no scan of it is served from the
    cache and a worker holds its claims long enough to be seen (and killed) holding them.
    """
    with store.session() as s:
        coll = Collection(name=name, kind="case")
        s.add(coll)
        s.flush()
        ids = []
        for n in range(count):
            text = LINES[n % len(LINES)].format(n=n % 7)
            if busy:
                text += "".join(
                    f" Witness {n}-{k} saw Daniel Hartigan near 3 Calder Row, Leeds at {k}pm."
                    for k in range(60)
                )
            rec = Record(
                collection_id=coll.id,
                path=f"folder{n % 3}/doc{n:04d}.txt",
                name=f"doc{n:04d}.txt",
                size=len(text),
                status="ok",
                message="",
                mime="text/plain",
            )
            s.add(rec)
            s.flush()
            s.add(RecordPage(record_id=rec.id, page_no=1, text=text))
            ids.append(rec.id)
    return ids
