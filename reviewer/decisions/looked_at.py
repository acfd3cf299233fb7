"""A reviewer's confirmation that someone looked at a record no scan could read.

Images, scanned pages without text, audio and video (and records never scanned) show no
personal data because nothing was read, not because there is none. They cannot go Open until a
reviewer confirms that someone looked at (or listened to) them; the confirmation is per record,
never inherited, and is an audit event like any decision.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from reviewer.decisions.store import change_own_field, check_actor, get_record
from reviewer.decisions.types import Actor, DecisionError, DecisionView


def confirm_looked_at(
    session: Session, record_id: int, actor: Actor, *, undo: bool = False
) -> DecisionView:
    """Record that `actor` looked at the record (or withdraw it with `undo=True`)."""
    problems = check_actor(actor)
    if problems:
        raise DecisionError(problems)
    kind = "looked_at_withdrawn" if undo else "looked_at"
    value = "" if undo else actor.name
    return change_own_field(
        session, get_record(session, record_id), actor, kind, "looked_at_by", value
    )
