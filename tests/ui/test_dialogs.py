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
    qtbot.waitUntil(lambda: dialog.export_btn.isEnabled(), timeout=10000)
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
