"""Frozen views of stored spans, and whether reviewers' corrections dismiss them."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import DetectedEntity, DetectionTerm, EntityDismissal
from models.records import Record
from reviewer.detect.pipeline import normalise
from reviewer.detect.span import Rect


@dataclass(frozen=True)
class EntityView:
    """A stored span as the GUI and CLI see it; `dismissed` folds in every correction."""

    id: int
    record_id: int
    start: int
    end: int
    label: str
    text: str
    score: float
    reason: str
    page: int | None
    rects: tuple[Rect, ...]
    dismissed: bool
    source: str

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id,
            "record_id": self.record_id,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "score": round(self.score, 3),
            "reason": self.reason,
            "source": self.source,
            "dismissed": self.dismissed,
        }
        if self.page is not None:
            out["page"] = self.page
            out["rects"] = [list(r) for r in self.rects]
        return out


class Corrections:
    """Dismissals of one record plus its collection's allow list, ready to test spans against."""

    def __init__(self, session: Session, record_id: int, collection_id: int) -> None:
        rows = session.scalars(
            select(EntityDismissal).where(EntityDismissal.record_id == record_id)
        ).all()
        self.once = {(d.label, d.term, d.start, d.end) for d in rows if d.scope == "once"}
        self.record = {(d.label, d.term) for d in rows if d.scope == "record"}
        terms = session.scalars(
            select(DetectionTerm).where(
                DetectionTerm.collection_id == collection_id, DetectionTerm.kind == "allow"
            )
        ).all()
        self.allow = {(t.term, t.label) for t in terms}

    def dismissed(self, row: DetectedEntity) -> bool:
        term = normalise(row.text)
        return (
            (row.label, term, row.start, row.end) in self.once
            or (row.label, term) in self.record
            or (term, "") in self.allow
            or (term, row.label) in self.allow
        )


def to_view(row: DetectedEntity, dismissed: bool) -> EntityView:
    rects = tuple((r[0], r[1], r[2], r[3]) for r in json.loads(row.rects or "[]"))
    return EntityView(
        id=row.id,
        record_id=row.record_id,
        start=row.start,
        end=row.end,
        label=row.label,
        text=row.text,
        score=row.score,
        reason=row.reason,
        page=row.page,
        rects=rects,
        dismissed=dismissed,
        source=row.source,
    )


def list_entities(session: Session, record_id: int) -> list[EntityView]:
    """Every stored span of a record in text order, dismissed ones included and flagged."""
    record = session.get(Record, record_id)
    if record is None:
        return []
    corrections = Corrections(session, record_id, record.collection_id)
    rows = session.scalars(
        select(DetectedEntity)
        .where(DetectedEntity.record_id == record_id)
        .order_by(DetectedEntity.start, DetectedEntity.end, DetectedEntity.id)
    ).all()
    return [to_view(r, corrections.dismissed(r)) for r in rows]


def records_with_personal_data(session: Session, collection_id: int) -> set[int]:
    """Ids of the collection's records holding at least one span nobody dismissed."""
    record_ids = session.scalars(
        select(DetectedEntity.record_id)
        .join(Record, Record.id == DetectedEntity.record_id)
        .where(Record.collection_id == collection_id)
        .distinct()
    ).all()
    return {rid for rid in record_ids if any(not e.dismissed for e in list_entities(session, rid))}
