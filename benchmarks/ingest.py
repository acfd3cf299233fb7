"""Ingest speed against its floor: SHA-256 plus PyMuPDF text extraction of the same files.

Usage: uv run python benchmarks/ingest.py [--files 1000] [--mix mixed|pdf] [--distinct]
       [--repeat 3]

`--distinct`: every e-mail attaches its own PDF, so the corpus holds no exact copies (by
default all 100 attach the same one, which ingest identifies and reads once).

Each measurement runs in its own process (peak memory is that process's), on the same generated
corpus, in one run, so the ratios are comparable even on a noisy machine. Both sides import
their libraries before the clock starts (the floor imports PyMuPDF; ingest loads its readers
and Siegfried's signatures); `--jobs 2` starts its worker processes inside the timed part.
With `--repeat N` the runs take turns N times and each keeps its best time; the last column,
`turns x floor`, is the median over the turns of floor seconds / run seconds within the same
turn (the runs of one turn follow each other within seconds, so a slow spell of a shared host
touches both sides of the ratio alike).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bytecode import compile_installed
from benchmarks.corpus import make_corpus


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds of this process and of the worker processes it has waited for."""
    me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def floor(root: str, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """The floor: hash every file and pull the text out of every PDF, nothing else."""
    import pymupdf

    start, cpu = time.perf_counter(), _cpu()
    pages = 0
    for path in sorted(Path(root).rglob("*")):
        if not path.is_file():
            continue
        hashlib.sha256(path.read_bytes()).hexdigest()
        if path.suffix == ".pdf":
            with pymupdf.open(path) as doc:  # type: ignore[no-untyped-call]
                for page in doc:
                    page.get_text()
                    pages += 1
    seconds = time.perf_counter() - start
    out.put({"seconds": seconds, "cpu": _cpu() - cpu, "pages": pages, "peak_mb": _peak_mb()})


def ours(root: str, db: str, jobs: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from models import open_store
    from reviewer.ingest.pipeline import ingest_paths
    from reviewer.ingest.worker import warm_up

    store = open_store(f"sqlite:///{db}")
    warm_up()
    start, cpu = time.perf_counter(), _cpu()
    own = time.process_time()
    summary = ingest_paths(store, [Path(root)], "bench", jobs=jobs)
    seconds, own = time.perf_counter() - start, time.process_time() - own
    for child in multiprocessing.active_children():  # count the workers' CPU too
        child.join()
    cpu = _cpu() - cpu
    store.dispose()
    out.put(
        {
            "seconds": seconds,
            "cpu": cpu,
            "cpu_main": own,
            "pages": summary.pages,
            "records": summary.records_written,
            "statuses": dict(summary.statuses),
            "peak_mb": _peak_mb(),
        }
    )


def _run(target: object, *args: object) -> dict[str, object]:
    queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    proc = multiprocessing.Process(target=target, args=(*args, queue))  # type: ignore[arg-type]
    proc.start()
    result: dict[str, object] = queue.get()
    proc.join()
    return result


def _best(runs: list[dict[str, object]]) -> dict[str, object]:
    best = min(runs, key=lambda r: float(r["seconds"]))  # type: ignore[arg-type]
    return {**best, "peak_mb": max(float(r["peak_mb"]) for r in runs)}  # type: ignore[arg-type]


def _turn_ratio(floors: list[dict[str, object]], ours: list[dict[str, object]]) -> float:
    """Median over turns of floor seconds / run seconds, each pair measured side by side."""
    return statistics.median(
        float(f["seconds"]) / float(o["seconds"])  # type: ignore[arg-type]
        for f, o in zip(floors, ours, strict=True)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--mix", choices=("mixed", "pdf"), default="mixed")
    parser.add_argument("--repeat", type=int, default=1, help="take the best of N runs of each")
    parser.add_argument(
        "--distinct", action="store_true", help="every e-mail attaches its own PDF (no copies)"
    )
    args = parser.parse_args()
    compile_installed()  # as a user's machine has it after the first run
    names = ("floor: sha256 + PyMuPDF text", "ingest --jobs 1", "ingest --jobs 2")
    runs: dict[str, list[dict[str, object]]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory() as tmp:
        root = make_corpus(Path(tmp) / "corpus", args.files, mix=args.mix, distinct=args.distinct)
        files = [p for p in root.rglob("*") if p.is_file()]
        megabytes = sum(p.stat().st_size for p in files) / 1e6
        # Warm the page cache for everyone alike.
        for p in files:
            p.read_bytes()
        for turn in range(args.repeat):
            runs[names[0]].append(_run(floor, str(root)))
            for jobs, name in ((1, names[1]), (2, names[2])):
                db = Path(tmp) / f"jobs{jobs}-{turn}.sqlite"
                runs[name].append(_run(ours, str(root), str(db), jobs))
    best = {name: _best(r) for name, r in runs.items()}
    base = best[names[0]]
    print(
        f"corpus ({args.mix}{', no copies' if args.distinct else ''}): {len(files)} files"
        f", {megabytes:.1f} MB, {base['pages']} PDF pages;"
        f" best of {args.repeat}"
    )
    heads = ("s", "CPU s", "files/s", "pages/s", "MB/s", "peak MB", "x floor", "turns x")
    print(f"{'run':32} " + " ".join(f"{h:>8}" for h in heads))
    for name, r in best.items():
        secs, cpu = float(r["seconds"]), float(r["cpu"])  # type: ignore[arg-type]
        pages, peak = int(r["pages"]), float(r["peak_mb"])  # type: ignore[call-overload, arg-type]
        cells = (
            secs,
            cpu,
            len(files) / secs,
            pages / secs,
            megabytes / secs,
            peak,
            float(base["seconds"]) / secs,  # type: ignore[arg-type]
            _turn_ratio(runs[names[0]], runs[name]),
        )
        print(f"{name:32} " + " ".join(f"{c:>8.2f}" for c in cells))
    every = {name: [round(float(r["seconds"]), 2) for r in rs] for name, rs in runs.items()}  # type: ignore[arg-type]
    one = best[names[1]]
    print(
        json.dumps(
            {
                "seconds_each_run": every,
                "cpu_main_process_jobs2": round(float(best[names[2]]["cpu_main"]), 2),  # type: ignore[arg-type]
                "statuses_jobs1": one["statuses"],
                "records": one["records"],
            }
        )
    )


if __name__ == "__main__":
    main()
