"""Team mode on one PostgreSQL store: concurrent decision writers, and scan workers.

    uv run python benchmarks/team.py --server postgresql+psycopg://postgres@127.0.0.1:5432/postgres

The server URL names a login allowed to create databases; a scratch database is made per part
and dropped afterwards. Part 1: 8 writer processes make a fixed number of appraisal saves each
on a shared set of records, every save with `expected_version` from a fresh read (a conflict is
re-read and retried, as a reviewer would); it prints decisions/s, p50/p95 save latency, and the
proof nothing was lost or overwritten (events = successful saves = sum of decision versions,
and the audit chain verifies). Part 2: the same generated collection scanned by 1, 2 and 4
`reviewer scan --worker` processes (wall time includes each process loading the model).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models import Store, open_store  # noqa: E402
from models.audit import AuditEvent  # noqa: E402
from models.decisions import Decision  # noqa: E402
from models.records import Collection, Record, RecordPage  # noqa: E402

FIRST = ["Olivia", "James", "Amara", "Wei", "Siobhan", "Tomasz", "Priya", "Kwame"]
LAST = ["Brown", "Okafor", "Nowak", "Chen", "Murphy", "Patel", "Evans", "Hughes"]


def _admin(server: str, sql: str) -> None:
    engine = create_engine(server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def scratch(server: str, name: str) -> str:
    _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(server, f'CREATE DATABASE "{name}"')
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def add_records(store: Store, count: int, tag: str) -> list[int]:
    with store.session() as s:
        coll = Collection(name="bench", kind="case")
        s.add(coll)
        s.flush()
        ids = []
        for n in range(count):
            who = f"{FIRST[n % 8]} {LAST[(n // 8) % 8]}"
            body = (
                f"Statement {tag}-{n} of {who}, 14 Acacia Avenue, Leeds LS1 4AB, telephone "
                f"07700 900{n % 1000:03d}, email {who.split()[0].lower()}{n}@example.com. "
                "On 3 March 2004 the witness saw the defendant outside the Crown Court. " * 3
            )
            rec = Record(
                collection_id=coll.id,
                path=f"f{n % 10}/doc{n:05d}.txt",
                name=f"doc{n:05d}.txt",
                size=len(body),
                status="ok",
                message="",
                mime="text/plain",
            )
            s.add(rec)
            s.flush()
            s.add(RecordPage(record_id=rec.id, page_no=1, text=body))
            ids.append(rec.id)
    return ids


def _writer(
    url: str, n: int, saves: int, record_ids: list[int], out: multiprocessing.Queue
) -> None:  # type: ignore[type-arg]
    from reviewer.decisions import Actor, get_decision, save_appraisal
    from reviewer.team.conflicts import DecisionConflict

    store = open_store(url, migrate_schema=False)
    actor = Actor(f"Writer {n}", "appraiser")
    latencies: list[float] = []
    conflicts = 0
    done = 0
    i = 0
    began = time.time()  # wall clock, comparable across processes
    while done < saves:
        rid = record_ids[(n * 7 + i) % len(record_ids)]
        i += 1
        with store.session() as s:
            opened = get_decision(s, rid).version
        started = time.perf_counter()
        try:
            with store.session() as s:
                outcome = ("select", "retain", "defer")[(n + i) % 3]
                save_appraisal(s, rid, actor, outcome, [], "", expected_version=opened)
        except DecisionConflict:
            conflicts += 1
            continue
        latencies.append(time.perf_counter() - started)
        done += 1
    out.put((latencies, conflicts, began, time.time()))
    store.dispose()


def writers(server: str, writers_count: int, saves: int, records: int) -> None:
    from reviewer.audit import verify

    url = scratch(server, "rr_bench_writers")
    store = open_store(url)
    ids = add_records(store, records, "w")
    ctx = multiprocessing.get_context("spawn")
    out: multiprocessing.Queue = ctx.Queue()  # type: ignore[type-arg]
    procs = [
        ctx.Process(target=_writer, args=(url, n, saves, ids, out)) for n in range(writers_count)
    ]
    started = time.perf_counter()
    for p in procs:
        p.start()
    results = [out.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
    wall = time.perf_counter() - started
    busy = max(r[3] for r in results) - min(r[2] for r in results)  # without process start-up
    latencies = sorted(x for r in results for x in r[0])
    conflicts = sum(r[1] for r in results)
    with store.session() as s:
        events = s.scalar(select(func.count()).select_from(AuditEvent))
        versions = s.scalar(select(func.sum(Decision.version)))
        check = verify(s)
    store.dispose()
    total = writers_count * saves
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"writers: {writers_count} processes x {saves} saves on {records} shared records")
    print(
        f"  {total} decisions in {busy:.1f} s = {total / busy:.0f} decisions/s "
        f"(each after a fresh read; {wall:.1f} s with process start-up)"
    )
    print(
        f"  save latency p50 {statistics.median(latencies) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"
    )
    print(f"  conflicts caught and retried: {conflicts}")
    print(f"  events {events}, sum of decision versions {versions}, expected {total}")
    print(f"  audit verify: {check.ok} ({check.reason})")
    if not (events == versions == total and check.ok):
        raise SystemExit("LOST OR OVERWRITTEN DECISIONS")
    _admin(server, 'DROP DATABASE IF EXISTS "rr_bench_writers" WITH (FORCE)')


def scan(server: str, workers: int, records: int) -> None:
    name = f"rr_bench_scan{workers}"
    url = scratch(server, name)
    store = open_store(url)
    add_records(store, records, f"s{workers}")  # distinct texts per run: no cache hits
    store.dispose()
    cmd = [sys.executable, "-m", "reviewer.cli", "--db", url, "scan", "--collection", "bench"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            [*cmd, "--worker"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(workers)
    ]
    codes = [p.wait() for p in procs]
    wall = time.perf_counter() - started
    from models.team import ScanClaim

    store = open_store(url)
    with store.session() as s:
        done = s.scalar(
            select(func.count()).select_from(ScanClaim).where(ScanClaim.done_at.is_not(None))
        )
        twice = s.scalar(select(func.count()).select_from(ScanClaim).where(ScanClaim.attempts > 1))
    store.dispose()
    print(
        f"scan: {workers} worker(s), {records} records: {wall:.1f} s = "
        f"{records / wall:.1f} records/s (exit codes {codes}, done {done}, claimed twice {twice})"
    )
    _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--server", required=True, help="postgresql+psycopg://USER@HOST:PORT/postgres"
    )
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--saves", type=int, default=100, help="saves per writer")
    parser.add_argument("--records", type=int, default=200, help="records the writers share")
    parser.add_argument("--scan-records", type=int, default=300)
    parser.add_argument("--workers", default="1,2,4")
    args = parser.parse_args()
    print(f"cpus: {os.cpu_count()}")
    writers(args.server, args.writers, args.saves, args.records)
    for w in (int(x) for x in args.workers.split(",") if x):
        scan(args.server, w, args.scan_records)


if __name__ == "__main__":
    main()
