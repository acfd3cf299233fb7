"""How many target records are left among those not yet reviewed, with a confidence interval.

The standard elusion test of technology-assisted review: draw a simple random sample (without
replacement) from the records not yet reviewed, have it reviewed blind to the model's scores, and
count the target records found in it. With `k` found in a sample of `n` from `N` unreviewed
records, the number left is estimated as N*k/n, with an exact interval from the hypergeometric
distribution (the sample is drawn without replacement from a finite set): the set of totals K for
which seeing k or fewer (resp. k or more) in the sample is not too unlikely, at level alpha/2 each
side. Recall reached = found / (found + left); its interval follows from the interval on "left".
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from scipy.stats import hypergeom

CONFIDENCE = 0.95


@dataclass(frozen=True)
class Estimate:
    """What is left, and what recall the team has reached, at `confidence`."""

    unreviewed: int  # N: records not yet reviewed when the sample was drawn
    sample_size: int  # n drawn
    sample_reviewed: int  # of those, how many have a decision now
    sample_positives: int  # k: target records found in the reviewed part of the sample
    found: int  # target records found outside the sample (by reading the queue)
    left: float  # point estimate of target records among the unreviewed
    left_low: int
    left_high: int
    recall: float | None  # found / (found + left)
    recall_low: float | None
    recall_high: float | None
    confidence: float = CONFIDENCE

    def as_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def draw_sample(unreviewed_ids: Sequence[int], size: int, seed: int) -> list[int]:
    """A simple random sample of `size` ids, reproducible from `seed`, in random reading order."""
    pool = sorted(unreviewed_ids)
    return random.Random(seed).sample(pool, min(size, len(pool)))


def interval_left(
    population: int, n: int, k: int, confidence: float = CONFIDENCE
) -> tuple[int, int]:
    """Exact two-sided interval for the number K of targets among `population` given k in n."""
    if n == 0:
        return 0, population
    alpha = (1 - confidence) / 2
    # Smallest K whose P(X >= k) > alpha; largest K whose P(X <= k) > alpha.
    low = 0
    if k > 0:
        lo, hi = k, population - (n - k)
        while lo < hi:
            mid = (lo + hi) // 2
            if hypergeom.sf(k - 1, population, mid, n) > alpha:
                hi = mid
            else:
                lo = mid + 1
        low = lo
    lo, hi = k, population - (n - k)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if hypergeom.cdf(k, population, mid, n) > alpha:
            lo = mid
        else:
            hi = mid - 1
    return low, lo


def estimate(
    unreviewed: int,
    sample_size: int,
    sample_labels: Sequence[bool],
    found: int,
    confidence: float = CONFIDENCE,
) -> Estimate:
    """The elusion estimate from the reviewed part of the sample (`sample_labels`)."""
    n = len(sample_labels)
    k = sum(1 for v in sample_labels if v)
    low, high = interval_left(unreviewed, n, k, confidence)
    left = unreviewed * k / n if n else float("nan")
    recall = recall_low = recall_high = None
    if n:
        total = found + k  # targets in the sample are found too, once reviewed
        rest = max(left - k, 0.0)
        recall = total / (total + rest) if total + rest else 1.0
        recall_low = total / (total + max(high - k, 0)) if total + high - k else 1.0
        recall_high = total / (total + max(low - k, 0)) if total + low - k else 1.0
    return Estimate(
        unreviewed=unreviewed,
        sample_size=sample_size,
        sample_reviewed=n,
        sample_positives=k,
        found=found,
        left=left,
        left_low=low,
        left_high=high,
        recall=recall,
        recall_low=recall_low,
        recall_high=recall_high,
        confidence=confidence,
    )
