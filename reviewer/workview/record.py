"""The current record as one immutable view, built from the store: what every panel renders.

A `RecordWorkView` is frozen: the content, the original bytes where a viewer needs them, the
spans and redactions placed on their pages, the decision, the suggested criteria, the holds,
whether detection has looked at the record and its history in words (`reviewer.workview.history`).
Nothing in it is an ORM row. An edit never changes a view: the store is changed through the
core's APIs, and the parts that changed are read again (`load_decided`, `load_marks`) and folded
into a new view (`with_decided`, `with_marks`).

Loading is split so a record opens at once: `load_work_view(..., with_marks=False)` is the quick
part (content, bytes, decision); `load_marks` (word boxes, spans, redactions) and
`load_suggestions` are the slow parts, run off the GUI thread.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from models.records import Record
from reviewer.decisions import DecisionView, active_holds, get_decision
from reviewer.decisions.criteria import suggest_criteria
from reviewer.decisions.redactions import list_redactions
from reviewer.detect.entities import is_scanned, list_entities
from reviewer.export.scan_check import unscannable
from reviewer.ingest.words import fill_word_boxes, lacking_word_boxes, stored_word_boxes
from reviewer.workview.content import (
    KIND_IMAGE,
    KIND_MEDIA,
    KIND_PDF,
    RecordContent,
    Rect,
    load_content,
    record_bytes,
)
from reviewer.workview.geometry import rects_for_range
from reviewer.workview.history import HistoryLine, history_lines


@dataclass(frozen=True)
class WorkSpan:
    """A detected or manual span of personal data; `page` is 0-based, rects in PDF points."""

    entity_id: int
    label: str
    start: int
    end: int
    page: int | None
    rects: tuple[Rect, ...]
    dismissed: bool
    text: str
    score: float


@dataclass(frozen=True)
class WorkRedaction:
    """A redaction placed on its page; `entity_id` is the span it was made from, if any."""

    redaction_id: int
    label: str
    start: int | None
    end: int | None
    page: int | None
    rects: tuple[Rect, ...]
    entity_id: int | None


@dataclass(frozen=True)
class RecordWorkView:
    """Everything shown for the current record."""

    content: RecordContent
    data: bytes | None
    spans: tuple[WorkSpan, ...]
    redactions: tuple[WorkRedaction, ...]
    decision: DecisionView | None
    suggested: tuple[str, ...]
    holds: tuple[str, ...]
    scanned: bool = True  # False: a record with text that detection has not run on yet
    history: tuple[HistoryLine, ...] = ()  # the record's own history in words, newest first
    # Why no scan can read the record's content ("" when one can): `scan_check.unscannable`.
    unscannable: str = ""

    @property
    def needs_look(self) -> bool:
        """Whether the record may go Open only once someone confirms they looked at it: the
        transfer's own rule (`reviewer.export.scan_check.unreadable`), so the window offers the
        confirmation exactly where the transfer would ask for it."""
        return bool(self.unscannable) or not self.scanned

    @property
    def look_reason(self) -> str:
        """Why the confirmation is asked for, in words ("" when it is not)."""
        if self.unscannable:
            return self.unscannable
        return "" if self.scanned else "never scanned for personal data"


@dataclass(frozen=True)
class RecordMarks:
    """The slow part of a record's view, loaded off the GUI thread."""

    record_id: int
    spans: tuple[WorkSpan, ...]
    redactions: tuple[WorkRedaction, ...]
    page: int | None = None  # 1-based: only this page's spans were loaded
    words: tuple[bytes | None, ...] | None = None  # PDF word boxes made by this load, if any
    scanned: bool = True  # False: a record with text that detection has not run on yet


@dataclass(frozen=True)
class Decided:
    """A record's decision, holds and history, reloaded after a save."""

    record_id: int
    decision: DecisionView | None
    holds: tuple[str, ...]
    history: tuple[HistoryLine, ...] = ()


def _page_and_rects(
    content: RecordContent,
    page: int | None,
    rects: Iterable[Sequence[float]] | None,
    start: int | None,
    end: int | None,
) -> tuple[int | None, tuple[Rect, ...]]:
    """0-based page and boxes of a mark: the stored ones, else worked out from the word boxes."""
    if rects and page:
        return page - 1, tuple((r[0], r[1], r[2], r[3]) for r in rects)
    if content.kind == KIND_PDF and start is not None and end is not None:
        found = rects_for_range(content, start, end)
        if found:
            first = found[0][0]
            return first, tuple(r for p, r in found if p == first)
    return (page - 1 if page else None), ()


