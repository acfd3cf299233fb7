"""`scan --jobs 2`: the same spans as one process, cancellable, and a dead worker is survived.

Spawned workers load spaCy (seconds), so only two tests wait for one; the others break or stop
the worker before it has loaded anything.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Iterator

import pytest
from spacy.language import Language

from models import Store
from reviewer import spawning
from reviewer.detect.entities import list_entities, scan_records
from reviewer.detect.entities import parallel as parallel_module
from reviewer.detect.entities import scan as scan_module
from reviewer.detect.entities import worker as worker_module
from reviewer.detect.entities.feed import Task
from reviewer.progress import Cancelled, RecordingProgress
from tests.detect.conftest import add_record

NAMES = ["Sarah Jones", "Tom Baker", "Priya Patel", "Aled Evans", "Mary O'Neill", "Kwame Mensah"]
RECORDS = 40


def _texts() -> list[str]:
    texts = [
        f"Witness {NAMES[i % len(NAMES)]} (record {i}), tel 07700 900{i:03d}, email "
        f"w{i}@example.com, was seen in Leeds on {i % 27 + 1} March 2019."
        for i in range(RECORDS)
    ]
    texts[7] = texts[3]  # identical texts: the second is written from the first's spans
    return texts


Snapshot = dict[int, list[tuple[int, int, str, float, str]]]


def _snapshot(store: Store, ids: list[int]) -> Snapshot:
    with store.session() as session:
        return {
            rid: [(e.start, e.end, e.label, e.score, e.reason) for e in list_entities(session, rid)]
            for rid in ids
        }


@pytest.fixture
def records(store: Store, nlp: Language, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """A small collection, a detection task per record, scanned once in one process."""
    monkeypatch.setattr(scan_module, "TASK_CHARS", 50)
    ids = [add_record(store, "c", f"{i}.txt", [t]) for i, t in enumerate(_texts())]
    scan_records(store, ids, 1)
    yield ids
    assert multiprocessing.active_children() == []  # no worker outlives its scan


class SlowHere:
    """Detection tasks this process did, each delayed while `delay` is set."""

    def __init__(self) -> None:
        self.calls = 0
        self.delay = 0.4


@pytest.fixture
def slow_here(monkeypatch: pytest.MonkeyPatch) -> SlowHere:
    """This process detects slowly, so the worker has loaded spaCy before the scan ends."""
    state = SlowHere()
    here = parallel_module._here

    def slow(task: Task) -> object:
        if task.detect:
            state.calls += 1
            time.sleep(state.delay)
        return here(task)

    monkeypatch.setattr(parallel_module, "_here", slow)
    return state


def test_two_jobs_give_the_same_spans(
    store: Store, records: list[int], slow_here: SlowHere
) -> None:
    expected = _snapshot(store, records)
    summary = scan_records(store, records, 2, force=True, min_tasks=1)
    assert summary.by_workers > 0  # the worker really detected some records
    assert summary.scanned + summary.cached == RECORDS
    assert summary.cached == 1  # the repeated text
    assert _snapshot(store, records) == expected


def test_a_killed_worker_is_survived(store: Store, records: list[int], slow_here: SlowHere) -> None:
    expected = _snapshot(store, records)

    class KillOnce(RecordingProgress):
        """Kills the worker right after the first task it detected is written."""

        killed = False

        def set_progress(self, done: int, total: int | None, message: str = "") -> None:
            super().set_progress(done, total, message)
            written_tasks = len(self.reports) - 1  # the first report is the window read
            if not self.killed and written_tasks > slow_here.calls + 1:  # +1: the cached copy
                for child in multiprocessing.active_children():
                    child.kill()
                self.killed = True
                slow_here.delay = 0

    progress = KillOnce()
    summary = scan_records(store, records, 2, progress, force=True, min_tasks=1)
    assert progress.killed
    assert summary.by_workers > 0
    assert summary.scanned + summary.cached == RECORDS
    assert _snapshot(store, records) == expected


def test_cancel_keeps_committed_and_stops_workers(store: Store, records: list[int]) -> None:
    with store.session() as session:
        for rid in records:
            session.execute(
                scan_module.delete(scan_module.DetectedEntity).where(
                    scan_module.DetectedEntity.record_id == rid
                )
            )
    with pytest.raises(Cancelled):
        scan_records(store, records, 2, RecordingProgress(cancel_after=4), force=True, min_tasks=1)
    done = [rid for rid, spans in _snapshot(store, records).items() if spans]
    assert 0 < len(done) < RECORDS  # the records written before the cancel are kept


def test_a_worker_that_cannot_start_is_survived(
    store: Store, records: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _snapshot(store, records)
    monkeypatch.setattr(worker_module, "warm_up", sys.exit)  # the worker exits on start
    summary = scan_records(store, records, 2, force=True, min_tasks=1)
    assert summary.by_workers == 0
    assert summary.scanned + summary.cached == RECORDS
    assert _snapshot(store, records) == expected


def test_a_small_job_starts_no_worker(
    store: Store, records: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker was started for a small job")

    monkeypatch.setattr(spawning, "ProcessPoolExecutor", no_pool)
    summary = scan_records(store, records, 2, force=True, min_tasks=RECORDS + 1)
    assert (summary.scanned, summary.by_workers) == (RECORDS - 1, 0)
