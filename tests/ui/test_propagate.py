"""Edit → Apply decision to copies and attachments: shown first, applied only when confirmed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.ui.conftest import COLLECTION
from tests.ui.test_review_flow import _decision, settle


def _add_copy(store: Any, record_id: int, folder: Path) -> int:
    from models.records import Record
    from reviewer.ingest.access import record_bytes
    from reviewer.ingest.pipeline import ingest_paths

    with store.session() as s:
        data = record_bytes(s, record_id)
    folder.mkdir()
    (folder / "statement copy.pdf").write_bytes(data)
    ingest_paths(store, [folder], COLLECTION)
    with store.session() as s:
        return int(s.scalar(select(Record.id).where(Record.path == "statement copy.pdf")))


def test_decision_reaches_an_exact_copy_only_after_confirmation(
    make_window: Any, qtbot: Any, ui_store: Any, tmp_path: Path
) -> None:
    from ui.propagate_actions import propagate_current

    win = make_window()
    original = win.state.content.record_id
    copy = _add_copy(ui_store, original, tmp_path / "copies")
    qtbot.keyClick(win, Qt.Key.Key_S)  # select for transfer
    settle(qtbot, win)
    assert _decision(ui_store, original).appraisal == "select"

    shown: list[str] = []
    declined = propagate_current(
        win, confirm=lambda _w, _t, details: shown.append(details) or False
    )
    assert declined == 0
    assert "exact copy: statement copy.pdf" in shown[0]
    assert _decision(ui_store, copy).appraisal is None

    applied = propagate_current(win, confirm=lambda *_a: True)
    settle(qtbot, win)
    assert applied == 1
    assert _decision(ui_store, copy).appraisal == "select"
