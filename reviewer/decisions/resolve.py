"""Effective decisions: a record's own, else inherited from parent records and folder scopes.

Candidates are ordered by how near they are to the record, measured by the length of their path
(the record's own path, a parent record's path, a folder prefix): the longest wins, part by part.
Built in bulk (two queries per collection) so the queue and exports stay fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.decisions import Decision
from models.records import Record
from reviewer.decisions.types import DecisionView


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


class Resolver:
    """Effective decisions of one collection's records, from rows loaded once."""

    def __init__(
        self, session: Session, collection_id: int, record_ids: Iterable[int] | None = None
    ) -> None:
        """Load the whole collection, or only `record_ids` and their ancestors."""
        self.collection_id = collection_id
        base = select(Record.id, Record.parent_id, Record.path, Record.mtime).where(
            Record.collection_id == collection_id
        )
        self.records: dict[int, tuple[int | None, str, int | None]] = {}
        wanted = None if record_ids is None else set(record_ids)
        while True:
            stmt = base if wanted is None else base.where(Record.id.in_(wanted))
            for rid, parent, path, mtime in session.execute(stmt):
                self.records[rid] = (parent, path, mtime.year if mtime else None)
            if wanted is None:
                break
            wanted = {p for p, _, _ in self.records.values() if p is not None} - set(self.records)
            if not wanted:
                break
        dstmt = select(Decision).where(Decision.collection_id == collection_id)
        if record_ids is not None:
            dstmt = dstmt.where(
                Decision.record_id.is_(None) | Decision.record_id.in_(list(self.records))
            )
        self.by_record: dict[int, Decision] = {}
        self.by_scope: dict[str, Decision] = {}
        for d in session.scalars(dstmt):
            if d.record_id is not None:
                self.by_record[d.record_id] = d
            elif d.scope_path is not None:
                self.by_scope[d.scope_path] = d

    @classmethod
    def for_folder(cls, row: Decision) -> Resolver:
        """A resolver that sees only one folder decision (as record 0), to view it alone."""
        self = cls.__new__(cls)
        self.collection_id = row.collection_id
        self.records = {0: (None, (row.scope_path or "") + "/*", None)}
        self.by_record = {0: row}
        self.by_scope = {}
        return self

    def candidates(self, record_id: int) -> list[tuple[str, Decision, int | None]]:
        """(path, decision, source record id or None for folders), nearest first."""
        out: list[tuple[str, Decision, int | None]] = []
        rid: int | None = record_id
        seen: set[int] = set()
        while rid is not None and rid in self.records and rid not in seen:
            seen.add(rid)
            parent, path, _ = self.records[rid]
            if rid in self.by_record:
                out.append((path, self.by_record[rid], rid))
            rid = parent
        own_path = self.records[record_id][1] if record_id in self.records else ""
        for prefix in _prefixes(own_path):
            if prefix in self.by_scope:
                out.append((prefix, self.by_scope[prefix], None))
        out.sort(key=lambda c: len(c[0]) + (1 if c[2] is not None else 0), reverse=True)
        return out

    def view(self, record_id: int) -> DecisionView:
        cands = self.candidates(record_id)
        own = self.by_record.get(record_id)
        app = next((c for c in cands if c[1].appraisal is not None), None)
        sen = next((c for c in cands if c[1].closure_status is not None), None)
        inherited = [c for c in (app, sen) if c is not None and c[1] is not own]
        src = inherited[0] if inherited else None
        _, _, mtime_year = self.records.get(record_id, (None, "", None))
        record_date = own.record_date if own else None
        fields: dict[str, object] = {}
        if app is not None:
            a = app[1]
            fields.update(
                appraisal=a.appraisal,
                criteria=tuple(a.criteria or ()),
                rationale=a.rationale or "",
                appraised_by=a.appraised_by,
                appraised_role=a.appraised_role,
                appraised_at=a.appraised_at,
            )
        if sen is not None:
            s = sen[1]
            fields.update(
                closure_status=s.closure_status,
                redacted=bool(s.redacted),
                redact_labels=tuple(s.redact_labels or ()),
                exemptions=tuple((str(c), int(p)) for c, p in (s.exemptions or ())),
                closure_start_date=s.closure_start_date,
                foi_schedule_date=s.foi_schedule_date,
                title_closed=bool(s.title_closed),
                title_alternate=s.title_alternate or "",
                description_closed=bool(s.description_closed),
                description_alternate=s.description_alternate or "",
                reviewed_by=s.reviewed_by,
                reviewed_role=s.reviewed_role,
                reviewed_at=s.reviewed_at,
            )
        latest = _latest(fields)
        return DecisionView(
            record_id=record_id,
            decided_by=latest[0],
            role=latest[1],
            decided_at=latest[2],
            inherited_from=src[1].id if src else None,
            inherited_scope=(f"folder {src[0]}/" if src[0] else "the whole collection")
            if src and src[2] is None
            else (src[0] if src else ""),
            inherited_record_id=src[2] if src else None,
            appraisal_inherited=app is not None and app[1] is not own,
            sensitivity_inherited=sen is not None and sen[1] is not own,
            record_date=record_date,
            transfer_due_year=transfer_year(record_date, mtime_year),
            version=own.version if own else 0,
            **fields,  # type: ignore[arg-type]
        )


def _latest(fields: dict[str, object]) -> tuple[str, str, datetime | None]:
    """Who decided most recently, of the appraisal and sensitivity parts in effect."""
    parts = [
        (fields.get(f"{p}_at"), fields.get(f"{p}_by", ""), fields.get(f"{p}_role", ""))
        for p in ("appraised", "reviewed")
    ]
    dated = [p for p in parts if p[0] is not None]
    if not dated:
        return "", "", None
    at, by, role = max(dated, key=lambda p: str(p[0]))
    return str(by), str(role), at if isinstance(at, datetime) else None
