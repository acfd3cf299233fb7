"""Agreement, Cohen's kappa and Wilson intervals against hand calculations."""

from __future__ import annotations

import math

import pytest

from reviewer.qa.stats import cohen_kappa, percent_agreement, wilson_interval


def _table(a: int, b: int, c: int, d: int) -> list[tuple[str, str]]:
    """2x2 table: a = both Closed, b = first Closed/checker Open, c = first Open/checker Closed,
    d = both Open."""
    return (
        [("Closed", "Closed")] * a
        + [("Closed", "Open")] * b
        + [("Open", "Closed")] * c
        + [("Open", "Open")] * d
    )


def test_kappa_matches_hand_calculation() -> None:
    # 10 records: 3 both Closed, 1 Closed/Open, 1 Open/Closed, 5 both Open.
    # p_o = 8/10 = 0.8. First: Closed 4, Open 6. Checker: Closed 4, Open 6.
    # p_e = 0.4*0.4 + 0.6*0.6 = 0.52. kappa = (0.8 - 0.52) / (1 - 0.52) = 0.28/0.48 = 7/12.
    pairs = _table(3, 1, 1, 5)
    assert percent_agreement(pairs) == pytest.approx(0.8)
    assert cohen_kappa(pairs) == pytest.approx(7 / 12)


def test_kappa_textbook_example() -> None:
    # Wikipedia's worked example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> kappa 0.4.
    pairs = _table(20, 5, 10, 15)
    assert percent_agreement(pairs) == pytest.approx(0.7)
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_kappa_like_scikit_learn_formula() -> None:
    # scikit-learn: k = 1 - sum(W*C) / sum(W*E), W = 1 off the diagonal, E = outer(rows, cols)/n.
    pairs = [*_table(7, 2, 4, 1), ("Closed", "Other"), ("Other", "Other")]
    cats = sorted({x for p in pairs for x in p})
    n = len(pairs)
    conf = [[sum(1 for a, b in pairs if a == r and b == c) for c in cats] for r in cats]
    rows = [sum(r) for r in conf]
    cols = [sum(conf[i][j] for i in range(len(cats))) for j in range(len(cats))]
    observed_off = sum(conf[i][j] for i in range(len(cats)) for j in range(len(cats)) if i != j)
    expected_off = sum(
        rows[i] * cols[j] / n for i in range(len(cats)) for j in range(len(cats)) if i != j
    )
    assert cohen_kappa(pairs) == pytest.approx(1 - observed_off / expected_off)


def test_kappa_perfect_and_undefined() -> None:
    assert cohen_kappa(_table(2, 0, 0, 3)) == pytest.approx(1.0)
    assert cohen_kappa(_table(0, 0, 0, 4)) is None  # one category only: undefined
    assert cohen_kappa([]) is None
    assert percent_agreement([]) is None
    # Worse than chance is negative.
    kappa = cohen_kappa(_table(0, 3, 3, 0))
    assert kappa is not None
    assert kappa < 0


def test_wilson_interval_values() -> None:
    # 2 errors in 20: p = 0.1, Wilson 95% = (0.0279, 0.3010) (Newcombe 1998 style figures).
    lo, hi = wilson_interval(2, 20)  # type: ignore[misc]
    assert lo == pytest.approx(0.02787, abs=1e-4)
    assert hi == pytest.approx(0.30103, abs=1e-4)
    # 0 errors in 10: the lower bound is 0 and the upper about 0.2775, not 0 as Wald gives.
    lo, hi = wilson_interval(0, 10)  # type: ignore[misc]
    assert lo == 0.0
    assert hi == pytest.approx(0.27753, abs=1e-4)
    # Symmetric: k of n errors mirrors n-k.
    a = wilson_interval(3, 15)
    b = wilson_interval(12, 15)
    assert a is not None
    assert b is not None
    assert math.isclose(a[0], 1 - b[1])
    assert math.isclose(a[1], 1 - b[0])
    assert wilson_interval(0, 0) is None
    with pytest.raises(ValueError, match="between"):
        wilson_interval(5, 3)
