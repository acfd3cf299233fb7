"""Ingesting a messy folder: every file accounted for, evidence untouched, re-runs idempotent."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Store
from models.records import Record
from reviewer.ingest.access import record_bytes
from reviewer.ingest.pipeline import ingest_paths
from reviewer.progress import Cancelled, RecordingProgress
from reviewer.records_view import list_records
from tests.ingest.conftest import make_pdf


def _snapshot(root: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            out[str(path)] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                path.stat().st_mtime_ns,
            )
    return out


def _by_path(store: Store, name: str = "c") -> dict[str, object]:
    with store.session() as session:
        return {r.path: r for r in list_records(session, name)}


def test_every_file_is_listed_with_a_correct_status(store: Store, messy_tree: Path) -> None:
    before = _snapshot(messy_tree)
    summary = ingest_paths(store, [messy_tree], "c")
    rows = _by_path(store)
    assert _snapshot(messy_tree) == before, "a source file changed"
    status = {path: row.status for path, row in rows.items()}  # type: ignore[attr-defined]
    assert status["statements/witness.pdf"] == "ok"
    assert status["statements/review.docx"] == "ok"
    assert status["note.txt"] == "ok"
    assert status["empty.txt"] == "empty"
    assert status["Thumbs.db"] == "excluded"
    assert status["broken.pdf"] == "corrupt"
    assert status["bundle.zip"] == "ok"
    assert status["bundle.zip/inside/memo.txt"] == "ok"
    assert [s for p, s in status.items() if p.startswith("bundle.zip/") and "evil" in p] == [
        "error"
    ]
    assert status["email.eml/summary.pdf"] == "ok"
    if os.name != "nt":
        assert status["statements/loop"] == "unsupported"
    assert summary.files_seen == len(
        [
            p
            for p in rows
            if "/" not in p
            or (p.count("/") == 1 and not p.startswith(("bundle.zip/", "email.eml/")))
        ]
    )


def test_checksums_match_sha256sum_and_formats_are_identified(
    store: Store, messy_tree: Path
) -> None:
    ingest_paths(store, [messy_tree], "c")
    rows = _by_path(store)
    for rel in ("statements/witness.pdf", "statements/review.docx", "note.txt"):
        expected = hashlib.sha256((messy_tree / rel).read_bytes()).hexdigest()
        assert rows[rel].sha256 == expected  # type: ignore[attr-defined]
    assert rows["statements/witness.pdf"].puid.startswith("fmt/")  # type: ignore[attr-defined]
    assert rows["statements/review.docx"].puid == "fmt/412"  # type: ignore[attr-defined]
    assert rows["statements/witness.pdf"].pages == 2  # type: ignore[attr-defined]


def test_exact_duplicates_are_linked_to_the_first_copy(store: Store, messy_tree: Path) -> None:
    ingest_paths(store, [messy_tree], "c")
    rows = _by_path(store)
    original = rows["statements/witness.pdf"]
    copy = rows["copies/witness copy.pdf"]
    attachment = rows["email.eml/summary.pdf"]
    first = min(original.id, copy.id, attachment.id)  # type: ignore[attr-defined]
    dups = [r for r in (original, copy, attachment) if r.duplicate_of is not None]  # type: ignore[attr-defined]
    assert len(dups) == 2
    assert all(r.duplicate_of == first for r in dups)  # type: ignore[attr-defined]


def test_rerun_adds_nothing_and_a_changed_file_is_reported(store: Store, messy_tree: Path) -> None:
    ingest_paths(store, [messy_tree], "c")
    with store.session() as session:
        count = session.scalar(select(func.count()).select_from(Record))
    again = ingest_paths(store, [messy_tree], "c")
    assert again.added == 0 and again.changed == 0
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Record)) == count
    (messy_tree / "note.txt").write_text("A plain note, since edited.\n", encoding="utf-8")
    third = ingest_paths(store, [messy_tree], "c")
    assert third.changed == 1 and third.changed_paths == ["note.txt"]
    with store.session() as session:
        row = session.scalar(select(Record).where(Record.path == "note.txt"))
        assert row is not None and row.previous_sha256 and row.previous_sha256 != row.sha256
        assert "changed" in row.message


def test_cancelled_ingest_keeps_what_was_done_and_a_rerun_finishes(
    store: Store, messy_tree: Path
) -> None:
    with pytest.raises(Cancelled):
        ingest_paths(store, [messy_tree], "c", progress=RecordingProgress(cancel_after=4))
    with store.session() as session:
        partial = session.scalar(
            select(func.count()).select_from(Record).where(Record.parent_id.is_(None))
        )
    assert partial and partial >= 1
    summary = ingest_paths(store, [messy_tree], "c")
    assert summary.unchanged == partial
    full = ingest_paths(store, [messy_tree], "c")
    assert full.added == 0


def test_two_workers_give_the_same_records(
    make_db_url: Callable[[str], str], messy_tree: Path
) -> None:
    from models import open_store

    one, two = open_store(make_db_url("one")), open_store(make_db_url("two"))
    ingest_paths(one, [messy_tree], "c", jobs=1)
    ingest_paths(two, [messy_tree], "c", jobs=2)

    def view(s: Store) -> list[tuple[object, ...]]:
        return sorted((r.path, r.sha256, r.status, r.puid, r.pages) for r in _by_path(s).values())  # type: ignore[attr-defined]

    assert view(one) == view(two)


def test_children_bytes_come_back_from_their_parent(store: Store, messy_tree: Path) -> None:
    ingest_paths(store, [messy_tree], "c")
    rows = _by_path(store)
    with store.session() as session:
        memo = record_bytes(session, rows["bundle.zip/inside/memo.txt"].id)  # type: ignore[attr-defined]
        att = record_bytes(session, rows["email.eml/summary.pdf"].id)  # type: ignore[attr-defined]
    assert memo == b"A memo inside an archive."
    assert att == (messy_tree / "statements" / "witness.pdf").read_bytes()


def test_unreadable_file_is_reported_not_fatal(
    store: Store, messy_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file the user may not read (as on a locked-down share) is listed with an error."""
    secret = messy_tree / "secret.txt"
    secret.write_text("x")
    from reviewer.ingest import worker

    real_open = worker.open_regular

    def guarded_open(path: Path) -> object:
        if path.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(path)

    monkeypatch.setattr(worker, "open_regular", guarded_open)
    summary = ingest_paths(store, [messy_tree], "c")
    row = _by_path(store)["secret.txt"]
    assert row.status == "error"  # type: ignore[attr-defined]
    assert row.message == "cannot read file: permission denied"  # type: ignore[attr-defined]
    assert _by_path(store)["note.txt"].status == "ok"  # type: ignore[attr-defined]
    assert ("secret.txt", "error", "cannot read file: permission denied") in summary.problems


