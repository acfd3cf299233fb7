"""Nothing left behind: workers die with their parent however it dies; a killed run's scratch
folder and a killed export's partial bag are removed at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer import scratch
from reviewer.export.bag import staging, sweep_partials

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                kids = (task / "children").read_text().split()
            except OSError:
                continue
            for kid in map(int, kids):
                if kid not in found:
                    found.add(kid)
                    todo.append(kid)
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _corpus(root: Path, files: int) -> None:
    import pymupdf

    doc = pymupdf.open()
    for p in range(3):
        doc.new_page().insert_text((72, 72), f"Statement page {p}\n" * 40)
    pdf = doc.tobytes()
    doc.close()
    root.mkdir()
    for i in range(files):  # distinct bytes, so no file is a copy read once
        (root / f"doc{i:04d}.pdf").write_bytes(pdf + b"%% %d\n" % i)


@linux
@pytest.mark.timeout(240)
def test_killing_an_ingest_with_workers_leaves_no_process(tmp_path: Path) -> None:
    root = tmp_path / "many"
    _corpus(root, 1200)
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    cmd = [sys.executable, "-m", "reviewer.cli", "--db", f"sqlite:///{tmp_path / 's.sqlite'}"]
    cmd += ["ingest", str(root), "--collection", "c", "--jobs", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while time.monotonic() < deadline and proc.poll() is None:
            kids = _descendants(proc.pid)
            spawned = {k for k in kids if b"spawn_main" in Path(f"/proc/{k}/cmdline").read_bytes()}
            if spawned:  # a worker (the resource tracker runs beside it)
                workers = kids
                break
            time.sleep(0.05)
        assert workers, "the ingest ended before its worker started: make the corpus larger"
        time.sleep(0.3)
        workers |= _descendants(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(map(_running, workers)):
            time.sleep(0.05)
        alive = [Path(f"/proc/{w}/cmdline").read_bytes()[:120] for w in workers if _running(w)]
        assert not alive, "a worker outlived its parent"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # The killed run's scratch folders go at the next start.
    left = [p for p in tmp_path.glob(f"{scratch.PREFIX}*")]
    scratch.sweep(tmp_path)
    assert not [p for p in left if p.exists()]


def test_scratch_folder_is_private_and_removed(tmp_path: Path) -> None:
    fd, path = scratch.new_file(".txt")
    os.close(fd)
    folder = path.parent
    assert folder.name.startswith(f"{scratch.PREFIX}{os.getpid()}-")
    if os.name != "nt":
        assert folder.stat().st_mode & 0o777 == 0o700
    stale = tmp_path / f"{scratch.PREFIX}999999999-abc"
    stale.mkdir()
    (stale / "copy.pdf").write_bytes(b"evidence")
    mine = tmp_path / f"{scratch.PREFIX}{os.getpid()}-x"
    mine.mkdir()
    assert scratch.sweep(tmp_path) == 1
    assert not stale.exists() and mine.exists()
    scratch.remove()
    assert not folder.exists()


def test_a_killed_exports_partial_bag_is_removed_at_the_next_export(tmp_path: Path) -> None:
    stale = tmp_path / ".bag.partial-999999999-k2j3"
    (stale / "data").mkdir(parents=True)
    (stale / "data" / "original.pdf").write_bytes(b"an original")
    older = tmp_path / ".bag.partial-k2j3abcd"  # the form before the process id was added
    older.mkdir()
    running = tmp_path / f".other.partial-{os.getpid()}-zz"
    running.mkdir()
    with staging(tmp_path / "bag") as stage:
        assert stage.name.startswith(f".bag.partial-{os.getpid()}-")
        assert not stale.exists() and not older.exists()
        assert running.exists(), "an export still running keeps its folder"
    assert not stage.exists()
    assert sweep_partials(tmp_path) == []


def test_an_ingest_starts_by_removing_killed_runs_scratch_folders(
    tmp_path: Path, store: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from reviewer.ingest.pipeline import ingest_paths

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale = tmp_path / f"{scratch.PREFIX}999999999-old"
    stale.mkdir()
    (stale / "attachment.pdf").write_bytes(b"a copy of evidence")
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text("text\n")
    ingest_paths(store, [root], "c")  # type: ignore[arg-type]
    assert not stale.exists()
