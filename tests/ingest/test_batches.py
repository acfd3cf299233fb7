"""Reading in batches: one Siegfried call per batch, per-file isolation, workers, few commits."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from models import Store
from models.records import Record
from reviewer.detect.entities.records import load_pages
from reviewer.ingest import identify, worker
from reviewer.ingest.identify import identify_path, identify_paths
from reviewer.ingest.pipeline import ingest_paths
from reviewer.ingest.walker import walk
from reviewer.ingest.worker import IngestLimits, read_files
from reviewer.records_view import list_records
from tests.ingest.conftest import make_docx, make_pdf


def _folder(tmp_path: Path, count: int) -> Path:
    root = tmp_path / "many"
    root.mkdir()
    for i in range(count):
        (root / f"note{i:03d}.txt").write_text(f"Note number {i}.\n", encoding="utf-8")
    make_pdf(root / "statement.pdf", ["Statement page one", "Statement page two"])
    make_docx(root / "review.docx", ["Charging decision"])
    (root / "copy.pdf").write_bytes((root / "statement.pdf").read_bytes())
    (root / "empty.txt").write_bytes(b"")
    return root


def test_batch_identification_agrees_with_one_by_one(tmp_path: Path) -> None:
    root = _folder(tmp_path, 3)
    paths = [*sorted(root.iterdir()), root / "missing.pdf"]
    assert identify_paths(paths) == [identify_path(p) for p in paths]
    assert identify_paths(paths)[paths.index(root / "review.docx")].puid == "fmt/412"


def test_a_failing_batch_call_falls_back_to_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _folder(tmp_path, 2)
    paths = sorted(root.iterdir())
    expected = [identify_path(p) for p in paths]

    class Broken:
        def identify_many(self, *_a: object, **_k: object) -> Any:
            raise OSError("boom")

        def identify(self, path: str, detailed: bool = True) -> Any:
            return real.identify(path, detailed=detailed)

    real = identify.scanner()
    monkeypatch.setattr(identify, "scanner", lambda: Broken())
    assert identify_paths(paths) == expected


def test_one_bad_file_in_a_batch_is_its_own_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _folder(tmp_path, 3)
    from reviewer.ingest.extract import extract as real

    def flaky(data: bytes, name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "note001.txt":
            raise RuntimeError("reader bug")
        return real(data, name, *args, **kwargs)

    monkeypatch.setattr(worker, "extract", flaky)
    results = {r.rel_path: r for r in read_files([(f, None) for f in walk(root)], IngestLimits())}
    assert results["note001.txt"].extraction.status == "error"
    assert results["note001.txt"].extraction.message == (
        "unexpected problem while reading (RuntimeError)"
    )
    assert results["note002.txt"].extraction.status == "ok"
    assert results["statement.pdf"].extraction.page_count == 2


def test_files_not_held_in_memory_are_read_again_and_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _folder(tmp_path, 2)
    items = [(f, None) for f in walk(root)]
    held = {r.rel_path: r for r in read_files(items, IngestLimits())}
    monkeypatch.setattr(worker, "HOLD_BYTES", 0)
    again = {r.rel_path: r for r in read_files(items, IngestLimits())}
    assert again == held
    page = again["statement.pdf"].extraction.pages[0]
    assert page.text == "Statement page one"
    assert page.width and page.packed is None  # word boxes come on first use, not at ingest


def test_a_file_changed_between_hashing_and_reading_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _folder(tmp_path, 1)
    monkeypatch.setattr(worker, "HOLD_BYTES", 0)
    real = identify_paths

    def identify_then_edit(paths: list[Path]) -> Any:
        (root / "note000.txt").write_text("Edited meanwhile.\n", encoding="utf-8")
        return real(paths)

    monkeypatch.setattr(identify, "identify_paths", identify_then_edit)
    monkeypatch.setattr(worker, "_formats", identify.KnownFormats())
    results = {r.rel_path: r for r in read_files([(f, None) for f in walk(root)], IngestLimits())}
    assert results["note000.txt"].extraction.status == "error"
    assert results["note000.txt"].extraction.message == "file changed while being read"


def test_many_files_are_committed_in_few_transactions(store: Store, tmp_path: Path) -> None:
    root = _folder(tmp_path, 60)
    commits: list[int] = []
    released_outside: list[str] = []

    def after(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        # On SQLite a savepoint with no transaction around it commits when released.
        raw = conn.connection.dbapi_connection
        if statement.startswith("RELEASE SAVEPOINT") and not getattr(raw, "in_transaction", 1):
            released_outside.append(statement)

    event.listen(store.engine, "commit", lambda _conn: commits.append(1))
    event.listen(store.engine, "after_cursor_execute", after)
    summary = ingest_paths(store, [root], "c")
    assert summary.added == 64
    assert len(commits) < 10, "each file must not be a transaction of its own"
    assert released_outside == []


def test_workers_and_main_process_give_the_same_records(tmp_path: Path) -> None:
    from models import open_store

    root = _folder(tmp_path, 200)  # many batches, read by the worker and the main process
    one = open_store(f"sqlite:///{tmp_path}/one.db")
    two = open_store(f"sqlite:///{tmp_path}/two.db")
    ingest_paths(one, [root], "c", jobs=1)
    ingest_paths(two, [root], "c", jobs=2)

    def view(s: Store) -> list[tuple[object, ...]]:
        with s.session() as session:
            rows = list_records(session, "c")
            texts = dict(session.execute(select(Record.path, Record.text_sha256)).all())
        by_id = {r.id: r.path for r in rows}
        return sorted(
            (
                r.path,
                r.sha256,
                r.status,
                r.puid,
                r.pages,
                by_id.get(r.duplicate_of or 0),
                texts[r.path],
            )
            for r in rows
        )

    assert view(one) == view(two)
    assert ("statement.pdf", "copy.pdf") in [(v[0], v[5]) for v in view(two)]  # walk order
    one.dispose()
    two.dispose()


def test_a_copy_in_a_later_run_links_to_the_first(store: Store, tmp_path: Path) -> None:
    first = tmp_path / "first"
    first.mkdir()
    make_pdf(first / "original.pdf", ["The original"])
    ingest_paths(store, [first], "c")
    later = tmp_path / "later"
    later.mkdir()
    (later / "again.pdf").write_bytes((first / "original.pdf").read_bytes())
    ingest_paths(store, [later], "c")
    with store.session() as session:
        rows = {r.path: r for r in list_records(session, "c")}
    assert rows["again.pdf"].duplicate_of == rows["original.pdf"].id
    sha = hashlib.sha256((first / "original.pdf").read_bytes()).hexdigest()
    assert rows["again.pdf"].sha256 == sha


def test_a_file_whose_write_fails_leaves_nothing_half_written(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewer.ingest import writer

    root = _folder(tmp_path, 5)
    real = writer._page_rows

    def failing(record_id: int, result: Any) -> Any:
        # Pages are written after their records: the records must go too.
        if result.rel_path == "review.docx":
            raise RuntimeError("disk full")
        return real(record_id, result)

    monkeypatch.setattr(writer, "_page_rows", failing)
    with pytest.raises(RuntimeError):
        ingest_paths(store, [root], "c")
    with store.session() as session:
        paths = {r.path for r in list_records(session, "c")}
    assert "review.docx" not in paths  # its record was rolled back with its pages
    # Whatever was kept is whole: every PDF record kept has its pages.
    with store.session() as session:
        for record in session.scalars(select(Record).where(Record.name.endswith(".pdf"))):
            assert record.page_count == 2 and len(load_pages(session, record.id)) == 2
    monkeypatch.setattr(writer, "_page_rows", real)  # the disk has room again
    ingest_paths(store, [root], "c")
    with store.session() as session:
        assert len(list_records(session, "c")) == len(list(root.iterdir()))


def test_exact_copies_are_identified_once_with_the_same_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _folder(tmp_path, 2)
    (root / "copy.PDF").write_bytes((root / "statement.pdf").read_bytes())  # upper case
    asked: list[str] = []
    real = identify.identify_paths

    def counting(paths: list[Path]) -> list[Any]:
        asked.extend(p.name for p in paths)
        return real(paths)

    monkeypatch.setattr(identify, "identify_paths", counting)
    monkeypatch.setattr(worker, "_formats", identify.KnownFormats())
    items = [(f, None) for f in walk(root)]
    results = {r.rel_path: r for r in read_files(items, IngestLimits())}
    # statement.pdf, copy.pdf and copy.PDF hold the same bytes: Siegfried reads one of them
    # (extensions compare without case, as Siegfried's extension matching does).
    assert sorted(asked) == sorted(set(asked)) and len(asked) == len(items) - 2
    for name in ("copy.pdf", "copy.PDF", "statement.pdf"):
        assert results[name].ident == identify_path(root / name)
    assert results["copy.pdf"].ident.puid and results["copy.pdf"].ident.puid.startswith("fmt/")
    # A later batch meeting the same bytes again does not ask at all.
    asked.clear()
    read_files([(f, None) for f in walk(root) if f.rel_path == "copy.pdf"], IngestLimits())
    assert asked == []


def test_batches_keep_every_file_in_order_and_end_small_for_several_processes() -> None:
    """Every file once, in order; the last files in smaller batches when processes share the
    work, so that none waits long for another's last batch."""
    from reviewer.ingest.pipeline import BATCH_FILES, _batches

    jobs: list[Any] = list(range(1000))  # stand-ins for files
    alone = _batches(jobs, BATCH_FILES)
    shared = _batches(jobs, BATCH_FILES, 2)
    for batches in (alone, shared):
        assert [job for batch in batches for job in batch] == jobs
    assert {len(b) for b in alone[:-1]} == {BATCH_FILES}
    assert len(shared[0]) == BATCH_FILES and len(shared[-2]) == BATCH_FILES // 4


