"""The record queue: one light row per record with what the review queue shows and filters on.

Qt-free so it can be scripted and benchmarked; built with a few set-based queries (never one per
record) so a 100,000-record collection loads in well under a second.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.decisions import Decision
from models.records import Collection, Record
from reviewer.decisions.markers import HELD_DESTROY
from reviewer.ingest.manifest.stored import metadata_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueueRow:
    """What the queue shows for one record; `appraisal`/`closure` are None while undecided."""

    id: int
    parent_id: int | None
    path: str
    name: str
    format: str
    status: str
    pages: int | None
    size: int
    has_personal_data: bool
    appraisal: str | None = None
    closure: str | None = None
    reviewer: str = ""
    # Predictive review (reviewer.predict), set when the queue is read in a likely-* order:
    rank: int | None = None  # position in that order (unreviewed first, best score first)
    score: float | None = None
    reasons: tuple[str, ...] = ()
    metadata: str = ""  # what an export's manifest said, "key: value; ..." (filterable)
    # Conflicts to mark in the queue (reviewer.decisions.markers), e.g. "held: destroy suspended"
    markers: tuple[str, ...] = ()
    duplicate_of: int | None = None  # an exact copy of that record (same SHA-256)

    @property
    def appraisal_cell(self) -> str:
        """The queue's appraisal column: the record's own appraisal, or "held" when a legal hold
        suspends its destroy decision, its own or inherited from a folder or its parent (an
        inherited one would otherwise leave the cell blank, the hold seen only on hover)."""
        if any(m.startswith(HELD_DESTROY) for m in self.markers):
            return "held"
        return self.appraisal or ""


@dataclass(frozen=True)
class QueueSnapshot:
    """A collection's queue at one moment."""

    collection_id: int
    collection_name: str
    kind: str
    rows: tuple[QueueRow, ...]


@dataclass(frozen=True)
class DecisionSummary:
    """The queue's view of a record's decision."""

    appraisal: str | None
    closure: str | None
    reviewer: str


class UnknownCollection(LookupError):
    """No collection of that name in the store."""


def list_collections(session: Session) -> list[tuple[str, str]]:
    """(name, kind) of every collection, by name."""
    rows = session.execute(select(Collection.name, Collection.kind).order_by(Collection.name))
    return [(name, kind) for name, kind in rows]


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """A function from an area that may not be installed in this build (None if absent)."""
    try:
        func: Callable[..., Any] = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None
    return func


def personal_data_ids(session: Session, collection_id: int) -> set[int]:
    """Ids of records with at least one live personal-data span (empty before detection runs)."""
    func = _optional("reviewer.detect.entities", "records_with_personal_data")
    if func is None:
        return set()
    return set(func(session, collection_id))


def decision_summaries(session: Session, collection_id: int) -> dict[int, DecisionSummary]:
    """Each record's own stored decision (folder-inherited ones are not shown in the queue)."""
    stmt = select(
        Decision.record_id,
        Decision.appraisal,
        Decision.closure_status,
        Decision.redacted,
        Decision.appraised_by,
        Decision.appraised_at,
        Decision.reviewed_by,
        Decision.reviewed_at,
    ).where(Decision.collection_id == collection_id, Decision.record_id.is_not(None))
    out: dict[int, DecisionSummary] = {}
    for rid, appraisal, closure, redacted, a_by, a_at, r_by, r_at in session.execute(stmt):
        if rid is None:
            continue
        if closure == "Closed" and redacted:
            closure = "Open (redacted)"
        latest = r_by if r_at is not None and (a_at is None or r_at >= a_at) else a_by
        out[rid] = DecisionSummary(appraisal, closure, latest or "")
    return out


def load_queue(session: Session, collection_name: str) -> QueueSnapshot:
    """The queue of `collection_name`, records in path order."""
    coll = session.execute(
        select(Collection.id, Collection.kind).where(Collection.name == collection_name)
    ).first()
    if coll is None:
        raise UnknownCollection(collection_name)
    collection_id, kind = coll
    pd_ids = personal_data_ids(session, collection_id)
    decisions = decision_summaries(session, collection_id)
    described = metadata_text(session, collection_id)
    markers = _optional("reviewer.decisions.markers", "record_markers")
    marked = markers(session, collection_id) if markers is not None else {}
    stmt = (
        select(
            Record.id,
            Record.parent_id,
            Record.path,
            Record.name,
            Record.format_name,
            Record.status,
            Record.page_count,
            Record.size,
            Record.duplicate_of_id,
        )
        .where(Record.collection_id == collection_id)
        .order_by(Record.path)
    )
    none = DecisionSummary(None, None, "")
    rows = []
    for rid, parent, path, name, fmt, status, pages, size, copy_of in session.execute(stmt):
        dec = decisions.get(rid, none)
        rows.append(
            QueueRow(
                id=rid,
                parent_id=parent,
                path=path,
                name=name,
                format=fmt or "",
                status=status,
                pages=pages,
                size=size or 0,
                has_personal_data=rid in pd_ids,
                appraisal=dec.appraisal,
                closure=dec.closure,
                reviewer=dec.reviewer,
                metadata=described.get(rid, ""),
                markers=tuple(str(m) for m in marked.get(rid, ())),
                duplicate_of=copy_of,
            )
        )
    return QueueSnapshot(collection_id, collection_name, kind, tuple(rows))
