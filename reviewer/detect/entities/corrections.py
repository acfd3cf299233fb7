"""Reviewers' corrections: dismiss (once, record, collection), restore, manual spans, allow/deny.

Corrections are stored apart from the detected spans and matched by label and text, so a
re-scan that replaces the spans still honours every one of them; each has its undo. Every
correction also appends an event to the audit history (`reviewer.audit.append_event`), in the
same transaction, so the history shows who hid or added what and when.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.entities import DetectedEntity, DetectionTerm, EntityDismissal
from models.records import Record
from reviewer.audit import append_event
from reviewer.detect.entities.records import get_record, joined_text, load_pages
from reviewer.detect.entities.views import EntityView, to_view
from reviewer.detect.labels import LABELS
from reviewer.detect.pipeline import normalise
from reviewer.detect.positions import locate
from reviewer.detect.span import Span
from reviewer.ingest.types import OK

SCOPES = ("once", "record", "collection")
ROLE = "sensitivity"  # the role corrections are made in unless the caller says otherwise


def _span_state(row: DetectedEntity) -> dict[str, Any]:
    return {"label": row.label, "start": row.start, "end": row.end, "source": row.source}


def _entity(session: Session, entity_id: int) -> DetectedEntity:
    row = session.get(DetectedEntity, entity_id)
    if row is None:
        raise LookupError(f"entity {entity_id} not found")
    return row


def dismiss_entity(
    session: Session, entity_id: int, scope: str, actor: str, *, role: str = ROLE
) -> None:
    """Mark a span as not personal data: this span, its text in the record, or in the collection."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}")
    row = _entity(session, entity_id)
    term = normalise(row.text)
    collection_id = get_record(session, row.record_id).collection_id
    if scope == "collection":
        add_allow_term(session, collection_id, row.text, actor, role=role)
        return
    append_event(
        session,
        actor=actor,
        role=role,
        kind="entity_dismissed",
        target=f"entity:{row.id}",
        before=_span_state(row),
        after={**_span_state(row), "dismissed": scope},
        collection_id=collection_id,
        record_id=row.record_id,
    )
    session.add(
        EntityDismissal(
            record_id=row.record_id,
            scope=scope,
            label=row.label,
            term=term,
            start=row.start if scope == "once" else None,
            end=row.end if scope == "once" else None,
            actor=actor,
        )
    )
    session.flush()


def restore_entity(session: Session, entity_id: int, actor: str, *, role: str = ROLE) -> None:
    """Undo every dismissal that hides this span (including an allow-list entry for its text)."""
    row = _entity(session, entity_id)
    term = normalise(row.text)
    collection_id = get_record(session, row.record_id).collection_id
    append_event(
        session,
        actor=actor,
        role=role,
        kind="entity_restored",
        target=f"entity:{row.id}",
        before={**_span_state(row), "dismissed": True},
        after=_span_state(row),
        collection_id=collection_id,
        record_id=row.record_id,
    )
    session.execute(
        delete(EntityDismissal).where(
            EntityDismissal.record_id == row.record_id,
            EntityDismissal.label == row.label,
            EntityDismissal.term == term,
            (EntityDismissal.scope == "record")
            | ((EntityDismissal.start == row.start) & (EntityDismissal.end == row.end)),
        )
    )
    allowed = (
        DetectionTerm.collection_id == collection_id,
        DetectionTerm.kind == "allow",
        DetectionTerm.term == term,
        DetectionTerm.label.in_(("", row.label)),
    )
    # Only when listed: in team mode only the administrator may delete list entries.
    if session.scalar(select(DetectionTerm.id).where(*allowed).limit(1)) is not None:
        session.execute(delete(DetectionTerm).where(*allowed))
    session.flush()


def _check_label(label: str) -> None:
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}")


