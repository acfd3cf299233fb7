"""A folder built by an attacker ingests with every entry listed, a plain status, nothing
outside it read and nothing left behind, on SQLite and (with REVIEWER_TEST_DB) PostgreSQL."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from models import Store
from models.records import Record, RecordPage
from reviewer.ingest.pipeline import ingest_paths
from reviewer.ingest.worker import IngestLimits
from tests.hostile.corpus import OUTSIDE_SECRET, Expect, build

pytestmark = pytest.mark.skipif(os.name == "nt", reason="FIFOs, sockets and links are POSIX")

_opened: list[str] | None = None


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _opened is not None and event == "open" and args and isinstance(args[0], str | bytes):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)


@pytest.fixture
def opened() -> Iterator[list[str]]:
    """Every path Python opened while the test ran (Siegfried's own reads are of paths that
    went through the same checks first)."""
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


def _rows(store: Store) -> dict[str, Record]:
    with store.session() as session:
        return {r.path: r for r in session.scalars(select(Record))}


def _check(rows: dict[str, Record], expect: dict[str, Expect]) -> None:
    for path, want in expect.items():
        assert path in rows, f"{path!r} is not listed"
        row = rows[path]
        assert row.status == want.status, (path, row.status, row.message)
        assert want.message in row.message, (path, row.message)


@pytest.mark.timeout(240)
def test_hostile_folder_ingests_whole_with_nothing_outside_read(
    store: Store, tmp_path: Path, opened: list[str]
) -> None:
    root = tmp_path / "hostile"
    expect = build(root, sparse=8 << 20)
    # A file over the text limit is hashed and identified from its ends, never read whole.
    limits = IngestLimits(max_file_bytes=4 << 20)
    opened.clear()  # what building the folder opened
    summary = ingest_paths(store, [root], "hostile", limits=limits)
    rows = _rows(store)
    _check(rows, expect)
    top = [p for p in rows if "/" not in p or p.startswith("pipes/")]
    on_disk = [e for e in os.listdir(root) if e != "pipes"] + ["pipes/inner-fifo.txt"]
    assert len(top) == len(on_disk), "every entry is listed once"
    assert summary.files_seen == len(on_disk)
    # Nothing outside the folder was opened (the scratch folder holds only our own copies).
    scratch = os.path.realpath(tempfile.gettempdir())
    allowed = (os.path.realpath(root), scratch, os.path.realpath(tmp_path / "store.sqlite"))
    outside = [
        p
        for p in opened
        if os.path.isabs(p)
        and not os.path.realpath(p).startswith(allowed)
        and not p.startswith((sys.prefix, sys.base_prefix, "/proc", "/sys", "/dev/null"))
        and "site-packages" not in p
        and not p.endswith((".py", ".pyc", ".so"))
    ]
    assert not [p for p in outside if p.startswith(("/etc", "/dev"))], outside
    assert not [p for p in opened if "outside" in os.path.basename(os.path.dirname(p))]
    with store.session() as session:
        texts = session.scalars(select(RecordPage.text)).all()
    assert not any(OUTSIDE_SECRET in t for t in texts), "text from outside the folder stored"
    assert not any("\x00" in t for t in texts)
    # The healthy file beside the hostile ones is stored, text and all.
    with store.session() as session:
        healthy = rows["healthy.txt"].id
        page = session.scalar(select(RecordPage.text).where(RecordPage.record_id == healthy))
    assert page == "A healthy file beside the hostile ones.\n"


@pytest.mark.timeout(240)
def test_nul_text_is_the_same_on_every_engine_and_a_rerun_adds_nothing(
    store: Store, tmp_path: Path
) -> None:
    root = tmp_path / "nul"
    root.mkdir()
    (root / "a.txt").write_bytes(b"Name: Jo Bloggs\x00NINO AB123456C\n")
    (root / "b.txt").write_text("healthy\n")
    ingest_paths(store, [root], "c")
    again = ingest_paths(store, [root], "c")
    assert again.added == 0 and again.unchanged == 2
    rows = _rows(store)
    with store.session() as session:
        stored = session.scalar(
            select(RecordPage.text).where(RecordPage.record_id == rows["a.txt"].id)
        )
    # One for one: detection offsets into the text still hold.
    assert stored == "Name: Jo Bloggs\ufffdNINO AB123456C\n"
    assert rows["a.txt"].message == (
        "1 character no store can hold (NUL or invalid) replaced with U+FFFD"
    )
    assert "AB123456C" not in rows["a.txt"].message


@pytest.mark.timeout(240)
def test_store_integrity_after_the_hostile_folder(store: Store, tmp_path: Path) -> None:
    root = tmp_path / "hostile"
    build(root, bombs=False)
    ingest_paths(store, [root], "hostile")
    with store.session() as session:
        orphans = session.scalar(
            text(
                "SELECT count(*) FROM records c LEFT JOIN records p ON c.parent_id = p.id "
                "WHERE c.parent_id IS NOT NULL AND p.id IS NULL"
            )
        )
        pages = session.scalar(
            text(
                "SELECT count(*) FROM record_pages g LEFT JOIN records r ON g.record_id = r.id "
                "WHERE r.id IS NULL"
            )
        )
        if session.get_bind().dialect.name == "sqlite":
            assert session.scalar(text("PRAGMA integrity_check")) == "ok"
    assert orphans == 0 and pages == 0


def _refusing_fields(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The store refuses any row for `name` (as PostgreSQL refuses a NUL in text)."""
    from sqlalchemy.exc import DataError

    from reviewer.ingest import writer

    real = writer._fields

    def fields(result: object, now: object) -> dict[str, object]:
        values = real(result, now)  # type: ignore[arg-type]
        if values["name"] == name and values["status"] != "error":
            raise DataError("INSERT", {}, ValueError("refused: Jo Bloggs AB123456C"))
        return values

    monkeypatch.setattr(writer, "_fields", fields)


