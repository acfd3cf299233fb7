"""A record's date, reference and description as its export's metadata states them.

Only suggestions: the reviewer confirms a date (`reviewer.decisions.set_record_date`). The
decisions' date suggestions (`reviewer.decisions.date_suggest`) can read `metadata_date` as
one more source, before dates read from the record's own text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from reviewer.ingest.manifest.rows import column_key
from reviewer.ingest.manifest.stored import metadata_items

# Column names (as `column_key` folds them) for each field, best first. SharePoint's are
# `Field:Name` / attribute names.
DATE_KEYS = (
    "dateoftherecord",
    "recorddate",
    "documentdate",
    "date",
    "datesent",
    "sent",
    "datecreated",
    "created",
    "creationdate",
    "fieldcreated",
    "timecreated",
    "enddate",
)
REFERENCE_KEYS = (
    "reference",
    "ref",
    "documentreference",
    "casereference",
    "caseref",
    "urn",
    "formerreference",
    "fielddocumentreference",
    "documentid",
    "fielddocid",
    "listitemdocid",
)
DESCRIPTION_KEYS = (
    "description",
    "fielddescription",
    "summary",
    "title",
    "fieldtitle",
    "subject",
    "documenttitle",
)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_UK = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$")


@dataclass(frozen=True)
class MetadataSuggestion:
    """One suggested value and where it was read (source and key, never the value itself)."""

    field: str  # date | reference | description
    value: str
    reason: str


def parse_date(value: str) -> date | None:
    """A date as exports write them: ISO (with or without time), UK day-first, '3 May 2004'."""
    text = value.strip()
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _UK.match(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if (m := _WORDS.match(text)) and m[2][:3].lower() in _MONTHS:
            return date(int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1]))
    except ValueError:
        return None
    return None


def _first(
    items: list[tuple[str, str, str]], keys: tuple[str, ...], valid: type | None = None
) -> tuple[str, str, str] | None:
    folded = [(column_key(k.replace(":", "")), source, k, v) for source, k, v in items]
    for wanted in keys:
        for key, source, original, value in folded:
            if key != wanted or not value.strip():
                continue
            if valid is date and parse_date(value) is None:
                continue
            return source, original, value.strip()
    return None


def suggestions(
    items: list[tuple[str, str, str]], today: date | None = None
) -> list[MetadataSuggestion]:
    """Date, reference and description suggestions from (source, key, value) items."""
    today = today or datetime.now().date()
    out = []
    found = _first(items, DATE_KEYS, date)
    if found is not None:
        source, key, value = found
        when = parse_date(value)
        if when is not None and date(1800, 1, 1) <= when <= today:
            out.append(MetadataSuggestion("date", when.isoformat(), f"'{key}' in {source}"))
    for name, keys in (("reference", REFERENCE_KEYS), ("description", DESCRIPTION_KEYS)):
        found = _first(items, keys)
        if found is not None:
            source, key, value = found
            out.append(MetadataSuggestion(name, value, f"'{key}' in {source}"))
    return out


def metadata_suggestions(session: Session, record_id: int) -> list[MetadataSuggestion]:
    """What the record's export metadata suggests for its date, reference and description."""
    return suggestions(metadata_items(session, record_id))


def metadata_date(session: Session, record_id: int) -> tuple[date, str] | None:
    """The date of the record the export states, with where it was read; None if none."""
    for suggestion in metadata_suggestions(session, record_id):
        if suggestion.field == "date":
            return date.fromisoformat(suggestion.value), suggestion.reason
    return None


def metadata_reference(session: Session, record_id: int) -> str:
    """The reference the export gave the record ('' if none): TDR's 'former reference'."""
    for suggestion in metadata_suggestions(session, record_id):
        if suggestion.field == "reference":
            return suggestion.value
    return ""