def load_spans(
    session: Session, content: RecordContent, page: int | None = None
) -> tuple[WorkSpan, ...]:
    """The record's spans (of one 1-based `page` only, when given), placed on their pages."""
    spans = []
    for e in list_entities(session, content.record_id, page=page):
        at, rects = _page_and_rects(content, e.page, e.rects, e.start, e.end)
        spans.append(
            WorkSpan(
                entity_id=e.id,
                label=e.label,
                start=e.start,
                end=e.end,
                page=at,
                rects=rects,
                dismissed=bool(e.dismissed),
                text=e.text,
                score=float(e.score),
            )
        )
    return tuple(spans)


def load_redactions(session: Session, content: RecordContent) -> tuple[WorkRedaction, ...]:
    out = []
    for r in list_redactions(session, content.record_id):
        stored = (tuple(r.rect),) if r.rect else tuple(r.rects)
        page, rects = _page_and_rects(content, r.page, stored, r.start, r.end)
        out.append(
            WorkRedaction(
                redaction_id=r.id,
                label=r.label or "redaction",
                start=r.start,
                end=r.end,
                page=page,
                rects=rects,
                entity_id=r.entity_id,
            )
        )
    return tuple(out)


def _scanned(session: Session, content: RecordContent) -> bool:
    if not content.text.strip():
        return True  # nothing a scan would look at
    return bool(is_scanned(session, content.record_id))


def load_marks(session: Session, content: RecordContent, page: int | None = None) -> RecordMarks:
    """Spans, redactions and, for a long PDF opened before any scan, its word boxes."""
    words = None
    if page is None and lacking_word_boxes(session, [content.record_id]):
        # A long PDF opened before any scan: its word boxes are made here, off the GUI thread.
        fill_word_boxes(session, content.record_id)
        words = stored_word_boxes(session, content.record_id)
    return RecordMarks(
        record_id=content.record_id,
        spans=load_spans(session, content, page),
        redactions=load_redactions(session, content),
        page=page,
        words=words,
        scanned=_scanned(session, content),
    )


def load_suggestions(content: RecordContent, kind: str) -> tuple[str, ...]:
    """Criteria whose keywords appear in the record (shown, never ticked)."""
    return tuple(suggest_criteria(content.text, kind))


def load_decided(session: Session, record_id: int) -> Decided:
    decision = get_decision(session, record_id)
    holds = tuple(h.name for h in active_holds(session, record_id))
    return Decided(record_id, decision, holds, history_lines(session, record_id))


def load_work_view(
    session: Session, record_id: int, kind: str, *, with_marks: bool = True
) -> RecordWorkView | None:
    """The record's view of a collection of `kind`; without marks and suggestions (loaded
    later in workers) it is quick. None when the record is not in the store."""
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
        else RecordMarks(record_id, (), (), scanned=_scanned(session, content))
    )
    return RecordWorkView(
        content=content,
        data=data,
        spans=marks.spans,
        redactions=marks.redactions,
        decision=decided.decision,
        suggested=load_suggestions(content, kind) if with_marks else (),
        holds=decided.holds,
        scanned=marks.scanned,
        history=decided.history,
        unscannable=_unscannable(session, record_id),
    )


def _unscannable(session: Session, record_id: int) -> str:
    record = session.get(Record, record_id)
    found = unscannable(record) if record is not None else None
    return found[1] if found is not None else ""


def with_marks(view: RecordWorkView, marks: RecordMarks) -> RecordWorkView:
    """A new view with freshly loaded marks (and the word boxes they made, if any)."""
    content = view.content
    if marks.words is not None:
        content = dataclasses.replace(content, words_json=marks.words)
    return dataclasses.replace(
        view,
        content=content,
        spans=marks.spans,
        redactions=marks.redactions,
        scanned=marks.scanned,
    )


def with_decided(view: RecordWorkView, decided: Decided) -> RecordWorkView:
    """A new view with a freshly loaded decision, holds and history."""
    return dataclasses.replace(
        view, decision=decided.decision, holds=decided.holds, history=decided.history
    )


def with_suggestions(view: RecordWorkView, suggested: tuple[str, ...]) -> RecordWorkView:
    return dataclasses.replace(view, suggested=tuple(suggested))
