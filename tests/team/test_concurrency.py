"""Two reviewers on one record: the second save is refused and told who changed what, when.

Under real concurrency (threads with their own connections to PostgreSQL) exactly one of two
simultaneous saves wins, and many writers still leave one linear, verifiable history.
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from sqlalchemy import func, select

from models import Store
from models.audit import AuditEvent
from models.decisions import Decision
from reviewer.audit import verify
from reviewer.decisions import Actor, DecisionError, get_decision, save_appraisal
from reviewer.team.conflicts import DecisionConflict
from tests.team.conftest import add_collection, postgres_only

ALICE = Actor("Alice Example", "appraiser")
BOB = Actor("Bob Example", "appraiser")


def test_second_save_is_told_who_changed_what_and_when(store: Store) -> None:
    rid = add_collection(store, count=1)[0]
    with store.session() as s:
        opened = save_appraisal(s, rid, ALICE, "select", [], "first look")
    with store.session() as s:
        save_appraisal(s, rid, ALICE, "retain", [], "kept", expected_version=opened.version)
    with pytest.raises(DecisionConflict) as caught, store.session() as s:
        save_appraisal(s, rid, BOB, "destroy", [], "", expected_version=opened.version)
    err = caught.value
    assert isinstance(err, DecisionError)  # callers that catch DecisionError still do
    assert err.changed_by == "Alice Example"
    assert (err.opened_version, err.current_version) == (1, 2)
    assert {c.field for c in err.changes} == {"appraisal", "rationale"}
    message = str(err)
    assert "changed by someone else since you opened it" in message
    assert "changed by Alice Example (appraiser) at " in message
    assert "appraisal select → retain" in message
    assert "rationale edited" in message and "kept" not in message  # free text not echoed
    with store.session() as s:
        assert get_decision(s, rid).appraisal == "retain"  # Bob's save changed nothing


def _race(store: Store, rid: int, opened: int) -> list[BaseException | str]:
    barrier = threading.Barrier(2)
    results: list[BaseException | str] = []

    def save(actor: Actor, outcome: str) -> None:
        try:
            with store.session() as s:
                barrier.wait(timeout=10)
                save_appraisal(s, rid, actor, outcome, [], "", expected_version=opened)
            results.append(actor.name)
        except BaseException as exc:
            results.append(exc)

    threads = [
        threading.Thread(target=save, args=(ALICE, "retain")),
        threading.Thread(target=save, args=(BOB, "destroy")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return results


@postgres_only
def test_simultaneous_saves_on_postgres_one_wins_one_is_told(store: Store) -> None:
    rids = add_collection(store, count=5)
    for rid in rids:
        with store.session() as s:
            opened = save_appraisal(s, rid, ALICE, "select", [], "").version
        results = _race(store, rid, opened)
        winners = [r for r in results if isinstance(r, str)]
        losers = [r for r in results if isinstance(r, DecisionConflict)]
        assert len(winners) == 1, results
        assert len(losers) == 1, results
        assert losers[0].changed_by == winners[0]
        with store.session() as s:
            view = get_decision(s, rid)
        assert view.decided_by == winners[0]
    with store.session() as s:
        assert verify(s).ok


@postgres_only
def test_eight_writers_keep_one_linear_history(store: Store) -> None:
    rids = add_collection(store, count=6)
    per_writer = 12
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        actor = Actor(f"Writer {n}", "appraiser")
        try:
            for i in range(per_writer):
                rid = rids[(n + i) % len(rids)]
                with store.session() as s:
                    save_appraisal(s, rid, actor, ("select", "retain")[i % 2], [], "")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    with store.session() as s:
        result = verify(s)
        events = s.scalar(select(func.count()).select_from(AuditEvent))
        ids = list(s.scalars(select(AuditEvent.id).order_by(AuditEvent.id)))
        per_record = Counter(
            s.scalars(select(AuditEvent.record_id).where(AuditEvent.kind != "rows"))
        )
        sealed = s.scalar(select(func.count()).where(AuditEvent.kind == "rows"))
        versions = dict(s.execute(select(Decision.record_id, Decision.version)).all())
    assert result.ok, result.reason
    assert events == 8 * per_writer + sealed  # + the collection's rows sealed at set-up
    assert ids == list(range(1, events + 1))  # one chain, no gaps, no forks
    assert versions == dict(per_record)  # every save counted once: none lost or overwritten
