"""Replaying a labelled collection as if a reviewer read it in the order the tool proposes.

Used by `benchmarks/predictive.py` and the tests: the same featuriser and learner as the live
queue, retrained after every batch, against file order and random order.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reviewer.predict.features import Document, Featuriser
from reviewer.predict.learner import Learner, NotEnoughDecisions


@dataclass(frozen=True)
class Curve:
    """Targets found after each record read, in reading order."""

    name: str
    order: tuple[int, ...]  # indexes into the documents
    found: tuple[int, ...]  # cumulative targets found after reading i+1 records

    def read_for_recall(self, recall: float, total: int) -> int:
        """Records read before `recall` of the `total` targets were found."""
        need = int(np.ceil(recall * total))
        for i, f in enumerate(self.found):
            if f >= need:
                return i + 1
        return len(self.found)


def _curve(name: str, order: Sequence[int], labels: Sequence[bool]) -> Curve:
    found = np.cumsum([1 if labels[i] else 0 for i in order])
    return Curve(name, tuple(order), tuple(int(v) for v in found))


def file_order(labels: Sequence[bool]) -> Curve:
    return _curve("file order", range(len(labels)), labels)


def random_order(labels: Sequence[bool], seed: int) -> Curve:
    order = list(range(len(labels)))
    random.Random(seed).shuffle(order)
    return _curve("random order", order, labels)


def ranked_order(
    docs: Sequence[Document],
    labels: Sequence[bool],
    *,
    batch: int = 100,
    seed: int = 0,
    stop_at: int | None = None,
) -> Curve:
    """Continuous active learning: read a random batch until both kinds are seen, then always the
    highest-scored unread records, retraining after every batch (`stop_at` bounds the reading)."""
    x = Featuriser().fit_transform(docs)
    featuriser = Featuriser()
    rng = random.Random(seed)
    unread = list(range(len(docs)))
    rng.shuffle(unread)
    read: list[int] = []
    limit = len(docs) if stop_at is None else min(stop_at, len(docs))
    learner: Learner | None = None
    while len(read) < limit:
        if learner is None:
            nxt = unread[:batch]
        else:
            pool = np.asarray(unread)
            scores = learner.scores(x[pool])
            nxt = [int(i) for i in pool[np.argsort(-scores, kind="stable")[:batch]]]
        taken = set(nxt)
        unread = [i for i in unread if i not in taken]
        read.extend(nxt)
        try:
            learner = Learner.fit(featuriser, x[read], [labels[i] for i in read])
        except NotEnoughDecisions:
            learner = None
    return _curve("ranked (CAL)", read[:limit], labels)
