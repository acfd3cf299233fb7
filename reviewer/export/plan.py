"""What a transfer would contain, and every reason it cannot be made yet, read from the store.

Records selected for permanent preservation are gathered with their effective decisions and
redaction marks into plain values; each rule a record breaks becomes an `ExportProblem` naming the
record, so the command line lists them all and the GUI jumps to each record.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import Record, RecordPage
from reviewer.decisions.markers import COPY_CONFLICT, FAMILY_CONFLICT, record_markers
from reviewer.decisions.redactions import list_redactions
from reviewer.decisions.store import all_decisions
from reviewer.decisions.types import DecisionView
from reviewer.export import tna_schema
from reviewer.export.redact import Box
from reviewer.export.scan_check import open_unlooked, played_ids, scanned_ids
from reviewer.ingest.access import record_text
from reviewer.ingest.manifest.suggest import metadata_reference
from reviewer.records_view import collection_by_name

log = logging.getLogger(__name__)
SELECT = "select"


@dataclass(frozen=True)
class ExportProblem:
    """One reason the transfer cannot be made; `record_id` lets the GUI jump to the record."""

    record_id: int | None
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


@dataclass(frozen=True)
class Mark:
    """A place to redact: boxes on a page (drawn, or a text span's words) and the span's text."""

    page: int | None
    rects: tuple[Box, ...]
    text: str


@dataclass(frozen=True)
class TransferItem:
    """A selected record with everything the bag and `metadata.csv` need."""

    record_id: int
    path: str
    name: str
    sha256: str | None
    puid: str | None
    format_name: str | None
    extension_mismatch: bool
    id_method: str | None
    last_modified: date | None
    is_pdf: bool
    decision: DecisionView
    marks: tuple[Mark, ...] = ()
    # The reference a case system's export gave the record (TDR "former reference").
    former_reference: str = ""
    # An image file whose text came from OCR: its redacted copy is the picture as a PDF with
    # the pixels under each box removed, not a rendering of its text.
    scanned_image: bool = False
    # (path, alternate title) of each container holding the record (an e-mail, a zip) whose title
    # is closed, outermost first: the record's open paths go under the alternate, not the name.
    closed_containers: tuple[tuple[str, str], ...] = ()

    @property
    def redact(self) -> bool:
        """Open with redactions: the original goes closed, a redacted copy goes open."""
        return self.decision.redacted or bool(self.decision.redact_labels)


@dataclass(frozen=True)
class TransferPlan:
    collection: str
    items: tuple[TransferItem, ...]
    problems: tuple[ExportProblem, ...] = field(default_factory=tuple)


def _is_pdf(record: Record) -> bool:
    return record.mime == "application/pdf" or record.name.lower().endswith(".pdf")


def _is_scanned_image(session: Session, record: Record) -> bool:
    if _is_pdf(record) or not (record.mime or "").startswith("image/"):
        return False
    found = session.scalar(
        select(RecordPage.id).where(
            RecordPage.record_id == record.id, RecordPage.ocr_confidence.is_not(None)
        )
    )
    return found is not None


def _entity_marks(session: Session, record_id: int, labels: Sequence[str]) -> list[Mark]:
    """Spans with the decision's redact labels that the reviewer could see: not dismissed, and
    either added by a reviewer or scored at or above the display threshold (a "possible" span
    stays hidden unless asked for, so redacting it would black out text no one looked at)."""
    if not labels:
        return []
    from reviewer.detect.entities import list_entities
    from reviewer.detect.visibility import FLAG_SCORE

    marks = []
    for e in list_entities(session, record_id):
        seen = e.source == "manual" or e.score >= FLAG_SCORE
        if e.label in labels and not e.dismissed and seen:
            marks.append(Mark(e.page, tuple(e.rects), e.text))
    return marks


def _marks(session: Session, record: Record, view: DecisionView) -> list[Mark]:
    marks: list[Mark] = []
    text: str | None = None
    for r in list_redactions(session, record.id):
        if r.rect is not None:
            marks.append(Mark(r.page, (r.rect,), ""))
        elif r.start is not None and r.end is not None:
            text = record_text(session, record.id) if text is None else text
            marks.append(Mark(r.page, r.rects, text[r.start : r.end]))
    return marks + _entity_marks(session, record.id, view.redact_labels)


def _last_modified(record: Record, by_id: dict[int, Record]) -> date | None:
    """The file's own date, else its container's (attachments often carry none)."""
    current: Record | None = record
    while current is not None:
        if current.mtime is not None:
            return current.mtime.astimezone(UTC).date()
        current = by_id.get(current.parent_id) if current.parent_id else None
    return None


def closure_end(start: date | None, exemptions: Sequence[tuple[str, int]]) -> date | None:
    """The day a closure ends: its start plus the longest of its periods (a closure lasts as long
    as its longest exemption); 29 February moves to 1 March in a year without one."""
    if start is None or not exemptions:
        return None
    years = max(period for _, period in exemptions)
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February in a common year
        return start.replace(year=start.year + years, day=28) + timedelta(days=1)


def ended_closure(view: DecisionView, today: date) -> str | None:
    """Why a Closed decision whose period is over by `today` cannot go in the bag, else None."""
    end = closure_end(view.closure_start_date, view.exemptions)
    if view.closure_status != "Closed" or end is None or end > today:
        return None
    code, years = max(view.exemptions, key=lambda e: e[1])
    start = view.closure_start_date.isoformat() if view.closure_start_date else ""
    return (
        f"the closure ended on {end.isoformat()} ({code}, {years} years from {start}): "
        "open the record or give the period that still applies"
    )


def _closed_containers(
    record: Record, by_id: Mapping[int, Record], views: Mapping[int, DecisionView]
) -> tuple[tuple[str, str], ...]:
    """(path, alternate title) of the record's containers whose title is closed, outermost
    first; only those whose path the record's path runs through (their name is in it)."""
    out: list[tuple[str, str]] = []
    parent = by_id.get(record.parent_id) if record.parent_id else None
    while parent is not None:
        view = views.get(parent.id)
        if view is not None and view.title_closed and record.path.startswith(f"{parent.path}/"):
            out.append((parent.path, view.title_alternate))
        parent = by_id.get(parent.parent_id) if parent.parent_id else None
    return tuple(reversed(out))


def _record_problems(record: Record, item: TransferItem, today: date) -> list[str]:
    out: list[str] = []
    view = item.decision
    if record.status == "encrypted":
        out.append("the file is password-protected; TDR refuses it")
    elif record.status in ("corrupt", "error", "too_large"):
        out.append(f"the file could not be read at ingest ({record.status})")
    if tna_schema.is_excluded_filename(record.name):
        out.append("TDR excludes system files like this one; deselect it")
    reason = tna_schema.disallowed_puids().get(record.puid or "")
    if reason is not None:
        out.append(f"TDR refuses this format ({reason}, {record.puid or 'unidentified'})")
    if view.closure_status is None:
        out.append("no sensitivity decision (open, open with redactions, or closed)")
    if item.last_modified is None:
        out.append("no date last modified is known for the file")
    ended = ended_closure(view, today)
    if ended is not None:
        out.append(ended)
    if item.redact:
        if view.closure_status == "Open":
            out.append("open with redactions: the original must be recorded as closed")
        if not item.marks:
            out.append("open with redactions, but nothing is marked for redaction")
        if not item.is_pdf and any(not m.text for m in item.marks):
            out.append("boxes drawn on a record that is not a PDF cannot be placed; mark text")
        if any(m.text and not m.text.strip() for m in item.marks):
            out.append("a redaction covers only blank text")
    return out


def _copies_opened(
    items: list[TransferItem], rows: Sequence[Record], views: Mapping[int, DecisionView]
) -> list[ExportProblem]:
    """A selected record opened in full while an exact copy of it is closed would leak it."""
    closed: dict[str, Record] = {}
    for record in rows:
        view = views.get(record.id)
        if record.sha256 and record.size and view is not None and view.closure_status == "Closed":
            closed.setdefault(record.sha256, record)
    out: list[ExportProblem] = []
    for item in items:
        twin = closed.get(item.sha256 or "")
        if twin is None or twin.id == item.record_id or item.decision.closure_status != "Open":
            continue
        out.append(
            ExportProblem(
                item.record_id,
                item.path,
                f"an exact copy of '{twin.path}', which is closed, would be opened here: "
                "give this copy the same decision",
            )
        )
    return out


def closure_conflicts(
    session: Session,
    collection_id: int,
    items: Sequence[TransferItem],
    found: Sequence[ExportProblem],
) -> list[ExportProblem]:
    """Selected records whose closure differs from their copies' or their family's."""
    markers = record_markers(session, collection_id)
    already = {p.record_id for p in found if "exact copy" in p.reason}
    out = []
    for item in items:
        for m in markers.get(item.record_id, ()):
            if m.kind in (COPY_CONFLICT, FAMILY_CONFLICT) and item.record_id not in already:
                out.append(ExportProblem(item.record_id, item.path, f"{m}: give them one decision"))
    return out


def plan_transfer(
    session: Session, collection_name: str, today: date | None = None
) -> TransferPlan:
    """Selected records of the collection with their problems (nothing is read from disk).
    `today` (default: the date now) is when a closure's period is judged to have ended."""
    today = today or date.today()
    collection = collection_by_name(session, collection_name)
    views = all_decisions(session, collection.id)
    rows = session.scalars(
        select(Record).where(Record.collection_id == collection.id).order_by(Record.path)
    ).all()
    by_id = {r.id: r for r in rows}
    scanned = scanned_ids(session, by_id)
    played = played_ids(session, rows)
    items: list[TransferItem] = []
    problems: list[ExportProblem] = []
    for record in rows:
        view = views.get(record.id)
        if view is None or view.appraisal != SELECT:
            continue
        item = TransferItem(
            record_id=record.id,
            path=record.path,
            name=record.name,
            sha256=record.sha256,
            puid=record.puid,
            format_name=record.format_name,
            extension_mismatch=record.extension_mismatch,
            id_method=record.id_method,
            last_modified=_last_modified(record, by_id),
            is_pdf=_is_pdf(record),
            decision=view,
            former_reference=metadata_reference(session, record.id),
            scanned_image=_is_scanned_image(session, record),
            closed_containers=_closed_containers(record, by_id, views),
        )
        if item.redact:
            item = TransferItem(**{**item.__dict__, "marks": tuple(_marks(session, record, view))})
        items.append(item)
        problems.extend(
            ExportProblem(record.id, record.path, p) for p in _record_problems(record, item, today)
        )
        unlooked = open_unlooked(record, view, record.id in scanned, record.id in played)
        if unlooked is not None:
            problems.append(ExportProblem(record.id, record.path, unlooked[1]))
    problems.extend(_copies_opened(items, rows, views))
    problems.extend(closure_conflicts(session, collection.id, items, problems))
    if not items:
        problems.append(
            ExportProblem(None, "", "no record of the collection is selected for transfer")
        )
    return TransferPlan(collection_name, tuple(items), tuple(problems))
