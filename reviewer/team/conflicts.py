"""Optimistic concurrency for decisions: the second of two conflicting saves is told what changed.

A reviewer opens a record at decision version N and saves with `expected_version=N`. Before a
decision row is changed the audit chain head is locked (`SELECT ... FOR UPDATE` on PostgreSQL,
SQLite's single writer lock otherwise) and the row is read again as committed now, so two
concurrent saves are strictly ordered and the later one sees the earlier one's version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit import AuditEvent
from models.decisions import Decision
from reviewer.audit.chain import lock_head
from reviewer.decisions.types import DecisionError

# Fields whose values are codes or flags, safe to show; other fields (free text) only by name.
SHOWN_VALUES = frozenset(
    {
        "appraisal",
        "criteria",
        "closure_status",
        "redacted",
        "exemptions",
        "closure_start_date",
        "closure_start_rule",
        "foi_schedule_date",
        "title_closed",
        "description_closed",
        "record_date",
    }
)
BOOKKEEPING = frozenset(
    {"version", "appraised_by", "appraised_role", "reviewed_by", "reviewed_role"}
)


@dataclass(frozen=True)
class Change:
    """One field changed by someone else: its value when opened and now."""

    field: str
    before: Any
    after: Any

    def describe(self) -> str:
        if self.field in SHOWN_VALUES:
            return f"{self.field} {_show(self.before)} → {_show(self.after)}"
        return f"{self.field} edited"


def _show(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "(none)"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value)


class DecisionConflict(DecisionError):
    """The decision was changed by someone else since it was opened; nothing was saved."""

    def __init__(
        self,
        target: str,
        opened_version: int,
        current_version: int,
        changed_by: str,
        changed_role: str,
        changed_at: datetime | None,
        changes: tuple[Change, ...],
    ) -> None:
        when = changed_at.strftime("%Y-%m-%d %H:%M:%S UTC") if changed_at else "an unknown time"
        what = "; ".join(c.describe() for c in changes) or "no field differs"
        role = f" ({changed_role})" if changed_role else ""
        message = (
            f"the decision on {target.replace(':', ' ', 1)} was changed by someone else since "
            f"you opened it: changed by {changed_by}{role} at {when} (you opened version "
            f"{opened_version}, it is now {current_version}); what changed: {what}. "
            "Nothing was saved: reload it and decide again"
        )
        super().__init__([message])
        self.target = target
        self.opened_version = opened_version
        self.current_version = current_version
        self.changed_by = changed_by
        self.changed_role = changed_role
        self.changed_at = changed_at
        self.changes = changes


def lock_current_row(
    session: Session,
    row: Decision | None,
    *,
    collection_id: int,
    record_id: int | None,
    scope: str | None,
) -> Decision | None:
    """Lock the chain head, then the decision row as committed now (None if there is none yet)."""
    lock_head(session)
    if session.get_bind().dialect.name != "postgresql":
        return row  # SQLite: one writer at a time, and `row` was read in this transaction
    if record_id is not None:
        stmt = select(Decision).where(Decision.record_id == record_id)
    else:
        stmt = select(Decision).where(
            Decision.collection_id == collection_id,
            Decision.record_id.is_(None),
            Decision.scope_path == scope,
        )
    with session.no_autoflush:
        fresh = session.scalars(stmt.execution_options(populate_existing=True)).first()
    return fresh if fresh is not None else row


def conflict(session: Session, row: Decision, target: str, opened_version: int) -> DecisionConflict:
    """Describe the changes made to `row` after version `opened_version`, from its events."""
    stmt = select(AuditEvent).where(AuditEvent.target == target).order_by(AuditEvent.id)
    if row.record_id is not None:
        stmt = stmt.where(AuditEvent.record_id == row.record_id)
    later: list[AuditEvent] = []
    opened: dict[str, Any] = {}
    for ev in session.scalars(stmt):
        after = json.loads(ev.after) if ev.after else None
        version = after.get("version", 0) if isinstance(after, dict) else 0
        if version == opened_version and isinstance(after, dict):
            opened = after
        elif version > opened_version:
            later.append(ev)
    if not later:
        return DecisionConflict(target, opened_version, row.version, "someone else", "", None, ())
    now = json.loads(later[-1].after)
    changes = tuple(
        Change(key, opened.get(key), now.get(key))
        for key in sorted(set(opened) | set(now))
        if key not in BOOKKEEPING
        and opened.get(key) != now.get(key)
        and (opened or now.get(key) not in (None, "", [], False))
    )
    last = later[-1]
    return DecisionConflict(
        target, opened_version, row.version, last.actor, last.role, last.at, changes
    )
