"""First run: the bundled sample becomes a case and a corporate collection, with highlights."""

from __future__ import annotations

from sqlalchemy import select

from models import Store
from models.records import Collection
from reviewer.records_view import list_records
from reviewer.sample import ensure_sample_collection


def test_sample_is_ingested_once_into_two_collections(store: Store) -> None:
    assert ensure_sample_collection(store, scan=False) == "sample"
    with store.session() as session:
        kinds = dict(session.execute(select(Collection.name, Collection.kind)).all())
        case = list_records(session, "sample")
    assert kinds == {"sample": "case", "sample-corporate": "corporate"}
    statuses = {r.path.rsplit("/", 1)[-1]: r.status for r in case}
    assert statuses["Thumbs.db"] == "excluded"
    assert any(r.parent_id is not None for r in case), "the e-mail's attachment is a child record"
    assert any(r.duplicate_of is not None for r in case), "the copy is linked as a duplicate"
    assert all(r.puid for r in case if r.path.endswith((".pdf", ".docx")))
    ensure_sample_collection(store, scan=False)
    with store.session() as session:
        assert len(list_records(session, "sample")) == len(case)
