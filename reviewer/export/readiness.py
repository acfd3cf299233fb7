"""Export readiness that tells the truth: one Qt-free check for the GUI's export dialog and
`reviewer export transfer --check`.

Every record of the collection ends up in exactly one place, so the summary adds up:
- **transfers**: selected, nothing stops it; counted as open, open with redactions or closed;
- **refused**: selected, but something stops the whole transfer (each reason listed);
- **left out**: not going, and why (no appraisal, not selected, destroyed, held).
`records = transfers + refused + left out` and `transfers = open + open with redactions + closed`.
Missing bag-info fields and problems of the collection as a whole are listed too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import Record
from models.session import Store
from reviewer.csv_cells import formula_like
from reviewer.decisions.markers import (
    COPY_CONFLICT,
    FAMILY_CONFLICT,
    HELD_DESTROY,
    closure_of,
    record_markers,
)
from reviewer.decisions.store import all_decisions
from reviewer.export.bag import BagInfo
from reviewer.export.history_check import history_problems
from reviewer.export.plan import ExportProblem, plan_transfer
from reviewer.export.scan_check import open_unlooked, played_ids, scanned_ids
from reviewer.records_view import collection_by_name

# Why a record is not in the bag (left out), or why it stops the transfer (refused).
EXCLUDED = "excluded"
NO_APPRAISAL = "no appraisal"
NOT_SELECTED = "not selected"
DESTROYED = "destroyed"
HELD = "held"
UNSCANNED = "unscanned"
UNSCANNABLE = "unscannable"
UNPLAYED = "unplayed"  # a recording nobody played in the viewer (reviewer.viewings)
CONFLICTS = "conflicts with its copies"
FAMILY = "conflicts with its family"
NO_SENSITIVITY = "no sensitivity decision"
BREAKS_RULES = "breaks TDR's rules"
CLOSURE_ENDED = "closure ended"  # Closed, but its period ran out before the export


@dataclass(frozen=True)
class RecordIssue:
    """One record that is not transferred (left out) or that stops the transfer (refused)."""

    record_id: int | None
    path: str
    reason: str  # one of the constants above
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "path": self.path,
            "reason": self.reason,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Readiness:
    collection: str
    records: int
    open: int
    open_with_redactions: int
    closed: int
    left_out: tuple[RecordIssue, ...]
    refused: tuple[RecordIssue, ...]  # one per problem; a record may have several
    problems: tuple[str, ...] = ()  # of the transfer as a whole (no record selected...)
    missing_bag_info: tuple[str, ...] = field(default_factory=tuple)
    # (path, "code: years; ...", justification): closures outside the usual periods, as justified
    justified_periods: tuple[tuple[str, str, str], ...] = ()
    # Paths a spreadsheet would take for a formula (= + - @ tab CR): metadata.csv keeps them
    # exact, as TDR needs, so whoever opens it should open it as text.
    formula_paths: tuple[str, ...] = ()

    @property
    def transfers(self) -> int:
        return self.open + self.open_with_redactions + self.closed

    @property
    def refused_records(self) -> int:
        return len({r.record_id for r in self.refused})

    @property
    def ready(self) -> bool:
        return not self.refused and not self.problems

    def summary(self) -> dict[str, int]:
        left = Counter(r.reason for r in self.left_out)
        refused = Counter(r.reason for r in self.refused)
        return {
            "records": self.records,
            "transfers": self.transfers,
            "open": self.open,
            "open_with_redactions": self.open_with_redactions,
            "closed": self.closed,
            "refused": self.refused_records,
            "left_out": len(self.left_out),
            **{f"left_out_{k.replace(' ', '_')}": v for k, v in sorted(left.items())},
            **{f"refused_{k.replace(' ', '_')}": v for k, v in sorted(refused.items())},
        }

    def sentence(self) -> str:
        """The summary in words, numbers that add up (no personal data)."""
        head = (
            f"{self.records} record(s): {self.transfers} to transfer ({self.open} open, "
            f"{self.open_with_redactions} open with redactions, {self.closed} closed), "
            f"{self.refused_records} refused, {len(self.left_out)} left out."
        )
        if self.ready:
            return f"Ready to export. {head}"
        n = len(self.refused) + len(self.problems)
        return f"Not ready: {n} problem(s) stop the transfer. {head}"

    def formula_note(self) -> str:
        """One plain line about names a spreadsheet would run, or "" when there are none."""
        if not self.formula_paths:
            return ""
        return (
            f"{len(self.formula_paths)} name(s) start with = + - @, a tab or CR: metadata.csv "
            "keeps them exact, as TDR needs, so open it as text, not in a spreadsheet."
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "collection": self.collection,
            "ready": self.ready,
            "summary": self.summary(),
            "refused": [r.as_dict() for r in self.refused],
            "left_out": [r.as_dict() for r in self.left_out],
            "problems": list(self.problems),
            "missing_bag_info": list(self.missing_bag_info),
            "justified_periods": [
                {"path": p, "exemptions": e, "justification": j}
                for p, e, j in self.justified_periods
            ],
            "formula_paths": list(self.formula_paths),
        }


def _left_out(view: Any, markers: tuple[Any, ...]) -> tuple[str, str] | None:
    if view is None or view.appraisal is None:
        closure = closure_of(view) if view is not None else None
        hint = f" (it has a closure: {closure})" if closure else ""
        return NO_APPRAISAL, f"no appraisal decision{hint}: only records selected are transferred"
    if view.appraisal == "select":
        return None
    if view.appraisal == "destroy":
        held = [m for m in markers if m.kind == HELD_DESTROY]
        if held:
            return HELD, str(held[0])
        return DESTROYED, "decided destroy"
    return NOT_SELECTED, f"appraised {view.appraisal}"


def _refusal(
    problem: ExportProblem, record: Record | None, view: Any, scanned: bool, played: bool
) -> str:
    reason = problem.reason
    if record is not None and view is not None:
        unlooked = open_unlooked(record, view, scanned, played)
        if unlooked is not None and unlooked[1] == reason:
            return unlooked[0]
    if reason.startswith(COPY_CONFLICT) or "an exact copy of" in reason:
        return CONFLICTS
    if reason.startswith(FAMILY_CONFLICT):
        return FAMILY
    if reason.startswith("no sensitivity decision"):
        return NO_SENSITIVITY
    if reason.startswith("the closure ended on"):
        return CLOSURE_ENDED
    return BREAKS_RULES


def check_session(session: Session, collection_name: str, info: BagInfo | None = None) -> Readiness:
    """The readiness of one collection, read from the store (no file is opened)."""
    from reviewer.export.transfer import metadata_problems

    collection = collection_by_name(session, collection_name)
    records = {
        r.id: r
        for r in session.scalars(
            select(Record).where(Record.collection_id == collection.id).order_by(Record.path)
        )
    }
    views = all_decisions(session, collection.id)
    markers = record_markers(session, collection.id)
    plan = plan_transfer(session, collection_name)
    problems = list(plan.problems)
    if not problems:
        problems = metadata_problems(plan)
    problems = history_problems(session) + problems
    scanned = scanned_ids(session, records)
    played = played_ids(session, records.values())
    left: list[RecordIssue] = []
    for rid, record in records.items():
        why = (
            (EXCLUDED, "a system file TDR excludes (e.g. Thumbs.db)")
            if record.status == "excluded"
            else _left_out(views.get(rid), markers.get(rid, ()))
        )
        if why is not None:
            left.append(RecordIssue(rid, record.path, *why))
    refused: list[RecordIssue] = []
    whole: list[str] = []
    for p in problems:
        if p.record_id is None:
            whole.append(str(p))
            continue
        found = records.get(p.record_id)
        reason = _refusal(
            p, found, views.get(p.record_id), p.record_id in scanned, p.record_id in played
        )
        refused.append(RecordIssue(p.record_id, p.path, reason, p.reason))
    stopped = {r.record_id for r in refused}
    going = Counter(
        closure_of(item.decision) for item in plan.items if item.record_id not in stopped
    )
    info = info or BagInfo(internal_sender_identifier=collection_name)
    return Readiness(
        collection=collection_name,
        records=len(records),
        open=going.get("Open", 0),
        open_with_redactions=going.get("Open with redactions", 0),
        closed=going.get("Closed", 0),
        left_out=tuple(left),
        refused=tuple(refused),
        problems=tuple(whole),
        missing_bag_info=tuple(info.missing()),
        justified_periods=tuple(
            (
                item.path,
                "; ".join(f"{c}: {p} years" for c, p in item.decision.exemptions),
                item.decision.period_justification,
            )
            for item in plan.items
            if item.decision.period_justification and item.decision.closure_status == "Closed"
        ),
        formula_paths=tuple(
            item.path
            for item in plan.items
            if formula_like(item.name) or any(map(formula_like, item.path.split("/")))
        ),
    )


def check(store: Store, collection_name: str, info: BagInfo | None = None) -> Readiness:
    """`check_session` in a session of its own (for a background task)."""
    with store.session() as session:
        return check_session(session, collection_name, info)


def _said_once(reason: str, detail: str) -> str:
    """ "reason: detail", without saying the reason twice when the detail starts with it."""
    return detail if detail.startswith(reason) else f"{reason}: {detail}"


def as_problems(readiness: Readiness) -> list[ExportProblem]:
    """Every row a reviewer should see, as (record, path, text): what stops the transfer first,
    then the whole transfer's problems, then each record left out and why."""
    rows = [
        ExportProblem(r.record_id, r.path, _said_once(r.reason, r.detail))
        for r in readiness.refused
    ]
    rows += [ExportProblem(None, "", p) for p in readiness.problems]
    rows += [
        ExportProblem(r.record_id, r.path, f"left out ({r.reason}): {r.detail}")
        for r in readiness.left_out
    ]
    return rows
