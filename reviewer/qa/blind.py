"""The checker's blind second review: a record without its first decision, then the comparison.

`blind_view` deliberately builds its value from the record and its text only; nothing from the
decisions tables is read, so the screen cannot show what the first reviewer decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.qa import QaReview
from models.records import Record, RecordPage
from reviewer.decisions.exemptions import allowed_codes
from reviewer.decisions.types import DecisionError
from reviewer.qa.compare import Comparison, compare
from reviewer.qa.sources import first_decision
from reviewer.qa.types import QaDecision


@dataclass(frozen=True)
class BlindRecord:
    """What the checker sees before deciding: the record and its text, never a decision."""

    record_id: int
    path: str
    name: str
    format: str
    status: str
    pages: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\f".join(self.pages)


def blind_view(session: Session, record_id: int) -> BlindRecord:
    record = session.get(Record, record_id)
    if record is None:
        raise DecisionError([f"record {record_id} does not exist"])
    pages = session.scalars(
        select(RecordPage.text)
        .where(RecordPage.record_id == record_id)
        .order_by(RecordPage.page_no)
    )
    return BlindRecord(
        record_id=record.id,
        path=record.path,
        name=record.name,
        format=record.format_name or record.mime or "",
        status=record.status,
        pages=tuple(pages),
    )


def checker_problems(decision: QaDecision) -> list[str]:
    """What is missing or wrong in a checker's decision.

    A closed judgment needs its closure start and FOI schedule dates: if the outcome is an
    overturn, this is what is saved as the record's decision, and an outcome recorded later
    must never fail on a field the checker was not asked for."""
    problems: list[str] = []
    if decision.closure_status not in ("Open", "Closed"):
        return ["choose a closure status: Open or Closed"]
    allowed = set(allowed_codes())
    if decision.closure_status == "Closed" and not decision.exemptions:
        problems.append("a closed record needs at least one FOI exemption with its period")
    if decision.closure_status == "Closed":
        if decision.closure_start_date is None:
            problems.append("a closed record needs its closure start date")
        if decision.foi_schedule_date is None:
            problems.append("a closed record needs its FOI schedule date")
    if decision.closure_status == "Open" and (decision.exemptions or decision.redacted):
        problems.append("an open record has no exemptions (choose Closed for open with redactions)")
    for code, period in decision.exemptions:
        if code not in allowed:
            problems.append(f"{code!r} is not an FOI exemption code TNA accepts")
        if not 1 <= period <= 150:
            problems.append(f"closure period for {code} must be whole years from 1 to 150")
    if len({c for c, _ in decision.exemptions}) != len(decision.exemptions):
        problems.append("each FOI exemption code once")
    for what, closed, alternate in (
        ("title", decision.title_closed, decision.title_alternate),
        ("description", decision.description_closed, decision.description_alternate),
    ):
        if closed and not alternate.strip():
            problems.append(f"a closed {what} needs an alternate {what}")
    return problems


def submit_review(
    session: Session,
    record_id: int,
    checker: str,
    decision: QaDecision,
    *,
    sample_id: int | None = None,
    source: str = "gui",
) -> tuple[int, Comparison]:
    """Store the checker's decision beside the first one (frozen now); return review id and diff."""
    problems = [] if checker.strip() else ["the checker's name is required"]
    problems += checker_problems(decision)
    record = session.get(Record, record_id)
    if record is None:
        raise DecisionError([f"record {record_id} does not exist"])
    first = first_decision(session, record.collection_id, record_id)
    if first is None:
        problems.append(f"record {record_id} has no sensitivity decision to check")
    elif first.person == checker:
        problems.append("a checker cannot check their own decision")
    if problems or first is None:
        raise DecisionError(problems)
    row = session.scalar(
        select(QaReview).where(QaReview.record_id == record_id, QaReview.checker == checker)
    )
    if row is not None and row.outcome is not None:
        raise DecisionError([f"record {record_id} already has an outcome ({row.outcome})"])
    result = compare(first.decision, decision)
    if row is None:
        row = QaReview(record_id=record_id, collection_id=record.collection_id, checker=checker)
        session.add(row)
    row.sample_id = sample_id if sample_id is not None else row.sample_id
    row.first_reviewer = first.person
    row.first_decision = first.decision.to_json()
    row.checker_decision = decision.to_json()
    row.source = source
    row.agrees = result.agrees
    row.submitted_at = utcnow()
    row.outcome_note = ""
    session.flush()
    return row.id, result


def review_ids(session: Session, record_ids: Sequence[int], checker: str) -> dict[int, int]:
    """Review id by record for a checker's reviews of these records."""
    stmt = select(QaReview.record_id, QaReview.id).where(
        QaReview.record_id.in_(list(record_ids)), QaReview.checker == checker
    )
    return {int(r): int(i) for r, i in session.execute(stmt)}
