"""Suggested dates of the record, each with the reason, read from what the record itself says.

A file copied out of a case system carries the copy's date, so TNA's closure start (the date
of the record) cannot be taken from the file system. The record usually says its own date: an
e-mail's `Date:` header (also the date of its attachments), the date in a statement's signature
block or a letter's date line, or the document's own properties (PDF or Office created and
modified). A suggestion is only ever shown; `set_record_date` applies it when a reviewer
confirms (GUI button, or `reviewer records set-date --accept-suggested`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from sqlalchemy.orm import Session

from models.records import Record
from reviewer.ingest.access import EvidenceError, record_bytes, record_text
from reviewer.ingest.manifest.suggest import metadata_date

EARLIEST = date(1900, 1, 1)
EMAIL_MIMES = ("message/rfc822", "application/vnd.ms-outlook")
EMAIL_EXTS = (".eml", ".msg")
MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for m in names
}
_NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WORDS = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b", re.IGNORECASE
)
_SIGN_LABEL = re.compile(
    r"^\s*(?:signed|signature|dated|date)\b|\b(?:signed|signature|dated|date)\s*:", re.IGNORECASE
)
_NOT_SIGNING = re.compile(r"date\s+of\s+birth|d\.?o\.?b|dates?\s+not\s+available", re.IGNORECASE)
_HEADER_DATE = re.compile(r"^Date:\s*(.+)$", re.MULTILINE)


@dataclass(frozen=True)
class DateSuggestion:
    """A date the record gives for itself; `reason` says where it was read (no personal data)."""

    date: date
    reason: str
    # export_metadata | email_header | signature_block | letter_date | document_properties
    source: str

    def as_dict(self) -> dict[str, str]:
        return {"date": self.date.isoformat(), "reason": self.reason, "source": self.source}


def _plausible(d: date, today: date) -> bool:
    return EARLIEST <= d <= today


def _year(text: str) -> int:
    y = int(text)
    return y if len(text) == 4 else (2000 + y if y < 50 else 1900 + y)


def dates_in(text: str, today: date | None = None) -> list[date]:
    """Every plausible date written in `text` (UK day-first numbers, ISO, '14th August 2004')."""
    today = today or date.today()
    found: list[date] = []
    candidates: list[tuple[int, int, int]] = []
    for m in _ISO.finditer(text):
        candidates.append((int(m[1]), int(m[2]), int(m[3])))
    for m in _NUMERIC.finditer(text):
        candidates.append((_year(m[3]), int(m[2]), int(m[1])))
    for m in _WORDS.finditer(text):
        month = MONTHS.get(m[2].lower())
        if month:
            candidates.append((int(m[3]), month, int(m[1])))
    for y, mo, d in candidates:
        try:
            when = date(y, mo, d)
        except ValueError:
            continue
        if _plausible(when, today):
            found.append(when)
    return found


def header_date(text: str, today: date | None = None) -> date | None:
    """The `Date:` header at the top of an e-mail's text (RFC 5322, else a written date)."""
    head = text.split("\n\n", 1)[0]
    m = _HEADER_DATE.search(head)
    if m is None:
        return None
    try:
        when = parsedate_to_datetime(m[1].strip())
    except (TypeError, ValueError, IndexError):
        found = dates_in(m[1], today)
        return found[0] if found else None
    # The date as the sender's clock said it: an e-mail sent at 23:30 BST is that day's.
    return when.date()


def signature_date(text: str, today: date | None = None) -> date | None:
    """The latest date in a signature block: on a 'Signature/Signed/Dated/Date:' line or next."""
    lines = text.splitlines()
    found: list[date] = []
    for i, line in enumerate(lines):
        if not _SIGN_LABEL.search(line) or _NOT_SIGNING.search(line):
            continue
        here = dates_in(line, today)
        if not here and i + 1 < len(lines) and not _NOT_SIGNING.search(lines[i + 1]):
            here = dates_in(lines[i + 1], today)
        found += here
    return max(found) if found else None


