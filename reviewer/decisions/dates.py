"""The 20-year rule: the year each record is due for transfer, from its date."""

from __future__ import annotations

from sqlalchemy.orm import Session

from reviewer.decisions.exemptions import settings
from reviewer.decisions.resolve import transfer_year
from reviewer.decisions.store import get_decision, get_record


def transfer_due_year(session: Session, record_id: int) -> int | None:
    """Year of the record's date (date of the record, else last modified) + 20; None if unknown."""
    record = get_record(session, record_id)
    view = get_decision(session, record_id)
    mtime_year = record.mtime.year if record.mtime else None
    return transfer_year(view.record_date, mtime_year, int(settings()["transfer_after_years"]))
