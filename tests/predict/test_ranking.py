"""Continuous active learning on a real labelled corpus finds the targets sooner than file order."""

from __future__ import annotations

from benchmarks.predictive_corpus import load_task
from reviewer.predict.simulate import file_order, random_order, ranked_order


def test_ranked_review_finds_people_far_sooner_than_file_or_random_order() -> None:
    task = load_task("people", limit=2_000)
    total = sum(task.labels)
    assert 150 < total < 260  # about 10%
    ranked = ranked_order(task.docs, task.labels, batch=50, seed=1, stop_at=800)
    read_ranked = ranked.read_for_recall(0.8, total)
    assert read_ranked <= 0.3 * len(task.docs)
    assert read_ranked * 2 < file_order(task.labels).read_for_recall(0.8, total)
    assert read_ranked * 2 < random_order(task.labels, 1).read_for_recall(0.8, total)


def test_ranking_is_reproducible() -> None:
    task = load_task("rotten", limit=600)
    a = ranked_order(task.docs, task.labels, batch=50, seed=2, stop_at=300)
    b = ranked_order(task.docs, task.labels, batch=50, seed=2, stop_at=300)
    assert a.order == b.order
