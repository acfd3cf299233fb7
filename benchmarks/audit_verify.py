"""How long `reviewer audit verify` takes on a long history: every hash, link and replayed row.

Builds a store with RECORDS records, each with a decision, then EVENTS decision events spread
over them (hash-chained exactly as the tool writes them, inserted in bulk so building is quick),
and times `verify`, which re-hashes every event, replays the newest state per record and
compares it with the decisions, records, spans and the other covered tables.

Run: uv run python benchmarks/audit_verify.py [EVENTS] [RECORDS] [--server URL]
(`--server postgresql+psycopg://postgres@127.0.0.1:PORT/postgres` measures PostgreSQL; a
database `rr_bench_verify` is created there and dropped afterwards).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, insert, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from models import open_store
from models.audit import AuditAnchor, AuditEvent, AuditHead, authorise
from models.base import utcnow
from models.decisions import Decision
from models.records import Collection, Record
from reviewer.audit import verify
from reviewer.audit.chain import canonical, event_hash
from reviewer.decisions.snapshot import decision_state

BATCH = 20_000


def _url(server: str | None, folder: Path) -> tuple[str, str | None]:
    if not server:
        return f"sqlite:///{folder / 'verify.sqlite'}", None
    name = "rr_bench_verify"
    engine = create_engine(server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False), name


def build(url: str, events: int, records: int) -> None:
    store = open_store(url)
    with store.session() as s:
        coll = Collection(name="bench", kind="case")
        s.add(coll)
        s.flush()
        s.execute(
            insert(Record),
            [
                {
                    "collection_id": coll.id,
                    "path": f"f{i // 100}/r{i}.pdf",
                    "name": f"r{i}.pdf",
                    "size": 1,
                    "sha256": f"{i:064x}",
                }
                for i in range(records)
            ],
        )
        rids = list(s.scalars(text("SELECT id FROM records ORDER BY id")))
        states: dict[int, str] = {}
        for rid in rids:
            row = Decision(
                collection_id=coll.id,
                record_id=rid,
                version=1,
                appraisal="select",
                criteria=["sample"],
                rationale="",
                appraised_by="Ann",
                appraised_role="appraiser",
            )
            s.add(row)
            authorise(s, row)
        s.flush()
        for row in s.scalars(select(Decision)):
            states[int(row.record_id or 0)] = canonical(decision_state(row))
    # The records' seal is event 1; the decision events follow it.
    with store.session() as s:
        head = s.get(AuditHead, 1)
        assert head is not None
        prev, next_id, count = head.head_hash, head.last_event_id + 1, head.event_count
    at = utcnow()
    with store.engine.begin() as conn:
        rows = []
        for n in range(events):
            rid = rids[n % len(rids)]
            values = {
                "id": next_id,
                "collection_id": 1,
                "record_id": rid,
                "target": f"record:{rid}",
                "actor": "Ann",
                "role": "appraiser",
                "at": at,
                "kind": "appraisal",
                "before": "null",
                "after": states[rid],
                "prev_hash": prev,
            }
            values["hash"] = event_hash(**values)
            prev = values["hash"]
            rows.append(values)
            next_id += 1
            if len(rows) == BATCH:
                conn.execute(insert(AuditEvent), rows)
                rows = []
        if rows:
            conn.execute(insert(AuditEvent), rows)
        count += events
        conn.execute(
            update(AuditHead).values(last_event_id=next_id - 1, event_count=count, head_hash=prev)
        )
        conn.execute(
            update(AuditAnchor).values(last_event_id=next_id - 1, event_count=count, head_hash=prev)
        )
    store.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("events", type=int, nargs="?", default=1_000_000)
    parser.add_argument("records", type=int, nargs="?", default=10_000)
    parser.add_argument("--server")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url, database = _url(args.server, Path(tmp))
        started = time.perf_counter()
        build(url, args.events, args.records)
        print(
            f"built {args.events:,} events on {args.records:,} records "
            f"in {time.perf_counter() - started:.1f} s"
        )
        store = open_store(url)
        started = time.perf_counter()
        with store.session() as s:
            result = verify(s)
        seconds = time.perf_counter() - started
        store.dispose()
        print(
            f"verify: {result.reason}; {result.events:,} events in {seconds:.1f} s "
            f"({result.events / seconds:,.0f} events/s); problems: {len(result.problems)}"
        )
        if database and args.server:
            engine = create_engine(args.server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
            with engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            engine.dispose()


if __name__ == "__main__":
    main()
