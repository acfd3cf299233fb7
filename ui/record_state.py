"""Everything shown for the current record, loaded in one short session as frozen values."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ui import apis
from ui.viewer.content import KIND_IMAGE, KIND_PDF, RecordContent, load_content, record_bytes
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


def _page_and_rects(
    content: RecordContent, page: int | None, rects: Any, start: int | None, end: int | None
) -> tuple[int | None, tuple[tuple[float, float, float, float], ...]]:
    """0-based page and boxes of a mark: the stored ones, else worked out from the word boxes."""
    if rects and page:
        return page - 1, tuple(tuple(r) for r in rects)  # type: ignore[misc]
    if content.kind == KIND_PDF and start is not None and end is not None:
        found = rects_for_range(content, start, end)
        if found:
            first = found[0][0]
            return first, tuple(r for p, r in found if p == first)
    return (page - 1 if page else None), ()


def span_marks(session: Session, content: RecordContent) -> list[Mark]:
    ents = apis.entities_module()
    if ents is None:
        return []
    colours = label_colours()
    marks = []
    for e in ents.list_entities(session, content.record_id):
        page, rects = _page_and_rects(content, e.page, e.rects, e.start, e.end)
        marks.append(
            Mark(
                f"entity:{e.id}",
                SPAN,
                e.label,
                colour_for(e.label, colours),
                e.start,
                e.end,
                page,
                rects,
                bool(e.dismissed),
                e.id,
                e.text,
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
    suggested: tuple[str, ...]


def load_marks(session: Session, content: RecordContent, kind: str) -> RecordMarks:
    return RecordMarks(
        record_id=content.record_id,
        span_marks=span_marks(session, content),
        redaction_marks=redaction_marks(session, content),
        suggested=tuple(apis.suggest_criteria(content.text, kind)),
    )


def load_record_state(
    session: Session, record_id: int, kind: str, *, with_marks: bool = True
) -> RecordState | None:
    """The record's state; without marks (drawn later from `load_marks`) it is quick."""
    content = load_content(session, record_id)
    if content is None:
        return None
    data = None
    if content.kind == KIND_IMAGE or (content.kind == KIND_PDF and content.source_file is None):
        data = record_bytes(session, content)
    decisions = apis.decisions_module()
    decision, holds = None, ()
    if decisions is not None:
        decision = decisions.get_decision(session, record_id)
        holds = tuple(h.name for h in decisions.active_holds(session, record_id))
    marks = load_marks(session, content, kind) if with_marks else RecordMarks(record_id, [], [], ())
    return RecordState(
        content=content,
        data=data,
        span_marks=marks.span_marks,
        redaction_marks=marks.redaction_marks,
        decision=decision,
        suggested=marks.suggested,
        holds=holds,
    )
