"""Records that no scan has read (never scanned, or unscannable: images, scans without text,
audio, video) cannot go Open without a reviewer's confirmation that someone looked at them.
A recording (audio or video) that someone played in the viewer (`media_viewings`,
`reviewer.viewings`) counts as looked at; one nobody played is `unplayed`.

Shared by the transfer plan (which refuses) and the readiness check (which explains).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import RecordScan
from models.records import Record
from reviewer.decisions.types import DecisionView
from reviewer.ingest.extract.ocr import read_by_ocr
from reviewer.viewings import unplayed

UNSCANNED = "unscanned"
UNSCANNABLE = "unscannable"
UNPLAYED = "unplayed"
READ_BY_OCR = "read by OCR"
MEDIA = ("image/", "audio/", "video/")
RECORDINGS = ("audio/", "video/")


def scanned_ids(session: Session, record_ids: Iterable[int]) -> set[int]:
    """Records detection has run on at least once."""
    ids = list(record_ids)
    if not ids:
        return set()
    stmt = select(RecordScan.record_id).where(RecordScan.record_id.in_(ids))
    return set(session.scalars(stmt))


def played_ids(session: Session, records: Iterable[Record]) -> set[int]:
    """Recordings (audio, video) of these records that someone has played in the viewer."""
    ids = {r.id for r in records if is_recording(r)}
    return ids - unplayed(session, ids)


def is_recording(record: Record) -> bool:
    return (record.mime or "").startswith(RECORDINGS)


def unreadable(record: Record, scanned: bool) -> tuple[str, str] | None:
    """(UNSCANNED|UNSCANNABLE|READ_BY_OCR, why) when no scan has read the record's own words
    (or only OCR's reading of them), else None."""
    found = unscannable(record)
    if found is not None:
        return found
    if not scanned and record.status == "ok":
        return UNSCANNED, "never scanned for personal data"
    return None


def unscannable(record: Record) -> tuple[str, str] | None:
    """(kind, why) when no scan can read the record's own words, else None: the GUI offers the
    "looked at" confirmation exactly where the transfer would ask for it.

    Text OCR read from scanned pages is scanned for personal data like any text, but OCR misreads
    names (a missed "Paul" on a real witness statement), so such a record, too, goes Open only
    once someone has looked at the pages themselves."""
    mime = record.mime or ""
    if read_by_ocr(record.message) and record.status == "ok":
        return READ_BY_OCR, "its text was read by OCR from scanned pages: no scan read the pages"
    if mime.startswith(MEDIA):
        kind = mime.split("/", 1)[0]
        article = "a" if kind == "video" else "an"
        return UNSCANNABLE, f"{article} {kind} file: no text to scan for personal data"
    if record.needs_ocr:
        return UNSCANNABLE, "scanned pages without a text layer: no text to scan"
    if record.status == "empty":
        return UNSCANNABLE, "no text could be read from it"
    return None


def goes_open(view: DecisionView) -> bool:
    """Whether any of the record's content is opened (Open, or a redacted copy opened)."""
    return view.closure_status == "Open" or view.redacted or bool(view.redact_labels)


def open_unlooked(
    record: Record, view: DecisionView, scanned: bool, played: bool = False
) -> tuple[str, str] | None:
    """(kind, problem) when the record would go Open though nobody has read or looked at it:
    a confirmation that someone looked at it, or (for a recording) a playing, is enough."""
    found = unreadable(record, scanned)
    if found is None or not goes_open(view) or view.looked_at_by:
        return None
    kind, why = found
    if is_recording(record):
        if played:
            return None
        return UNPLAYED, (
            f"{why}, and nobody has played it; it cannot go Open until a reviewer plays it in "
            "the viewer or confirms someone looked at it (reviewer records confirm-looked, or "
            "'I looked at this record' in the window)"
        )
    return kind, (
        f"{why}; it cannot go Open until a reviewer confirms someone looked at it "
        "(reviewer records confirm-looked, or 'I looked at this record' in the window)"
    )
