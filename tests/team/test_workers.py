"""`reviewer scan --worker`: several processes share a scan; a killed one loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Store, open_store
from models.entities import DetectedEntity, RecordScan
from models.team import ScanClaim
from reviewer.cli import main
from tests.team.conftest import add_collection, postgres_only

ROOT = Path(__file__).resolve().parents[2]


def _entities_match_scans(store: Store) -> None:
    """Each record scanned once: its stored spans are exactly the count its scan wrote."""
    with store.session() as s:
        scans = dict(s.execute(select(RecordScan.record_id, RecordScan.span_count)).all())
        spans = dict(
            s.execute(
                select(DetectedEntity.record_id, func.count()).group_by(DetectedEntity.record_id)
            ).all()
        )
    assert scans
    assert {rid: n for rid, n in scans.items() if n} == spans


def test_one_worker_scans_everything_and_a_second_run_has_nothing_to_do(
    store: Store, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = add_collection(store, count=6)
    assert main(["--db", db_url, "scan", "--collection", "team", "--worker"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["finished"] == 6
    assert first["scanned"] + first["cached"] == 6
    with store.session() as s:
        done = s.scalars(select(ScanClaim.record_id).where(ScanClaim.done_at.is_not(None))).all()
        assert sorted(done) == ids
    _entities_match_scans(store)
    assert main(["--db", db_url, "scan", "--collection", "team", "--worker"]) == 0
    assert json.loads(capsys.readouterr().out)["claimed"] == 0


def test_worker_bad_usage(store: Store, db_url: str) -> None:
    assert main(["--db", db_url, "scan", "--collection", "nope", "--worker"]) == 2
    assert main(["--db", db_url, "scan", "--collection", "x", "--worker", "--jobs", "2"]) == 2


def _worker(db_url: str, claim_seconds: float) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "reviewer.cli", "--db", db_url, "scan", "--collection", "team"]
    cmd += ["--worker", "--claim-seconds", str(claim_seconds)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _held_by(store: Store, pid: int) -> list[int]:
    with store.session() as s:
        stmt = select(ScanClaim.record_id).where(
            ScanClaim.claimed_by.like(f"%:{pid}:%"), ScanClaim.done_at.is_(None)
        )
        return list(s.scalars(stmt))


@postgres_only
@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_three_workers_one_killed_every_record_scanned_once(store: Store, db_url: str) -> None:
    # Texts of their own: with cached texts a worker's claims last milliseconds and the poll
    # below could miss them all (seen on a loaded CI machine).
    ids = add_collection(store, count=60, busy=True)
    workers = [_worker(db_url, 15.0) for _ in range(3)]  # generous: CI machines are busy
    victim = workers[0]
    deadline = time.monotonic() + 120
    lost: list[int] = []
    while time.monotonic() < deadline and not lost:
        lost = _held_by(store, victim.pid)
        time.sleep(0.02)
    assert lost, "the first worker never claimed a record"
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    lost = _held_by(store, victim.pid)  # what it held when it died
    outputs = []
    for proc in workers[1:]:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err.decode(errors="replace")
        outputs.append(json.loads(out))
    with store.session() as s:
        claims = {c.record_id: c for c in s.scalars(select(ScanClaim))}
    assert sorted(claims) == ids
    assert all(c.done_at is not None for c in claims.values())
    assert not any(
        str(victim.pid) in (c.done_by or "").split(":")
        for c in claims.values()
        if c.record_id in lost
    )
    # Only records the dead worker held were claimed twice; none finished twice.
    assert sum(c.attempts for c in claims.values()) == len(ids) + len(lost)
    assert {rid for rid, c in claims.items() if c.attempts == 2} == set(lost)
    survivors = sum(o["finished"] for o in outputs)
    killed_done = sum(1 for c in claims.values() if f":{victim.pid}:" in (c.done_by or ""))
    assert survivors + killed_done == len(ids)
    _entities_match_scans(store)
    again = open_store(db_url)
    with again.session() as s:
        assert s.scalar(select(func.count()).select_from(RecordScan)) == len(ids)
    again.dispose()
