"""Ingest speed against its floor: SHA-256 plus PyMuPDF text extraction of the same files.

Usage: uv run python benchmarks/ingest.py [--files 1000]

Each measurement runs in its own process (peak memory is that process's), on the same generated
corpus, in one run, so the ratios are comparable even on a noisy machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import make_corpus


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def floor(root: str, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """The floor: hash every file and pull the text out of every PDF, nothing else."""
    import pymupdf

    start = time.perf_counter()
    pages = 0
    for path in sorted(Path(root).rglob("*")):
        if not path.is_file():
            continue
        hashlib.sha256(path.read_bytes()).hexdigest()
        if path.suffix == ".pdf":
            with pymupdf.open(path) as doc:
                for page in doc:
                    page.get_text()
                    pages += 1
    out.put({"seconds": time.perf_counter() - start, "pages": pages, "peak_mb": _peak_mb()})


def ours(root: str, db: str, jobs: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from models import open_store
    from reviewer.ingest.pipeline import ingest_paths

    store = open_store(f"sqlite:///{db}")
    start = time.perf_counter()
    summary = ingest_paths(store, [Path(root)], "bench", jobs=jobs)
    seconds = time.perf_counter() - start
    store.dispose()
    out.put({"seconds": seconds, "pages": summary.pages, "records": summary.records_written,
             "statuses": dict(summary.statuses), "peak_mb": _peak_mb()})


def _run(target: object, *args: object) -> dict[str, object]:
    queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    proc = multiprocessing.Process(target=target, args=(*args, queue))  # type: ignore[arg-type]
    proc.start()
    result: dict[str, object] = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = make_corpus(Path(tmp) / "corpus", args.files)
        files = [p for p in root.rglob("*") if p.is_file()]
        megabytes = sum(p.stat().st_size for p in files) / 1e6
        # Warm the page cache for everyone alike.
        for p in files:
            p.read_bytes()
        base = _run(floor, str(root))
        one = _run(ours, str(root), str(Path(tmp) / "one.sqlite"), 1)
        two = _run(ours, str(root), str(Path(tmp) / "two.sqlite"), 2)
    rows = []
    for name, r in (("floor: sha256 + PyMuPDF text", base), ("ingest --jobs 1", one),
                    ("ingest --jobs 2", two)):
        secs = float(r["seconds"])  # type: ignore[arg-type]
        rows.append({
            "run": name, "seconds": round(secs, 2), "files_per_s": round(len(files) / secs, 1),
            "pages_per_s": round(int(r["pages"]) / secs, 1),  # type: ignore[call-overload]
            "mb_per_s": round(megabytes / secs, 2), "peak_mb": round(float(r["peak_mb"]), 1),  # type: ignore[arg-type]
            "vs_floor": round(float(base["seconds"]) / secs, 2),  # type: ignore[arg-type]
        })
    print(f"corpus: {len(files)} files, {megabytes:.1f} MB, {base['pages']} PDF pages")
    print(f"{'run':32} {'s':>7} {'files/s':>8} {'pages/s':>8} {'MB/s':>6} {'peak MB':>8} {'x floor':>8}")
    for r in rows:
        print(f"{r['run']:32} {r['seconds']:>7} {r['files_per_s']:>8} {r['pages_per_s']:>8} "
              f"{r['mb_per_s']:>6} {r['peak_mb']:>8} {r['vs_floor']:>8}")
    print(json.dumps({"statuses_jobs1": one["statuses"], "records": one["records"]}))


if __name__ == "__main__":
    main()
