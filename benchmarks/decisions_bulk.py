"""Figures for the decisions store: saving with audit events, bulk effective decisions, verify.

Run: uv run python benchmarks/decisions_bulk.py [N_RECORDS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from models import open_store
from models.records import Collection, Record
from reviewer.audit import verify
from reviewer.decisions import Actor, decision_summaries, save_appraisal, save_folder_appraisal


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        with store.session() as s:
            coll = Collection(name="bench", kind="case")
            s.add(coll)
            s.flush()
            cid = coll.id
            s.add_all(
                Record(
                    collection_id=cid,
                    path=f"case{i // 50}/doc{i}.pdf",
                    name=f"doc{i}.pdf",
                    mtime=datetime(2004, 1, 1, tzinfo=UTC),
                )
                for i in range(n)
            )
        actor = Actor("Bench", "appraiser")
        with store.session() as s:
            for folder in range(0, n // 50, 2):
                save_folder_appraisal(s, cid, f"case{folder}", actor, "select", ["sample"], "")
        t0 = time.perf_counter()
        saves = min(2000, n)
        with store.session() as s:
            for rid in range(1, saves + 1):
                save_appraisal(s, rid, actor, "retain", [], "bench")
        t1 = time.perf_counter()
        with store.session() as s:
            summaries = decision_summaries(s, cid)
        t2 = time.perf_counter()
        with store.session() as s:
            result = verify(s)
        t3 = time.perf_counter()
        print(f"records: {n}, decided (own or inherited): {len(summaries)}")
        print(f"save_appraisal with audit event: {saves / (t1 - t0):.0f} per second")
        print(f"decision_summaries over the collection: {t2 - t1:.2f} s")
        print(f"audit verify of {result.events} events: {t3 - t2:.2f} s (ok={result.ok})")
        store.dispose()


if __name__ == "__main__":
    main()
