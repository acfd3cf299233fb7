"""Dialogs validate before they start and can always be cancelled or closed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.ui.test_menus import _decide_all


def test_export_into_a_non_empty_folder_is_refused_up_front(
    make_window: Any, qtbot: Any, ui_store: Any, tmp_path: Path
) -> None:
    from ui.export.actions import open_export_dialog

    _decide_all(ui_store)
    win = make_window()
    dialog = open_export_dialog(win)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.export_btn.isEnabled() and dialog.task is None, timeout=10000)
    used = tmp_path / "earlier-bag"
    used.mkdir()
    (used / "bag-info.txt").write_text("x", encoding="utf-8")
    dialog.folder.setText(str(used))
    qtbot.mouseClick(dialog.export_btn, Qt.MouseButton.LeftButton)
    assert dialog.task is None, "nothing started"
    assert "not empty" in dialog.verdict.text()
    assert dialog.cancel_btn.text() == "Close"
    assert dialog.check_btn.isEnabled()
    assert sorted(p.name for p in used.iterdir()) == ["bag-info.txt"]
    dialog.reject()


def test_a_task_that_ends_at_once_never_leaves_the_dialog_busy(
    make_window: Any, qtbot: Any, ui_store: Any
) -> None:
    """The end of a task is connected before it starts: a quick failure frees the dialog."""
    from ui.export.actions import open_export_dialog

    _decide_all(ui_store)
    win = make_window()
    dialog = open_export_dialog(win)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)

    def boom(_progress: Any) -> Any:
        raise OSError("disk full")

    for _ in range(20):
        dialog._start(boom, lambda _r: None, "exporting the transfer")
        qtbot.waitUntil(lambda: dialog.task is None, timeout=5000)
        assert dialog.cancel_btn.text() == "Close"
    dialog.reject()


def test_ingest_dialog_asks_the_kind_of_a_new_collection(qtbot: Any) -> None:
    from ui.dialogs.ingest_dialog import IngestDialog

    dialog = IngestDialog([("op-lantern", "case"), ("board", "corporate")], "op-lantern", "x")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.kind.isEnabled()  # an existing collection keeps its kind
    dialog.name.setCurrentText("board")
    assert dialog.choice() == ("board", "corporate")
    dialog.name.setCurrentText("policy files 2004")
    assert dialog.kind.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("corporate"))
    assert dialog.choice() == ("policy files 2004", "corporate")
    title_width = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert dialog.width() > title_width + 120  # room for the title beside the frame's buttons
    dialog.name.setCurrentText("  ")
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()


def test_survey_results_never_default_beside_the_evidence(tmp_path: Path, monkeypatch: Any) -> None:
    from ui import settings
    from ui.survey_actions import results_start

    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    evidence = home / "evidence" / "drive"
    evidence.mkdir(parents=True)
    monkeypatch.setattr(Path, "home", staticmethod(lambda: home))
    assert results_start(evidence) == home / "Documents"
    settings.save_text("survey/results", str(evidence.parent))  # a bad earlier choice
    assert results_start(evidence) == home / "Documents"
    elsewhere = tmp_path / "reports"
    elsewhere.mkdir()
    settings.save_text("survey/results", str(elsewhere))
    assert results_start(evidence) == elsewhere


def test_open_collection_is_wide_enough_for_its_title_and_opens_the_choice(
    make_window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    """A dialog sized to its combo box had its title cut by the window manager
    ("Open … ection"); it now fits its title and names, and opens what was chosen."""
    from PySide6.QtWidgets import QInputDialog

    from tests.ui.conftest import COLLECTION
    from ui import ingest_actions

    win = make_window()
    seen: dict[str, Any] = {}

    def accept(dialog: QInputDialog) -> int:
        seen["width"] = dialog.minimumWidth()
        seen["title"] = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
        seen["items"] = dialog.comboBoxItems()
        dialog.setTextValue(COLLECTION)
        return int(QInputDialog.DialogCode.Accepted)

    monkeypatch.setattr(QInputDialog, "exec", accept)
    opened: list[str] = []
    monkeypatch.setattr(win, "open_collection", opened.append)
    ingest_actions.choose_collection(win)
    assert seen["width"] >= seen["title"] + 120
    assert COLLECTION in seen["items"]
    assert opened == [COLLECTION]
