"""The ordered queue on a store: learns from decisions, keeps versions, hides sampled scores."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models import open_store
from models.records import Collection, Record, RecordPage
from reviewer.cli import main
from reviewer.decisions.save import save_appraisal
from reviewer.decisions.types import Actor
from reviewer.predict.collection import collection_id
from reviewer.predict.queue_order import UnknownVersion, ordered_queue
from reviewer.predict.remaining import draw, remaining
from reviewer.predict.tasks import APPRAISAL

MURDER = "Murder trial at the Crown Court: the jury heard the pathologist on the stabbing."
ROUTINE = "Routine invoice for stationery and printer toner, paid by the finance team."
APPRAISER = Actor("ann", "appraiser")


def _store(url: str, n: int = 12) -> dict[str, int]:
    store = open_store(url)
    ids: dict[str, int] = {}
    with store.session() as s:
        coll = Collection(name="ops", kind="case")
        s.add(coll)
        s.flush()
        for i in range(n):
            text = MURDER if i % 3 == 0 else ROUTINE
            path = f"f{i:02d}.txt"
            rec = Record(
                collection_id=coll.id,
                path=path,
                name=path,
                size=len(text),
                sha256=f"{i:064x}",
                mtime=datetime(2004, 1, 1, tzinfo=UTC),
                mime="text/plain",
            )
            s.add(rec)
            s.flush()
            s.add(RecordPage(record_id=rec.id, page_no=1, text=f"{text} Item {i}."))
            ids[path] = rec.id
        s.commit()
    return ids


def _decide(url: str, ids: dict[str, int], outcomes: dict[str, str]) -> None:
    with open_store(url).session() as s:
        for path, outcome in outcomes.items():
            save_appraisal(s, ids[path], APPRAISER, outcome)
        s.commit()


def test_likely_selected_puts_similar_unreviewed_records_first(db_url: str) -> None:
    ids = _store(db_url)
    _decide(db_url, ids, {"f00.txt": "select", "f01.txt": "destroy", "f02.txt": "destroy"})
    with open_store(db_url).session() as s:
        items, info = ordered_queue(s, "ops", "likely-selected", actor="ann")
        s.commit()
    assert info is not None and info.kind == "model" and info.version == 1
    unreviewed = [it for it in items if not it.reviewed]
    assert [it.path for it in items[-3:]] == sorted(["f00.txt", "f01.txt", "f02.txt"])
    top = {it.path for it in unreviewed[:3]}
    assert top == {"f03.txt", "f06.txt", "f09.txt"}  # the other murder files
    assert unreviewed[0].score is not None and unreviewed[0].score > unreviewed[-1].score  # type: ignore[operator]
    assert any("murder" in r for r in unreviewed[0].reasons)


def test_model_is_reused_until_a_decision_changes_and_old_versions_reproduce(db_url: str) -> None:
    ids = _store(db_url)
    _decide(db_url, ids, {"f00.txt": "select", "f01.txt": "destroy"})
    with open_store(db_url).session() as s:
        first, info1 = ordered_queue(s, "ops", "likely-selected")
        _again, info2 = ordered_queue(s, "ops", "likely-selected")
        s.commit()
    assert info1 is not None and info2 is not None
    assert info2.reused and info2.version == info1.version
    _decide(db_url, ids, {"f04.txt": "select"})  # a routine file selected: the model changes
    with open_store(db_url).session() as s:
        _, info3 = ordered_queue(s, "ops", "likely-selected")
        replay, _ = ordered_queue(s, "ops", "likely-selected", version=info1.version)
        s.commit()
        with pytest.raises(UnknownVersion):
            ordered_queue(s, "ops", "likely-selected", version=99)
    assert info3 is not None and info3.version == info1.version + 1
    score = {it.record_id: it.score for it in first}
    assert {it.record_id: it.score for it in replay} == score


def test_cold_start_ranks_by_the_criteria_until_both_kinds_are_decided(db_url: str) -> None:
    _store(db_url)
    with open_store(db_url).session() as s:
        items, info = ordered_queue(s, "ops", "likely-selected")
    assert info is not None and info.kind == "cold-start"
    assert items[0].path in {"f00.txt", "f03.txt", "f06.txt", "f09.txt"}
    assert "no decisions of both kinds yet" in items[0].reasons


def test_estimate_from_a_blind_sample(db_url: str) -> None:
    ids = _store(db_url, n=30)
    _decide(db_url, ids, {"f00.txt": "select", "f01.txt": "destroy"})
    with open_store(db_url).session() as s:
        cid = collection_id(s, "ops")
        sample = draw(s, cid, APPRAISAL, 9, seed=4, actor="ann")
        s.commit()
    assert sample.unreviewed == 28 and sample.found == 1
    by_id = {v: k for k, v in ids.items()}
    _decide(
        db_url,
        ids,
        {
            by_id[r]: ("select" if int(by_id[r][1:3]) % 3 == 0 else "destroy")
            for r in sample.record_ids
        },
    )
    with open_store(db_url).session() as s:
        _, est = remaining(s, cid, APPRAISAL)
    truth = sum(1 for i in range(2, 30) if i % 3 == 0)
    assert est.sample_reviewed == 9
    assert est.left_low <= truth <= est.left_high


def test_cli_queue_json_hides_scores_of_sampled_records(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _store(db_url)
    _decide(db_url, ids, {"f00.txt": "select", "f01.txt": "destroy"})
    assert (
        main(
            [
                "--db",
                db_url,
                "predict",
                "sample",
                "--collection",
                "ops",
                "--task",
                "appraisal",
                "--size",
                "3",
                "--seed",
                "1",
            ]
        )
        == 0
    )
    sampled = {row["record_id"] for row in json.loads(capsys.readouterr().out)}
    assert (
        main(
            [
                "--db",
                db_url,
                "queue",
                "--collection",
                "ops",
                "--order",
                "likely-selected",
                "--format",
                "json",
            ]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)
    assert {r["record_id"] for r in rows} == set(ids.values())
    for row in rows:
        assert set(row) >= {"record_id", "path", "score", "reasons"}
        if row["record_id"] in sampled:
            assert row["score"] is None
        elif not row["reviewed"]:
            assert isinstance(row["score"], float)
    assert (
        main(
            [
                "--db",
                db_url,
                "predict",
                "estimate",
                "--collection",
                "ops",
                "--task",
                "appraisal",
                "--format",
                "json",
            ]
        )
        == 0
    )
    est = json.loads(capsys.readouterr().out)
    assert est["sample_size"] == 3 and est["sample_reviewed"] == 0


def test_cli_refuses_unknown_collection_in_one_line(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _store(db_url)
    assert (
        main(["--db", db_url, "queue", "--collection", "nope", "--order", "likely-sensitive"]) == 2
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no collection named" in err[0]


def test_cold_start_sensitivity_counts_only_what_a_reviewer_would_see(db_url: str) -> None:
    """Before any decision, "most likely sensitive" ranks by personal data shown by default: a
    list of organisations and dates (a case system's metadata.csv) or low-confidence guesses
    must not outrank a statement naming a person."""
    from models.entities import DetectedEntity
    from reviewer.predict.tasks import SENSITIVITY

    ids = _store(db_url, n=3)
    with open_store(db_url).session() as s:
        for start in range(0, 60, 4):  # many organisations and dates, and weak guesses
            s.add(
                DetectedEntity(
                    record_id=ids["f00.txt"],
                    start=start,
                    end=start + 3,
                    label="ORG",
                    text="Org",
                    score=0.85,
                )
            )
            s.add(
                DetectedEntity(
                    record_id=ids["f00.txt"],
                    start=start + 1,
                    end=start + 2,
                    label="DATE",
                    text="D",
                    score=0.85,
                )
            )
            s.add(
                DetectedEntity(
                    record_id=ids["f01.txt"],
                    start=start,
                    end=start + 3,
                    label="PERSON",
                    text="Per",
                    score=0.3,
                )
            )
        s.add(
            DetectedEntity(
                record_id=ids["f02.txt"], start=0, end=5, label="PERSON", text="Smith", score=0.9
            )
        )
        s.commit()
    with open_store(db_url).session() as s:
        items, info = ordered_queue(s, "ops", SENSITIVITY.order)
    assert info is not None and info.kind == "cold-start"
    assert items[0].path == "f02.txt"
    score = {it.path: it.score for it in items}
    assert score["f00.txt"] == score["f01.txt"] == 0.0


def test_the_blind_sample_is_blind_to_its_place_in_the_ranking_too(db_url: str) -> None:
    """Attack on the blind sample: with its scores hidden, a sampled record's place in a ranked
    queue still said how likely the model found it (first = most likely). The undecided sample
    now leads the queue in path order, whatever the scores, in the CLI, the GUI and replays."""
    ids = _store(db_url, n=30)
    _decide(db_url, ids, {"f00.txt": "select", "f01.txt": "destroy"})
    with open_store(db_url).session() as s:
        sample = draw(s, collection_id(s, "ops"), APPRAISAL, 6, seed=2)
        s.commit()
    with open_store(db_url).session() as s:
        seen, info = ordered_queue(s, "ops", APPRAISAL.order)
        ranked, _ = ordered_queue(s, "ops", APPRAISAL.order, blind=False)
        replay, _ = ordered_queue(s, "ops", APPRAISAL.order, version=info.version if info else 1)
    sampled = set(sample.record_ids)
    by_path = sorted((it for it in ranked if it.record_id in sampled), key=lambda it: it.path)
    assert [it.record_id for it in seen[:6]] == [it.record_id for it in by_path]
    assert all(it.score is None and it.record_id in sampled for it in seen[:6])
    assert [it.record_id for it in replay[:6]] == [it.record_id for it in by_path]
    # Without blinding the model would have scattered them by score: the test can tell.
    assert [it.record_id for it in ranked[:6]] != [it.record_id for it in by_path]
    # Once decided, a sampled record leaves the blind block and is shown like any other.
    first = next(p for p, i in ids.items() if i == by_path[0].record_id)
    _decide(db_url, ids, {first: "destroy"})
    with open_store(db_url).session() as s:
        after, _ = ordered_queue(s, "ops", APPRAISAL.order)
    assert by_path[0].record_id not in {it.record_id for it in after[:5]}
