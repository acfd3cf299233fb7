"""Starting the workstation: the Qt application, identity on first run, the sample collection."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from models import Store
from ui import settings

STYLE = Path(__file__).resolve().parent.parent / "resources" / "ui" / "style.qss"


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setStyle("Fusion")
    if STYLE.is_file():
        app.setStyleSheet(STYLE.read_text(encoding="utf-8"))
    return app


def ask_identity(interactive: bool) -> settings.Identity | None:
    """The saved identity; on first run ask for it (non-interactive runs use the login name)."""
    identity = settings.load_identity()
    if identity is not None:
        return identity
    if not interactive:
        import getpass

        return settings.Identity(getpass.getuser() or "reviewer", "appraiser")
    from ui.dialogs.identity_dialog import IdentityDialog

    dialog = IdentityDialog()
    if not dialog.exec():
        return None
    identity = dialog.identity()
    settings.save_identity(identity)
    return identity


def build_window(store: Store, identity: settings.Identity) -> Any:
    from ui.main_window import MainWindow

    return MainWindow(store, identity)


def run(store: Store, collection: str | None, screenshot: Path | None) -> int:
    """Open the window on `collection` (else the last or the sample); `screenshot`: save, exit."""
    app = application()
    identity = ask_identity(interactive=screenshot is None)
    if identity is None:
        return 1
    win = build_window(store, identity)
    if screenshot is not None:
        from ui.screenshot import capture_when_ready

        capture_when_ready(win, collection, screenshot)
        return app.exec()
    if win.property("fillsScreen"):
        win.showMaximized()
    else:
        win.show()
    from ui.first_run import open_start_collection

    QTimer.singleShot(0, lambda: open_start_collection(win, collection))
    return app.exec()