@pytest.mark.timeout(240)
def test_a_value_the_store_refuses_is_one_error_record_not_a_stopped_batch(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "batch"
    root.mkdir()
    for i in range(5):
        (root / f"f{i}.txt").write_text(f"file {i}\n")
    (root / "f1 copy.txt").write_text("file 1\n")  # exact copies still linked
    _refusing_fields(monkeypatch, "f2.txt")
    summary = ingest_paths(store, [root], "c")
    rows = _rows(store)
    assert set(rows) == {"f0.txt", "f1.txt", "f1 copy.txt", "f2.txt", "f3.txt", "f4.txt"}
    assert rows["f2.txt"].status == "error"
    assert rows["f2.txt"].message == "could not be stored: the store refused a value (ValueError)"
    assert all(rows[p].status == "ok" for p in rows if p != "f2.txt")
    assert rows["f1.txt"].duplicate_of_id == rows["f1 copy.txt"].id
    assert summary.added == 6 and summary.statuses["error"] == 1
    assert summary.records_written == 6
    with store.session() as session:
        assert (
            session.scalar(select(RecordPage.text).where(RecordPage.record_id == rows["f3.txt"].id))
            == "file 3\n"
        )
    again = ingest_paths(store, [root], "c")
    assert again.added == 0


@pytest.mark.skipif(not os.environ.get("REVIEWER_TEST_DB"), reason="PostgreSQL refuses NUL")
@pytest.mark.timeout(240)
def test_postgresql_refusing_a_nul_stops_nothing(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even if a NUL slipped past the writer, PostgreSQL's refusal is that file's error."""
    from reviewer.ingest import writer

    monkeypatch.setattr(writer, "storable_result", lambda result: result)
    root = tmp_path / "nul"
    root.mkdir()
    (root / "a.txt").write_bytes(b"Name: Jo Bloggs\x00NINO AB123456C\n")
    (root / "b.txt").write_text("healthy\n")
    ingest_paths(store, [root], "c")
    rows = _rows(store)
    assert rows["a.txt"].status == "error" and "AB123456C" not in rows["a.txt"].message
    assert rows["b.txt"].status == "ok"
