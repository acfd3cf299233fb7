"""Batches: split by folder/size/count with families kept together; countersigning."""

from __future__ import annotations

from typing import Any

import pytest

from models.records import Record
from reviewer.decisions.types import DecisionError
from reviewer.qa.batches import assign, batch_records, create_batches, list_batches, set_status
from reviewer.qa.blind import submit_review
from reviewer.qa.signoff import countersign
from reviewer.qa.types import QaDecision


def test_split_by_folder_and_families_together(twelve: tuple[Any, int, dict[str, int]]) -> None:
    store, cid, ids = twelve
    with store.session() as s:
        # An attachment of a/doc00.txt stays with its parent whatever the split.
        s.add(
            Record(
                collection_id=cid,
                parent_id=ids["a/doc00.txt"],
                path="a/doc00.txt/att.pdf",
                name="att.pdf",
                size=10,
            )
        )
        s.flush()
        by_folder = create_batches(s, cid, "folder", 1, actor="Rita")
        assert [(b.name, b.records) for b in by_folder] == [("Batch 1: a", 9), ("Batch 2: b", 4)]
        assert create_batches(s, cid, "count", 5, actor="Rita") == []  # nothing left to batch


def test_split_by_size_and_count(twelve: tuple[Any, int, dict[str, int]]) -> None:
    store, cid, _ = twelve
    with store.session() as s:
        by_size = create_batches(s, cid, "size", 350, actor="Rita")  # 100 bytes each
    assert [b.records for b in by_size] == [3, 3, 3, 3]
    with store.session() as s:
        assert sorted(len(batch_records(s, b.id)) for b in list_batches(s, cid)) == [3, 3, 3, 3]


def test_status_and_countersign(twelve: tuple[Any, int, dict[str, int]]) -> None:
    store, cid, ids = twelve
    with store.session() as s:
        (batch,) = create_batches(s, cid, "count", 100, actor="Rita", reviewer="Alice")
        assign(s, batch.id, "Carol", "checker", actor="Rita")
        with pytest.raises(DecisionError, match="can move to in review"):
            set_status(s, batch.id, "done", actor="Alice")
        for status in ("in review", "done", "checked"):
            set_status(s, batch.id, status, actor="Alice")
        with pytest.raises(DecisionError, match="countersign"):
            set_status(s, batch.id, "accepted", actor="Carol")
        for p in ("a/doc05.txt", "a/doc06.txt"):  # both Open; Carol agrees
            submit_review(s, ids[p], "Carol", QaDecision(closure_status="Open"))
        with pytest.raises(DecisionError, match="why"):
            countersign(s, batch.id, "Carol", decision="return")
        signed = countersign(s, batch.id, "Carol", threshold=0.05)
    assert signed.status == "accepted"  # 0 errors of 2: recommendation accept
    assert signed.reviewer == "Alice"
    assert signed.checker == "Carol"
    assert signed.countersigned_by == "Carol"
