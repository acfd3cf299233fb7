"""The shared scan queue on either engine: distinct claims, expiry, only the holder finishes."""

from __future__ import annotations

import time
from datetime import timedelta

from models import Store
from reviewer.team.claims import claim, enqueue, finish, queue_state, release, renew
from tests.team.conftest import add_collection


def _cid(store: Store) -> int:
    from sqlalchemy import select

    from models.records import Collection

    with store.session() as s:
        return int(s.scalar(select(Collection.id).where(Collection.name == "team")) or 0)


def test_two_workers_never_get_the_same_record(store: Store) -> None:
    ids = add_collection(store, count=10)
    cid = _cid(store)
    with store.session() as s:
        assert enqueue(s, cid) == 10
    with store.session() as s:
        assert enqueue(s, cid) == 0  # a second worker starting adds nothing
    with store.session() as s:
        a = claim(s, cid, "a", 4)
    with store.session() as s:
        b = claim(s, cid, "b", 4)
    with store.session() as s:
        c = claim(s, cid, "c", 4)
    assert [len(a), len(b), len(c)] == [4, 4, 2]
    assert sorted(a + b + c) == sorted(ids)
    with store.session() as s:
        state = queue_state(s, cid)
    assert (state.total, state.done, state.held, state.waiting) == (10, 0, 10, 0)


def test_expired_claims_are_taken_over_and_the_late_worker_cannot_finish(store: Store) -> None:
    add_collection(store, count=3)
    cid = _cid(store)
    with store.session() as s:
        enqueue(s, cid)
        dead = claim(s, cid, "dead", 3, ttl=timedelta(seconds=1))
    with store.session() as s:
        assert claim(s, cid, "alive", 3) == []  # still held
    time.sleep(1.2)
    with store.session() as s:
        assert claim(s, cid, "alive", 3) == dead
    with store.session() as s:
        assert finish(s, "dead", dead) == []  # lost its claims: writes nothing
        assert finish(s, "alive", dead) == dead
    with store.session() as s:
        state = queue_state(s, cid)
    assert (state.done, state.held, state.waiting) == (3, 0, 0)


def test_renewal_keeps_a_claim_and_release_gives_it_back(store: Store) -> None:
    add_collection(store, count=2)
    cid = _cid(store)
    with store.session() as s:
        enqueue(s, cid)
        mine = claim(s, cid, "w", 2, ttl=timedelta(seconds=1))
    time.sleep(0.6)
    with store.session() as s:
        assert renew(s, "w", timedelta(seconds=5)) == 2
    time.sleep(0.6)
    with store.session() as s:
        assert claim(s, cid, "other", 2) == []
        assert release(s, "w") == 2
    with store.session() as s:
        assert claim(s, cid, "other", 2) == mine
