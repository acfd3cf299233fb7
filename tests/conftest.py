"""Shared test set-up: headless Qt, no network, a private data folder and a fresh store per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """URL of a new SQLite store in the test's folder."""
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


@pytest.fixture
def store(db_url: str) -> Iterator[object]:
    """A new, migrated store."""
    from models import open_store

    opened = open_store(db_url)
    yield opened
    opened.dispose()
