"""`reviewer gui --screenshot FILE.png`: lay out the window on the first record and save a PNG."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reviewer.progress import NullProgress
from ui.first_run import prepare_sample, start_collection_name

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)
TIMEOUT_MS = 120_000
SIZE = (1600, 960)


def save_grab(win: MainWindow, path: Path) -> bool:
    QApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    return win.grab().save(str(path), "PNG")


def capture_when_ready(win: MainWindow, collection: str | None, path: Path) -> None:
    """Open `collection` (preparing the sample if needed), then grab once the first record shows."""
    app = QApplication.instance()
    assert app is not None, "the Qt application is made before the window"
    name = start_collection_name(win.store, collection) or prepare_sample(win.store, NullProgress())
    win.edits.read_only = True  # a screenshot never stamps a decision
    win.resize(*SIZE)
    win.show()

    def shot(_record_id: int) -> None:
        win.record_shown.disconnect(shot)
        # Let the viewer paint its first page before grabbing.
        QTimer.singleShot(150, lambda: app.exit(0 if save_grab(win, path) else 1))

    def empty(_name: str) -> None:
        if win.queue.model.rowCount() == 0:
            app.exit(0 if save_grab(win, path) else 1)

    win.record_shown.connect(shot)
    win.collection_loaded.connect(empty)

    def timed_out() -> None:
        log.error("screenshot timed out")
        app.exit(1)

    QTimer.singleShot(TIMEOUT_MS, timed_out)
    win.open_collection(name)