def add_manual_entity(
    session: Session,
    record_id: int,
    start: int,
    end: int,
    label: str,
    actor: str,
    *,
    role: str = ROLE,
) -> EntityView:
    """A span the detector missed, kept across re-scans until removed."""
    _check_label(label)
    pages = load_pages(session, record_id)
    text = joined_text(pages)
    if not 0 <= start < end <= len(text):
        raise ValueError(f"offsets {start}-{end} are outside record {record_id}'s text")
    span = locate(Span(start, end, label, text[start:end], 1.0, f"added by {actor}"), pages)
    row = DetectedEntity(
        record_id=record_id,
        start=start,
        end=end,
        label=label,
        text=span.text,
        term=normalise(span.text),
        page=span.page,
        rects=json.dumps([list(r) for r in span.rects]),
        score=1.0,
        reason=span.reason,
        source="manual",
        created_by=actor,
    )
    session.add(row)
    session.flush()
    append_event(
        session,
        actor=actor,
        role=role,
        kind="entity_added",
        target=f"entity:{row.id}",
        before=None,
        after=_span_state(row),
        collection_id=get_record(session, record_id).collection_id,
        record_id=record_id,
    )
    return to_view(row, False)


def remove_manual_entity(session: Session, entity_id: int, actor: str, *, role: str = ROLE) -> None:
    """Undo `add_manual_entity`."""
    row = _entity(session, entity_id)
    if row.source != "manual":
        raise ValueError(f"entity {entity_id} was detected, not added by hand: dismiss it instead")
    append_event(
        session,
        actor=actor,
        role=role,
        kind="entity_removed",
        target=f"entity:{row.id}",
        before=_span_state(row),
        after=None,
        collection_id=get_record(session, row.record_id).collection_id,
        record_id=row.record_id,
    )
    session.delete(row)
    session.flush()


def _term_row(
    session: Session, collection_id: int, kind: str, term: str, label: str
) -> DetectionTerm | None:
    return session.scalars(
        select(DetectionTerm).where(
            DetectionTerm.collection_id == collection_id,
            DetectionTerm.kind == kind,
            DetectionTerm.term == normalise(term),
            DetectionTerm.label == label,
        )
    ).first()


def _term_event(
    session: Session, collection_id: int, kind: str, term: str, label: str, actor: str, role: str
) -> None:
    verb = kind.rsplit("_", 1)[-1]  # added | removed
    state = {"term": normalise(term), "label": label}
    append_event(
        session,
        actor=actor,
        role=role,
        kind=kind,
        target=f"{kind.split('_', 1)[0]}_list:{collection_id}",
        before=None if verb == "added" else state,
        after=state if verb == "added" else None,
        collection_id=collection_id,
    )


def add_allow_term(
    session: Session,
    collection_id: int,
    term: str,
    actor: str,
    label: str = "",
    *,
    role: str = ROLE,
) -> bool:
    """Never flag this text (with `label`, or any label when "") anywhere in the collection.

    Returns False when the term was already listed (nothing changes, nothing is audited).
    """
    if not normalise(term):
        raise ValueError("an allow-list term cannot be empty")
    if label:
        _check_label(label)
    return _list_term(session, collection_id, "allow", term, label, actor, role)


def _list_term(
    session: Session, collection_id: int, kind: str, term: str, label: str, actor: str, role: str
) -> bool:
    """Put a term on the allow or deny list, audited; False if it was already there."""
    if _term_row(session, collection_id, kind, term, label) is not None:
        return False
    session.add(
        DetectionTerm(
            collection_id=collection_id, kind=kind, term=normalise(term), label=label, actor=actor
        )
    )
    _term_event(session, collection_id, f"{kind}_term_added", term, label, actor, role)
    session.flush()
    return True


def remove_allow_term(
    session: Session,
    collection_id: int,
    term: str,
    actor: str,
    label: str = "",
    *,
    role: str = ROLE,
) -> bool:
    """Undo `add_allow_term` (or a collection-wide dismissal); False if it was not listed."""
    row = _term_row(session, collection_id, "allow", term, label)
    if row is None:
        return False
    session.delete(row)
    _term_event(session, collection_id, "allow_term_removed", term, label, actor, role)
    session.flush()
    return True


