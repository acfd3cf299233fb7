"""The date of the record and the "looked at" confirmation, saved from the sensitivity tab.

Each change goes through `reviewer.decisions` as an undoable step (`ui.edits`), so it is an
audit event with who and when; a suggested date is only applied when the reviewer presses Use.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reviewer import decisions as dec


def wire(win: Any) -> None:
    """Connect the sensitivity tab's record facts to the store."""
    facts = win.sensitivity.facts
    facts.date_chosen.connect(lambda value: set_date(win, value))
    facts.suggest_requested.connect(lambda: suggest(win))
    facts.looked_at_changed.connect(lambda on: set_looked_at(win, on))


def show(win: Any, view: Any) -> None:
    """Show the current record's date and confirmation (called when a record is shown)."""
    state = win.state
    win.sensitivity.facts.load(
        getattr(view, "record_date", None),
        getattr(view, "looked_at_by", ""),
        state is not None and state.view.needs_look,
        state.view.look_reason if state is not None else "",
    )


def set_date(win: Any, value: date | None) -> None:
    rid, state = win._record_id(), win.state
    if rid is None or state is None or state.decision is None:
        return
    actor, before = win._actor(), state.decision.record_date
    saved = win.edits.apply(
        f"date of record {rid}",
        rid,
        lambda s: dec.set_record_date(s, rid, actor, value),
        lambda s: dec.set_record_date(s, rid, actor, before),
    )
    if saved is None:  # refused (e.g. a future date): show the stored date again, not the typed
        show(win, state.decision)


def suggest(win: Any) -> None:
    """Ask the record for its own date and show it with the reason (nothing is saved)."""
    from reviewer.decisions.date_suggest import suggest_record_date

    rid = win._record_id()
    if rid is None:
        return
    with win.store.session() as session:
        found = suggest_record_date(session, rid)
    win.sensitivity.facts.show_suggestion(found)


def set_looked_at(win: Any, on: bool) -> None:
    from reviewer.decisions.looked_at import confirm_looked_at

    rid = win._record_id()
    if rid is None:
        return
    actor = win._actor()
    win.edits.apply(
        f"looked at record {rid}" if on else f"withdraw looked at record {rid}",
        rid,
        lambda s: confirm_looked_at(s, rid, actor, undo=not on),
        lambda s: confirm_looked_at(s, rid, actor, undo=on),
    )
