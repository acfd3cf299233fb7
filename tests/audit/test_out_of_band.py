"""Every out-of-band edit the issue tried (and more) is caught by `audit verify`, by table and key.

The store is built through the tool (decisions, holds, lists, dismissals, spans, redactions, a
QA review with its outcome, a QA batch); each attack is then plain SQL on another connection,
as a hostile insider with the database file or a login would do it. Runs on SQLite and, with
REVIEWER_TEST_DB, on PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from models.entities import DetectedEntity
from models.qa import QaBatch, QaReview
from reviewer.audit import verify
from reviewer.audit.verify import VerifyResult
from reviewer.cli import main
from reviewer.decisions import Actor, create_hold, save_appraisal, set_record_date
from reviewer.decisions.redactions import add_redaction
from reviewer.detect.entities.corrections import add_allow_term, add_deny_term, dismiss_entity
from reviewer.viewings import record_played
from tests.decisions.factory import Fixture, make_store

APPRAISER = Actor("Ann Appraiser", "appraiser")
REVIEWER = Actor("Sam Sensitive", "sensitivity")


@dataclass(frozen=True)
class Built:
    fx: Fixture
    notes: int  # record with a decision, a redaction and spans
    memo: int  # record without a decision
    hold_id: int
    entity_id: int
    review_id: int
    batch_id: int
    playing_id: int


@pytest.fixture
def built(db_url: str) -> Iterator[Built]:
    fx = make_store(db_url)
    notes, memo = fx.ids["case1/notes.txt"], fx.ids["case1/sub/memo.docx"]
    with fx.store.session() as s:
        save_appraisal(s, notes, APPRAISER, "select", ["sample"], "")
        save_appraisal(s, notes, APPRAISER, "retain", [], "s.3(4)")
        set_record_date(s, notes, APPRAISER, date(2004, 3, 1))
        hold = create_hold(s, fx.collection_id, APPRAISER, "UCPI", keywords=["undercover"])
        ent = DetectedEntity(
            record_id=notes, start=0, end=7, label="PERSON", text="Officer", term="officer"
        )
        s.add(ent)
        s.add(DetectedEntity(record_id=notes, start=8, end=13, label="PERSON", text="notes"))
        s.flush()
        add_redaction(s, notes, REVIEWER, start=0, end=7, label="PERSON")
        add_allow_term(s, fx.collection_id, "Acme Ltd", REVIEWER.name)
        add_deny_term(s, fx.collection_id, "Board", "PERSON", REVIEWER.name)
        batch = QaBatch(collection_id=fx.collection_id, name="b1", split_by="count")
        s.add(batch)
        review = QaReview(
            collection_id=fx.collection_id,
            record_id=notes,
            checker="Chris Checker",
            first_reviewer="Sam Sensitive",
            first_decision={"closure_status": "Open"},
            checker_decision={"closure_status": "Closed"},
            agrees=False,
            outcome="uphold",
        )
        s.add(review)
        s.flush()
        playing = record_played(s, memo, REVIEWER.name, REVIEWER.role, reached_seconds=12.0)
        ids = (hold.id, ent.id, review.id, batch.id, playing)
    with fx.store.session() as s:
        dismiss_entity(s, ids[1], "record", REVIEWER.name)
    yield Built(fx, notes, memo, *ids)
    fx.store.dispose()


def _sql(built: Built, *statements: str) -> None:
    """Out of band: a connection of its own, not the tool's."""
    engine = create_engine(built.fx.url, poolclass=NullPool)
    with engine.begin() as conn:
        for sql in statements:
            conn.execute(text(sql))
    engine.dispose()


def _verify(built: Built) -> VerifyResult:
    with built.fx.store.session() as s:
        return verify(s)


def test_the_built_store_verifies(built: Built) -> None:
    result = _verify(built)
    assert result.ok, result.reason
    assert result.problems == ()


