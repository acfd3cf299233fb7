"""Figures for the decisions store at scale: what the GUI and a contractor's CSV wait for.

Saving with audit events, one record's effective decision, the queue's bulk summaries, a
decisions CSV import, criteria suggestions on a megabyte of text, and verifying the history.

Run: uv run python benchmarks/decisions_bulk.py [N_RECORDS] [CSV_ROWS]
On PostgreSQL: REVIEWER_BENCH_DB=postgresql+psycopg://... names an empty database to fill.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from models import open_store
from models.records import Collection, Record
from reviewer.audit import verify
from reviewer.decisions import (
    Actor,
    decision_summaries,
    get_decision,
    save_appraisal,
    save_folder_appraisal,
)
from reviewer.decisions.criteria import suggest_criteria
from reviewer.decisions.table import COLUMNS, read_csv, write_csv
from reviewer.decisions.table_import import import_rows
from reviewer.export.history_check import history_problem
from reviewer.export.readiness import check_session

PER_FOLDER = 50


def _csv(n: int, total: int) -> bytes:
    """A contractor's returned CSV: every row closes a record with two exemptions."""
    rows = []
    for i in range(n):
        rid = (i * 7) % total
        rows.append(
            {
                **dict.fromkeys(COLUMNS, ""),
                "path": f"case{rid // PER_FOLDER}/doc{rid}.pdf",
                "appraisal": "select",
                "criteria": "homicide",
                "rationale": "bench",
                "closure_status": "Closed",
                "foi_exemption_code": "40(2);38",
                "closure_period": "84;84",
                "closure_start_date": "2004-12-31",
                "foi_schedule_date": "2025-03-01",
                "title_closed": "No",
                "description_closed": "No",
                "reviewer": "Contractor",
                "role": "sensitivity",
            }
        )
    return write_csv(rows).encode()


def _text(size: int) -> str:
    rnd = random.Random(1)
    words = [
        "the",
        "of",
        "and",
        "to",
        "in",
        "that",
        "was",
        "he",
        "for",
        "it",
        "with",
        "as",
        "his",
        "on",
        "be",
        "at",
        "by",
        "had",
        "this",
        "not",
        "are",
        "but",
        "from",
        "or",
        "have",
        "an",
        "they",
        "which",
        "one",
        "were",
        "her",
        "all",
        "she",
        "there",
        "would",
        "their",
        "we",
        "him",
        "been",
        "has",
        "when",
        "who",
        "will",
        "witness",
        "officer",
        "statement",
        "defendant",
        "hearing",
        "evidence",
        "court",
        "report",
        "interview",
        "custody",
    ]
    return " ".join(rnd.choice(words) for _ in range(size // 5))[:size]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    csv_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        url = os.environ.get("REVIEWER_BENCH_DB") or f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        store = open_store(url)
        with store.session() as s:
            coll = Collection(name="bench", kind="case")
            s.add(coll)
            s.flush()
            cid = coll.id
            when = datetime(2004, 1, 1, tzinfo=UTC)
            s.execute(
                insert(Record),
                [
                    {
                        "collection_id": cid,
                        "path": f"case{i // PER_FOLDER}/doc{i}.pdf",
                        "name": f"doc{i}.pdf",
                        "mtime": when,
                    }
                    for i in range(n)
                ],
            )
        actor = Actor("Bench", "appraiser")
        with store.session() as s:
            for folder in range(0, n // PER_FOLDER, 2):
                save_folder_appraisal(s, cid, f"case{folder}", actor, "select", ["sample"], "")
        saves = min(2000, n)
        t0 = time.perf_counter()
        with store.session() as s:
            for rid in range(1, saves + 1):
                save_appraisal(s, rid, actor, "retain", [], "bench")
        t1 = time.perf_counter()
        picks = random.Random(2).sample(range(1, n + 1), min(200, n))
        times = []
        with store.session() as s:
            for rid in picks:
                a = time.perf_counter()
                get_decision(s, rid)
                times.append(time.perf_counter() - a)
        with store.session() as s:
            t2 = time.perf_counter()
            summaries = decision_summaries(s, cid)
            t3 = time.perf_counter()
        rows = read_csv(_csv(csv_rows, n))
        with store.session() as s:
            t4 = time.perf_counter()
            report = import_rows(s, cid, rows)
        t5 = time.perf_counter()
        text = _text(1_000_000)
        suggest_criteria("warm up", "case")
        crit = []
        for _ in range(5):
            a = time.perf_counter()
            suggest_criteria(text, "case")
            crit.append(time.perf_counter() - a)
        with store.session() as s:
            t6 = time.perf_counter()
            result = verify(s)
            t7 = time.perf_counter()
        with store.session() as s:
            t8 = time.perf_counter()
            readiness = check_session(s, "bench")
            t9 = time.perf_counter()
            history_problem(s)
            t10 = time.perf_counter()
        print(f"records: {n} ({n // PER_FOLDER // 2} folder decisions), decided: {len(summaries)}")
        print(f"save_appraisal with audit event: {saves / (t1 - t0):.0f} per second")
        print(
            f"get_decision: median {_ms(statistics.median(times))}, "
            f"max {_ms(max(times))} over {len(times)} records"
        )
        print(f"decision_summaries over the collection: {t3 - t2:.2f} s")
        print(
            f"decisions CSV import of {report.rows} rows ({report.saved} saved, "
            f"{len(report.problems)} rejected): {t5 - t4:.2f} s "
            f"({(t5 - t4) / max(report.rows, 1) * 1000:.2f} ms/row, incl. commit)"
        )
        print(f"suggest_criteria on 1 MB of text: best {_ms(min(crit))} of 5")
        print(f"audit verify of {result.events} events: {t7 - t6:.2f} s (ok={result.ok})")
        print(
            f"export readiness of the collection ({readiness.transfers} to transfer, "
            f"{readiness.refused_records} refused): {t9 - t8:.2f} s, of which the history "
            f"check {t10 - t9:.2f} s"
        )
        store.dispose()


if __name__ == "__main__":
    main()
