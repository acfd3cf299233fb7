"""The store: created on first use, migrated, owner-only, schema equal to the models."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from models import Base, open_store
from models.session import default_url


def test_new_store_is_created_migrated_and_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "store.sqlite"
    store = open_store(f"sqlite:///{path}")
    with store.session() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        heads = session.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        assert "0001_foundation" in heads or heads
    store.dispose()
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) & 0o077 == 0


def test_migrated_schema_matches_the_models(store: object) -> None:
    """Every table and column the models declare exists after migration, and nothing else."""
    engine = store.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_reopening_an_existing_store_keeps_data(db_url: str) -> None:
    from models.records import Collection

    first = open_store(db_url)
    with first.session() as session:
        session.add(Collection(name="c1", kind="corporate"))
    first.dispose()
    second = open_store(db_url)
    with second.session() as session:
        names = session.execute(text("SELECT name, kind FROM collections")).all()
    second.dispose()
    assert names == [("c1", "corporate")]


def test_default_url_honours_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REVIEWER_DB", f"sqlite:///{tmp_path}/x.sqlite")
    assert default_url() == f"sqlite:///{tmp_path}/x.sqlite"
    monkeypatch.delenv("REVIEWER_DB")
    url = default_url()
    assert url.startswith("sqlite:///")
    assert url.endswith("store.sqlite")
    assert os.environ["XDG_DATA_HOME"] in url  # the user's data folder, not the working directory
