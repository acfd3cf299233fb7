"""Survey benchmark: files/s against the floor of walking + SHA-256, memory, PRONOM vs FIDO.

    uv run python benchmarks/survey.py [--tree realistic|tiny] [--files 100000] [--jobs 2]
                                       [--cold] [--fido-sample 1000]

Generates a tree (see `benchmarks/survey_tree.py`: `realistic` sizes and type mix, or round
1's `tiny` files) in a temporary folder, then in the same run measures:
  1. the floor: walk + SHA-256 of every file, one process (what `find | sha256sum` does);
  2. `reviewer survey` on the same tree with `--jobs`, in its own process: wall time, CPU time
     (its process and the hashing process), and peak memory of the whole process tree (sum
     of the RSS of the survey process and its children, sampled every 50 ms);
  3. with `--cold`, both again after evicting the tree from the page cache (posix_fadvise
     DONTNEED on every file), as on a drive that has not just been read;
  4. identification alone on a fixed sample: Siegfried (in-process, one Go thread) against
     FIDO's own command line (`fido -q -input LIST`, one process).
CPU time is given because the 2-core machine is shared: wall-clock ratios move with the load.
The tree is deleted afterwards. Prints a Markdown table (copied into docs/survey.md).
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from queue import Empty

import psutil

from benchmarks.bytecode import compile_installed
from benchmarks.survey_tree import realistic, tiny


def floor(root: Path) -> int:
    """Walk + SHA-256 of every file in one process; returns the file count."""
    count = 0
    stack = [root]
    while stack:
        with os.scandir(stack.pop()) as it:
            for entry in it:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    digest = hashlib.sha256()
                    with open(entry.path, "rb") as handle:
                        while block := handle.read(1 << 20):
                            digest.update(block)
                    count += 1
    return count


def evict(root: Path) -> None:
    """Drop the tree's pages from the page cache, so the next read comes from the disk."""
    for folder, _, names in os.walk(root):
        for name in names:
            fd = os.open(os.path.join(folder, name), os.O_RDONLY)
            try:
                os.fdatasync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def _survey_child(
    root: str, out: str, jobs: int, procs: int, result: multiprocessing.Queue
) -> None:  # type: ignore[type-arg]
    from reviewer.progress import NullProgress
    from reviewer.survey import survey

    summary = survey(Path(root), Path(out), jobs, NullProgress(), identify_processes=procs)
    result.put((summary.totals.files, summary.totals.members, summary.duplicates.sets,
                summary.duplicates.reclaimable_bytes))  # fmt: skip


def run_survey(root: Path, out: Path, jobs: int, procs: int = 1) -> dict[str, float]:
    """Survey in a fresh process; wall and CPU seconds, peak tree and largest-process RSS."""
    shutil.rmtree(out, ignore_errors=True)
    ctx = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue = ctx.Queue()  # type: ignore[type-arg]
    child = ctx.Process(target=_survey_child, args=(str(root), str(out), jobs, procs, queue))
    peak = {"tree": 0, "largest": 0}
    cpu = {"seconds": 0.0}
    stop = threading.Event()

    def sample(proc: psutil.Process) -> None:
        seen: dict[int, float] = {}
        while not stop.is_set():
            try:
                procs = [proc, *proc.children(recursive=True)]
                sizes = [p.memory_info().rss for p in procs]
                for p in procs:
                    t = p.cpu_times()
                    seen[p.pid] = t.user + t.system
            except psutil.Error:
                procs, sizes = [], []
            peak["tree"] = max(peak["tree"], sum(sizes))
            peak["largest"] = max([peak["largest"], *sizes])
            cpu["seconds"] = sum(seen.values())
            stop.wait(0.05)

    start = time.perf_counter()
    child.start()
    sampler = threading.Thread(target=sample, args=(psutil.Process(child.pid),))
    sampler.start()
    while True:
        try:
            files, members, sets, reclaim = queue.get(timeout=1)
            break
        except Empty:
            if not child.is_alive():
                stop.set()
                raise RuntimeError("the survey process failed (see above)") from None
    child.join()
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    return {"wall": wall, "cpu": cpu["seconds"], "tree_mb": peak["tree"] / 2**20,
            "largest_mb": peak["largest"] / 2**20, "files": files, "members": members,
            "sets": sets, "reclaim": reclaim}  # fmt: skip


def _timed(label: str, fn, *args):  # type: ignore[no-untyped-def]
    start, cpu0 = time.perf_counter(), time.process_time()
    result = fn(*args)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu0
    print(f"  {label}: {elapsed:.1f} s (CPU {cpu:.1f} s)", file=sys.stderr, flush=True)
    return result, elapsed, cpu


