"""Every correction made in the window is signed with the reviewer's own role: seen in the new
History tab, an appraiser's dismissed highlight was recorded as made in the sensitivity role."""

from __future__ import annotations

from typing import Any

from reviewer.audit import record_history
from tests.ui.test_review_flow import settle


def _kinds(win: Any, rid: int) -> dict[str, tuple[str, str]]:
    with win.store.session() as s:
        return {e.kind: (e.actor, e.role) for e in record_history(s, rid)}


def test_highlight_corrections_carry_the_reviewers_role(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    rid = win.state.content.record_id
    span = next(s for s in win.state.view.spans if not s.dismissed)
    win.dismiss_entity(span.entity_id, "record")
    settle(qtbot, win)
    win.restore_entity(span.entity_id)
    settle(qtbot, win)
    win.add_manual(0, 7, "PERSON")
    settle(qtbot, win)
    win.undo()  # removes the mark added by hand
    settle(qtbot, win)
    signed = _kinds(win, rid)
    me = ("Test Reviewer", "appraiser")
    for kind in ("entity_dismissed", "entity_restored", "entity_added", "entity_removed"):
        assert signed[kind] == me, kind
