"""Which records a folder's sensitivity decision would break, checked with each record's dates.

A folder decision is checked once without dates, but TDR checks the closure start date of every
record against that record's own date (closure start = the date of the record, else its last
modified date, or 31 December of that year). A fixed start date inherited by records of different
years therefore fails for some of them; a start rule ("record_date"|"year_end") resolves per
record instead. Only records that would inherit the folder's decision are checked: records (or
nearer folders, or parent records) with a sensitivity decision of their own keep it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import Record
from reviewer.decisions.resolve import Resolver, normalise_scope

SHOWN = 20  # conflicts named in a refusal; the rest are counted
START_DATE_WORDS = "closure start date"


@dataclass(frozen=True)
class RecordConflict:
    """One record the folder decision would not be valid for, and TDR's reason."""

    record_id: int
    path: str
    reason: str

    @property
    def start_date(self) -> bool:
        """The conflict is the start-date rule (a start rule fixes it)."""
        return START_DATE_WORDS in self.reason


def records_under(session: Session, collection_id: int, scope: str) -> list[int]:
    stmt = select(Record.id).where(Record.collection_id == collection_id)
    if scope:
        stmt = stmt.where(Record.path.startswith(scope + "/", autoescape=True))
    return list(session.scalars(stmt))


def inheriting_records(resolver: Resolver, record_ids: Sequence[int], scope: str) -> list[int]:
    """Records whose sensitivity would come from the folder `scope` once it has a decision."""
    out = []
    for rid in record_ids:
        _, sen = resolver.sources(rid)
        if sen is None or (sen[0][2] is None and sen[0][0] <= len(scope)):
            out.append(rid)
    return out


def folder_sensitivity_conflicts(
    session: Session, collection_id: int, folder: str, **fields: Any
) -> list[RecordConflict]:
    """Records under `folder` that would inherit `fields` (save_sensitivity's keyword arguments)
    and for which TDR would refuse them, each with its reason; empty when all would pass."""
    from reviewer.decisions.save import record_rule_problems

    scope = normalise_scope(folder)
    if fields.get("closure_status") != "Closed":
        return []
    ids = records_under(session, collection_id, scope)
    resolver = Resolver(session, collection_id, ids)
    out: list[RecordConflict] = []
    for rid in inheriting_records(resolver, ids, scope):
        own = resolver.by_record.get(rid)
        problems = record_rule_problems(
            fields,
            record_date=own.record_date if own is not None else None,
            date_last_modified=resolver.last_modified(rid),
            description=own.description or "" if own is not None else "",
        )
        path = resolver.records[rid][1]
        out.extend(RecordConflict(rid, path, p) for p in problems)
    return sorted(out, key=lambda c: c.path)


def conflict_problems(conflicts: Sequence[RecordConflict]) -> list[str]:
    """A refusal's lines: the first records by id (never their text), a count, and the remedy."""
    records = list(dict.fromkeys(c.record_id for c in conflicts))
    shown = set(records[:SHOWN])
    lines = [f"record {c.record_id}: {c.reason}" for c in conflicts if c.record_id in shown]
    if len(records) > SHOWN:
        lines.append(f"... and {len(records) - SHOWN} more record(s)")
    if any(c.start_date for c in conflicts):
        lines.append(
            f"{len(records)} record(s) would break TDR's start-date rule: use "
            "closure_start_rule='record_date' (start date from each record's date) or "
            "'year_end' (31 December of its year) instead of one date"
        )
    return lines
