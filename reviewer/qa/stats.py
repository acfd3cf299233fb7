"""Agreement figures a department can defend: percent agreement, Cohen's kappa, Wilson intervals.

Cohen's kappa follows the textbook (and scikit-learn's `cohen_kappa_score`) definition:
kappa = (p_o - p_e) / (1 - p_e), with p_o the observed share of agreeing pairs and p_e the
agreement expected by chance from each rater's own category shares. When both raters used one
and the same category throughout, p_e = 1 and kappa is undefined (scikit-learn returns nan); we
return None so JSON stays valid.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence

Z95 = 1.959963984540054  # two-sided 95% normal quantile


def percent_agreement(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Share of pairs where both raters gave the same category (None without pairs)."""
    if not pairs:
        return None
    return sum(1 for a, b in pairs if a == b) / len(pairs)


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa of two raters over the same items; None without pairs or when undefined."""
    n = len(pairs)
    if n == 0:
        return None
    p_o = sum(1 for a, b in pairs if a == b) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    p_e = sum(first[c] * second.get(c, 0) for c in first) / (n * n)
    if math.isclose(p_e, 1.0):
        return None
    return (p_o - p_e) / (1 - p_e)


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval of a proportion (sound for small n and p near 0, unlike Wald's)."""
    if n <= 0:
        return None
    if not 0 <= successes <= n:
        raise ValueError("successes must be between 0 and n")
    p = successes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = (z / (1 + z2 / n)) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)
