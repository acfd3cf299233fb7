"""Checking the history, and rebuilding the store's state from it to compare with the tables.

The chain: every hash and link, the head (`audit_head`, moved by the tool) and the anchor
(`audit_anchor`, moved only by a trigger, not writable by team logins): an event edited,
deleted or inserted, or the newest events cut off and the head rewound, is found.

The state: events are replayed in order — decisions by their target (`record:N`,
`folder:C:path`), holds (`hold:N`) and redactions (`redaction:N`) from their own events' `after`,
the other covered tables from the `rows` events that `reviewer.audit.seal` appends at each
commit — and every table is compared with what the history says it should hold. Each row
edited, inserted or deleted outside the tool is reported by table and key.

Streaming: events are read in batches and only the newest state per key is kept, so memory
follows the number of rows, not of events.

What it cannot detect: someone with write access who rewrites the whole chain, its head and
its anchor consistently (there is no secret key). The head's hash and count are printed on
reports (`audit verify`, `qa report`): a copy on paper or off site catches that too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from json.encoder import encode_basestring as _s
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from models.audit import AuditAnchor, AuditEvent, AuditHead
from models.decisions import Decision, Hold, Redaction
from reviewer.audit.chain import GENESIS, HEAD_ID, canonical
from reviewer.audit.seal import ROWS_KIND, SEALED, states

BATCH = 20_000


@dataclass(frozen=True)
class Problem:
    """One row that the history does not account for: `change` is edited|inserted|deleted."""

    table: str
    key: str
    change: str
    event_id: int | None = None  # the event holding the state the row should have

    def __str__(self) -> str:
        told = {
            "edited": "was edited outside the tool",
            "inserted": "was inserted outside the tool",
            "deleted": "was deleted outside the tool",
        }[self.change]
        if self.table == "detected_entities":  # keyed by record: its spans as a whole
            what = {
                "edited": "its spans were changed",
                "inserted": "spans were added",
                "deleted": "all its spans were deleted",
            }[self.change]
            return f"detected_entities of record {self.key}: {what} outside the tool"
        return f"{self.table} {self.key} {told}"


@dataclass(frozen=True)
class VerifyResult:
    """`ok`, else the first event found altered or missing (or whose successor was) and why,
    and every row found changed outside the tool (`problems`).

    `events` is the number of events checked; `head_hash` the verified chain head when `ok`,
    else the hash the stored head claims (None when the head row is gone).
    """

    ok: bool
    first_bad_event_id: int | None
    reason: str
    events: int = 0
    head_hash: str | None = GENESIS
    problems: tuple[Problem, ...] = field(default=())
    unchecked: tuple[str, ...] = field(default=())  # tables this login cannot see whole


@dataclass
class _Replay:
    """The newest state per key, as canonical JSON text (None: the history says removed)."""

    decisions: dict[str, tuple[str, int]] = field(default_factory=dict)
    holds: dict[int, tuple[str, int]] = field(default_factory=dict)
    redactions: dict[int, tuple[str | None, int]] = field(default_factory=dict)
    rows: dict[str, dict[int, tuple[str | None, int]]] = field(
        default_factory=lambda: {t: {} for t in SEALED}
    )

    def add(self, ev_id: int, kind: str, target: str, after: str) -> None:
        if kind == ROWS_KIND:
            for table, states_ in json.loads(after).items():
                known = self.rows.setdefault(table, {})
                for key, state in states_.items():
                    known[int(key)] = (None if state is None else canonical(state), ev_id)
            return
        prefix, _, rest = target.partition(":")
        if prefix in ("record", "folder"):
            self.decisions[target] = (after, ev_id)
        elif prefix == "hold" and rest.isdigit():
            self.holds[int(rest)] = (after, ev_id)
        elif prefix == "redaction" and rest.isdigit():
            self.redactions[int(rest)] = (None if after == "null" else after, ev_id)


_COLUMNS = (
    "id, collection_id, record_id, target, actor, role, at, kind, before, after, prev_hash, hash"
)


def _events(conn: Connection) -> Iterator[tuple[Any, ...]]:
    """Every event as a plain tuple, oldest first, a batch at a time."""
    if conn.dialect.name == "sqlite":
        # The driver's own cursor: SQLAlchemy's row processing was a third of the time, and
        # SQLite streams a plain SELECT anyway. `at` comes back as stored text (see `_at`).
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute(f"SELECT {_COLUMNS} FROM audit_events ORDER BY id")
        while batch := cursor.fetchmany(BATCH):
            yield from batch
        cursor.close()
        return
    e = AuditEvent.__table__.c
    stmt = select(
        e.id,
        e.collection_id,
        e.record_id,
        e.target,
        e.actor,
        e.role,
        e.at,
        e.kind,
        e.before,
        e.after,
        e.prev_hash,
        e.hash,
    ).order_by(e.id)
    for row in conn.execute(stmt.execution_options(yield_per=BATCH, stream_results=True)):
        yield tuple(row)


def _at(value: Any) -> str:
    """The event time as the chain hashed it (ISO, microseconds, +00:00)."""
    if isinstance(value, str):  # SQLite's stored UTC text, "YYYY-MM-DD HH:MM:SS.ffffff"
        if len(value) == 26:
            return f"{value[:10]}T{value[11:]}+00:00"
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return str(value.astimezone(UTC).isoformat(timespec="microseconds"))


def _hash(row: Any) -> str:
    """`reviewer.audit.chain.event_hash` of a streamed row, with the canonical JSON written out
    directly (same text as `json.dumps(sort_keys=True, separators=(",", ":"),
    ensure_ascii=False)`; the test suite checks both agree): a third of the time per event."""
    (ev_id, coll, rec, target, actor, role, at, kind, before, after, prev, _) = row
    text = (
        f'{{"actor":{_s(actor)},"after":{_s(after)},'
        f'"at":{_s(_at(at))},"before":{_s(before)},'
        f'"collection_id":{_n(coll)},"id":{_n(ev_id)},"kind":{_s(kind)},'
        f'"prev_hash":{_s(prev)},"record_id":{_n(rec)},"role":{_s(role)},'
        f'"target":{_s(target)}}}'
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _n(value: int | None) -> str:
    return "null" if value is None else str(int(value))


def _walk(conn: Connection, replay: _Replay) -> VerifyResult:
    prev_hash, prev_id, count = GENESIS, 0, 0
    add = replay.add
    for ev in _events(conn):
        count += 1
        ev_id = ev[0]
        if ev_id != prev_id + 1:
            reason = f"event {prev_id + 1} is missing (next is {ev_id})"
            return VerifyResult(False, prev_id + 1, reason, count)
        if ev[10] != prev_hash:
            reason = f"event {ev_id} does not link to event {prev_id}"
            return VerifyResult(False, ev_id, reason, count)
        if _hash(ev) != ev[11]:
            return VerifyResult(False, ev_id, f"event {ev_id} was altered", count)
        add(ev_id, ev[7], ev[3], ev[9])
        prev_hash, prev_id = ev[11], ev_id
    return _check_ends(conn, prev_id, count, prev_hash)


def _check_ends(conn: Connection, last_id: int, count: int, last_hash: str) -> VerifyResult:
    """The chain's end against the tool's head and the trigger's anchor."""
    h = AuditHead.__table__.c
    head = conn.execute(
        select(h.last_event_id, h.event_count, h.head_hash).where(h.id == HEAD_ID)
    ).first()
    if head is None:
        if count:
            return VerifyResult(False, 1, "the chain head is missing", count)
    elif (head[0], head[1], head[2]) != (last_id, count, last_hash):
        if head[0] > last_id:
            reason = f"event {last_id + 1} is missing: the head records {head[0]} events"
            return VerifyResult(False, last_id + 1, reason, count)
        return VerifyResult(False, head[0] or 1, "the chain head does not match", count)
    a = AuditAnchor.__table__.c
    anchor = conn.execute(
        select(a.last_event_id, a.event_count, a.head_hash).where(a.id == HEAD_ID)
    ).first()
    if anchor is None:
        if count:
            return VerifyResult(False, 1, "the chain's anchor is missing", count)
    elif (anchor[0], anchor[1], anchor[2]) != (last_id, count, last_hash):
        if anchor[0] > last_id:
            reason = (
                f"event {last_id + 1} is missing: the chain was cut off "
                f"(the anchor records {anchor[1]} events ending at event {anchor[0]})"
            )
            return VerifyResult(False, last_id + 1, reason, count)
        return VerifyResult(False, anchor[0] or 1, "the chain's anchor does not match", count)
    reason = f"{count} events intact" if count else "no events"
    return VerifyResult(True, None, reason, count, last_hash)


