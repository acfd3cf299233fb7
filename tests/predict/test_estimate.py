"""The elusion estimate: exact interval, and honest coverage on repeated random samples."""

from __future__ import annotations

import random

import pytest

from reviewer.predict.estimate import draw_sample, estimate, interval_left


def test_interval_brackets_the_point_estimate() -> None:
    low, high = interval_left(10_000, 400, 12)
    assert low < 10_000 * 12 / 400 < high
    # Nothing found still leaves an upper bound above zero (rule of three, about 3/n).
    low0, high0 = interval_left(10_000, 400, 0)
    assert low0 == 0
    assert 50 < high0 < 100


def test_interval_is_impossible_values_free() -> None:
    # k targets were seen, so at least k exist; the n-k non-targets cap the total.
    low, high = interval_left(50, 50, 7)
    assert (low, high) == (7, 7)


@pytest.mark.parametrize("truth", [0, 30, 300])
def test_interval_covers_the_truth_at_least_as_often_as_claimed(truth: int) -> None:
    population, n, runs = 3_000, 200, 300
    items = [True] * truth + [False] * (population - truth)
    rng = random.Random(truth)
    covered = 0
    for _ in range(runs):
        k = sum(rng.sample(items, n))
        low, high = interval_left(population, n, k)
        covered += low <= truth <= high
    assert covered / runs >= 0.93


def test_recall_uses_the_interval_on_what_is_left() -> None:
    est = estimate(
        unreviewed=1_000, sample_size=100, sample_labels=[True] * 2 + [False] * 98, found=80
    )
    assert est.left == pytest.approx(20)
    assert est.recall is not None and est.recall_low is not None and est.recall_high is not None
    assert est.recall_low < est.recall < est.recall_high <= 1
    assert est.recall == pytest.approx(82 / (82 + 18))


def test_sample_is_reproducible_and_without_repeats() -> None:
    ids = list(range(100, 600))
    a, b = draw_sample(ids, 50, 3), draw_sample(list(reversed(ids)), 50, 3)
    assert a == b
    assert len(set(a)) == 50
    assert draw_sample(ids, 1_000, 1) != ids  # all of them, shuffled
