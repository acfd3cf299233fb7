"""The queue read most-likely-first: ranked in the background, scores and reasons shown, retrained
as decisions are saved, and back to file order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from ui.queue.queue_table_model import COL_SCORE, ROW_ROLE


def _decide(store: Any, outcomes: dict[str, str]) -> None:
    from models.records import Record
    from reviewer.decisions.save import save_appraisal
    from reviewer.decisions.types import Actor

    with store.session() as s:
        ids = {path: rid for path, rid in s.execute(select(Record.path, Record.id))}
        for path, outcome in outcomes.items():
            save_appraisal(s, ids[path], Actor("Ann", "appraiser"), outcome)
        s.commit()


def _versions(store: Any) -> int:
    """How many appraisal models were trained."""
    from models.predict import PredictionModel

    with store.session() as s:
        stmt = select(func.count()).where(PredictionModel.task == "appraisal")
        return int(s.scalar(stmt) or 0)


def _rows(win: Any) -> list[Any]:
    proxy = win.queue.proxy
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def _choose(win: Any, qtbot: Any, order: str) -> None:
    """Ctrl+Shift+K cycles the order from the keyboard until `order` is chosen."""
    for _ in range(3):
        if win.queue.current_order() == order:
            break
        qtbot.keyClick(
            win,
            Qt.Key.Key_K,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert win.queue.current_order() == order
    qtbot.waitUntil(lambda: win.tasks.active_count() == 0, timeout=20000)


def test_likely_selected_order_ranks_shows_reasons_and_goes_back(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    _decide(ui_store, {"a_statement.pdf": "select", "c_minutes.txt": "destroy"})
    win = make_window()
    assert win.queue.table.isColumnHidden(COL_SCORE)
    _choose(win, qtbot, "likely-selected")
    rows = _rows(win)
    assert rows[0].path == "b_note.txt"  # the only record not yet appraised comes first
    assert [r.rank for r in rows] == [0, 1, 2]
    assert all(r.score is not None for r in rows)
    assert not win.queue.table.isColumnHidden(COL_SCORE)
    win.queue.select_row(0)
    assert win.queue.why.toolTip().startswith("Likely ")
    assert _versions(ui_store) == 1
    _choose(win, qtbot, "file")
    assert win.queue.table.isColumnHidden(COL_SCORE)
    assert [r.path for r in _rows(win)] == sorted(r.path for r in rows)
    assert win.queue.why.text() == ""


def test_saved_decisions_retrain_the_model(
    make_window: Any, qtbot: Any, ui_store: Any, monkeypatch: Any
) -> None:
    import ui.queue.ranking as ranking

    monkeypatch.setattr(ranking, "RETRAIN_EVERY", 1)
    _decide(ui_store, {"a_statement.pdf": "select", "c_minutes.txt": "destroy"})
    win = make_window()
    _choose(win, qtbot, "likely-selected")
    assert _versions(ui_store) == 1
    win.queue.select_row(0)  # b_note.txt, undecided
    qtbot.waitUntil(lambda: win.state is not None and win.state.content.path == "b_note.txt")
    qtbot.keyClick(win, Qt.Key.Key_X)  # destroy: a new decision, the model learns again
    qtbot.waitUntil(lambda: _versions(ui_store) == 2, timeout=20000)
    qtbot.waitUntil(lambda: win.tasks.active_count() == 0, timeout=20000)
    assert all(r.rank is not None for r in _rows(win))


def test_ranked_queue_keeps_record_names_readable_at_first_run_size(
    make_window: Any, qtbot: Any
) -> None:
    """Issue 19 in the real window: at 1366x768 the Likely column squeezed the names to "M…f".
    With a likely order the names keep room to be read, the scores show whole, and nothing
    scrolls sideways."""
    from ui.queue.queue_table_model import COL_PATH, COL_STATUS

    win = make_window()
    win.resize(1366, 768 - 38)
    qtbot.wait(50)
    table = win.queue.table
    file_width = table.columnWidth(COL_PATH)
    _choose(win, qtbot, "likely-sensitive")
    qtbot.wait(50)
    assert not table.isColumnHidden(COL_SCORE)
    assert table.columnWidth(COL_PATH) >= min(file_width, 110)
    score_text = table.model().index(0, COL_SCORE).data()
    assert (
        score_text
        and table.columnWidth(COL_SCORE) >= table.fontMetrics().horizontalAdvance("Likely") + 12
    )
    assert table.horizontalScrollBar().maximum() == 0
    assert table.isColumnHidden(COL_STATUS)  # the status filter and the record's header say it
    _choose(win, qtbot, "file")
    assert not table.isColumnHidden(COL_STATUS) and table.isColumnHidden(COL_SCORE)


def test_the_reasons_line_wraps_in_a_fixed_place(make_window: Any, qtbot: Any) -> None:
    """The score and its reasons are read on two lines that never change the queue's height."""
    win = make_window()
    win.resize(1366, 768 - 38)
    height = win.queue.table.height()
    _choose(win, qtbot, "likely-sensitive")
    qtbot.wait(50)
    why = win.queue.why
    assert why.wordWrap() and why.text().startswith("Likely ")
    assert why.height() >= 2 * why.fontMetrics().lineSpacing()
    assert win.queue.table.height() == height


def test_a_records_status_is_in_its_name_tooltip() -> None:
    """With the Status column given to the score, a problem status is still one hover away."""
    from reviewer.queue import QueueRow
    from ui.queue.queue_table_model import COL_PATH, QueueTableModel

    model = QueueTableModel(
        [
            QueueRow(1, None, "a/one.txt", "one.txt", "Text", "empty", None, 0, False),
            QueueRow(2, None, "b/two.txt", "two.txt", "Text", "ok", None, 0, False),
        ]
    )
    tips = {
        model.index(r, COL_PATH).data(): model.index(r, COL_PATH).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(2)
    }
    assert tips == {"one.txt": "a/one.txt\nStatus: empty", "two.txt": "b/two.txt"}
