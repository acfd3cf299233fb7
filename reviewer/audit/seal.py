"""Sealing: every row the tool writes to a covered table is recorded in the chain at commit.

Decisions, holds and redactions carry their full state in their own events. The other tables
whose rows matter for proof — collections and records (path, SHA-256, names), detected spans,
dismissals, allow/deny lists, QA reviews and batches, playings of recordings — are written by
many code paths (ingest writes records with multi-row INSERTs, a scan replaces a record's
spans), so instead of an event
per call site, the database notes which rows changed and the commit seals them:

- each tool connection has a private queue, `audit_queue` (a TEMP table: nobody else's
  connection can fill it), fed by triggers on the covered tables (TEMP triggers on SQLite,
  statement-level triggers that write only where the queue exists on PostgreSQL);
- the queue is emptied when a Session transaction begins, so only changes made inside the tool's
  own transaction are sealed;
- before the commit, one `rows` event records the current state of every queued row (`None`
  when it was deleted) in the same transaction.

A row changed by hand (sqlite3, psql) is never queued or sealed, so `verify`, which rebuilds
each table's state from the `rows` events, reports it by table and key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, event, select, text
from sqlalchemy.orm import Session, SessionTransaction

from models.entities import DetectedEntity, DetectionTerm, EntityDismissal
from models.qa import QaBatch, QaReview
from models.records import Collection, Record
from models.viewings import MediaViewing
from reviewer.audit.chain import ACTOR_KEY, append_event, canonical

ROWS_KIND = "rows"

# Table -> (model columns forming the state). Key is `id`, except spans: one state per record.
COLUMNS: dict[str, tuple[Any, ...]] = {
    "collections": (Collection.name, Collection.kind),
    "records": (Record.collection_id, Record.parent_id, Record.path, Record.name, Record.sha256),
    "entity_dismissals": (
        EntityDismissal.record_id,
        EntityDismissal.scope,
        EntityDismissal.label,
        EntityDismissal.term,
        EntityDismissal.start,
        EntityDismissal.end,
    ),
    "detection_terms": (
        DetectionTerm.collection_id,
        DetectionTerm.kind,
        DetectionTerm.term,
        DetectionTerm.label,
    ),
    "qa_reviews": (
        QaReview.collection_id,
        QaReview.record_id,
        QaReview.checker,
        QaReview.first_reviewer,
        QaReview.first_decision,
        QaReview.checker_decision,
        QaReview.source,
        QaReview.agrees,
        QaReview.outcome,
        QaReview.outcome_note,
    ),
    "qa_batches": (
        QaBatch.collection_id,
        QaBatch.name,
        QaBatch.status,
        QaBatch.countersigned_by,
        QaBatch.countersign_note,
    ),
    "media_viewings": (
        MediaViewing.record_id,
        MediaViewing.reviewer,
        MediaViewing.role,
        MediaViewing.played_at,
        MediaViewing.reached_seconds,
    ),
}
IDS = {
    "collections": Collection.id,
    "records": Record.id,
    "entity_dismissals": EntityDismissal.id,
    "detection_terms": DetectionTerm.id,
    "qa_reviews": QaReview.id,
    "qa_batches": QaBatch.id,
    "media_viewings": MediaViewing.id,
}
SPANS = "detected_entities"  # keyed by record_id: [count, SHA-256 of the sorted spans]
SEALED = (*COLUMNS, SPANS)
KEY_COLUMN = {**{t: "id" for t in COLUMNS}, SPANS: "record_id"}
CHUNK = 500


def _chunks(keys: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(keys), CHUNK):
        yield keys[i : i + CHUNK]


def _plain(value: Any) -> Any:
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def span_digest(spans: list[tuple[Any, ...]]) -> list[Any]:
    """A record's spans as [count, SHA-256 over them in a fixed order]."""
    ordered = sorted(spans, key=lambda s: tuple("" if v is None else str(v) for v in s))
    return [len(ordered), hashlib.sha256(canonical(ordered).encode("utf-8")).hexdigest()]


def _span_rows(conn: Connection, keys: list[int] | None) -> Iterator[tuple[int, list[Any]]]:
    cols = (
        DetectedEntity.record_id,
        DetectedEntity.start,
        DetectedEntity.end,
        DetectedEntity.label,
        DetectedEntity.source,
        DetectedEntity.term,
    )
    batches: Iterable[list[int] | None] = [None] if keys is None else _chunks(keys)
    for chunk in batches:
        stmt = select(*cols).order_by(DetectedEntity.record_id)
        if chunk is not None:
            stmt = stmt.where(DetectedEntity.record_id.in_(chunk))
        current: int | None = None
        group: list[tuple[Any, ...]] = []
        for row in conn.execute(stmt.execution_options(yield_per=5000)):
            if row[0] != current:
                if current is not None:
                    yield current, span_digest(group)
                current, group = row[0], []
            group.append(tuple(row[1:]))
        if current is not None:
            yield current, span_digest(group)


