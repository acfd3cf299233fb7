"""Tools → Survey a folder… / Open survey…: run `reviewer.survey.survey` in a worker and show
its summary in `ui.survey.survey_view.SurveyView` (the survey area's widget) in a window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from ui import settings

if TYPE_CHECKING:
    from ui.workbench import Workbench


class SurveyWindow(QMainWindow):
    def __init__(self, summary: Any, title: str, parent: QWidget | None = None) -> None:
        from ui.survey.survey_view import SurveyView

        super().__init__(parent)
        self.setObjectName("surveyWindow")
        self.setWindowTitle(f"Survey — {title}")
        self.view = SurveyView()
        self.view.set_summary(summary)
        self.setCentralWidget(self.view)
        self.resize(1150, 800)


def show_summary(win: Workbench, summary: Any, title: str) -> SurveyWindow:
    window = SurveyWindow(summary, title, win.as_parent())
    window.show()
    win.survey_windows.append(window)
    return window


def results_start(root: Path) -> Path:
    """Where the results folder is first offered: the last one used, else the user's documents;
    never beside or inside the evidence (a survey must not write into what it surveys)."""
    last = settings.load_text("survey/results", "")
    candidates = [Path(last)] if last else []
    candidates += [Path.home() / "Documents", Path.home()]
    for folder in candidates:
        inside = folder.resolve().is_relative_to(root.resolve().parent)
        if folder.is_dir() and not inside:
            return folder
    return Path.home()


def survey_folder(win: Workbench, root: Path | None = None, out_dir: Path | None = None) -> None:
    """Ask for the folder to survey and where the results go, then survey in the background."""
    from reviewer.survey import survey

    start = settings.load_text("survey/last", str(Path.home()))
    if root is None:
        chosen = QFileDialog.getExistingDirectory(
            win.as_parent(), "Folder to survey (nothing is ingested)", start
        )
        if not chosen:
            return
        root = Path(chosen)
    if out_dir is None:
        chosen = QFileDialog.getExistingDirectory(
            win.as_parent(),
            "Folder for the results (droid.csv, report.html)",
            str(results_start(root)),
        )
        if not chosen:
            return
        settings.save_text("survey/results", chosen)
        out_dir = Path(chosen) / f"survey-{root.name or 'drive'}"
    settings.save_text("survey/last", str(root))
    target, results = root, out_dir
    win.status(f"Surveying {root.name}…")
    win.tasks.run(
        lambda progress: survey(target, results, None, progress),
        name="surveying the folder",
        on_done=lambda summary: show_summary(win, summary, target.name),
        on_failed=lambda msg: QMessageBox.warning(win.as_parent(), "Survey", msg),
        on_progress=win.report_progress,
        on_cancelled=lambda: win.status("Survey stopped; run it again to continue where it left."),
    )


def open_survey(win: Workbench, out_dir: Path | None = None) -> SurveyWindow | None:
    """Show a survey made earlier (its results folder)."""
    from reviewer.survey import load_summary

    if out_dir is None:
        start = settings.load_text("survey/last", str(Path.home()))
        chosen = QFileDialog.getExistingDirectory(
            win.as_parent(), "A survey's results folder", start
        )
        if not chosen:
            return None
        out_dir = Path(chosen)
    try:
        summary = load_summary(out_dir)
    except (OSError, ValueError, KeyError) as exc:
        QMessageBox.warning(
            win.as_parent(),
            "Open survey",
            f"No survey summary could be read there ({type(exc).__name__}).",
        )
        return None
    return show_summary(win, summary, out_dir.name)
