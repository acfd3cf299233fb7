"""A `qa` row of a decisions import is a checker's second review, not a decision.

It is stored as the checker's review beside the first decision (`reviewer.qa.blind`), so it
never becomes the record's decision — nor reaches `decisions export` or a transfer — until the
outcome is recorded (uphold keeps the first decision, overturn saves the checker's).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

QA_ROLE = "qa"


def save_checker_review(
    session: Session, record_id: int, checker: str, sensitivity: dict[str, Any] | None
) -> None:
    """Store a checker's sensitivity judgment from a table row as their second review."""
    from reviewer.decisions.types import DecisionError
    from reviewer.qa.blind import submit_review
    from reviewer.qa.types import QaDecision

    if sensitivity is None:
        raise DecisionError(["a qa row needs the checker's closure status"])
    decision = QaDecision(
        closure_status=sensitivity["closure_status"],
        redacted=bool(sensitivity.get("redact_labels")),
        exemptions=tuple((str(c), int(p)) for c, p in sensitivity.get("exemptions") or ()),
        title_closed=bool(sensitivity.get("title_closed")),
        title_alternate=sensitivity.get("title_alternate") or "",
        description_closed=bool(sensitivity.get("description_closed")),
        description_alternate=sensitivity.get("description_alternate") or "",
        closure_start_date=sensitivity.get("closure_start_date"),
        foi_schedule_date=sensitivity.get("foi_schedule_date"),
    )
    submit_review(session, record_id, checker, decision, source="import")
