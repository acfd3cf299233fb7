"""Make the README's screenshots into docs/screenshots/ from the bundled sample collection.

Runs headless (QT_QPA_PLATFORM=offscreen) on a throw-away store and settings folder:
`uv run python scripts/screenshots.py`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:

    from PySide6.QtCore import QEventLoop

    from models import open_store
    from reviewer.progress import NullProgress
    from ui.app import application
    from ui.first_run import prepare_sample
    from ui.main_window import MainWindow
    from ui.screenshot import SIZE, save_grab
    from ui.settings import Identity, save_identity, use_settings_folder

    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        use_settings_folder(Path(tmp) / "settings")
        save_identity(Identity("A. Reviewer", "sensitivity"))
        store = open_store(f"sqlite:///{Path(tmp) / 'store.sqlite'}")
        name = prepare_sample(store, NullProgress())
        win = MainWindow(store, Identity("A. Reviewer", "sensitivity"))
        win.resize(*SIZE)
        win.show()
        loop = QEventLoop()
        win.record_shown.connect(lambda _rid: loop.quit())
        win.open_collection(name)
        loop.exec()
        shots = []
        # 1. the first record, as `reviewer gui --screenshot` shows it
        save_grab(win, OUT / "main-window.png")
        shots.append("main-window.png")
        # 2. a PDF with personal data highlighted, on the sensitivity tab
        rows = win.queue.model.rows()
        pdf = next(
            (r for r in rows if r.path.lower().endswith(".pdf") and r.has_personal_data), None
        )
        if pdf is not None:
            win.queue.select_record(pdf.id)
            loop.exec()
            win.decision_tabs.setCurrentWidget(win.sensitivity)
            win.step_span(1)
            save_grab(win, OUT / "pdf-sensitivity.png")
            shots.append("pdf-sensitivity.png")
        # 3. the keyboard shortcuts
        win.show_shortcuts()
        app.processEvents()
        win.shortcuts_dialog.grab().save(str(OUT / "shortcuts.png"), "PNG")
        shots.append("shortcuts.png")
        win.shortcuts_dialog.close()
        win.close()
        store.dispose()
    for s in shots:
        print(OUT / s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
