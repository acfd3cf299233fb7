"""F5 reloads the queue: decisions saved meanwhile by another process (another reviewer on a
team store, the command line) show without restarting. Ctrl+Q quits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from reviewer.decisions import Actor, save_appraisal
from ui.queue.queue_table_model import COL_APPRAISAL


def test_f5_shows_decisions_saved_by_another_process(make_window: Any, qtbot: Any) -> None:
    from models import open_store

    win = make_window()
    rid = win.state.content.record_id
    other = open_store(win.store.engine.url.render_as_string(hide_password=False))
    try:
        with other.session() as s:
            save_appraisal(s, rid, Actor("Someone Else", "appraiser"), "select", [], "kept")
    finally:
        other.dispose()
    assert _appraisal(win, rid) == ""
    with qtbot.waitSignal(win.collection_loaded, timeout=10000):
        qtbot.keyClick(win.queue.table, Qt.Key.Key_F5)
    assert _appraisal(win, rid) == "select"
    assert win.state.content.record_id == rid  # the record on screen stays


def _appraisal(win: Any, rid: int) -> str:
    from ui.queue.queue_table_model import RECORD_ID_ROLE

    model = win.queue.model
    for row in range(model.rowCount()):
        if model.index(row, 0).data(RECORD_ID_ROLE) == rid:
            return str(model.index(row, COL_APPRAISAL).data() or "")
    raise AssertionError("record not in the queue")


def test_ctrl_q_quits(make_window: Any, qtbot: Any) -> None:
    win = make_window()
    qtbot.keyClick(win.queue.table, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=3000)