def letter_date(text: str, today: date | None = None) -> date | None:
    """A letter's date line: a line near the top that is a date and nothing else."""
    for line in text.splitlines()[:25]:
        stripped = line.strip().rstrip(".")
        if not stripped or len(stripped) > 30:
            continue
        found = dates_in(stripped, today)
        m = _WORDS.fullmatch(stripped) or _NUMERIC.fullmatch(stripped) or _ISO.fullmatch(stripped)
        if found and m is not None:
            return found[0]
    return None


def _pdf_date(value: str) -> date | None:
    m = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", value or "")
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def property_dates(data: bytes, name: str) -> list[tuple[str, date]]:
    """('created'|'modified', date) from a PDF's info dictionary or an Office file's properties."""
    lower = name.lower()
    out: list[tuple[str, date]] = []
    try:
        if lower.endswith(".pdf") or data[:5] == b"%PDF-":
            import pymupdf

            with pymupdf.open(stream=data, filetype="pdf") as doc:  # type: ignore[no-untyped-call]
                meta = doc.metadata or {}
            for key, what in (("creationDate", "created"), ("modDate", "modified")):
                when = _pdf_date(meta.get(key) or "")
                if when is not None:
                    out.append((what, when))
        elif lower.endswith((".docx", ".docm")):
            import docx

            props = docx.Document(io.BytesIO(data)).core_properties
            for what, value in (("created", props.created), ("modified", props.modified)):
                if isinstance(value, datetime):
                    out.append(
                        (what, value.astimezone(UTC).date() if value.tzinfo else value.date())
                    )
    except Exception:  # a damaged file simply has no properties to suggest from
        return []
    return out


def _is_email(record: Record) -> bool:
    return (record.mime or "") in EMAIL_MIMES or record.name.lower().endswith(EMAIL_EXTS)


def _email_suggestion(session: Session, record: Record, today: date) -> DateSuggestion | None:
    current: Record | None = record
    while current is not None:
        if _is_email(current):
            when = header_date(record_text(session, current.id), today)
            if when is not None and _plausible(when, today):
                if current.id == record.id:
                    reason = "the e-mail's Date: header"
                else:
                    reason = f"the Date: header of the e-mail it is attached to ({current.name})"
                return DateSuggestion(when, reason, "email_header")
        current = session.get(Record, current.parent_id) if current.parent_id else None
    return None


def suggest_record_dates(
    session: Session, record_id: int, *, read_file: bool = True, today: date | None = None
) -> list[DateSuggestion]:
    """Every date the record gives for itself, best first (e-mail header, signed date, letter's
    date line, document properties). `read_file=False` skips reading the original's bytes."""
    today = today or date.today()
    record = session.get(Record, record_id)
    if record is None:
        return []
    out: list[DateSuggestion] = []
    # What the case system or SharePoint export said about the record comes first: it is the
    # department's own record of the date (reviewer.ingest.manifest).
    stated = metadata_date(session, record_id)
    if stated is not None and _plausible(stated[0], today):
        out.append(
            DateSuggestion(stated[0], f"the export's metadata ({stated[1]})", "export_metadata")
        )
    email = _email_suggestion(session, record, today)
    if email is not None:
        out.append(email)
    text = record_text(session, record_id) if not _is_email(record) else ""
    signed = signature_date(text, today) if text else None
    if signed is not None:
        out.append(
            DateSuggestion(signed, "the latest date in the signature block", "signature_block")
        )
    dated = letter_date(text, today) if text else None
    if dated is not None and dated != signed:
        out.append(DateSuggestion(dated, "the letter's date line", "letter_date"))
    if read_file and not _is_email(record):
        try:
            data = record_bytes(session, record_id)
        except EvidenceError:
            data = b""
        for what, when in property_dates(data, record.name) if data else []:
            if _plausible(when, today):
                reason = f"the document's properties ({what})"
                out.append(DateSuggestion(when, reason, "document_properties"))
    return out


def suggest_record_date(
    session: Session, record_id: int, *, read_file: bool = True, today: date | None = None
) -> DateSuggestion | None:
    """The best suggestion for the record's date, or None when it says nothing."""
    found = suggest_record_dates(session, record_id, read_file=read_file, today=today)
    return found[0] if found else None