# (name, SQL with {notes} {memo} {hold} {entity} {review} {batch} {playing} {coll}, table, key,
# change)
ATTACKS = [
    (
        "delete decision",
        "DELETE FROM decisions WHERE record_id = {notes}",
        "decisions",
        "record:{notes}",
        "deleted",
    ),
    (
        "insert decision",
        "INSERT INTO decisions (collection_id, record_id, version, description, "
        "appraisal, criteria, rationale, appraised_by, appraised_role, redacted, redact_labels, "
        "exemptions, title_closed, title_alternate, description_closed, description_alternate, "
        "reviewed_by, reviewed_role) VALUES ({coll}, {memo}, 1, '', 'destroy', '[]', '', 'x', "
        "'appraiser', false, '[]', '[]', false, '', false, '', '', '')",
        "decisions",
        "record:{memo}",
        "inserted",
    ),
    (
        "decision rolled back",
        "UPDATE decisions SET appraisal = 'select', criteria = '[\"sample\"]', "
        "rationale = '', version = 1 WHERE record_id = {notes}",
        "decisions",
        "record:{notes}",
        "edited",
    ),
    (
        "appraisal edited",
        "UPDATE decisions SET appraisal = 'destroy' WHERE record_id = {notes}",
        "decisions",
        "record:{notes}",
        "edited",
    ),
    (
        "record date edited",
        "UPDATE decisions SET record_date = '1990-01-01' WHERE record_id = {notes}",
        "decisions",
        "record:{notes}",
        "edited",
    ),
    ("delete hold", "DELETE FROM holds WHERE id = {hold}", "holds", "{hold}", "deleted"),
    (
        "hold lifted in place",
        "UPDATE holds SET lifted_by = 'x', lifted_at = '2026-01-01 00:00:00' WHERE id = {hold}",
        "holds",
        "{hold}",
        "edited",
    ),
    (
        "hold renamed",
        "UPDATE holds SET name = 'nothing' WHERE id = {hold}",
        "holds",
        "{hold}",
        "edited",
    ),
    (
        "insert allow-list row",
        "INSERT INTO detection_terms (id, collection_id, kind, term, label, "
        "actor, created_at) VALUES (900, {coll}, 'allow', 'officer', '', 'x', "
        "'2026-01-01 00:00:00')",
        "detection_terms",
        "900",
        "inserted",
    ),
    (
        "delete deny-list row",
        "DELETE FROM detection_terms WHERE kind = 'deny'",
        "detection_terms",
        "2",
        "deleted",
    ),
    (
        "delete allow-list row",
        "DELETE FROM detection_terms WHERE kind = 'allow'",
        "detection_terms",
        "1",
        "deleted",
    ),
    ("redaction deleted", "DELETE FROM redactions", "redactions", "1", "deleted"),
    ("redaction moved", 'UPDATE redactions SET start = 3, "end" = 5', "redactions", "1", "edited"),
    (
        "detected entity deleted",
        "DELETE FROM detected_entities WHERE id = {entity}",
        "detected_entities",
        "{notes}",
        "edited",
    ),
    (
        "every span of a record deleted",
        "DELETE FROM detected_entities WHERE record_id = {notes}",
        "detected_entities",
        "{notes}",
        "deleted",
    ),
    (
        "span inserted",
        'INSERT INTO detected_entities (record_id, start, "end", label, text, '
        "term, rects, score, reason, source, pipeline_version, created_at) VALUES ({memo}, 0, 4, "
        "'PERSON', 'Memo', 'memo', '[]', 1, '', 'auto', '', '2026-01-01 00:00:00')",
        "detected_entities",
        "{memo}",
        "inserted",
    ),
    (
        "span relabelled",
        "UPDATE detected_entities SET label = 'DATE' WHERE id = {entity}",
        "detected_entities",
        "{notes}",
        "edited",
    ),
    (
        "dismissal inserted",
        "INSERT INTO entity_dismissals (id, record_id, scope, label, term, "
        "actor, created_at) VALUES (900, {memo}, 'record', 'PERSON', 'memo', 'x', "
        "'2026-01-01 00:00:00')",
        "entity_dismissals",
        "900",
        "inserted",
    ),
    ("dismissal deleted", "DELETE FROM entity_dismissals", "entity_dismissals", "1", "deleted"),
    (
        "record path edited",
        "UPDATE records SET path = 'case1/other.txt' WHERE id = {notes}",
        "records",
        "{notes}",
        "edited",
    ),
    (
        "record sha256 edited",
        f"UPDATE records SET sha256 = '{'0' * 64}' WHERE id = {{memo}}",
        "records",
        "{memo}",
        "edited",
    ),
    (
        "record renamed",
        "UPDATE records SET name = 'x.txt' WHERE id = {memo}",
        "records",
        "{memo}",
        "edited",
    ),
    (
        "record inserted",
        "INSERT INTO records (id, collection_id, path, name, size, "
        "extension_mismatch, status, message, needs_ocr, ingested_at, updated_at) VALUES (900, "
        "{coll}, 'planted.txt', 'planted.txt', 1, false, 'ok', '', false, '2026-01-01 00:00:00', "
        "'2026-01-01 00:00:00')",
        "records",
        "900",
        "inserted",
    ),
    (
        "collection renamed",
        "UPDATE collections SET name = 'Other' WHERE id = {coll}",
        "collections",
        "{coll}",
        "edited",
    ),
    (
        "QA outcome changed",
        "UPDATE qa_reviews SET outcome = 'overturn' WHERE id = {review}",
        "qa_reviews",
        "{review}",
        "edited",
    ),
    (
        "QA review deleted",
        "DELETE FROM qa_reviews WHERE id = {review}",
        "qa_reviews",
        "{review}",
        "deleted",
    ),
    (
        "QA batch countersigned by hand",
        "UPDATE qa_batches SET status = 'accepted', countersigned_by = 'x' WHERE id = {batch}",
        "qa_batches",
        "{batch}",
        "edited",
    ),
    (
        "playing inserted (a recording passed as reviewed)",
        "INSERT INTO media_viewings (id, record_id, reviewer, role, played_at, reached_seconds) "
        "VALUES (900, {notes}, 'Sam Sensitive', 'sensitivity', '2026-01-01 00:00:00', 60)",
        "media_viewings",
        "900",
        "inserted",
    ),
    (
        "playing lengthened",
        "UPDATE media_viewings SET reached_seconds = 3600 WHERE id = {playing}",
        "media_viewings",
        "{playing}",
        "edited",
    ),
    (
        "playing deleted",
        "DELETE FROM media_viewings WHERE id = {playing}",
        "media_viewings",
        "{playing}",
        "deleted",
    ),
]


