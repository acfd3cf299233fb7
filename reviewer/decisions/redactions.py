"""Redaction marks: text spans (from a detected entity or offsets) or boxes drawn on a page.

Offsets are into the record's text (pages joined by "\\f"); a span's page and word boxes are
worked out from the stored pages so the redaction engine can draw boxes. Adding and removing a
mark are audit events.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit import authorise
from models.base import utcnow
from models.decisions import Redaction
from models.records import RecordPage
from reviewer.audit.chain import append_event
from reviewer.decisions.snapshot import redaction_state
from reviewer.decisions.store import check_actor, get_record
from reviewer.decisions.types import Actor, DecisionError
from reviewer.ingest.types import unpack_words
from reviewer.ingest.words import fill_word_boxes

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class RedactionView:
    """One mark; `rect` is the drawn box (rect-based), `rects` the word boxes of a text span."""

    id: int
    record_id: int
    page: int | None
    rect: Rect | None
    start: int | None
    end: int | None
    label: str
    entity_id: int | None
    rects: tuple[Rect, ...] = ()


def _pages(session: Session, record_id: int) -> list[RecordPage]:
    fill_word_boxes(session, record_id)  # PDF word boxes are computed on first need
    stmt = select(RecordPage).where(RecordPage.record_id == record_id).order_by(RecordPage.page_no)
    return list(session.scalars(stmt))


def locate(session: Session, record_id: int, start: int, end: int) -> tuple[int | None, list[Rect]]:
    """Page (1-based) holding `start` and the word boxes overlapping [start, end) on it."""
    offset = 0
    for page in _pages(session, record_id):
        text = page.text or ""
        if offset <= start <= offset + len(text):
            rects: list[Rect] = []
            for w in unpack_words(page.words):
                ws, we = w[0] + offset, w[1] + offset
                if ws < end and we > start:
                    rects.append((float(w[2]), float(w[3]), float(w[4]), float(w[5])))
            return page.page_no, rects
        offset += len(text) + 1
    return None, []


def _text_length(session: Session, record_id: int) -> int:
    pages = _pages(session, record_id)
    return sum(len(p.text or "") for p in pages) + max(0, len(pages) - 1)


def _view(row: Redaction, session: Session) -> RedactionView:
    rect = (row.x0, row.y0, row.x1, row.y1) if row.x0 is not None else None
    rects: tuple[Rect, ...] = ()
    if row.start is not None and row.end is not None:
        rects = tuple(locate(session, row.record_id, row.start, row.end)[1])
    return RedactionView(
        id=row.id,
        record_id=row.record_id,
        page=row.page,
        rect=rect,  # type: ignore[arg-type]
        start=row.start,
        end=row.end,
        label=row.label or "",
        entity_id=row.entity_id,
        rects=rects,
    )


def _entity_span(session: Session, record_id: int, entity_id: int) -> tuple[int, int, str]:
    try:
        entities = importlib.import_module("reviewer.detect.entities")
    except ImportError as exc:
        raise DecisionError(["detected entities are not available in this build"]) from exc
    for ent in entities.list_entities(session, record_id):
        if ent.id == entity_id:
            return int(ent.start), int(ent.end), str(ent.label)
    raise DecisionError([f"entity {entity_id} is not in record {record_id}"])


def add_redaction(
    session: Session,
    record_id: int,
    actor: Actor,
    *,
    entity_id: int | None = None,
    page: int | None = None,
    rect: Rect | None = None,
    start: int | None = None,
    end: int | None = None,
    label: str = "",
) -> RedactionView:
    """Mark a detected entity, a text span or a box on a page for redaction."""
    get_record(session, record_id)
    problems = check_actor(actor)
    if entity_id is not None and start is None:
        start, end, found_label = _entity_span(session, record_id, entity_id)
        label = label or found_label
    if rect is not None:
        if page is None or page < 1:
            problems.append("a box redaction needs its page (1-based)")
        if len(rect) != 4 or rect[0] >= rect[2] or rect[1] >= rect[3]:
            problems.append("a box must be x0, y0, x1, y1 with x0 < x1 and y0 < y1")
    elif start is None or end is None:
        problems.append("give an entity, a text span (start, end) or a box on a page")
    if start is not None and end is not None:
        if not 0 <= start < end <= _text_length(session, record_id):
            problems.append("the text span is outside the record's text")
        elif rect is None:
            page = page or locate(session, record_id, start, end)[0]
    if problems:
        raise DecisionError(problems)
    with session.no_autoflush:
        row = Redaction(
            record_id=record_id,
            entity_id=entity_id,
            page=page,
            x0=rect[0] if rect else None,
            y0=rect[1] if rect else None,
            x1=rect[2] if rect else None,
            y1=rect[3] if rect else None,
            start=start,
            end=end,
            label=label,
            created_by=actor.name,
            created_at=utcnow(),
        )
        session.add(row)
        authorise(session, row)
    session.flush()
    _event(session, row, actor, "redaction_added", None, redaction_state(row))
    return _view(row, session)


def _event(
    session: Session, row: Redaction, actor: Actor, kind: str, before: object, after: object
) -> None:
    collection_id = get_record(session, row.record_id).collection_id
    with session.no_autoflush:
        if kind == "redaction_removed":
            session.delete(row)
        append_event(
            session,
            actor=actor.name,
            role=actor.role,
            kind=kind,
            target=f"redaction:{row.id}",
            before=before,
            after=after,
            collection_id=collection_id,
            record_id=row.record_id,
            covers=(row,),
        )
    session.flush()


def list_redactions(session: Session, record_id: int) -> list[RedactionView]:
    stmt = select(Redaction).where(Redaction.record_id == record_id).order_by(Redaction.id)
    return [_view(r, session) for r in session.scalars(stmt)]


def remove_redaction(session: Session, redaction_id: int, actor: Actor) -> None:
    """Remove a mark (the history keeps it)."""
    row = session.get(Redaction, redaction_id)
    if row is None:
        raise DecisionError([f"redaction {redaction_id} does not exist"])
    problems = check_actor(actor)
    if problems:
        raise DecisionError(problems)
    before = redaction_state(row)
    _event(session, row, actor, "redaction_removed", before, None)
