"""Samples: reproducible from the seed, sized by rate or size, stratified in proportion."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from reviewer.decisions.types import DecisionError
from reviewer.qa.sampling import allocate, draw_sample, list_samples


def test_same_seed_same_sample_and_stored(twelve: tuple[Any, int, dict[str, int]]) -> None:
    store, cid, _ = twelve
    with store.session() as s:
        one = draw_sample(s, cid, size=5, seed=42)
        again = draw_sample(s, cid, size=5, seed=42)
        other = draw_sample(s, cid, size=5, seed=43)
    assert [i.record_id for i in one.items] == [i.record_id for i in again.items]
    assert one.id == again.id  # not stored twice
    assert len(one.items) == 5
    assert [i.record_id for i in other.items] != [i.record_id for i in one.items]
    with store.session() as s:
        stored = list_samples(s, cid)
    assert [(x.seed, x.size) for x in stored] == [(42, 5), (43, 5)]
    assert all(i.path for i in stored[0].items)


def test_rate_rounds_up_and_reviewer_filter(twelve: tuple[Any, int, dict[str, int]]) -> None:
    store, cid, _ids = twelve
    with store.session() as s:
        by_rate = draw_sample(s, cid, rate=0.25, seed=1)  # 25% of 12 = 3
        bobs = draw_sample(s, cid, rate=0.5, reviewer="Bob", seed=1)  # 50% of 4 = 2
        everyone = draw_sample(s, cid, size=100, seed=1)
    assert len(by_rate.items) == 3
    assert {i.first_reviewer for i in bobs.items} == {"Bob"}
    assert len(bobs.items) == 2
    assert len(everyone.items) == 12  # capped at the population
    assert everyone.population == 12


def test_stratified_by_reviewer_and_decision(twelve: tuple[Any, int, dict[str, int]]) -> None:
    store, cid, _ = twelve
    # Strata: Alice|open 5, Alice|closed 3, Bob|open 2, Bob|closed 2 (12 records).
    with store.session() as s:
        sample = draw_sample(s, cid, size=6, seed=7, stratify=("reviewer", "decision"))
    counts = Counter(i.stratum for i in sample.items)
    # Quotas 2.5, 1.5, 1, 1: floors give 5, the tied remainder goes to the first key by name.
    assert counts == {"Alice | open": 2, "Alice | closed": 2, "Bob | open": 1, "Bob | closed": 1}


def test_allocate_largest_remainder() -> None:
    assert allocate({"a": 5, "b": 3, "c": 2, "d": 2}, 6) == {"a": 3, "b": 1, "c": 1, "d": 1}
    assert allocate({"a": 1, "b": 9}, 5) == {"a": 1, "b": 4}
    assert sum(allocate({"a": 3, "b": 3, "c": 3}, 4).values()) == 4


def test_bad_parameters_refused(twelve: tuple[Any, int, dict[str, int]]) -> None:
    store, cid, _ = twelve
    with store.session() as s:
        for kwargs in ({"rate": 0}, {"rate": 1.5}, {"size": 0}, {}, {"size": 2, "rate": 0.1}):
            with pytest.raises(DecisionError):
                draw_sample(s, cid, **kwargs)
        with pytest.raises(DecisionError, match="stratify"):
            draw_sample(s, cid, size=2, stratify=("colour",))
