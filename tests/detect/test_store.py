"""Scans into the store: cache, skips, corrections surviving re-scans and being undoable."""

from __future__ import annotations

import pytest
from spacy.language import Language
from sqlalchemy import select

from models import Store
from models.entities import ScanCache
from reviewer.detect.entities import (
    add_deny_term,
    add_manual_entity,
    dismiss_entity,
    list_entities,
    records_with_personal_data,
    remove_allow_term,
    remove_deny_term,
    remove_manual_entity,
    restore_entity,
    scan_collection,
    scan_records,
)
from reviewer.progress import Cancelled, RecordingProgress
from tests.detect.conftest import add_record

TEXT = "Witness Sarah Jones, tel 07700 900123, email sj@example.com. Jones saw Operation Kestrel."


def test_scan_skips_bad_records_and_caches(store: Store, nlp: Language) -> None:
    a = add_record(store, "c", "a.txt", [TEXT])
    add_record(store, "c", "b.txt", ["ignored"], status="corrupt")
    add_record(store, "c", "e.txt", ["   "])
    first = scan_collection(store, "c", 1)
    assert (first.scanned, first.skipped) == (1, 2)
    again = scan_collection(store, "c", 1)
    assert (again.scanned, again.unchanged) == (0, 1)
    dup = add_record(store, "c", "dup.txt", [TEXT])
    third = scan_collection(store, "c", 1)
    assert third.cached == 1
    assert third.scanned == 0
    with store.session() as session:
        assert [e.text for e in list_entities(session, a)] == [
            e.text for e in list_entities(session, dup)
        ]
        assert session.scalars(select(ScanCache)).all()


def test_corrections_survive_rescan_and_undo(store: Store, nlp: Language) -> None:
    rid = add_record(store, "c", "a.txt", [TEXT])
    scan_collection(store, "c", 1)
    with store.session() as session:
        views = {e.text: e for e in list_entities(session, rid)}
        dismiss_entity(session, views["07700 900123"].id, "once", "amy")
        dismiss_entity(session, views["Jones"].id, "record", "amy")
        coll_id = 1
        add_deny_term(session, coll_id, "Operation Kestrel", "ORG", "amy")
        manual = add_manual_entity(session, rid, 0, 7, "PERSON", "amy")
    scan_records(store, [rid], force=True)
    with store.session() as session:
        views = list_entities(session, rid)
        state = {(e.text, e.source): e.dismissed for e in views}
        assert state[("07700 900123", "auto")] is True
        assert state[("Jones", "auto")] is True
        assert state[("Operation Kestrel", "deny")] is False
        assert state[("Witness", "manual")] is False
        phone = next(e for e in views if e.label == "PHONE")
        restore_entity(session, phone.id, "amy")
        remove_manual_entity(session, manual.id, "amy")
        remove_deny_term(session, coll_id, "operation kestrel", "ORG", "amy")
    with store.session() as session:
        views = list_entities(session, rid)
        assert not next(e for e in views if e.label == "PHONE").dismissed
        assert all(e.source == "auto" for e in views)
        email = next(e for e in views if e.label == "EMAIL")
        dismiss_entity(session, email.id, "collection", "amy")
    other = add_record(store, "c", "b.txt", ["Reply to sj@example.com please."])
    scan_collection(store, "c", 1)
    with store.session() as session:
        assert all(e.dismissed for e in list_entities(session, other) if e.label == "EMAIL")
        assert other not in records_with_personal_data(session, 1)
        remove_allow_term(session, 1, "SJ@example.com", "amy")
        assert other in records_with_personal_data(session, 1)


def test_cancel_keeps_committed(
    store: Store, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewer.detect.entities import scan as scan_module

    monkeypatch.setattr(scan_module, "TASK_CHARS", 200)  # a task per record or two
    ids = [add_record(store, "c", f"{i}.txt", [f"{TEXT} {i}"]) for i in range(20)]
    progress = RecordingProgress(cancel_after=2)
    try:
        scan_records(store, ids, 1, progress)
    except Cancelled:
        pass
    else:
        raise AssertionError("scan did not stop")
    with store.session() as session:
        done = [i for i in ids if list_entities(session, i)]
    assert 0 < len(done) < len(ids)


def test_pdf_words_give_rects(store: Store, nlp: Language) -> None:
    words = [[[0, 5, 10, 10, 40, 20], [6, 11, 45, 10, 80, 20], [12, 15, 10, 30, 30, 40]]]
    rid = add_record(store, "c", "p.pdf", ["Sarah Jones\nsaw"], words=words)
    scan_collection(store, "c", 1)
    with store.session() as session:
        person = next(e for e in list_entities(session, rid) if e.label == "PERSON")
    assert person.page == 1
    assert person.rects == ((10.0, 10.0, 80.0, 20.0),)