@pytest.mark.parametrize(
    ("sql", "table", "key", "change"), [a[1:] for a in ATTACKS], ids=[a[0] for a in ATTACKS]
)
def test_out_of_band_edit_is_reported_by_table_and_key(
    built: Built, sql: str, table: str, key: str, change: str
) -> None:
    names = {
        "notes": built.notes,
        "memo": built.memo,
        "hold": built.hold_id,
        "entity": built.entity_id,
        "review": built.review_id,
        "batch": built.batch_id,
        "playing": built.playing_id,
        "coll": built.fx.collection_id,
    }
    _sql(built, sql.format(**names))
    result = _verify(built)
    assert not result.ok
    found = {(p.table, p.key, p.change) for p in result.problems}
    assert (table, key.format(**names), change) in found, result.problems


def test_record_deleted_is_reported(built: Built) -> None:
    _sql(built, f"DELETE FROM records WHERE id = {built.notes}")
    found = {(p.table, p.key, p.change) for p in _verify(built).problems}
    assert ("records", str(built.notes), "deleted") in found


def test_truncating_newest_events_and_rewinding_the_head_is_caught(built: Built) -> None:
    with built.fx.store.session() as s:
        last = int(s.execute(text("SELECT MAX(id) FROM audit_events")).scalar_one())
    keep = last - 2
    _sql(
        built,
        f"DELETE FROM audit_events WHERE id > {keep}",
        "UPDATE audit_head SET last_event_id = e.id, event_count = e.id, head_hash = e.hash "
        f"FROM (SELECT id, hash FROM audit_events WHERE id = {keep}) AS e",
    )
    result = _verify(built)
    assert not result.ok
    assert result.first_bad_event_id == keep + 1
    assert "cut off" in result.reason


def test_cli_names_every_row_and_exits_1(built: Built, capsys: pytest.CaptureFixture[str]) -> None:
    _sql(
        built,
        f"DELETE FROM holds WHERE id = {built.hold_id}",
        f"UPDATE collections SET name = 'Other' WHERE id = {built.fx.collection_id}",
    )
    built.fx.store.dispose()
    assert main(["--db", built.fx.url, "audit", "verify"]) == 1
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert {(p["table"], p["change"]) for p in report["problems"]} == {
        ("holds", "deleted"),
        ("collections", "edited"),
    }
    assert f"holds {built.hold_id} was deleted outside the tool" in err
    assert "Traceback" not in err


def test_changes_through_the_tool_keep_verifying(built: Built) -> None:
    """Sealing follows the tool's own later writes (a new scan result, a renamed record)."""
    with built.fx.store.session() as s:
        s.add(DetectedEntity(record_id=built.memo, start=0, end=4, label="PERSON", text="Memo"))
        s.execute(text(f"UPDATE records SET name = 'memo2.docx' WHERE id = {built.memo}"))
    assert _verify(built).ok
