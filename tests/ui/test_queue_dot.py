"""Issue 13: the queue's personal-data dot after a save agrees with the core's rule
(`reviewer.detect.labels.shown_by_default`): an organisation, place or date alone gives none."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.ui.conftest import COLLECTION


def _core_dot(store: Any, record_id: int) -> bool:
    from reviewer.queue import load_queue

    with store.session() as s:
        rows = load_queue(s, COLLECTION).rows
    return next(r.has_personal_data for r in rows if r.id == record_id)


def _minutes_with_only_an_org(store: Any) -> int:
    """c_minutes.txt given one live span, an organisation (hidden by default)."""
    from reviewer.detect.entities.corrections import add_manual_entity
    from reviewer.queue import load_queue

    with store.session() as s:
        row = next(r for r in load_queue(s, COLLECTION).rows if r.name == "c_minutes.txt")
        add_manual_entity(s, row.id, 15, 28, "ORG", "Test Reviewer")  # "records board"
        s.commit()
    return row.id


def test_saved_record_with_only_an_org_gets_no_dot(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    rid = _minutes_with_only_an_org(ui_store)
    assert _core_dot(ui_store, rid) is False
    win = make_window()
    with qtbot.waitSignal(win.record_shown, timeout=10000):
        win.queue.select_record(rid)
    assert any(m.label == "ORG" and not m.dismissed for m in win.state.span_marks)
    with qtbot.waitSignal(win.refreshed, timeout=10000):
        qtbot.keyClick(win, Qt.Key.Key_S)  # a save refreshes the record's queue row
    row = win.queue.model.record_at(win.queue.model.row_of(rid))
    assert row.has_personal_data is False
    assert row.has_personal_data == _core_dot(ui_store, rid)


def test_saved_record_with_a_person_keeps_its_dot(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    rid = win.state.content.record_id  # the statement: a name, a phone, an e-mail
    with qtbot.waitSignal(win.refreshed, timeout=10000):
        qtbot.keyClick(win, Qt.Key.Key_S)
    assert win.queue.model.record_at(win.queue.model.row_of(rid)).has_personal_data is True
