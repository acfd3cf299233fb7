"""Ingest and detection started from the GUI: folder/file pickers, background work, progress.

The work itself is `reviewer.ingest.pipeline.ingest_paths` and
`reviewer.detect.entities.scan_collection`, run through `ui.tasks`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

if TYPE_CHECKING:
    from ui.workbench import Workbench


def _collection_choice(win: Workbench, paths: list[Path]) -> tuple[str, str] | None:
    """The collection (and, for a new one, its kind) the files go into, asked in one dialog."""
    from reviewer.queue import list_collections
    from ui.dialogs.ingest_dialog import IngestDialog

    with win.store.session() as session:
        collections = list_collections(session)
    current = win.collection.collection_name if win.collection else None
    what = paths[0].name if len(paths) == 1 else f"{len(paths):,} items"
    dialog = IngestDialog(collections, current, f"Ingest {what}.", win.as_parent())
    win.ingest_dialog = dialog  # reachable by tests and the walkthrough while open
    if not dialog.exec():
        return None
    return dialog.choice()


def ingest_folder(win: Workbench) -> None:
    folder = QFileDialog.getExistingDirectory(win.as_parent(), "Ingest a folder (read-only)")
    if folder:
        start_ingest(win, [Path(folder)])


def ingest_files(win: Workbench) -> None:
    files, _ = QFileDialog.getOpenFileNames(win.as_parent(), "Ingest files (read-only)")
    if files:
        start_ingest(win, [Path(f) for f in files])


def ingest_with_metadata(win: Workbench) -> None:
    """A folder and the export's manifest describing it (CSV, XLSX, SharePoint Manifest.xml).

    Manifests and sidecars inside the folder are found anyway; this is for one kept apart."""
    folder = QFileDialog.getExistingDirectory(win.as_parent(), "Ingest a folder (read-only)")
    if not folder:
        return
    manifest, _ = QFileDialog.getOpenFileName(
        win.as_parent(),
        "The export's metadata file",
        folder,
        "Metadata manifests (*.csv *.xlsx *.xml *.json);;All files (*)",
    )
    if not manifest:
        return
    from reviewer.ingest.manifest import ManifestError, read_manifest

    try:
        read_manifest(Path(manifest))
    except ManifestError as exc:
        _problem(win, f"{Path(manifest).name} cannot be used as metadata: {exc}")
        return
    start_ingest(win, [Path(folder)], metadata=[Path(manifest)])


def start_ingest(
    win: Workbench,
    paths: list[Path],
    collection: str | None = None,
    kind: str | None = None,
    then_scan: bool = True,
    metadata: list[Path] | None = None,
) -> None:
    if collection is None:
        chosen = _collection_choice(win, paths)
        if chosen is None:
            return
        collection, kind = chosen[0], kind or chosen[1]
    name = collection
    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.spawning import default_jobs

    store = win.store

    def work(progress: Any) -> Any:
        return ingest_paths(
            store,
            paths,
            name,
            kind=kind,
            jobs=default_jobs(),
            progress=progress,
            metadata=metadata or (),
        )

    def done(summary: Any) -> None:
        report = getattr(summary, "metadata", None)
        described = ""
        if report is not None:
            described = (
                f"; metadata for {report.records_described} records, "
                f"{report.unmatched_count} manifest rows not used, "
                f"{report.without_row_count} files with no row"
            )
        win.status(f"Ingest finished into '{name}'{described}")
        win.open_collection(name)
        if then_scan:
            scan(win, name)

    def cancelled() -> None:
        win.status("Ingest cancelled; files read so far are kept")
        win.open_collection(name)

    win.tasks.run(
        work,
        name="ingest",
        on_done=done,
        on_progress=win.report_progress,
        on_failed=lambda m: _problem(win, m),
        on_cancelled=cancelled,
    )


def scan(win: Workbench, name: str | None = None) -> None:
    """Detect personal data in the collection in the background, then refresh the view."""
    name = name or (win.collection.collection_name if win.collection else None)
    from reviewer.detect.entities.scan import default_jobs, scan_collection

    if not name:
        return
    store = win.store

    def work(progress: Any) -> Any:
        return scan_collection(store, name, default_jobs(), progress)

    def finished(message: str) -> None:
        win.status(message)
        win.reload_queue()

    win.tasks.run(
        work,
        name="personal-data scan",
        on_progress=win.report_progress,
        on_done=lambda _s: finished("Personal-data scan finished"),
        on_failed=lambda m: _problem(win, m),
        on_cancelled=lambda: finished("Scan cancelled"),
    )


def choose_collection(win: Workbench) -> None:
    from reviewer.queue import list_collections

    with win.store.session() as session:
        names = [n for n, _k in list_collections(session)]
    if not names:
        win.status("No collections yet: ingest a folder first (Ctrl+O)")
        return
    dialog = QInputDialog(win.as_parent())
    dialog.setWindowTitle("Open collection")
    dialog.setLabelText("Collection:")
    dialog.setComboBoxItems(names)
    dialog.setComboBoxEditable(False)
    # Wide enough for its title and the longest name: the window manager cuts a title that
    # does not fit ("Open … ection").
    metrics = dialog.fontMetrics()
    widest = max(metrics.horizontalAdvance(n) for n in [*names, "Open collection"])
    dialog.setMinimumWidth(min(widest + 160, 640))
    if dialog.exec() == QInputDialog.DialogCode.Accepted:
        win.open_collection(dialog.textValue())


def _problem(win: Workbench, message: str) -> None:
    QMessageBox.warning(win.as_parent(), "Records Reviewer", message)
