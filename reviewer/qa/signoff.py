"""Countersigning a checked batch: the checker accepts or returns it on the batch's figures.

The figures the decision was made on are frozen with the signature and an audit event is
appended, so a later change of threshold or of reviews cannot alter what was signed.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from models.base import utcnow
from models.qa import QaBatch
from reviewer.audit.chain import append_event
from reviewer.decisions.types import DecisionError
from reviewer.qa.batches import BatchView, batch_view
from reviewer.qa.own_batch import own_batch_problem
from reviewer.qa.report import DEFAULT_THRESHOLD, build_report


def countersign(
    session: Session,
    batch_id: int,
    checker: str,
    *,
    decision: str | None = None,
    note: str = "",
    threshold: float = DEFAULT_THRESHOLD,
) -> BatchView:
    """Accept or return a done/checked batch; `decision` None follows the recommendation."""
    b = session.get(QaBatch, batch_id)
    if b is None:
        raise DecisionError([f"batch {batch_id} does not exist"])
    problems = [] if checker.strip() else ["the checker's name is required"]
    own = own_batch_problem(session, b, checker, "countersign their")
    if own:
        problems.append(own)
    if b.status not in ("done", "checked"):
        problems.append(
            f"batch {batch_id} is {b.status}: only a done or checked batch is countersigned"
        )
    if decision not in (None, "accept", "return"):
        problems.append("decision must be accept or return")
    report = build_report(session, b.collection_id, "", batch_id=batch_id, threshold=threshold)
    if report.figures.reviewed == 0:
        problems.append(f"batch {batch_id} has no second reviews to countersign")
    if report.figures.pending:
        problems.append(
            f"batch {batch_id} has {report.figures.pending} disagreement(s) without an outcome"
        )
    chosen = decision or report.recommendation
    if chosen == "return" and not note.strip():
        problems.append("say why the batch is returned (a note for the reviewer)")
    if problems:
        raise DecisionError(problems)
    status = "accepted" if chosen == "accept" else "returned"
    figures = {
        **report.figures.to_json(),
        "threshold": threshold,
        "recommendation": report.recommendation,
        "decision": chosen,
    }
    before = {"status": b.status}
    b.status = status
    b.countersigned_by = checker.strip()
    b.countersigned_at = utcnow()
    b.countersign_note = note.strip()
    b.countersign_figures = figures
    b.updated_at = b.countersigned_at
    append_event(
        session,
        actor=checker.strip(),
        role="qa",
        kind="qa_countersign",
        target=f"qa_batch:{b.id}",
        before=before,
        after={"status": status, "note": b.countersign_note, "figures": figures},
        collection_id=b.collection_id,
    )
    session.flush()
    return batch_view(session, batch_id)
