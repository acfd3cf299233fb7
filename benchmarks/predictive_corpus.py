"""The real labelled corpus predictive review is evaluated on (see data/predictive/SOURCE.md)."""

from __future__ import annotations

import bz2
import csv
import io
import random
from dataclasses import dataclass
from pathlib import Path

from reviewer.predict.features import Document

CORPUS = Path(__file__).parent / "data" / "predictive" / "rotten_tomatoes_corpus_full.csv.bz2"


@dataclass(frozen=True)
class Labelled:
    """A task over the corpus: documents in "file order" (by film, then text) and their labels."""

    name: str
    docs: list[Document]
    labels: list[bool]

    @property
    def prevalence(self) -> float:
        return sum(self.labels) / len(self.labels)


def _rows() -> list[dict[str, str]]:
    with bz2.open(CORPUS, "rt", encoding="utf-8") as fh:
        return list(csv.DictReader(io.StringIO(fh.read())))


def _task(name: str, rows: list[dict[str, str]], target: str) -> Labelled:
    # "File order": as a folder of files named by case (here: film) would list them.
    rows = sorted(rows, key=lambda r: (r["movie_name"], r["text"]))
    docs = [Document(i, r["text"]) for i, r in enumerate(rows)]
    return Labelled(name, docs, [r["category"] == target for r in rows])


def load_task(name: str, *, limit: int | None = None, seed: int = 7) -> Labelled:
    """`people` (synopses among reviews) or `rotten` (negative reviews at 10%, among positive)."""
    rows = _rows()
    rng = random.Random(seed)
    if name == "people":
        plots = [r for r in rows if r["category"] == "plot"]
        reviews = [r for r in rows if r["category"] != "plot"]
        # ~10% prevalence: every synopsis, and nine reviews for each.
        chosen = plots + rng.sample(reviews, min(len(reviews), 9 * len(plots)))
    elif name == "rotten":
        fresh = [r for r in rows if r["category"] == "fresh"]
        rotten = [r for r in rows if r["category"] == "rotten"]
        chosen = fresh + rng.sample(rotten, len(fresh) // 9)
    else:
        raise ValueError(f"unknown task {name!r}")
    if limit is not None and limit < len(chosen):
        chosen = rng.sample(chosen, limit)
    return _task(name, chosen, "plot" if name == "people" else "rotten")