def _decision_problems(session: Session, replay: _Replay) -> list[Problem]:
    from reviewer.decisions.snapshot import LATER_FIELDS, decision_state
    from reviewer.decisions.store import target_of

    out: list[Problem] = []
    seen: set[str] = set()
    for row in session.scalars(select(Decision).order_by(Decision.id)).yield_per(1000):
        target = target_of(row)
        seen.add(target)
        state = decision_state(row)
        known = replay.decisions.get(target)
        if known is None:
            out.append(Problem("decisions", target, "inserted"))
            continue
        text = canonical(state)
        if text != known[0]:
            after = json.loads(known[0])
            if isinstance(after, dict):
                # An event written before a field existed implies that field's default.
                after = {**{k: v for k, v in LATER_FIELDS.items() if k in state}, **after}
            if canonical(after) != text:
                out.append(Problem("decisions", target, "edited", known[1]))
        session.expunge(row)
    for target, (after, ev_id) in replay.decisions.items():
        if target not in seen and after != "null":
            out.append(Problem("decisions", target, "deleted", ev_id))
    return out


def _keyed_problems(
    table: str, rows: Iterator[tuple[int, str]], known: dict[int, tuple[str | None, int]]
) -> list[Problem]:
    out: list[Problem] = []
    seen: set[int] = set()
    for key, text in rows:
        seen.add(key)
        expected = known.get(key)
        if expected is None or expected[0] is None:
            out.append(Problem(table, str(key), "inserted", expected[1] if expected else None))
        elif expected[0] != text:
            out.append(Problem(table, str(key), "edited", expected[1]))
    for key, (state, ev_id) in known.items():
        if key not in seen and state is not None:
            out.append(Problem(table, str(key), "deleted", ev_id))
    return out


