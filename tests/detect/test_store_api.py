"""The store API the GUI reads: paged span lists, one-query record flags, audited corrections."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, insert

from models import Store
from models.entities import DetectedEntity
from models.records import Record
from reviewer.audit import history, verify
from reviewer.cli import main
from reviewer.detect.entities import (
    add_allow_term,
    add_deny_term,
    add_manual_entity,
    dismiss_entity,
    list_entities,
    list_terms,
    records_with_personal_data,
    remove_allow_term,
    remove_deny_term,
    remove_manual_entity,
    restore_entity,
    scan_collection,
)
from tests.detect.conftest import add_record


def _put(store: Store, record_id: int, spans: list[tuple[int, int, str, str, int | None]]) -> None:
    """Stored spans without running detection: (start, end, label, text, page)."""
    with store.session() as session:
        session.execute(
            insert(DetectedEntity),
            [
                {
                    "record_id": record_id,
                    "start": s,
                    "end": e,
                    "label": lab,
                    "text": text,
                    "term": text.casefold(),
                    "page": page,
                    "rects": "[[1, 2, 3, 4]]" if page else "[]",
                }
                for s, e, lab, text, page in spans
            ],
        )


@contextmanager
def count_selects(store: Store) -> Iterator[list[str]]:
    seen: list[str] = []

    def on_execute(*args: object) -> None:
        statement = str(args[2])
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", on_execute)


def test_list_entities_in_text_order_and_by_page(store: Store) -> None:
    rid = add_record(store, "c", "p.pdf", ["Ann Lee", "Bob Day"])
    _put(store, rid, [(8, 15, "PERSON", "Bob Day", 2), (0, 7, "PERSON", "Ann Lee", 1)])
    with store.session() as session:
        every = list_entities(session, rid)
        second = list_entities(session, rid, page=2)
        missing = list_entities(session, 999)
    assert [v.text for v in every] == ["Ann Lee", "Bob Day"]
    assert every[0].rects == ((1, 2, 3, 4),)
    assert [v.text for v in second] == ["Bob Day"]
    assert missing == []


def test_records_with_personal_data_is_one_query_and_honours_every_dismissal(store: Store) -> None:
    ids = [add_record(store, "c", f"{i}.txt", [f"Ann Lee met Bob Day {i}"]) for i in range(5)]
    other = add_record(store, "d", "x.txt", ["Ann Lee"])
    for rid in [*ids, other]:
        _put(store, rid, [(0, 7, "PERSON", "Ann Lee", None)])
    with store.session() as session:
        by_id = {rid: list_entities(session, rid)[0].id for rid in ids}
        dismiss_entity(session, by_id[ids[0]], "once", "amy")
        dismiss_entity(session, by_id[ids[1]], "record", "amy")
        cid = session.get(Record, ids[0]).collection_id  # type: ignore[union-attr]
    with store.session() as session, count_selects(store) as selects:
        flagged = records_with_personal_data(session, cid)
    assert flagged == set(ids[2:])
    # The audit seal's once-per-connection trigger check is bookkeeping, not a query over data.
    data_selects = [q for q in selects if "sqlite_temp_master" not in q]
    assert len(data_selects) == 1
    with store.session() as session:
        add_allow_term(session, cid, "ANN  lee", "amy", "ORG")  # another label: no effect
        assert records_with_personal_data(session, cid) == set(ids[2:])
        add_allow_term(session, cid, "ann lee", "amy", "PERSON")
        assert records_with_personal_data(session, cid) == set()
        # Restoring a span lifts its once-dismissal and the allow term for its text, not the
        # record-wide dismissal of another record.
        restore_entity(session, by_id[ids[0]], "amy")
        assert records_with_personal_data(session, cid) == {ids[0], *ids[2:]}


def test_every_correction_is_in_the_audit_history(store: Store) -> None:
    rid = add_record(store, "c", "a.txt", ["Ann Lee rang Operation Kestrel today"])
    _put(store, rid, [(0, 7, "PERSON", "Ann Lee", None)])
    with store.session() as session:
        span = list_entities(session, rid)[0]
        dismiss_entity(session, span.id, "record", "amy")
        restore_entity(session, span.id, "amy")
        manual = add_manual_entity(session, rid, 13, 30, "ORG", "amy", role="qa")
        remove_manual_entity(session, manual.id, "amy")
        add_allow_term(session, 1, "Kestrel", "amy")
        remove_allow_term(session, 1, "kestrel", "amy")
        assert add_deny_term(session, 1, "operation kestrel", "ORG", "amy")
        assert not add_deny_term(session, 1, "Operation Kestrel", "ORG", "amy")
        remove_deny_term(session, 1, "Operation Kestrel", "ORG", "amy")
    with store.session() as session:
        events = history(session, 1)
        assert [e.kind for e in events] == [
            "entity_dismissed",
            "entity_restored",
            "entity_added",
            "entity_removed",
            "allow_term_added",
            "allow_term_removed",
            "deny_term_added",
            "deny_term_removed",
        ]
        assert {e.actor for e in events} == {"amy"}
        assert events[2].role == "qa"
        assert events[0].record_id == rid
        assert events[6].after == {"term": "operation kestrel", "label": "ORG"}
        assert verify(session).ok
        assert [e.source for e in list_entities(session, rid)] == ["auto"]


def test_allow_and_deny_commands(
    store: Store, db_url_of: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rid = add_record(store, "c", "a.txt", ["Call Operation Kestrel now"])
    db = ["--db", db_url_of]
    assert (
        main([*db, "deny", "add", "Operation Kestrel", "--collection", "c", "--label", "ORG"]) == 0
    )
    assert main([*db, "allow", "add", "Leeds", "--collection", "c", "--by", "amy"]) == 0
    capsys.readouterr()
    assert main([*db, "deny", "list", "--collection", "c"]) == 0
    denied = json.loads(capsys.readouterr().out)
    assert denied[0]["term"] == "operation kestrel"
    assert denied[0]["label"] == "ORG"
    assert main([*db, "allow", "list", "--collection", "c"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"term": "leeds", "label": "", "added_by": "amy"}
    ]
    with store.session() as session:
        assert [e.text for e in list_entities(session, rid)] == ["Operation Kestrel"]
    assert (
        main([*db, "deny", "remove", "operation kestrel", "--collection", "c", "--label", "ORG"])
        == 0
    )
    assert main([*db, "allow", "remove", "LEEDS", "--collection", "c"]) == 0
    with store.session() as session:
        assert list_entities(session, rid) == []
        assert list_terms(session, 1, "allow") == []
    assert main([*db, "deny", "add", "x", "--collection", "nope", "--label", "ORG"]) == 2
    assert main([*db, "deny", "add", "x", "--collection", "c", "--label", "NAME"]) == 2
    assert "unknown label" in capsys.readouterr().err


def test_personal_data_dot_counts_only_what_is_shown_by_default(store: Store) -> None:
    # An organisation, or a special-category term in a policy paper ("possible"), is no dot.
    org = add_record(store, "c", "org.txt", ["The Financial Conduct Authority said so."])
    policy = add_record(store, "c", "policy.txt", ["The scheme reduces fraud in the sector."])
    person = add_record(store, "c", "person.txt", ["Statement of Ann Lee, 4 May 2001."])
    scan_collection(store, "c", 1)
    with store.session() as session:
        cid = session.get(Record, org).collection_id  # type: ignore[union-attr]
        assert "ORG" in {e.label for e in list_entities(session, org)}  # detected, only hidden
        assert "SPECIAL_CATEGORY" in {e.label for e in list_entities(session, policy)}
        assert records_with_personal_data(session, cid) == {person}
