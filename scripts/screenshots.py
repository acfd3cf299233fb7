"""Make the README's screenshots into docs/screenshots/ from the bundled sample collection.

Runs headless (QT_QPA_PLATFORM=offscreen) on a throw-away store and settings folder:
`uv run python scripts/screenshots.py`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def wait_for(app: Any, done: Callable[[], bool], seconds: float = 30) -> None:
    """Run the event loop until `done()` or the time is up."""
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def select_all(win: Any, rows: Any) -> None:
    from reviewer.decisions import Actor
    from reviewer.decisions.save import save_appraisal

    with win.store.session() as s:
        for row in rows:
            if row.status == "ok":
                save_appraisal(s, row.id, Actor("A. Appraiser", "appraiser"), "select", [], "")


def blind_review(win: Any, rows: Any) -> Any:
    """Decide a few records as a contractor, draw a sample, open the checker's window."""
    from reviewer.decisions import Actor
    from reviewer.decisions.save import save_appraisal, save_sensitivity
    from reviewer.qa.sampling import draw_sample
    from ui.qa.qa_window import open_blind_review
    from ui.settings import Identity

    contractor = Actor("C. Contractor", "sensitivity")
    with win.store.session() as s:
        for row in rows[:6]:
            appraiser = Actor("C. Contractor", "appraiser")
            save_appraisal(s, row.id, appraiser, "select", [], "Case file")
            save_sensitivity(s, row.id, contractor, closure_status="Open")
        draw_sample(s, win.collection.collection_id, size=3, seed=11, actor="Q. Checker")
    win.identity = Identity("Q. Checker", "qa")
    return open_blind_review(win)


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
        # 3. the export dialog listing what stops the transfer
        from ui.export.actions import open_export_dialog

        select_all(win, rows)  # selected for transfer, sensitivity not yet reviewed
        dialog = open_export_dialog(win)
        if dialog is not None:
            wait_for(app, lambda: dialog.model.rowCount() > 0 or dialog.export_btn.isEnabled())
            dialog.grab().save(str(OUT / "export-dialog.png"), "PNG")
            shots.append("export-dialog.png")
            dialog.reject()
        # 4. blind second review of a sample of decided records
        qa = blind_review(win, rows)
        if qa is not None:
            app.processEvents()
            qa.grab().save(str(OUT / "qa-blind-review.png"), "PNG")
            shots.append("qa-blind-review.png")
            qa.close()
        # 5. the survey of a folder (the sample's own files)
        from ui import survey_actions

        survey_actions.survey_folder(win, ROOT / "resources" / "sample", Path(tmp) / "survey")
        wait_for(app, lambda: bool(win.survey_windows), 120)
        if win.survey_windows:
            view = win.survey_windows[-1]
            app.processEvents()
            view.grab().save(str(OUT / "survey-view.png"), "PNG")
            shots.append("survey-view.png")
            view.close()
        # 6. the keyboard shortcuts
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
