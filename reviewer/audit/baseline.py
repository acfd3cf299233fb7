"""A baseline: the store's present state accepted into the history, by name, with a reason.

A store made before sealing existed (migration 0008_team_proof) has records, spans and lists
the history never saw, so `verify` reports them all as changed outside the tool. A baseline
appends, for every row the history does not account for, its present state (`None` for a row
gone), so `verify` passes from then on. It mends nothing silently: it refuses a broken chain
(an edited or missing event is never accepted), only the administrator (or a single-user
workstation) may take one, and each baseline stays in the history with who took it, when, why
and how many rows it accepted; `verify` lists them all.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.decisions import Decision, Hold, Redaction
from reviewer.audit.chain import append_event
from reviewer.audit.seal import ROWS_KIND, SEALED, states
from reviewer.audit.verify import Problem, verify

BASELINE_TARGET = "baseline"
BASELINE_ROLE = "admin"


class BaselineRefused(Exception):
    """Why no baseline was taken (one line for the user)."""


@dataclass(frozen=True)
class BaselineResult:
    event_id: int | None  # None: nothing to accept
    accepted: dict[str, int]  # table -> rows accepted


def _present_states(
    session: Session, problems: tuple[Problem, ...]
) -> dict[str, dict[str, object]]:
    """Table -> key -> the row's state now (None when it is gone), for each problem row."""
    from reviewer.decisions.snapshot import decision_state, hold_state, redaction_state
    from reviewer.decisions.store import target_of

    conn = session.connection()
    out: dict[str, dict[str, object]] = {}
    by_table: dict[str, list[Problem]] = {}
    for p in problems:
        by_table.setdefault(p.table, []).append(p)
    for table, rows in by_table.items():
        if table in SEALED:
            keys = [int(p.key) for p in rows]
            found = dict(states(conn, table, keys))
            out[table] = {str(k): found.get(k) for k in keys}
        elif table == "decisions":
            wanted = {p.key for p in rows}
            now = {
                target_of(d): decision_state(d)
                for d in session.scalars(select(Decision))
                if target_of(d) in wanted
            }
            out[table] = {key: now.get(key) for key in wanted}
        elif table == "holds":
            ids = [int(p.key) for p in rows]
            held = {
                h.id: hold_state(h) for h in session.scalars(select(Hold).where(Hold.id.in_(ids)))
            }
            out[table] = {str(i): held.get(i) for i in ids}
        elif table == "redactions":
            ids = [int(p.key) for p in rows]
            marked = {
                r.id: redaction_state(r)
                for r in session.scalars(select(Redaction).where(Redaction.id.in_(ids)))
            }
            out[table] = {str(i): marked.get(i) for i in ids}
    return out


def take_baseline(session: Session, actor: str, reason: str) -> BaselineResult:
    """Accept every row `verify` reports into the history (see the module's docstring)."""
    from reviewer.team.identity import current_identity

    reason = reason.strip()
    if not reason:
        raise BaselineRefused("a baseline needs a reason (e.g. 'store made before release 0.8')")
    ident = current_identity(session)
    if ident.group in ("reviewer", "checker"):
        raise BaselineRefused(
            f"only the administrator may take a baseline (login {ident.name} is a {ident.group})"
        )
    result = verify(session)
    if not result.problems and not result.ok:
        raise BaselineRefused(
            f"the history itself is broken at event {result.first_bad_event_id} "
            f"({result.reason}): a baseline never accepts an altered or missing event"
        )
    if result.ok:
        return BaselineResult(None, {})
    present = _present_states(session, result.problems)
    rows = {t: states_ for t, states_ in present.items() if t in SEALED}
    if rows:
        ev = append_event(
            session,
            actor=actor,
            role=BASELINE_ROLE,
            kind=ROWS_KIND,
            target=BASELINE_TARGET,
            before={"reason": reason},
            after=rows,
        )
        first_id = ev.id
    else:
        first_id = None
    # Decisions, holds and redactions carry their state in events of their own target.
    prefix = {"decisions": "", "holds": "hold:", "redactions": "redaction:"}
    for table in ("decisions", "holds", "redactions"):
        for key, state in present.get(table, {}).items():
            ev = append_event(
                session,
                actor=actor,
                role=BASELINE_ROLE,
                kind=BASELINE_TARGET,
                target=f"{prefix[table]}{key}",
                before={"reason": reason},
                after=state,
            )
            first_id = first_id or ev.id
    session.flush()
    return BaselineResult(first_id, dict(Counter(p.table for p in result.problems)))


def baseline_events(session: Session) -> list[dict[str, object]]:
    """Every baseline in the history: event, who, when, why and how many rows it accepted."""
    from models.audit import AuditEvent

    out: list[dict[str, object]] = []
    query = select(AuditEvent).where(AuditEvent.role == BASELINE_ROLE).order_by(AuditEvent.id)
    for ev in session.scalars(query):
        if ev.target != BASELINE_TARGET and ev.kind != BASELINE_TARGET:
            continue
        before = json.loads(ev.before) if isinstance(ev.before, str) else ev.before
        after = json.loads(ev.after) if isinstance(ev.after, str) else ev.after
        rows = sum(len(v) for v in after.values()) if ev.kind == ROWS_KIND and after else 1
        out.append(
            {
                "event_id": ev.id,
                "by": ev.actor,
                "at": ev.at.isoformat(timespec="seconds"),
                "reason": (before or {}).get("reason", ""),
                "rows": rows,
            }
        )
    return out
