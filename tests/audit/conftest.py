"""Fixtures: a fresh store with a small collection per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.decisions.factory import Fixture, make_store


@pytest.fixture
def fx(db_url: str) -> Iterator[Fixture]:
    f = make_store(db_url)  # SQLite, or PostgreSQL when REVIEWER_TEST_DB is set
    yield f
    f.store.dispose()
