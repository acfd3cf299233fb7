"""`reviewer decisions import`: a returned decisions table, checked row by row, saved in bulk.

Everything a row needs is read once (paths, the collection's decisions, holds, the criteria of
its kind), each row is checked whole in memory with the same rules as the single-record API, and
only a row with no problem is applied: one audit event per part it changes (date of the record,
description, appraisal, sensitivity), written in batches. A bad row is reported with its line
number and reason and changes nothing; a row only ever adds to what is stored (an empty cell
leaves that part as it is).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.decisions import Decision
from models.records import Record
from reviewer.decisions.criteria import criterion_ids
from reviewer.decisions.exemptions import allowed_codes
from reviewer.decisions.holds import HoldView, active_holds_for
from reviewer.decisions.resolve import Resolver
from reviewer.decisions.save import appraisal_changes, record_rule_problems, sensitivity_changes
from reviewer.decisions.store import (
    DESCRIPTION_MAX,
    apply_change,
    check_actor,
    collection_kind,
    record_date_problems,
)
from reviewer.decisions.table import date_cell, parse_date, parse_row_sensitivity, split_list
from reviewer.decisions.table_conflicts import (
    DecisionConflict,
    changed_since_export,
    conflict_values,
    given,
)
from reviewer.decisions.table_qa import QA_ROLE, save_checker_review
from reviewer.decisions.types import APPRAISALS, Actor, DecisionError, DecisionView
from reviewer.ingest.storable import storable

BATCH = 500  # rows between flushes


@dataclass
class ImportReport:
    rows: int = 0
    saved: int = 0
    unchanged: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)
    # (line, what is stored, what the file says): the stored decision was kept.
    conflicts: list[tuple[int, dict[str, Any], dict[str, Any]]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "saved": self.saved,
            "unchanged": self.unchanged,
            "rejected": len(self.problems),
            "problems": [{"line": n, "reason": r} for n, r in self.problems],
            "conflicts": [
                {"line": n, "stored": stored, "file": given} for n, stored, given in self.conflicts
            ],
        }


def same_sensitivity(v: DecisionView, s: dict[str, Any]) -> bool:
    return (
        v.closure_status == s["closure_status"]
        and v.redact_labels == tuple(s["redact_labels"])
        and v.exemptions == tuple(s["exemptions"])
        and v.closure_start_date == s["closure_start_date"]
        and v.foi_schedule_date == s["foi_schedule_date"]
        and v.title_closed == s["title_closed"]
        and v.title_alternate == s["title_alternate"].strip()
        and v.description_closed == s["description_closed"]
        and v.description_alternate == s["description_alternate"].strip()
        and v.period_justification == s["period_justification"]
    )


@dataclass
class _Plan:
    """What one good row changes, as (event kind, changes) in the order they are applied."""

    record_id: int
    actor: Actor
    parts: list[tuple[str, dict[str, Any]]]
    sensitivity: dict[str, Any] | None = None  # as read, for a checker's (qa) row


class _Importer:
    """The collection as read once, kept current as rows are applied."""

    def __init__(self, session: Session, collection_id: int) -> None:
        self.session = session
        self.collection_id = collection_id
        stmt = select(Record.path, Record.id).where(Record.collection_id == collection_id)
        self.paths: dict[str, int] = {path: rid for path, rid in session.execute(stmt)}
        self.resolver = Resolver(session, collection_id)
        self.criteria = criterion_ids(collection_kind(session, collection_id))
        self._holds: dict[int, list[HoldView]] | None = None
        # On PostgreSQL `apply_change` re-reads each row as committed (team mode), which would
        # drop a row's unflushed change: flush after each part there.
        self.flush_each = session.get_bind().dialect.name == "postgresql"

    def record_id(self, path: str) -> int | None:
        """The record a row's path names: exactly as exported (CR, LF, backslash, spaces and
        all), else as typed by hand (outer spaces trimmed, Windows separators)."""
        rid = self.paths.get(path)
        return rid if rid is not None else self.paths.get(path.strip().replace("\\", "/"))

    def holds(self, record_id: int) -> list[HoldView]:
        if self._holds is None:
            self._holds = active_holds_for(self.session, self.collection_id)
        return self._holds.get(record_id, [])

    def plan(self, row: dict[str, str], problems: list[str]) -> _Plan | None:
        """The row's changes once checked (None when the record is not found)."""
        rid = self.record_id(row["path"])
        if rid is None:
            problems.append("no record with this path in the collection")
            return None
        actor = Actor(row["reviewer"].strip(), row["role"].strip())
        own = self.resolver.by_record.get(rid)
        view = self.resolver.view(rid)
        parts: list[tuple[str, dict[str, Any]]] = []
        record_date = own.record_date if own is not None else None
        new_date = parse_date(date_cell(row), "date of the record", problems)
        if new_date is not None and new_date != record_date:
            problems += record_date_problems(new_date)
            parts.append(("record_date", {"record_date": new_date}))
            record_date = new_date
        description = own.description or "" if own is not None else ""
        new_text = row.get("description", "").strip()
        if new_text and new_text != description:
            if len(new_text) > DESCRIPTION_MAX:
                problems.append(f"the description is longer than {DESCRIPTION_MAX} characters")
            parts.append(("description", {"description": new_text}))
            description = new_text
        appraisal = row["appraisal"].strip()
        criteria = split_list(row["criteria"])
        if criteria and not appraisal:
            problems.append("criteria are given without an appraisal")
        sensitivity = parse_row_sensitivity(row, problems)
        codes = split_list(row["foi_exemption_code"])
        bad_codes = [str(i) for i, c in enumerate(codes, 1) if c not in allowed_codes()]
        if bad_codes:
            # Named by position: the rules' own message would quote the cell.
            problems.append(
                f"foi_exemption_code: item {', '.join(bad_codes)} is not an FOI exemption "
                "code TNA accepts"
            )
        if sensitivity is not None and "closure_period_justification" not in row:
            sensitivity["period_justification"] = view.period_justification  # not in this file
        if problems:
            return None
        rationale = row["rationale"]
        if appraisal and (
            view.appraisal != appraisal
            or view.criteria != tuple(criteria)
            or view.rationale != rationale.strip()
        ):
            problems.extend(self._appraisal_problems(rid, actor, appraisal, criteria))
            parts.append(("appraisal", appraisal_changes(actor, appraisal, criteria, rationale)))
        # A checker agreeing with the first review is still a review: record it as theirs.
        same_author = view.reviewed_by == actor.name and view.reviewed_role == actor.role
        if sensitivity is not None and not (same_author and same_sensitivity(view, sensitivity)):
            problems.extend(check_actor(actor))
            problems.extend(
                record_rule_problems(
                    sensitivity,
                    record_date=record_date,
                    date_last_modified=self.resolver.last_modified(rid),
                    description=description,
                )
            )
            parts.append(("sensitivity", sensitivity_changes(actor, sensitivity)))
        elif parts and not any(k in ("appraisal", "sensitivity") for k, _ in parts):
            problems.extend(check_actor(actor))
        return _Plan(rid, actor, parts, sensitivity)

    def _appraisal_problems(
        self, rid: int, actor: Actor, outcome: str, criteria: Sequence[str]
    ) -> list[str]:
        problems = check_actor(actor)
        if outcome not in APPRAISALS:
            problems.append(f"appraisal must be one of {', '.join(APPRAISALS)}")
        unknown = [str(i) for i, c in enumerate(criteria, 1) if c not in self.criteria]
        if unknown:  # by position, never quoted: a cell may hold anything
            problems.append(f"criteria: item {', '.join(unknown)} is not a criterion of this kind")
        if outcome == "destroy":
            for hold in self.holds(rid):
                problems.append(
                    f"record {rid} is under legal hold '{hold.name}' (hold {hold.id}): "
                    "it cannot be decided destroy"
                )
        return problems

    def apply(self, plan: _Plan, expected: int) -> None:
        """Apply a checked row: one event per part, unflushed; the resolver sees the result.

        `expected` is the version the row was checked against: a decision changed since (by
        another import or a reviewer, committed meanwhile) raises `DecisionConflict`."""
        row: Decision | None = self.resolver.by_record.get(plan.record_id)
        for kind, changes in plan.parts:
            row = apply_change(
                self.session,
                row,
                collection_id=self.collection_id,
                record_id=plan.record_id,
                scope=None,
                actor=plan.actor,
                kind=kind,
                changes=changes,
                expected_version=expected,
                flush=self.flush_each,
            )
            expected += 1
        if row is not None:
            self.resolver.refresh(row)


