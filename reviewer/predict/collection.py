"""A collection as predictive review sees it: texts, detected labels and reviewers' answers."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import Collection, Record, RecordPage
from reviewer.decisions.resolve import Resolver
from reviewer.detect.entities.views import live_span_labels, shown_span_labels
from reviewer.ingest.types import PAGE_SEPARATOR
from reviewer.predict.features import MAX_CHARS, Document
from reviewer.predict.tasks import Task


class UnknownCollection(LookupError):
    """No collection of that name in the store."""


@dataclass(frozen=True)
class Snapshot:
    """Every record of a collection, with its answer to the task (None: not reviewed yet)."""

    collection_id: int
    docs: tuple[Document, ...]
    paths: dict[int, str]
    labels: dict[int, bool | None]
    fingerprint: str

    @property
    def labelled(self) -> list[int]:
        return [d.record_id for d in self.docs if self.labels[d.record_id] is not None]

    @property
    def unreviewed(self) -> list[int]:
        return [d.record_id for d in self.docs if self.labels[d.record_id] is None]


def collection_id(session: Session, name: str) -> int:
    cid = session.scalar(select(Collection.id).where(Collection.name == name))
    if cid is None:
        raise UnknownCollection(name)
    return cid


def answers(session: Session, cid: int, task: Task) -> dict[int, bool | None]:
    """Each record's effective decision (own or inherited) as the task's yes/no/unreviewed."""
    resolver = Resolver(session, cid)
    return {rid: task.label(resolver.view(rid)) for rid in resolver.records}


def _texts(session: Session, cid: int) -> dict[int, str]:
    """Each record's text (its head: features read at most MAX_CHARS), pages in order."""
    stmt = (
        select(RecordPage.record_id, RecordPage.text)
        .join(Record, Record.id == RecordPage.record_id)
        .where(Record.collection_id == cid)
        .order_by(RecordPage.record_id, RecordPage.page_no)
    )
    out: dict[int, str] = {}
    for rid, text in session.execute(stmt):
        have = out.get(rid)
        if have is None:
            out[rid] = (text or "")[:MAX_CHARS]
        elif len(have) < MAX_CHARS:
            out[rid] = (have + PAGE_SEPARATOR + (text or ""))[:MAX_CHARS]
    return out


def load(session: Session, cid: int, task: Task, *, texts: bool = True) -> Snapshot:
    """The collection's records in path order, read in a few set-based queries (without their
    texts when only paths and answers are needed)."""
    records = session.execute(
        select(Record.id, Record.path, Record.sha256)
        .where(Record.collection_id == cid)
        .order_by(Record.path, Record.id)
    ).all()
    text_of = _texts(session, cid) if texts else {}
    spans = live_span_labels(session, cid)
    shown = shown_span_labels(session, cid)
    labels = answers(session, cid, task)
    digest = hashlib.sha256(task.name.encode())
    docs = []
    for rid, _path, sha in records:
        span_labels = tuple(spans.get(rid, ()))
        label = labels.get(rid)
        docs.append(Document(rid, text_of.get(rid, ""), span_labels, tuple(shown.get(rid, ()))))
        digest.update(f"{rid}|{sha}|{label}|{','.join(span_labels)}\n".encode())
    return Snapshot(
        collection_id=cid,
        docs=tuple(docs),
        paths={rid: path for rid, path, _ in records},
        labels={rid: labels.get(rid) for rid, _, _ in records},
        fingerprint=digest.hexdigest(),
    )