@pytest.mark.skipif(os.name == "nt", reason="POSIX file names can hold any bytes")
def test_file_name_that_is_not_utf8_is_ingested_and_readable(store: Store, tmp_path: Path) -> None:
    root = tmp_path / "odd"
    root.mkdir()
    raw = os.path.join(os.fsencode(root), b"caf\xe9 note.txt")
    with open(raw, "wb") as handle:
        handle.write(b"latin-1 named file")
    make_pdf(root / "statement.pdf", ["Statement"])  # batched with the odd name
    (root / "plain.txt").write_bytes(b"latin-1 named file")
    ingest_paths(store, [root], "c")
    rows = _by_path(store)
    assert set(rows) == {"caf\ufffd note.txt", "statement.pdf", "plain.txt"}
    odd = rows["caf\ufffd note.txt"]
    with store.session() as session:
        assert record_bytes(session, odd.id) == b"latin-1 named file"  # type: ignore[attr-defined]
    # Siegfried cannot take the name itself: it identifies a private copy, as it would the file.
    assert odd.puid == rows["plain.txt"].puid == "x-fmt/111"  # type: ignore[attr-defined]
    assert rows["statement.pdf"].puid.startswith("fmt/")  # type: ignore[attr-defined]
    assert list(root.iterdir()) and len(list(root.iterdir())) == 3  # nothing left beside them


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_links_that_lead_nowhere_say_why(store: Store, tmp_path: Path) -> None:
    root = tmp_path / "links"
    root.mkdir()
    os.symlink(root / "b", root / "a")
    os.symlink(root / "a", root / "b")
    os.symlink(root / "gone.txt", root / "dangling")
    ingest_paths(store, [root], "c")
    rows = _by_path(store)
    for name, other in (("a", "b"), ("b", "a")):
        assert (rows[name].status, rows[name].message) == (  # type: ignore[attr-defined]
            "error",
            f"link to {root / other}: link loop: the link leads back to itself",
        )
    assert rows["dangling"].message == (  # type: ignore[attr-defined]
        f"link to {root / 'gone.txt'}: broken link: its target does not exist"
    )


def test_a_misnamed_file_is_read_for_what_it_is_and_says_so(store: Store, tmp_path: Path) -> None:
    root = tmp_path / "misnamed"
    root.mkdir()
    make_pdf(root / "minutes.docx", ["Minutes of the board"])  # a PDF saved as .docx
    make_pdf(root / "report.pdf", ["A report"])
    ingest_paths(store, [root], "c")
    rows = _by_path(store)
    misnamed = rows["minutes.docx"]
    assert (misnamed.status, misnamed.puid) == ("ok", rows["report.pdf"].puid)  # type: ignore[attr-defined]
    assert misnamed.message.startswith("extension .docx does not match its format (")  # type: ignore[attr-defined]
    assert "PDF" in misnamed.message  # type: ignore[attr-defined]
    assert rows["report.pdf"].message == ""  # type: ignore[attr-defined]


def test_huge_file_is_hashed_but_not_read(store: Store, tmp_path: Path) -> None:
    from reviewer.ingest.worker import IngestLimits

    root = tmp_path / "big"
    root.mkdir()
    (root / "big.txt").write_bytes(b"a" * 5000)
    ingest_paths(store, [root], "c", limits=IngestLimits(max_file_bytes=1000))
    row = _by_path(store)["big.txt"]
    assert row.status == "too_large"  # type: ignore[attr-defined]
    assert row.sha256 == hashlib.sha256(b"a" * 5000).hexdigest()  # type: ignore[attr-defined]