def test_copies_are_read_once_and_keep_the_same_text(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An attachment sent twice and a copy of it in another folder: MuPDF reads it once; all
    three records carry its pages. A copy under another extension is read again."""
    from reviewer.ingest import extract as extract_module
    from tests.ingest.conftest import make_eml

    root = tmp_path / "mail"
    (root / "later").mkdir(parents=True)
    make_pdf(tmp_path / "report.pdf", ["Forensic report page one", "Page two"])
    report = (tmp_path / "report.pdf").read_bytes()
    make_eml(root / "first.eml", "report.pdf", report)
    make_eml(root / "later" / "second.eml", "report (2).pdf", report)
    (root / "later" / "report-copy.pdf").write_bytes(report)
    (root / "later" / "report-copy.bin").write_bytes(report)
    real = extract_module.extract_pdf  # type: ignore[attr-defined]
    reads: list[int] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        reads.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(extract_module, "extract_pdf", counting)
    monkeypatch.setattr(worker, "_texts", worker.KnownTexts())  # nothing from other tests
    ingest_paths(store, [root], "c", jobs=1)
    assert len(reads) == 2  # the .pdf copies once, the .bin copy once
    with store.session() as session:
        ids = dict(session.execute(select(Record.path, Record.id)).all())
        pdfs = [p for p in ids if p.endswith((".pdf", ".bin"))]
        assert len(pdfs) == 4
        texts = {p: [page.text for page in load_pages(session, ids[p])] for p in pdfs}
    assert all(t == texts["later/report-copy.pdf"] for t in texts.values())
    assert texts["later/report-copy.pdf"][0] == "Forensic report page one"