def hidden_tables(session: Session) -> tuple[str, ...]:
    """Tables the login sees only in part: a team reviewer does not see second reviews
    until their check is complete (row-level security), so it cannot check them."""
    from reviewer.team.identity import current_identity

    return ("qa_reviews",) if current_identity(session).group == "reviewer" else ()


def _row_problems(session: Session, replay: _Replay) -> list[Problem]:
    from reviewer.decisions.snapshot import hold_state, redaction_state

    conn = session.connection()
    problems = _decision_problems(session, replay)
    holds = (
        (h.id, canonical(hold_state(h)))
        for h in session.scalars(select(Hold).order_by(Hold.id)).yield_per(1000)
    )
    problems += _keyed_problems("holds", holds, {k: v for k, v in replay.holds.items()})
    reds = (
        (r.id, canonical(redaction_state(r)))
        for r in session.scalars(select(Redaction).order_by(Redaction.id)).yield_per(1000)
    )
    problems += _keyed_problems("redactions", reds, replay.redactions)
    hidden = hidden_tables(session)
    for table in SEALED:
        if table in hidden:
            continue
        current = ((k, canonical(s)) for k, s in states(conn, table))
        problems += _keyed_problems(table, current, replay.rows.get(table, {}))
    return problems


def verify(session: Session) -> VerifyResult:
    """Check the chain, then rebuild the covered tables from it and compare; read-only."""
    conn = session.connection()
    replay = _Replay()
    result = _walk(conn, replay)
    if not result.ok:
        h = AuditHead.__table__.c
        claimed = conn.execute(select(h.head_hash).where(h.id == HEAD_ID)).scalar()
        return VerifyResult(False, result.first_bad_event_id, result.reason, result.events, claimed)
    problems = tuple(_row_problems(session, replay))
    unchecked = hidden_tables(session)
    if not problems:
        return replace(result, unchecked=unchecked)
    first = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return VerifyResult(
        False,
        first.event_id,
        f"{first}{more}",
        result.events,
        result.head_hash,
        problems,
        unchecked,
    )


def event_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)
