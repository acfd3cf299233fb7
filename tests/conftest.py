"""Shared test set-up: headless Qt, no network, a private data folder and a fresh store per test.

Stores are SQLite files in the test's folder, unless `REVIEWER_TEST_DB` names a PostgreSQL server
(e.g. `postgresql+psycopg://postgres@127.0.0.1:54329/postgres`): then every store is a new
database on that server, dropped after the test, so the whole suite runs on both engines.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEST_SERVER = os.environ.get("REVIEWER_TEST_DB", "")
_names = itertools.count(1)


def on_postgres() -> bool:
    """True when the suite runs against a PostgreSQL server."""
    return TEST_SERVER.startswith("postgresql")


@pytest.fixture(autouse=True)
def _no_process_left() -> Iterator[None]:
    """A test must not leave a worker process running: at exit Python joins every child, so one
    leftover hangs the whole run (CI once timed out after 90 minutes on one). A leftover is
    killed, so the run still ends, and the test fails."""
    yield
    left = multiprocessing.active_children()
    for child in left:
        child.kill()
        child.join(timeout=10)
    assert not left, f"worker processes left running: {left}"


@pytest.fixture(autouse=True)
def message_boxes(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[list[str]]:
    """A message box never waits for a click that cannot come: offscreen, its modal loop blocks
    for ever and no test timeout can interrupt it (CI once hung 90 minutes on one). Each box is
    recorded instead and answered with Ok (Cancel for a question); a test that did not ask for
    this fixture by name fails if any box was shown, naming it."""
    shown: list[str] = []
    try:
        from PySide6.QtWidgets import QMessageBox
    except ImportError:  # pragma: no cover - Qt is a dependency
        yield shown
        return

    def recorder(kind: str, answer: QMessageBox.StandardButton) -> Callable[..., object]:
        def show(_parent: object, title: str, text: str, *_a: object, **_k: object) -> object:
            shown.append(f"{kind}: {title}: {text}")
            return answer

        return show

    ok, cancel = QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Cancel
    for kind in ("information", "warning", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind, ok))
    monkeypatch.setattr(QMessageBox, "question", recorder("question", cancel))
    yield shown
    if shown and "message_boxes" not in request.fixturenames:
        pytest.fail("unexpected message box: " + " | ".join(shown))


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the real user's data folder or store."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("REVIEWER_DB", raising=False)


def _admin_execute(sql: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(TEST_SERVER, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def _new_database(template: str | None = None) -> tuple[str, str]:
    """Create an empty database (or a copy of `template`) on the test server: (url, name)."""
    from sqlalchemy.engine import make_url

    database = f"rr_test_{os.getpid()}_{next(_names)}"
    copy = f' TEMPLATE "{template}"' if template else ""
    _admin_execute(f'CREATE DATABASE "{database}"{copy}')
    return make_url(TEST_SERVER).set(database=database).render_as_string(
        hide_password=False
    ), database


def _drop_database(database: str) -> None:
    _admin_execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _db_urls(sqlite_file: Callable[[str], Path]) -> Iterator[Callable[[str], str]]:
    """A factory of new, empty store URLs; PostgreSQL databases are dropped when it ends."""
    created: list[str] = []

    def make(name: str = "store") -> str:
        if not on_postgres():
            return f"sqlite:///{sqlite_file(name)}"
        url, database = _new_database()
        created.append(database)
        return url

    yield make
    for database in created:
        _drop_database(database)


@pytest.fixture
def make_db_url(tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """A factory of new, empty store URLs (`name` tells several apart); dropped after the test."""
    yield from _db_urls(lambda name: tmp_path / f"{name}.sqlite")


@pytest.fixture(scope="session")
def make_session_db_url(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[[str], str]]:
    """Like `make_db_url`, for stores built once per session (dropped at its end)."""
    yield from _db_urls(lambda name: tmp_path_factory.mktemp(name) / f"{name}.sqlite")


@pytest.fixture
def copy_db_url(tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """A factory of copies of a built store (file copy, or `CREATE DATABASE ... TEMPLATE`)."""
    import shutil

    from sqlalchemy.engine import make_url

    created: list[str] = []

    def copy(source_url: str) -> str:
        source = make_url(source_url)
        if source.get_backend_name() == "sqlite":
            target = tmp_path / f"copy{len(created)}.sqlite"
            shutil.copy(str(source.database), target)
            created.append("")
            return f"sqlite:///{target}"
        url, database = _new_database(template=source.database)
        created.append(database)
        return url

    yield copy
    for database in created:
        if database:
            _drop_database(database)


@pytest.fixture
def db_url(make_db_url: Callable[[str], str]) -> str:
    """URL of a new store: an SQLite file in the test's folder, or a new PostgreSQL database."""
    return make_db_url("store")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """An SQLite store URL whatever the engine under test, for tests about SQLite itself."""
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


@pytest.fixture
def store(db_url: str) -> Iterator[object]:
    """A new, migrated store."""
    from models import open_store

    opened = open_store(db_url)
    yield opened
    opened.dispose()
