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
    """(UNSCANNED|UNSCANNABLE, why) when no scan has read the record's content, else None."""
    found = unscannable(record)
    if found is not None:
        return UNSCANNABLE, found
    if not scanned and record.status == "ok":
        return UNSCANNED, "never scanned for personal data"
    return None


def unscannable(record: Record) -> str | None:
    """Why no scan can read (all of) the record's content, else None: the GUI offers the
    "looked at" confirmation exactly where the transfer would ask for it."""
    mime = record.mime or ""
    # An image whose text OCR read is scanned like any text (reviewer.ingest.extract.ocr).
    ocr_text = mime.startswith("image/") and record.status == "ok" and read_by_ocr(record.message)
    if mime.startswith(MEDIA) and not ocr_text:
        kind = mime.split("/", 1)[0]
        article = "a" if kind == "video" else "an"
        return f"{article} {kind} file: no text to scan for personal data"
    if record.needs_ocr:
        return "scanned pages without a text layer: no text to scan"
    if record.status == "empty":
        return "no text could be read from it"
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
