"""The window's export, quality-check and survey entries, driven as a reviewer would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.ui.conftest import COLLECTION


def _decide_all(store: Any, sensitivity: bool = True) -> None:
    """Select every record and (unless told not to) open it, so it can be transferred."""
    from reviewer.decisions import Actor
    from reviewer.decisions.save import save_appraisal, save_sensitivity
    from reviewer.queue import load_queue

    with store.session() as s:
        for row in load_queue(s, COLLECTION).rows:
            save_appraisal(s, row.id, Actor("Ann", "appraiser"), "select", [], "Case papers")
            if sensitivity:
                save_sensitivity(s, row.id, Actor("Sam", "sensitivity"), closure_status="Open")


def test_export_problems_jump_to_the_record(make_window: Any, qtbot: Any, ui_store: Any) -> None:
    from ui.export.actions import open_export_dialog
    from ui.export.problems_table_model import RECORD_ID_ROLE

    _decide_all(ui_store, sensitivity=False)  # selected, but nobody has reviewed sensitivity
    win = make_window()
    dialog = open_export_dialog(win)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10000)
    assert not dialog.export_btn.isEnabled()
    assert "stop" in dialog.verdict.text()
    assert "no sensitivity decision" in dialog.model.index(0, 1).data()
    rows = [dialog.model.index(r, 0) for r in range(dialog.model.rowCount())]
    target = next(
        i for i in rows if i.data(RECORD_ID_ROLE) not in (None, win.state.content.record_id)
    )
    with qtbot.waitSignal(win.record_shown, timeout=10000):
        dialog.table.doubleClicked.emit(target)
    assert win.state.content.record_id == target.data(RECORD_ID_ROLE)
    dialog.reject()


def test_export_writes_the_bag_in_the_background(
    make_window: Any, qtbot: Any, ui_store: Any, tmp_path: Path
) -> None:
    from ui.export.actions import open_export_dialog
    from ui.export.export_dialog import ExportDialog

    _decide_all(ui_store)
    win = make_window()
    dialog = open_export_dialog(win)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.export_btn.isEnabled(), timeout=10000)
    assert dialog.model.rowCount() == 0
    bag = tmp_path / "bag"
    dialog.folder.setText(str(bag))
    dialog.fields["source_organization"].setText("Crown Prosecution Service")
    dialog.fields["contact_email"].setText("records@example.com")
    with qtbot.waitSignal(dialog.finished_export, timeout=60000):
        qtbot.mouseClick(dialog.export_btn, Qt.MouseButton.LeftButton)
    assert dialog.summary.records == 3
    assert "Transfer written" in dialog.verdict.text()
    info = (bag / "bag-info.txt").read_text(encoding="utf-8")
    assert "Source-Organization: Crown Prosecution Service" in info
    assert (bag / "metadata.csv").is_file() or (bag / "data").is_dir()
    # the bag-info fields are remembered for the next export
    again = ExportDialog(ui_store, COLLECTION, win.tasks)
    qtbot.addWidget(again)
    assert again.fields["contact_email"].text() == "records@example.com"


def test_export_cancel_writes_nothing(
    make_window: Any, qtbot: Any, ui_store: Any, tmp_path: Path
) -> None:
    from ui.export.actions import open_export_dialog

    _decide_all(ui_store)
    win = make_window()
    dialog = open_export_dialog(win)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.export_btn.isEnabled(), timeout=10000)
    bag = tmp_path / "bag"
    dialog.folder.setText(str(bag))
    dialog.export()
    assert dialog.cancel_btn.text() == "Cancel"
    qtbot.mouseClick(dialog.cancel_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30000)
    if dialog.summary is None:  # cancelled before the end: nothing left behind
        assert "Cancelled" in dialog.verdict.text()
        assert not bag.exists() or not any(bag.iterdir())


def test_appraisal_report_from_the_menu(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    from ui.export.actions import appraisal_report

    win = make_window()
    out = tmp_path / "report.pdf"
    appraisal_report(win, out)
    qtbot.waitUntil(lambda: win.tasks.active_count() == 0, timeout=30000)
    assert out.read_bytes().startswith(b"%PDF")


def test_blind_review_opens_from_the_quality_menu(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    from reviewer.qa.sampling import draw_sample
    from reviewer.queue import load_queue

    _decide_all(ui_store)
    with ui_store.session() as s:
        draw_sample(s, load_queue(s, COLLECTION).collection_id, size=2, seed=7, actor="Quinn")
    from ui.settings import Identity

    win = make_window()
    win.identity = Identity("Test Reviewer", "qa")
    menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Quality check")
    action = next(a for a in menu.actions() if a.text().startswith("Blind second review"))
    action.trigger()
    qa = win._blind_review
    assert qa.isVisible()
    assert "checker Test Reviewer" in qa.windowTitle()
    qa.close()


def test_survey_a_folder_then_open_it_again(
    make_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from ui import survey_actions

    warnings: list[str] = []
    monkeypatch.setattr(
        survey_actions.QMessageBox, "warning", lambda _w, _t, text: warnings.append(text)
    )
    root = tmp_path / "share"
    (root / "team").mkdir(parents=True)
    (root / "team" / "minutes.txt").write_text("Minutes of the board.\n", encoding="utf-8")
    (root / "team" / "copy.txt").write_text("Minutes of the board.\n", encoding="utf-8")
    win = make_window()
    out = tmp_path / "survey-out"
    survey_actions.survey_folder(win, root, out)
    qtbot.waitUntil(lambda: bool(win.survey_windows), timeout=120000)
    shown = win.survey_windows[-1]
    assert shown.isVisible()
    assert "share" in shown.windowTitle()
    ages = shown.view.models["Age"]
    year = ages.index(0, 0).data()
    assert year.isdigit() and len(year) == 4, year  # "2026", never "2,026"
    assert ages.index(0, 3).data() == str(int(year) + 20)
    again = survey_actions.open_survey(win, out)
    assert again is not None
    assert again.view is not None
    assert survey_actions.open_survey(win, tmp_path / "nowhere") is None
    assert "No survey summary" in warnings[0]


def test_menu_items_show_their_keys_and_each_key_still_works(
    make_window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    """A menu item says its shortcut (as a mature desktop tool's do) and the key is bound once:
    the menu's text only shows it, so Qt never finds the key ambiguous."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMenu

    from ui import ingest_actions
    from ui.shortcuts import SHORTCUTS

    win = make_window()
    shown = {
        a.text().split("\t", 1)[1]
        for top in win.menuBar().actions()
        if isinstance(top.menu(), QMenu)
        for a in top.menu().actions()
        if "\t" in a.text()
    }
    assert {"Ctrl+O", "Ctrl+Shift+O", "Ctrl+Shift+L", "Ctrl+E", "Ctrl+Shift+Q"} <= shown
    assert shown <= {key for s in SHORTCUTS for key in s.keys}
    assert all(
        a.shortcut().isEmpty()
        for top in win.menuBar().actions()
        if top.menu()
        for a in top.menu().actions()
        if "\t" in a.text()
    )
    chosen: list[str] = []
    monkeypatch.setattr(ingest_actions, "choose_collection", lambda _w: chosen.append("open"))
    win.activateWindow()
    win.queue.table.setFocus()
    qtbot.keyClick(
        win.queue.table,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert chosen == ["open"]


def test_the_first_tab_is_the_reviewers_own_work(make_window: Any) -> None:
    """A sensitivity reviewer (or QA checker) opening the window for the first time lands on
    the Sensitivity tab, an appraiser on Appraisal; a tab the reviewer chose is kept."""
    from ui.settings import Identity, save_identity

    assert make_window().decision_tabs.currentIndex() == 0  # the fixture's appraiser
    save_identity(Identity("Sam", "sensitivity"))
    win = make_window()
    assert win.decision_tabs.currentWidget() is win.sensitivity
    win.decision_tabs.setCurrentIndex(0)
    win.save_layout()
    assert make_window().decision_tabs.currentIndex() == 0


def test_ctrl_commands_work_while_typing_in_a_field(
    make_window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    """Seen in the real window: with the find box focused, Ctrl+E (Export) only moved the
    cursor to the end of the line (a line edit's own Ctrl+E on Linux)."""
    from PySide6.QtCore import Qt

    from ui.export import actions as export_actions

    opened: list[str] = []
    monkeypatch.setattr(export_actions, "open_export_dialog", lambda _w: opened.append("export"))
    from PySide6.QtCore import QEvent, QObject

    class EmacsKeys(QObject):
        """What Qt's X11 key theme does for a line edit (the offscreen one does not): the
        field claims Ctrl+E (end of line) before window shortcuts see it."""

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_E:
                event.accept()
                return True
            return False

    win = make_window()
    win.activateWindow()
    find = win.viewer.find_box
    claims = EmacsKeys(find)
    find.installEventFilter(claims)
    find.setFocus()
    qtbot.keyClicks(find, "Maltster")
    find.setCursorPosition(0)
    qtbot.keyClick(find, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["export"]
    assert find.cursorPosition() == 0  # the field did not take the key
    qtbot.keyClick(find, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert find.selectedText() == "Maltster"  # editing keys stay the field's
