"""Conflicts shown where they are made: held destroy decisions, and copies or families whose
closures disagree. One Qt-free function the queue, `holds list`, the reports and the export
readiness check all read, so a conflict says the same thing everywhere.

- **held: destroy suspended** — decided destroy, then a legal hold came to cover the record.
- **closure differs from its copies** — exact copies (same SHA-256) with different closures:
  one closed, another open (or open with redactions), so the transfer would open what is closed.
- **closure differs from its family** — an e-mail or container opened in full while something
  inside it is closed or redacted: the parent's file carries the child's bytes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.records import Record
from reviewer.decisions.holds import HoldView, destroy_conflicts
from reviewer.decisions.resolve import Resolver
from reviewer.decisions.types import DecisionView

HELD_DESTROY = "held: destroy suspended"
COPY_CONFLICT = "closure differs from its copies"
FAMILY_CONFLICT = "closure differs from its family"


@dataclass(frozen=True)
class Marker:
    """One conflict on one record: `kind` is one of the texts above; `detail` names the others."""

    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}" if self.detail else self.kind


def closure_of(view: DecisionView) -> str | None:
    """The closure a record goes out with: Open, Open with redactions, Closed; None undecided."""
    if view.closure_status is None:
        return None
    if view.redacted or view.redact_labels:
        return "Open with redactions"
    return view.closure_status


def held_destroy(session: Session, collection_id: int) -> dict[int, list[HoldView]]:
    """Records decided destroy that a hold in force covers: their destruction is suspended."""
    return destroy_conflicts(session, collection_id)


def _copy_groups(session: Session, collection_id: int) -> list[list[tuple[int, str]]]:
    dup = (
        select(Record.sha256)
        .where(Record.collection_id == collection_id, Record.sha256.is_not(None), Record.size > 0)
        .group_by(Record.sha256)
        .having(func.count() > 1)
    )
    stmt = (
        select(Record.sha256, Record.id, Record.path)
        .where(Record.collection_id == collection_id, Record.sha256.in_(dup))
        .order_by(Record.path)
    )
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for sha, rid, path in session.execute(stmt):
        groups[sha or ""].append((rid, path))
    return list(groups.values())


def _families(session: Session, collection_id: int) -> dict[int, list[int]]:
    """parent id -> every descendant id, for records that contain others."""
    stmt = select(Record.id, Record.parent_id).where(
        Record.collection_id == collection_id, Record.parent_id.is_not(None)
    )
    children: dict[int, list[int]] = defaultdict(list)
    for rid, parent in session.execute(stmt):
        if parent is not None:
            children[parent].append(rid)
    out: dict[int, list[int]] = {}
    for parent in children:
        seen, todo = [], list(children[parent])
        while todo:
            rid = todo.pop()
            if rid not in seen:
                seen.append(rid)
                todo.extend(children.get(rid, ()))
        out[parent] = seen
    return out


def record_markers(session: Session, collection_id: int) -> dict[int, tuple[Marker, ...]]:
    """Every conflict of the collection, by record id (records without one are left out)."""
    out: dict[int, list[Marker]] = defaultdict(list)
    for rid, holds in held_destroy(session, collection_id).items():
        names = ", ".join(f"'{h.name}'" for h in holds)
        out[rid].append(Marker(HELD_DESTROY, f"decided destroy, now under legal hold {names}"))
    groups = _copy_groups(session, collection_id)
    families = _families(session, collection_id)
    wanted = {rid for g in groups for rid, _ in g} | set(families)
    wanted |= {rid for kids in families.values() for rid in kids}
    if not wanted:
        return {k: tuple(v) for k, v in out.items()}
    resolver = Resolver(session, collection_id, wanted)
    closure = {rid: closure_of(resolver.view(rid)) for rid in wanted}
    path = {rid: resolver.records[rid][1] for rid in wanted if rid in resolver.records}
    for group in groups:
        decided = {closure[rid] for rid, _ in group if closure[rid] is not None}
        if len(decided) < 2:
            continue
        for rid, _ in group:
            others = "; ".join(f"{p} is {closure[o] or 'undecided'}" for o, p in group if o != rid)
            out[rid].append(
                Marker(COPY_CONFLICT, f"this copy is {closure[rid] or 'undecided'}, {others}")
            )
    for parent, kids in families.items():
        if closure.get(parent) != "Open":
            continue
        hidden = [k for k in kids if closure.get(k) in ("Closed", "Open with redactions")]
        if not hidden:
            continue
        names = "; ".join(f"{path.get(k, k)} is {closure[k]}" for k in hidden)
        out[parent].append(Marker(FAMILY_CONFLICT, f"opened in full while {names}"))
        for k in hidden:
            out[k].append(
                Marker(FAMILY_CONFLICT, f"{closure[k]}, but {path.get(parent, parent)} is Open")
            )
    return {k: tuple(v) for k, v in out.items()}
