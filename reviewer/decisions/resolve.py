"""Effective decisions: a record's own, else inherited from parent records and folder scopes.

Candidates are ordered by how near they are to the record, measured by the length of their path
(the record's own path, a parent record's path, a folder prefix): the longest wins, part by part.
Built in bulk so the queue and exports stay fast: rows are read once, each decision row is turned
into plain values once, and folder candidates are worked out once per directory.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.decisions import Decision
from models.records import Record
from reviewer.decisions.types import DecisionView

# (path length used for nearness, decision row, source record id or None for a folder)
Candidate = tuple[int, Decision, int | None]
# parent id, path, date last modified (UTC) of one record
RecordRow = tuple[int | None, str, date | None]


def normalise_scope(folder: str) -> str:
    """A folder path as stored: "/" separators, no leading or trailing slash ("" = everything)."""
    return "/".join(p for p in folder.replace("\\", "/").split("/") if p not in ("", "."))


def _prefixes(path: str) -> list[str]:
    """Folder prefixes of `path`, longest first, ending with "" (the whole collection)."""
    parts = path.split("/")
    return ["/".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)] + [""]


def transfer_year(record_date: date | None, mtime_year: int | None, after: int = 20) -> int | None:
    """The 20-year rule: due for transfer by the year it turns `after` years old."""
    year = record_date.year if record_date else mtime_year
    return year + after if year is not None else None


def start_from_rule(rule: str | None, anchor: date | None) -> date | None:
    """The closure start a rule gives for a record dated `anchor` (None if it cannot)."""
    if rule is None or anchor is None:
        return None
    return anchor if rule == "record_date" else date(anchor.year, 12, 31)


def _appraisal(d: Decision) -> dict[str, Any]:
    return {
        "appraisal": d.appraisal,
        "criteria": tuple(d.criteria or ()),
        "rationale": d.rationale or "",
        "appraised_by": d.appraised_by,
        "appraised_role": d.appraised_role,
        "appraised_at": d.appraised_at,
    }


def _sensitivity(d: Decision) -> dict[str, Any]:
    return {
        "closure_status": d.closure_status,
        "redacted": bool(d.redacted),
        "redact_labels": tuple(d.redact_labels or ()),
        "exemptions": tuple((str(c), int(p)) for c, p in (d.exemptions or ())),
        "closure_start_date": d.closure_start_date,
        "closure_start_rule": d.closure_start_rule,
        "period_justification": d.period_justification or "",
        "foi_schedule_date": d.foi_schedule_date,
        "title_closed": bool(d.title_closed),
        "title_alternate": d.title_alternate or "",
        "description_closed": bool(d.description_closed),
        "description_alternate": d.description_alternate or "",
        "reviewed_by": d.reviewed_by,
        "reviewed_role": d.reviewed_role,
        "reviewed_at": d.reviewed_at,
    }


def _utc_date(mtime: datetime | None) -> date | None:
    return mtime.astimezone(UTC).date() if mtime else None


class Resolver:
    """Effective decisions of one collection's records, from rows loaded once."""

    def __init__(
        self, session: Session, collection_id: int, record_ids: Iterable[int] | None = None
    ) -> None:
        """Load the whole collection, or only `record_ids`, their ancestors and their folders."""
        self.collection_id = collection_id
        self.records: dict[int, RecordRow] = {}
        base = select(Record.id, Record.parent_id, Record.path, Record.mtime).where(
            Record.collection_id == collection_id
        )
        wanted = None if record_ids is None else set(record_ids)
        while True:
            stmt = base if wanted is None else base.where(Record.id.in_(wanted))
            for rid, parent, path, mtime in session.execute(stmt):
                self.records[rid] = (parent, path, _utc_date(mtime))
            if wanted is None:
                break
            wanted = {p for p, _, _ in self.records.values() if p is not None} - set(self.records)
            if not wanted:
                break
        dstmt = select(Decision).where(Decision.collection_id == collection_id)
        if record_ids is not None:
            scopes = {s for _, path, _ in self.records.values() for s in _prefixes(path)}
            dstmt = dstmt.where(
                (Decision.record_id.is_(None) & Decision.scope_path.in_(scopes or {""}))
                | Decision.record_id.in_(list(self.records))
            )
        self._load(session.scalars(dstmt))

    def _load(self, rows: Iterable[Decision]) -> None:
        self.by_record: dict[int, Decision] = {}
        self.by_scope: dict[str, Decision] = {}
        self._parts: dict[int, tuple[dict[str, Any] | None, dict[str, Any] | None]] = {}
        self._folders: dict[str, list[Candidate]] = {}
        for d in rows:
            if d.record_id is not None:
                self.by_record[d.record_id] = d
            elif d.scope_path is not None:
                self.by_scope[d.scope_path] = d
            self._parts[id(d)] = (
                _appraisal(d) if d.appraisal is not None else None,
                _sensitivity(d) if d.closure_status is not None else None,
            )

    def refresh(self, row: Decision) -> None:
        """See a record's decision row as it is now (after a change made through this session)."""
        if row.record_id is None:
            raise ValueError("refresh is for a record's own decision")
        self.by_record[row.record_id] = row
        self._parts[id(row)] = (
            _appraisal(row) if row.appraisal is not None else None,
            _sensitivity(row) if row.closure_status is not None else None,
        )

    @classmethod
    def for_folder(cls, row: Decision) -> Resolver:
        """A resolver that sees only one folder decision (as record 0), to view it alone."""
        self = cls.__new__(cls)
        self.collection_id = row.collection_id
        self.records = {0: (None, (row.scope_path or "") + "/*", None)}
        self._load([])
        self.by_record[0] = row
        self._parts[id(row)] = (
            _appraisal(row) if row.appraisal is not None else None,
            _sensitivity(row) if row.closure_status is not None else None,
        )
        return self

    def _folder_candidates(self, path: str) -> list[Candidate]:
        """Folder decisions above `path`, nearest first (cached per directory)."""
        directory = path.rpartition("/")[0]
        found = self._folders.get(directory)
        if found is None:
            found = [
                (len(p), self.by_scope[p], None) for p in _prefixes(path) if p in self.by_scope
            ]
            self._folders[directory] = found
        return found

    def candidates(self, record_id: int) -> list[Candidate]:
        """(nearness, decision, source record id or None for folders), nearest first."""
        own: list[Candidate] = []
        rid: int | None = record_id
        seen: set[int] = set()
        while rid is not None and rid in self.records and rid not in seen:
            seen.add(rid)
            parent, path, _ = self.records[rid]
            if rid in self.by_record:
                own.append((len(path) + 1, self.by_record[rid], rid))
            rid = parent
        path = self.records[record_id][1] if record_id in self.records else ""
        folders = self._folder_candidates(path)
        if not own:
            return folders
        return sorted(own + folders, key=lambda c: c[0], reverse=True)

    def last_modified(self, record_id: int) -> date | None:
        """The record's date last modified, else its container's (as the export uses)."""
        return self._anchor(record_id, None)

    def _anchor(self, record_id: int, record_date: date | None) -> date | None:
        """TDR's anchor for a closure start: the record's date, else its (container's) mtime."""
        if record_date is not None:
            return record_date
        rid: int | None = record_id
        seen: set[int] = set()
        while rid is not None and rid in self.records and rid not in seen:
            seen.add(rid)
            parent, _, mtime = self.records[rid]
            if mtime is not None:
                return mtime
            rid = parent
        return None

    def sources(self, record_id: int) -> tuple[Any, Any]:
        """((candidate, appraisal values) | None, (candidate, sensitivity values) | None)."""
        app = sen = None
        for cand in self.candidates(record_id):
            a, s = self._parts[id(cand[1])]
            if app is None and a is not None:
                app = (cand, a)
            if sen is None and s is not None:
                sen = (cand, s)
            if app is not None and sen is not None:
                break
        return app, sen

    def decided(self, record_id: int) -> DecisionView | None:
        """The record's effective decision, or None when no part of any decision applies."""
        app, sen = self.sources(record_id)
        return None if app is None and sen is None else self._view(record_id, app, sen)

    def view(self, record_id: int) -> DecisionView:
        """The record's effective decision (empty when nothing is decided)."""
        return self._view(record_id, *self.sources(record_id))

    def _view(self, record_id: int, app: Any, sen: Any) -> DecisionView:
        own = self.by_record.get(record_id)
        fields: dict[str, Any] = {}
        if app is not None:
            fields.update(app[1])
        if sen is not None:
            fields.update(sen[1])
        record_date = own.record_date if own is not None else None
        if sen is not None and sen[1]["closure_start_rule"] is not None:
            anchor = self._anchor(record_id, record_date)
            fields["closure_start_date"] = start_from_rule(sen[1]["closure_start_rule"], anchor)
        inherited = [p[0] for p in (app, sen) if p is not None and p[0][1] is not own]
        src = inherited[0] if inherited else None
        mtime = self.records[record_id][2] if record_id in self.records else None
        by, role, at = _latest(app[1] if app else None, sen[1] if sen else None)
        return DecisionView(
            record_id=record_id,
            decided_by=by,
            role=role,
            decided_at=at,
            inherited_from=src[1].id if src else None,
            inherited_scope=_scope_name(src, self.records),
            inherited_record_id=src[2] if src else None,
            appraisal_inherited=app is not None and app[0][1] is not own,
            sensitivity_inherited=sen is not None and sen[0][1] is not own,
            record_date=record_date,
            description=own.description or "" if own is not None else "",
            looked_at_by=own.looked_at_by or "" if own is not None else "",
            transfer_due_year=transfer_year(record_date, mtime.year if mtime else None),
            version=own.version if own is not None else 0,
            **fields,
        )


def _scope_name(src: Candidate | None, records: dict[int, RecordRow]) -> str:
    if src is None:
        return ""
    if src[2] is not None:
        return records[src[2]][1] if src[2] in records else ""
    scope = src[1].scope_path or ""
    return f"folder {scope}/" if scope else "the whole collection"


def _latest(
    app: dict[str, Any] | None, sen: dict[str, Any] | None
) -> tuple[str, str, datetime | None]:
    """Who decided most recently, of the appraisal and sensitivity parts in effect."""
    parts = []
    if app is not None and app["appraised_at"] is not None:
        parts.append((app["appraised_at"], app["appraised_by"], app["appraised_role"]))
    if sen is not None and sen["reviewed_at"] is not None:
        parts.append((sen["reviewed_at"], sen["reviewed_by"], sen["reviewed_role"]))
    if not parts:
        return "", "", None
    at, by, role = max(parts, key=lambda p: p[0])
    return str(by or ""), str(role or ""), at
