"""Everything shown for the current record, loaded in one short session as frozen values."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from reviewer.ingest.words import fill_word_boxes, lacking_word_boxes, stored_word_boxes
from ui import apis
from ui.viewer.content import (
    KIND_IMAGE,
    KIND_MEDIA,
    KIND_PDF,
    RecordContent,
    load_content,
    record_bytes,
)
from ui.viewer.geometry import rects_for_range
from ui.viewer.marks import REDACTION, REDACTION_COLOUR, SPAN, Mark, colour_for, label_colours

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecordState:
    content: RecordContent
    data: bytes | None
    span_marks: list[Mark]
    redaction_marks: list[Mark]
    decision: Any  # reviewer.decisions.DecisionView, None when that area is missing
    suggested: tuple[str, ...]
    holds: tuple[str, ...]
    scanned: bool = True  # False: a record with text that detection has not run on yet


def _page_and_rects(
    content: RecordContent, page: int | None, rects: Any, start: int | None, end: int | None
) -> tuple[int | None, tuple[tuple[float, float, float, float], ...]]:
    """0-based page and boxes of a mark: the stored ones, else worked out from the word boxes."""
    if rects and page:
        return page - 1, tuple((r[0], r[1], r[2], r[3]) for r in rects)
    if content.kind == KIND_PDF and start is not None and end is not None:
        found = rects_for_range(content, start, end)
        if found:
            first = found[0][0]
            return first, tuple(r for p, r in found if p == first)
    return (page - 1 if page else None), ()


def _entities(ents: Any, session: Session, record_id: int, page: int | None) -> list[Any]:
    """The record's spans, only those of 1-based `page` when asked (filtered in SQL if the
    detection API offers it, else here)."""
    if page is None:
        return list(ents.list_entities(session, record_id))
    try:
        return list(ents.list_entities(session, record_id, page=page))
    except TypeError:
        return [e for e in ents.list_entities(session, record_id) if e.page == page]


def span_marks(session: Session, content: RecordContent, page: int | None = None) -> list[Mark]:
    """Marks of the record's spans (of one 1-based `page` only, when given)."""
    ents = apis.entities_module()
    if ents is None:
        return []
    colours = label_colours()
    marks = []
    for e in _entities(ents, session, content.record_id, page):
        at, rects = _page_and_rects(content, e.page, e.rects, e.start, e.end)
        marks.append(
            Mark(
                f"entity:{e.id}",
                SPAN,
                e.label,
                colour_for(e.label, colours),
                e.start,
                e.end,
                at,
                rects,
                bool(e.dismissed),
                e.id,
                e.text,
                float(e.score),
            )
        )
    return marks


def redaction_marks(session: Session, content: RecordContent) -> list[Mark]:
    red = apis.redactions_module()
    if red is None:
        return []
    marks = []
    for r in red.list_redactions(session, content.record_id):
        rects = (tuple(r.rect),) if r.rect else tuple(r.rects)
        page, rects = _page_and_rects(content, r.page, rects, r.start, r.end)
        marks.append(
            Mark(
                f"redaction:{r.id}",
                REDACTION,
                r.label or "redaction",
                REDACTION_COLOUR,
                r.start,
                r.end,
                page,
                rects,
                False,
                r.entity_id,
            )
        )
    return marks


@dataclass(frozen=True)
class RecordMarks:
    """The slow part of a record's state, loaded off the GUI thread."""

    record_id: int
    span_marks: list[Mark]
    redaction_marks: list[Mark]
    page: int | None = None  # 1-based: only this page's spans were loaded
    words: tuple[bytes | None, ...] | None = None  # PDF word boxes made by this load, if any
    scanned: bool = True  # False: a record with text that detection has not run on yet


def load_marks(session: Session, content: RecordContent, page: int | None = None) -> RecordMarks:
    words = None
    if page is None and lacking_word_boxes(session, [content.record_id]):
        # A long PDF opened before any scan: its word boxes are made here, off the GUI thread.
        fill_word_boxes(session, content.record_id)
        words = stored_word_boxes(session, content.record_id)
    return RecordMarks(
        record_id=content.record_id,
        span_marks=span_marks(session, content, page),
        redaction_marks=redaction_marks(session, content),
        page=page,
        words=words,
        scanned=_scanned(session, content),
    )


def _scanned(session: Session, content: RecordContent) -> bool:
    ents = apis.entities_module()
    if ents is None or not content.text.strip():
        return True  # nothing a scan would look at
    return bool(ents.is_scanned(session, content.record_id))


def load_suggestions(content: RecordContent, kind: str) -> tuple[str, ...]:
    """Criteria whose keywords appear in the record (shown, never ticked)."""
    return tuple(apis.suggest_criteria(content.text, kind))


@dataclass(frozen=True)
class Decided:
    """A record's decision and holds, reloaded after a save."""

    record_id: int
    decision: Any
    holds: tuple[str, ...]


def load_decided(session: Session, record_id: int) -> Decided:
    decisions = apis.decisions_module()
    if decisions is None:
        return Decided(record_id, None, ())
    decision = decisions.get_decision(session, record_id)
    holds = tuple(h.name for h in decisions.active_holds(session, record_id))
    return Decided(record_id, decision, holds)


def load_record_state(
    session: Session, record_id: int, kind: str, *, with_marks: bool = True
) -> RecordState | None:
    """The record's state; without marks and suggestions (loaded later in workers) it is quick."""
    content = load_content(session, record_id)
    if content is None:
        return None
    data = None
    if content.kind in (KIND_IMAGE, KIND_MEDIA) or (
        content.kind == KIND_PDF and content.source_file is None
    ):
        data = record_bytes(session, content)
    decided = load_decided(session, record_id)
    marks = (
        load_marks(session, content)
        if with_marks
        else RecordMarks(record_id, [], [], scanned=_scanned(session, content))
    )
    return RecordState(
        content=content,
        data=data,
        span_marks=marks.span_marks,
        redaction_marks=marks.redaction_marks,
        decision=decided.decision,
        suggested=load_suggestions(content, kind) if with_marks else (),
        holds=decided.holds,
        scanned=marks.scanned,
    )
