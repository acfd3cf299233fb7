"""Which collection opens: the one asked for, the last one used, else the bundled sample.

On first run the sample is ingested into the store and scanned for personal data, in the
background with progress, so `reviewer` on a fresh machine opens with highlights visible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from models import Store
from reviewer.queue import list_collections
from ui import settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SAMPLE = "sample"


def collection_exists(store: Store, name: str) -> bool:
    with store.session() as session:
        return any(n == name for n, _k in list_collections(session))


def prepare_sample(store: Store, progress: Any) -> str:
    """Ingest and scan the bundled sample unless it is already in the store."""
    from reviewer.sample import ensure_sample_collection

    if collection_exists(store, SAMPLE):
        return SAMPLE
    # Ingests and scans both sample collections (a no-op for what is already there).
    return ensure_sample_collection(store, progress)


def start_collection_name(store: Store, asked: str | None) -> str | None:
    """The collection to open now, or None when the sample must be prepared first."""
    if asked:
        return asked
    last = settings.load_text("collection/last")
    if last and collection_exists(store, last):
        return last
    return SAMPLE if collection_exists(store, SAMPLE) else None


def open_start_collection(win: MainWindow, asked: str | None) -> None:
    name = start_collection_name(win.store, asked)
    if name is not None:
        win.open_collection(name)
        return
    win.where.setText("Preparing the sample collection (first run)…")
    store = win.store
    win.tasks.run(
        lambda progress: prepare_sample(store, progress),
        name="preparing the sample",
        on_progress=win.report_progress,
        on_done=win.open_collection,
        on_failed=lambda msg: win.where.setText(f"The sample could not be prepared: {msg}"),
    )
