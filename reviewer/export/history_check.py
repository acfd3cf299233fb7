"""A transfer is made only from a store whose history accounts for it.

The bag states what was decided: closures, redactions, who looked at a recording. A row
changed outside the tool (plain SQL, another program) is exactly what `reviewer audit verify`
reports, so the transfer's check (`list_problems`, the readiness check) runs it too and stops on
any problem: a decision opened by hand in the database, or a playing typed in, never reaches
TNA looking like a reviewer's decision.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from reviewer.audit.verify import verify
from reviewer.export.plan import ExportProblem

WHAT_NEXT = (
    "nothing is exported until an administrator restores the store from a backup or accepts "
    "the changes into the history (reviewer audit verify lists them; reviewer audit baseline "
    "--reason accepts them)"
)


def history_problems(session: Session) -> list[ExportProblem]:
    """`history_problem` as the transfer's problem list (empty or one line)."""
    line = history_problem(session)
    return [] if line is None else [ExportProblem(None, "", line)]


def history_problem(session: Session) -> str | None:
    """One line (no personal data: tables and keys only) when the history does not account for
    the store, else None. Reads what is committed, in a session of its own, so the caller's own
    unsealed changes are not taken for changes made outside the tool."""
    with Session(bind=session.get_bind()) as own:
        result = verify(own)
    if result.ok:
        return None
    if not result.problems:
        return f"the history is broken at event {result.first_bad_event_id}: {result.reason}; " + (
            WHAT_NEXT
        )
    n = len(result.problems)
    return (
        f"the history does not account for {n} change(s) made outside the tool "
        f"({result.reason}); {WHAT_NEXT}"
    )
