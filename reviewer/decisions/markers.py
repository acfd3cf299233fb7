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
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.decisions import Decision
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


def _closure_of_part(sen: dict[str, Any] | None) -> str | None:
    """`closure_of` from the resolver's sensitivity values (no whole view built)."""
    if sen is None or sen["closure_status"] is None:
        return None
    if sen["redacted"] or sen["redact_labels"]:
        return "Open with redactions"
    return str(sen["closure_status"])


def _any_closure(session: Session, collection_id: int) -> bool:
    stmt = select(Decision.id).where(
        Decision.collection_id == collection_id, Decision.closure_status.is_not(None)
    )
    return session.scalar(stmt.limit(1)) is not None


def held_destroy(session: Session, collection_id: int) -> dict[int, list[HoldView]]:
    """Records decided destroy that a hold in force covers: their destruction is suspended."""
    return destroy_conflicts(session, collection_id)


def _copies_and_families(
    session: Session, collection_id: int
) -> tuple[list[list[int]], dict[int, list[int]]]:
    """Groups of exact copies (same SHA-256, not empty) and parent id -> every descendant id,
    from one read of the collection's records."""
    stmt = select(Record.id, Record.parent_id, Record.sha256, Record.size).where(
        Record.collection_id == collection_id
    )
    by_sha: dict[str, list[int]] = defaultdict(list)
    children: dict[int, list[int]] = defaultdict(list)
    for rid, parent, sha, size in session.execute(stmt):
        if sha and size:
            by_sha[sha].append(rid)
        if parent is not None:
            children[parent].append(rid)
    families: dict[int, list[int]] = {}
    for parent in children:
        seen: list[int] = []
        todo = list(children[parent])
        while todo:
            rid = todo.pop()
            if rid not in seen:
                seen.append(rid)
                todo.extend(children.get(rid, ()))
        families[parent] = seen
    return [sorted(g) for g in by_sha.values() if len(g) > 1], families


def _may_have_closure(
    session: Session, collection_id: int, families: dict[int, list[int]]
) -> set[int] | None:
    """Records that have a closure of their own or from a parent record; None when a folder
    decision closes records (then any record may have one)."""
    rows = session.execute(
        select(Decision.record_id).where(
            Decision.collection_id == collection_id, Decision.closure_status.is_not(None)
        )
    ).all()
    own = {rid for (rid,) in rows if rid is not None}
    if len(own) < len(rows):  # a folder decision closes records
        return None
    return own | {kid for parent in own for kid in families.get(parent, ())}


def _sensitivity_part(resolver: Resolver, record_id: int) -> dict[str, Any] | None:
    if record_id not in resolver.records:
        return None
    sen = resolver.sources(record_id)[1]
    return sen[1] if sen is not None else None


def record_markers(session: Session, collection_id: int) -> dict[int, tuple[Marker, ...]]:
    """Every conflict of the collection, by record id (records without one are left out)."""
    out: dict[int, list[Marker]] = defaultdict(list)
    for rid, holds in held_destroy(session, collection_id).items():
        names = ", ".join(f"'{h.name}'" for h in holds)
        out[rid].append(Marker(HELD_DESTROY, f"decided destroy, now under legal hold {names}"))
    if not _any_closure(session, collection_id):  # nothing closed anywhere: no closure conflict
        return {k: tuple(v) for k, v in out.items()}
    groups, families = _copies_and_families(session, collection_id)
    maybe = _may_have_closure(session, collection_id, families)
    if maybe is not None:  # no folder closes anything: only records (or parents) decided count
        groups = [g for g in groups if sum(1 for rid in g if rid in maybe) >= 2]
        families = {
            p: kids for p, kids in families.items() if p in maybe and any(k in maybe for k in kids)
        }
    wanted = {rid for g in groups for rid in g} | set(families)
    wanted |= {rid for kids in families.values() for rid in kids}
    if not wanted:
        return {k: tuple(v) for k, v in out.items()}
    resolver = Resolver(session, collection_id, wanted)
    closure = {rid: _closure_of_part(_sensitivity_part(resolver, rid)) for rid in wanted}
    path = {rid: resolver.records[rid][1] for rid in wanted if rid in resolver.records}
    for ids in groups:
        decided = {closure[rid] for rid in ids if closure[rid] is not None}
        if len(decided) < 2:
            continue
        group = sorted(((rid, path.get(rid, "")) for rid in ids), key=lambda g: g[1])
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
