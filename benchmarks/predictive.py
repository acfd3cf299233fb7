"""Predictive review replayed on a real labelled corpus: recall against records read, and whether
the estimate of what is left covers the truth.

    uv run python -m benchmarks.predictive [--quick] [--png docs/predictive-recall.png]

For each task of `benchmarks/predictive_corpus.py` (about 10% target records) a simulated reviewer
reads the collection in three orders: ranked by the live queue's model (continuous active
learning, retrained after every batch), file order, and random order. Then, at several points of
the ranked reading, an elusion sample of the unread records is drawn many times and the estimate's
interval is checked against the true number left. Last, the time to retrain on 100,000 records.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np

from benchmarks.predictive_corpus import load_task
from reviewer.predict.estimate import interval_left
from reviewer.predict.features import Document, Featuriser
from reviewer.predict.learner import Learner
from reviewer.predict.simulate import Curve, file_order, random_order, ranked_order


def coverage(curve: Curve, labels: list[bool], points: list[float], n: int, runs: int) -> float:
    """Share of simulated elusion samples whose interval holds the true number left."""
    rng = random.Random(11)
    covered = total = 0
    size = len(labels)
    for frac in points:
        read = set(curve.order[: int(frac * size)])
        unread = [i for i in range(size) if i not in read]
        truth = sum(labels[i] for i in unread)
        for _ in range(runs):
            sample = rng.sample(unread, min(n, len(unread)))
            k = sum(labels[i] for i in sample)
            low, high = interval_left(len(unread), len(sample), k)
            covered += low <= truth <= high
            total += 1
    return covered / total


def median_curve(replays: list[Curve], total: int) -> Curve:
    """The replay whose 80%-recall point is the median one (the one plotted and sampled)."""
    ranked = sorted(replays, key=lambda c: c.read_for_recall(0.8, total))
    return ranked[(len(ranked) - 1) // 2]


def retrain_speed(docs: list[Document], n: int = 100_000) -> tuple[float, float]:
    """(seconds to featurise n records, seconds to fit one model on them)."""
    many = [Document(i, docs[i % len(docs)].text) for i in range(n)]
    rng = np.random.default_rng(0)
    labels = rng.random(n) < 0.1
    t0 = time.perf_counter()
    x = Featuriser().fit_transform(many)
    t1 = time.perf_counter()
    Learner.fit(Featuriser(), x, list(labels))
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1


def plot(curves: dict[str, list[Curve]], totals: dict[str, int], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(curves), figsize=(6 * len(curves), 4.2), dpi=100)
    for ax, (task, cs) in zip(np.atleast_1d(axes), curves.items(), strict=True):
        for c in cs:
            n = len(c.found)
            x = np.arange(1, n + 1) / n * 100
            ax.plot(x, np.asarray(c.found) / totals[task] * 100, label=c.name)
        ax.axhline(80, color="grey", lw=0.6, ls=":")
        ax.axvline(30, color="grey", lw=0.6, ls=":")
        ax.set_title(f"task '{task}' ({totals[task]} targets)")
        ax.set_xlabel("records read (%)")
        ax.set_ylabel("target records found (%)")
        ax.legend(loc="lower right")
        ax.grid(alpha=0.3)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="3,000 records a task, no 100k timing")
    ap.add_argument("--png", type=Path, default=Path("docs/predictive-recall.png"))
    ap.add_argument("--runs", type=int, default=200, help="elusion samples per stopping point")
    ap.add_argument(
        "--seeds",
        type=lambda v: [int(s) for s in v.split(",")],
        default=[1],
        help="comma-separated seeds of the ranked replay's first random batch (medians reported)",
    )
    args = ap.parse_args()
    curves: dict[str, list[Curve]] = {}
    totals: dict[str, int] = {}
    for name in ("people", "rotten"):
        task = load_task(name, limit=3_000 if args.quick else None)
        total = sum(task.labels)
        totals[name] = total
        size = len(task.docs)
        batch = max(50, size // 100)
        t0 = time.perf_counter()
        replays = [ranked_order(task.docs, task.labels, batch=batch, seed=s) for s in args.seeds]
        secs = (time.perf_counter() - t0) / len(replays)
        ranked = median_curve(replays, total)
        cs = [ranked, file_order(task.labels), random_order(task.labels, 1)]
        curves[name] = cs
        print(f"\n## task {name}: {size:,} records, {total:,} targets ({task.prevalence:.1%})")
        print(f"ranked replay: {secs:.0f} s a seed, batch {batch}, seeds {args.seeds}")
        if len(replays) > 1:
            for s, c in zip(args.seeds, replays, strict=True):
                print(f"  seed {s}: 80% recall after {c.read_for_recall(0.8, total) / size:.1%}")
        print("| order | read for 50% recall | read for 80% | read for 95% |")
        print("|---|---|---|---|")
        for c in cs:
            pts = [c.read_for_recall(r, total) for r in (0.5, 0.8, 0.95)]
            if c is ranked:
                pts = [
                    int(np.median([r.read_for_recall(v, total) for r in replays]))
                    for v in (0.5, 0.8, 0.95)
                ]
            cells = [f"{p / size:.1%}" for p in pts]
            label = c.name
            if c is ranked and len(replays) > 1:
                label += f", median of {len(replays)}"
            print(f"| {label} | " + " | ".join(cells) + " |")
        cov = coverage(ranked, task.labels, [0.1, 0.2, 0.3, 0.5], n=300, runs=args.runs)
        print(f"elusion interval (95%, n=300) covers the true number left in {cov:.1%} of runs")
    plot(curves, totals, args.png)
    print(f"\nplot: {args.png}")
    if not args.quick:
        feat, fit = retrain_speed(load_task("rotten").docs)
        print(f"100,000 records: featurise {feat:.1f} s (once per text change), fit {fit:.1f} s")


if __name__ == "__main__":
    main()