def identification(files: list[str], work: Path) -> tuple[float, float]:
    """Files/s of Siegfried (one Go thread) and of FIDO's command line on the same files."""
    from reviewer.survey.identify_batch import identify_files

    identify_files(files[:5])  # load the signatures outside the timing
    _, sf_s, _ = _timed("Siegfried on the sample (1 thread)", identify_files, files, 1)
    listing = work / "sample.txt"
    listing.write_text("\n".join(files) + "\n", encoding="utf-8")
    fido = shutil.which("fido") or str(Path(sys.executable).parent / "fido")
    command = [fido, "-q", "-input", str(listing)]
    _, fido_s, _ = _timed(
        "FIDO command line on the sample",
        lambda: subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL),
    )
    return len(files) / sf_s, len(files) / fido_s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", choices=("realistic", "tiny"), default="realistic")
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cold", action="store_true", help="also measure from a cold cache")
    parser.add_argument("--identify-processes", type=int, default=1, help="copies of Siegfried")
    parser.add_argument("--fido-sample", type=int, default=1000, help="0 to skip FIDO")
    args = parser.parse_args()
    compile_installed()  # as a user's machine has it after the first run
    work = Path(tempfile.mkdtemp(prefix="survey-bench-"))
    root, out = work / "tree", work / "out"
    rows: list[tuple[str, str]] = []
    try:
        load_before = os.getloadavg()[0]
        maker = realistic if args.tree == "realistic" else tiny
        size, gen_s, _ = _timed(f"generate {args.files:,} files ({args.tree})", maker, root,
                                args.files)  # fmt: skip
        n, floor_s, floor_cpu = _timed("floor (walk + SHA-256, 1 process)", floor, root)
        ours = run_survey(root, out, args.jobs, args.identify_processes)
        print(f"  survey: {ours['wall']:.1f} s (CPU {ours['cpu']:.1f} s)", file=sys.stderr)
        rows += [
            ("Tree", f"{args.tree}: {n:,} files (+{ours['members']:,.0f} archive members), "
                     f"{size / 1e9:.2f} GB, mean {size / n / 1e3:.0f} KB; generated in "
                     f"{gen_s:.0f} s"),
            ("Floor: walk + SHA-256, 1 process (warm cache)",
             f"{n / floor_s:,.0f} files/s ({floor_s:.1f} s, CPU {floor_cpu:.1f} s)"),
            (f"`reviewer survey --jobs {args.jobs} --identify-processes "
             f"{args.identify_processes}` (warm cache)",
             f"{n / ours['wall']:,.0f} files/s ({ours['wall']:.1f} s, CPU {ours['cpu']:.1f} s)"),
            ("Survey / floor, wall clock (warm)", f"{floor_s / ours['wall']:.2f}x"),
            ("CPU per file: floor / survey",
             f"{floor_cpu / n * 1e6:,.0f} µs / {ours['cpu'] / n * 1e6:,.0f} µs"),
            ("Peak RSS, whole survey process tree / largest process",
             f"{ours['tree_mb']:,.0f} MB / {ours['largest_mb']:,.0f} MB"),
            ("Duplicate sets / reclaimable",
             f"{ours['sets']:,.0f} / {ours['reclaim'] / 1e6:,.1f} MB"),
        ]  # fmt: skip
        if args.cold:
            evict(root)
            _, cold_floor_s, _ = _timed("floor, cold cache", floor, root)
            evict(root)
            cold = run_survey(root, out, args.jobs, args.identify_processes)
            print(f"  survey, cold: {cold['wall']:.1f} s", file=sys.stderr)
            rows += [
                ("Floor, cold cache", f"{n / cold_floor_s:,.0f} files/s ({cold_floor_s:.1f} s)"),
                ("Survey, cold cache", f"{n / cold['wall']:,.0f} files/s ({cold['wall']:.1f} s)"),
                ("Survey / floor, cold cache", f"{cold_floor_s / cold['wall']:.2f}x"),
            ]
        if args.fido_sample > 0:
            files = sorted(str(p) for p in root.rglob("*") if p.is_file())
            sample = random.Random(1).sample(files, min(args.fido_sample, len(files)))
            sf_rate, fido_rate = identification(sample, work)
            rows += [
                (f"Siegfried, {len(sample):,} files, 1 thread", f"{sf_rate:,.0f} files/s"),
                ("FIDO command line, same files", f"{fido_rate:,.0f} files/s"),
                ("Siegfried / FIDO", f"{sf_rate / fido_rate:.1f}x"),
            ]
        rows.append(("Load average before / after (2 cores, shared)",
                     f"{load_before:.2f} / {os.getloadavg()[0]:.2f}"))  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| Measure | Value |\n|---|---|")
    for label, value in rows:
        print(f"| {label} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
