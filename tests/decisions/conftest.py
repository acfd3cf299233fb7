"""Fixtures: a fresh store with a small collection per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.decisions.factory import Fixture, make_store


@pytest.fixture
def fx(tmp_path: Path) -> Iterator[Fixture]:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    f = make_store(url)
    yield f
    f.store.dispose()
