"""Edit → Appraise this record's folder: every record without its own decision inherits it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.ui.test_review_flow import _decision, settle


def test_folder_outcome_is_inherited_unless_a_record_has_its_own(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    from ui.folder_actions import appraise_folder

    win = make_window()
    first = win.state.content.record_id
    qtbot.keyClick(win, Qt.Key.Key_S)  # the first record is selected on its own
    settle(qtbot, win)
    with qtbot.waitSignal(win.record_shown):
        qtbot.keyClick(win, Qt.Key.Key_J)
    second = win.state.content.record_id
    assert appraise_folder(win, answer=("retain", "kept by the department"))
    settle(qtbot, win)
    assert _decision(ui_store, first).appraisal == "select"
    inherited = _decision(ui_store, second)
    assert inherited.appraisal == "retain"
    assert inherited.appraisal_inherited


def test_destroying_a_folder_under_a_legal_hold_is_refused(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    from reviewer.decisions import Actor, create_hold
    from ui.folder_actions import appraise_folder

    win = make_window()
    with ui_store.session() as s:
        create_hold(
            s,
            win.state.content.collection_id,
            Actor("Records Manager", "appraiser"),
            "Undercover Policing Inquiry",
        )
    assert not appraise_folder(win, answer=("destroy", "end of retention"))
    assert _decision(ui_store, win.state.content.record_id).appraisal is None