def import_rows(
    session: Session, collection_id: int, rows: list[tuple[int, dict[str, str]]]
) -> ImportReport:
    """Save each good row; report each bad one as (line, reason). One event per changed part."""
    report = ImportReport(rows=len(rows))
    importer = _Importer(session, collection_id)
    lines_of = _lines_by_record(importer, rows)
    applied = 0
    for line, row in rows:
        problems: list[str] = []
        if row.pop("__extra__", None):
            problems.append("more cells than columns")
        problems.extend(_unstorable_cells(row))
        rid = importer.record_id(row["path"])
        if rid is not None and lines_of[rid][0] != line:
            first = lines_of[rid][0]
            problems.append(f"path: the same record is on line {first} already; give it once")
        if problems:
            report.problems.append((line, "; ".join(problems)))
            continue
        plan = importer.plan(row, problems)
        if problems or plan is None:
            report.problems.append((line, "; ".join(problems)))
            continue
        if plan.actor.role == QA_ROLE:  # a second review, never the record's decision
            try:
                save_checker_review(session, plan.record_id, plan.actor.name, plan.sensitivity)
            except DecisionError as exc:
                report.problems.append((line, "; ".join(exc.problems)))
                continue
            report.saved += 1
            continue
        if not plan.parts:
            report.unchanged += 1
            continue
        stored = importer.resolver.by_record.get(plan.record_id)
        current = stored.version if stored is not None else 0
        if changed_since_export(row, current):
            report.conflicts.append((line, conflict_values(importer, plan.record_id), given(row)))
            continue
        try:
            importer.apply(plan, current)
        except DecisionConflict:  # changed since this import read it (row re-read as committed)
            report.conflicts.append((line, conflict_values(importer, plan.record_id), given(row)))
            continue
        report.saved += 1
        applied += 1
        if applied % BATCH == 0:
            session.flush()
    session.flush()
    return report


def _lines_by_record(
    importer: _Importer, rows: list[tuple[int, dict[str, str]]]
) -> dict[int, list[int]]:
    """The lines naming each record, in order: the first is applied (if good) and every later
    one reported, rather than the last silently winning."""
    lines: dict[int, list[int]] = {}
    for line, row in rows:
        rid = importer.record_id(row.get("path", ""))
        if rid is not None:
            lines.setdefault(rid, []).append(line)
    return lines


def _unstorable_cells(row: dict[str, str]) -> list[str]:
    """Cells holding a character no store can keep (NUL, which PostgreSQL refuses), by
    column: that row is rejected, never the whole file, and the value is not quoted."""
    bad = [name for name, value in row.items() if storable(value) != value]
    return [f"{name}: holds a NUL or invalid character the store cannot keep" for name in bad]
