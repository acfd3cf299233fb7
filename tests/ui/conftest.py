"""GUI test set-up: private QSettings, a small scanned collection, no leftover workers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

COLLECTION = "ui-test"

LETTER = (
    "Witness statement of Sarah Kendrick\n"
    "I live at 14 Acacia Avenue, Leeds LS1 4AB. My phone is 07700 900123.\n"
    "On 3 March 2004 I saw the defendant outside the Crown Court. This case concerns murder.\n"
    "Email: sarah.kendrick@example.com"
)


def _write_pdf(path: Path, pages: list[str]) -> None:
    import pymupdf

    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page()
        page.insert_text((72, 90), text, fontsize=11)
    doc.save(str(path))
    doc.close()


def _make_files(folder: Path) -> None:
    folder.mkdir(parents=True)
    _write_pdf(folder / "a_statement.pdf", [LETTER, "Page two mentions Sarah Kendrick again."])
    (folder / "b_note.txt").write_text(
        "File note: telephone call with Mark Hughes on 0113 496 0123 about the appeal.\n",
        encoding="utf-8",
    )
    (folder / "c_minutes.txt").write_text(
        "Minutes of the records board. Nothing personal.\n", encoding="utf-8"
    )


@pytest.fixture(scope="session")
def built_store(
    tmp_path_factory: pytest.TempPathFactory, make_session_db_url: Callable[[str], str]
) -> str:
    """Ingest and scan the small collection once; tests get a copy of the store (its URL)."""
    from models import open_store
    from reviewer.detect.entities import scan_collection
    from reviewer.ingest.pipeline import ingest_paths

    base = tmp_path_factory.mktemp("uistore")
    files = base / "evidence"
    _make_files(files)
    url = make_session_db_url("uistore")
    store = open_store(url)
    ingest_paths(store, [files], COLLECTION, kind="case")
    scan_collection(store, COLLECTION)
    store.dispose()
    return url


@pytest.fixture
def ui_store(built_store: str, copy_db_url: Callable[[str], str]) -> Iterator[Any]:
    from models import open_store

    store = open_store(copy_db_url(built_store))
    yield store
    store.dispose()


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path, qapp: Any) -> None:
    from ui.settings import Identity, save_identity, use_settings_folder

    use_settings_folder(tmp_path / "settings")
    save_identity(Identity("Test Reviewer", "appraiser"))


@pytest.fixture
def make_window(qtbot: Any, ui_store: Any) -> Iterator[Any]:
    """Opens windows on the test store; fails the test if any worker is still running at the end."""
    from ui.main_window import MainWindow
    from ui.settings import load_identity

    windows: list[Any] = []

    def make(collection: str = COLLECTION) -> Any:
        identity = load_identity()
        assert identity is not None
        win = MainWindow(ui_store, identity)
        qtbot.addWidget(win)
        win.resize(1400, 900)
        win.show()
        with qtbot.waitSignals([win.collection_loaded, win.record_shown], timeout=10000):
            win.open_collection(collection)
        windows.append(win)
        return win

    yield make
    leftover = [w for w in windows if w.tasks.active_count()]
    for w in windows:
        w.tasks.shutdown()
    assert not leftover, "a test left background workers running"