def states(
    conn: Connection, table: str, keys: list[int] | None = None
) -> Iterator[tuple[int, list[Any]]]:
    """(key, state) of every row of a covered table (or only `keys`); missing keys are absent."""
    if table == SPANS:
        yield from _span_rows(conn, keys)
        return
    id_col = IDS[table]
    batches: Iterable[list[int] | None] = [None] if keys is None else _chunks(keys)
    for chunk in batches:
        stmt = select(id_col, *COLUMNS[table]).order_by(id_col)
        if chunk is not None:
            stmt = stmt.where(id_col.in_(chunk))
        for row in conn.execute(stmt.execution_options(yield_per=5000)):
            yield int(row[0]), [_plain(v) if not isinstance(v, dict) else v for v in row[1:]]


# -- the per-connection queue -------------------------------------------------------------

_SQLITE_QUEUE = (
    "CREATE TEMP TABLE IF NOT EXISTS audit_queue (tbl TEXT, key INTEGER, PRIMARY KEY (tbl, key))"
)
_PG_QUEUE = (
    "CREATE TEMP TABLE IF NOT EXISTS audit_queue (tbl text, key bigint, PRIMARY KEY (tbl, key))"
)
_MARK = "rr_seal_ready"


def _sqlite_triggers() -> list[str]:
    out = []
    for table in SEALED:
        key = KEY_COLUMN[table]
        for op, refs in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            body = " ".join(
                f"INSERT OR IGNORE INTO audit_queue VALUES ('{table}', {ref}.{key});"
                for ref in refs
            )
            out.append(
                f"CREATE TEMP TRIGGER IF NOT EXISTS rr_seal_{table}_{op.lower()} AFTER {op} "
                f"ON main.{table} BEGIN {body} END"
            )
    out.append(
        f"CREATE TEMP TRIGGER IF NOT EXISTS {_MARK} AFTER DELETE ON audit_queue BEGIN SELECT 1; END"
    )
    return out


def _prepare(conn: Connection) -> None:
    """Make this connection's queue (and on SQLite its triggers) if missing, then empty it."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        ready = conn.exec_driver_sql(
            f"SELECT 1 FROM sqlite_temp_master WHERE type = 'trigger' AND name = '{_MARK}'"
        ).first()
        if ready is None:
            conn.exec_driver_sql(_SQLITE_QUEUE)
            for sql in _sqlite_triggers():
                conn.exec_driver_sql(sql)
    elif dialect == "postgresql":
        conn.exec_driver_sql(_PG_QUEUE)
    else:
        return
    conn.exec_driver_sql("DELETE FROM audit_queue")


@event.listens_for(Session, "after_begin")
def _after_begin(session: Session, transaction: SessionTransaction, conn: Connection) -> None:
    if transaction.nested or transaction.parent is not None:
        return
    session.info.pop(ACTOR_KEY, None)
    _prepare(conn)


def queued(conn: Connection) -> dict[str, list[int]]:
    """What this transaction changed in the covered tables, by table."""
    out: dict[str, list[int]] = {}
    for tbl, key in conn.execute(text("SELECT tbl, key FROM audit_queue ORDER BY tbl, key")):
        out.setdefault(str(tbl), []).append(int(key))
    return out


def default_actor(session: Session) -> tuple[str, str]:
    """Who a seal is recorded as when the transaction appended no event of its own."""
    from reviewer.team.identity import current_identity

    ident = current_identity(session)
    return ident.name, ident.default_role


def seal(session: Session) -> None:
    """Append one `rows` event with the state of every row this transaction changed."""
    if not session.in_transaction():
        return
    session.flush()
    conn = session.connection()
    if conn.dialect.name not in ("sqlite", "postgresql"):
        return
    changed = queued(conn)
    if not changed:
        return
    after: dict[str, dict[str, Any]] = {}
    for table in SEALED:
        keys = changed.get(table)
        if not keys:
            continue
        found = dict(states(conn, table, keys))
        after[table] = {str(k): found.get(k) for k in keys}
    actor, role = session.info.get(ACTOR_KEY) or default_actor(session)
    with session.no_autoflush:
        append_event(
            session,
            actor=actor,
            role=role,
            kind=ROWS_KIND,
            target="rows",
            before=None,
            after=after,
        )
    session.flush()
    conn.exec_driver_sql("DELETE FROM audit_queue")


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    seal(session)
