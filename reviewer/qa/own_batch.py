"""Nobody checks or countersigns their own work: a batch's reviewers are not its checkers.

A batch's reviewers are the person it is assigned to as reviewer and everyone whose sensitivity
decision on one of its records is the first decision QA compares with. (The store refuses a
reviewer login's countersignature too, in team mode; this is the same rule for names.)
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.qa import QaAssignment, QaBatch, QaBatchRecord
from reviewer.qa.sources import first_decisions


def batch_reviewers(session: Session, batch: QaBatch) -> set[str]:
    """Who reviewed the batch's records (assigned, or author of a first decision)."""
    people = set(
        session.scalars(
            select(QaAssignment.person).where(
                QaAssignment.batch_id == batch.id, QaAssignment.role == "reviewer"
            )
        )
    )
    records = set(
        session.scalars(select(QaBatchRecord.record_id).where(QaBatchRecord.batch_id == batch.id))
    )
    firsts = first_decisions(session, batch.collection_id)
    people |= {r.person for rid, r in firsts.items() if rid in records}
    return {p.strip() for p in people if p and p.strip()}


def own_batch_problem(session: Session, batch: QaBatch, person: str, action: str) -> str | None:
    """A one-line refusal when `person` reviewed records of `batch`, else None."""
    if person.strip() in batch_reviewers(session, batch):
        return f"{person.strip()} reviewed records of batch {batch.id}: cannot {action} own batch"
    return None