def deny_regex(term: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive, whitespace-tolerant pattern for a deny term."""
    body = r"\s+".join(re.escape(w) for w in normalise(term).split(" "))
    return re.compile(rf"(?<![\w]){body}(?![\w])", re.IGNORECASE)


def add_deny_term(
    session: Session,
    collection_id: int,
    term: str,
    label: str,
    actor: str,
    *,
    role: str = ROLE,
) -> bool:
    """Always flag this text with `label` in the collection; applied now and on every scan.

    Returns False when the term was already listed (its spans are still brought up to date).
    """
    _check_label(label)
    if not normalise(term):
        raise ValueError("a deny-list term cannot be empty")
    new = _list_term(session, collection_id, "deny", term, label, actor, role)
    record_ids = session.scalars(
        select(Record.id).where(Record.collection_id == collection_id, Record.status == OK)
    ).all()
    for record_id in record_ids:
        pages = load_pages(session, record_id)
        apply_deny_terms(session, record_id, joined_text(pages), pages, [(normalise(term), label)])
    return new


def remove_deny_term(
    session: Session,
    collection_id: int,
    term: str,
    label: str,
    actor: str,
    *,
    role: str = ROLE,
) -> bool:
    """Undo `add_deny_term`: the term and the spans it flagged go; False if it was not listed."""
    row = _term_row(session, collection_id, "deny", term, label)
    if row is None:
        return False
    session.delete(row)
    record_ids = select(Record.id).where(Record.collection_id == collection_id)
    session.execute(
        delete(DetectedEntity).where(
            DetectedEntity.record_id.in_(record_ids),
            DetectedEntity.source == "deny",
            DetectedEntity.label == label,
            DetectedEntity.term == normalise(term),
        )
    )
    _term_event(session, collection_id, "deny_term_removed", term, label, actor, role)
    session.flush()
    return True


def list_terms(session: Session, collection_id: int, kind: str) -> list[tuple[str, str, str]]:
    """The collection's `allow` or `deny` list as `(term, label, actor)`, sorted by term."""
    rows = session.execute(
        select(DetectionTerm.term, DetectionTerm.label, DetectionTerm.actor)
        .where(DetectionTerm.collection_id == collection_id, DetectionTerm.kind == kind)
        .order_by(DetectionTerm.term, DetectionTerm.label)
    ).all()
    return [(t, lab, a) for t, lab, a in rows]


def deny_terms(session: Session, collection_id: int) -> list[tuple[str, str]]:
    """The collection's deny list as `(term, label)` pairs."""
    rows = session.scalars(
        select(DetectionTerm).where(
            DetectionTerm.collection_id == collection_id, DetectionTerm.kind == "deny"
        )
    ).all()
    return [(r.term, r.label) for r in rows]


def apply_deny_terms(
    session: Session,
    record_id: int,
    text: str,
    pages: list,  # type: ignore[type-arg]
    terms: list[tuple[str, str]],
) -> int:
    """Add a `deny` span for each occurrence not already flagged the same way; returns how many."""
    existing = {
        (e.start, e.end, e.label)
        for e in session.scalars(
            select(DetectedEntity).where(DetectedEntity.record_id == record_id)
        )
    }
    added = 0
    for term, label in terms:
        for m in deny_regex(term).finditer(text):
            if (m.start(), m.end(), label) in existing:
                continue
            span = locate(Span(m.start(), m.end(), label, m.group(0), 1.0, "deny list"), pages)
            session.add(
                DetectedEntity(
                    record_id=record_id,
                    start=span.start,
                    end=span.end,
                    label=label,
                    text=span.text,
                    term=normalise(span.text),
                    page=span.page,
                    rects=json.dumps([list(r) for r in span.rects]),
                    score=1.0,
                    reason="deny list",
                    source="deny",
                )
            )
            existing.add((m.start(), m.end(), label))
            added += 1
    session.flush()
    return added
