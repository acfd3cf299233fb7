"""Frozen views of stored spans, and whether reviewers' corrections dismiss them.

Reads are Core selects of plain columns (no ORM objects): a record with 12,600 spans lists in a
few tens of milliseconds, and "which records still hold personal data" is one SQL query.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from models.entities import DetectedEntity, DetectionTerm, EntityDismissal, RecordScan
from models.records import Record
from reviewer.detect.labels import DEFAULT_SHOWN, FLAG_SCORE
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


E = DetectedEntity.__table__.c
_COLUMNS = (E.id, E.record_id, E.start, E.end, E.label, E.text, E.term, E.score, E.reason,
            E.page, E.rects, E.source)  # fmt: skip


class Corrections:
    """Dismissals of one record plus its collection's allow list, ready to test spans against."""

    def __init__(self, session: Session, record_id: int, collection_id: int) -> None:
        d = EntityDismissal.__table__.c
        rows = session.execute(
            select(d.scope, d.label, d.term, d.start, d.end).where(d.record_id == record_id)
        ).all()
        self.once = {(lab, term, s, e) for scope, lab, term, s, e in rows if scope == "once"}
        self.record = {(lab, term) for scope, lab, term, _s, _e in rows if scope == "record"}
        t = DetectionTerm.__table__.c
        terms = session.execute(
            select(t.term, t.label).where(t.collection_id == collection_id, t.kind == "allow")
        ).all()
        self.allow = {(term, label) for term, label in terms}

    def dismissed_parts(self, label: str, term: str, start: int, end: int) -> bool:
        return (
            (label, term, start, end) in self.once
            or (label, term) in self.record
            or (term, "") in self.allow
            or (term, label) in self.allow
        )

    def dismissed(self, row: DetectedEntity) -> bool:
        return self.dismissed_parts(row.label, row.term, row.start, row.end)


def _rects(raw: str | None) -> tuple[Rect, ...]:
    if not raw or raw == "[]":
        return ()
    return tuple((r[0], r[1], r[2], r[3]) for r in json.loads(raw))


def to_view(row: DetectedEntity, dismissed: bool) -> EntityView:
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
        rects=_rects(row.rects),
        dismissed=dismissed,
        source=row.source,
    )


def _all_rects(raws: list[str | None]) -> list[tuple[Rect, ...]]:
    """Every row's rectangles from one JSON parse (a parse per row costs more than the query)."""
    parsed = json.loads("[" + ",".join(r or "[]" for r in raws) + "]") if raws else []
    return [tuple((r[0], r[1], r[2], r[3]) for r in rects) if rects else () for rects in parsed]


def _views(rows: Sequence[Any], corrections: Corrections) -> list[EntityView]:
    dismissed = corrections.dismissed_parts
    rects = _all_rects([row[10] for row in rows])
    return [
        EntityView(
            rid,
            rec,
            s,
            e,
            lab,
            text,
            score,
            reason,
            page,
            boxes,
            dismissed(lab, term, s, e),
            source,
        )
        for (rid, rec, s, e, lab, text, term, score, reason, page, _raw, source), boxes in zip(
            rows, rects, strict=True
        )
    ]


def list_entities(session: Session, record_id: int, page: int | None = None) -> list[EntityView]:
    """Every stored span of a record in text order, dismissed ones included and flagged.

    `page` (1-based) limits the list to the spans on that page of a paged record, so a viewer can
    draw the page it shows first; spans of formats without pages have no page and match `None` only.
    """
    collection_id = session.execute(
        select(Record.collection_id).where(Record.id == record_id)
    ).scalar()
    if collection_id is None:
        return []
    corrections = Corrections(session, record_id, collection_id)
    query = select(*_COLUMNS).where(E.record_id == record_id)
    if page is not None:
        query = query.where(E.page == page)
    rows = session.execute(query.order_by(E.start, E.end, E.id)).all()
    return _views(rows, corrections)


def _undismissed() -> Any:
    """SQL condition: the span `E` is hidden by no dismissal and no allow-list term."""
    d = EntityDismissal.__table__.c
    t = DetectionTerm.__table__.c
    dismissed = exists().where(
        d.record_id == E.record_id,
        d.label == E.label,
        d.term == E.term,
        or_(d.scope == "record", and_(d.start == E.start, d.end == E.end)),
    )
    allowed = exists().where(
        t.collection_id == Record.collection_id,
        t.kind == "allow",
        t.term == E.term,
        or_(t.label == "", t.label == E.label),
    )
    return and_(~dismissed, ~allowed)


def records_with_personal_data(session: Session, collection_id: int) -> set[int]:
    """Ids of the collection's records holding personal data a reviewer sees by default: a
    span nobody dismissed, of a label shown by default, flagged (`shown_by_default`), in one
    query. An organisation or a "possible" span alone gives no personal-data dot.

    EXISTS per record lets the database stop at the first live span of each record.
    """
    live = exists().where(
        E.record_id == Record.id,
        E.label.in_(sorted(DEFAULT_SHOWN)),
        E.score >= FLAG_SCORE,
        _undismissed(),
    )
    rows = session.execute(
        select(Record.id).where(Record.collection_id == collection_id, live)
    ).scalars()
    return set(rows)


def live_span_labels(session: Session, collection_id: int) -> dict[int, list[str]]:
    """Each record's labels of spans nobody dismissed, one per span (for predictive review)."""
    stmt = (
        select(E.record_id, E.label)
        .join(Record, Record.id == E.record_id)
        .where(Record.collection_id == collection_id, _undismissed())
        .order_by(E.record_id, E.start)
    )
    out: dict[int, list[str]] = {}
    for rid, label in session.execute(stmt):
        out.setdefault(rid, []).append(label)
    return out


def shown_span_labels(session: Session, collection_id: int) -> dict[int, list[str]]:
    """Each record's labels of the spans a reviewer sees without asking (undismissed, flagged,
    of a label shown by default): what "this record holds personal data" means on screen."""
    stmt = (
        select(E.record_id, E.label)
        .join(Record, Record.id == E.record_id)
        .where(
            Record.collection_id == collection_id,
            _undismissed(),
            E.score >= FLAG_SCORE,
            E.label.in_(sorted(DEFAULT_SHOWN)),
        )
        .order_by(E.record_id, E.start)
    )
    out: dict[int, list[str]] = {}
    for rid, label in session.execute(stmt):
        out.setdefault(rid, []).append(label)
    return out


def is_scanned(session: Session, record_id: int) -> bool:
    """Whether detection has ever run on the record: "no spans" means "nothing found" only
    then; before it, it means "not looked at yet", which a reviewer must not take for clean."""
    return session.get(RecordScan, record_id) is not None
