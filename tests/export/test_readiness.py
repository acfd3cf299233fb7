"""Export readiness tells the truth: every record left out or refused and why, the bag-info
fields missing, and a summary whose numbers add up (one check for the GUI and the CLI)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete

from models.entities import RecordScan
from models.records import Collection, IngestRoot
from reviewer.audit import record_history
from reviewer.cli import main
from reviewer.decisions.holds import create_hold
from reviewer.decisions.looked_at import confirm_looked_at
from reviewer.decisions.save import save_appraisal, save_sensitivity
from reviewer.export.bag import BagInfo
from reviewer.export.readiness import (
    CONFLICTS,
    DESTROYED,
    HELD,
    NO_APPRAISAL,
    NOT_SELECTED,
    UNPLAYED,
    UNSCANNABLE,
    UNSCANNED,
    check_session,
)
from reviewer.export.transfer import list_problems
from tests.export.conftest import APPRAISER, COLLECTION, REVIEWER, Built, _add, _pdf

CLOSED = {
    "closure_status": "Closed",
    "exemptions": [("40(2)", 84)],
    "closure_start_date": date(2004, 12, 31),
    "foi_schedule_date": date(2024, 3, 1),
}


@pytest.fixture
def messy(store: Any, built: Built) -> dict[str, int]:
    """The issue's collection: records without appraisal, a closure without one, a copy closed
    while its original opens with redactions, an image and an unscanned record going Open."""
    original = (built.root / "case1" / "statement.pdf").read_bytes()
    ids = dict(built.ids)
    with store.session() as s:
        coll = s.query(Collection).filter_by(name=COLLECTION).one()
        root = s.query(IngestRoot).filter_by(collection_id=coll.id).one()
        for n in range(3):
            ids[f"loose{n}"] = _add(s, coll, root, f"loose/{n}.pdf", _pdf([f"Loose {n}"])).id
        closure_only = _add(s, coll, root, "loose/closed only.pdf", _pdf(["Closed only"]))
        save_sensitivity(s, closure_only.id, REVIEWER, **CLOSED)  # type: ignore[arg-type]
        ids["closure_only"] = closure_only.id
        copy = _add(s, coll, root, "copies/statement.pdf", original)
        save_appraisal(s, copy.id, APPRAISER, "select", [], "kept")
        save_sensitivity(s, copy.id, REVIEWER, **CLOSED)  # type: ignore[arg-type]
        ids["copy"] = copy.id
        photo = _add(s, coll, root, "case1/photo.pdf", _pdf(["x"]))
        photo.mime = "image/jpeg"
        unscanned = _add(s, coll, root, "case1/unscanned.pdf", _pdf(["Never scanned"]))
        s.execute(delete(RecordScan).where(RecordScan.record_id == unscanned.id))
        for rec in (photo, unscanned):
            save_appraisal(s, rec.id, APPRAISER, "select", [], "kept")
            save_sensitivity(s, rec.id, REVIEWER, closure_status="Open")
        ids["photo"], ids["unscanned"] = photo.id, unscanned.id
        retained = _add(s, coll, root, "case1/retained.pdf", _pdf(["Kept here"]))
        save_appraisal(s, retained.id, APPRAISER, "retain", [], "s.3(4)")
        ids["retained"] = retained.id
    return ids


def test_every_record_is_accounted_for_and_the_numbers_add_up(
    store: Any, messy: dict[str, int]
) -> None:
    """Before: 'No problems: ready to export' with most records unappraised, a conflicting copy,
    empty bag-info, and a summary that did not add up."""
    with store.session() as s:
        cid = s.query(Collection).filter_by(name=COLLECTION).one().id
        create_hold(s, cid, APPRAISER, name="Undercover Policing Inquiry", keywords=["circular"])
        r = check_session(s, COLLECTION, BagInfo())
    assert not r.ready
    left = {(i.path, i.reason) for i in r.left_out}
    assert {p for p, why in left if why == NO_APPRAISAL} == {
        "loose/0.pdf",
        "loose/1.pdf",
        "loose/2.pdf",
        "loose/closed only.pdf",
    }
    closure_only = next(i for i in r.left_out if i.path == "loose/closed only.pdf")
    assert "it has a closure: Closed" in closure_only.detail
    assert ("case1/old.pdf", HELD) in left  # decided destroy, then held
    assert ("case1/retained.pdf", NOT_SELECTED) in left
    refused = {(i.path, i.reason) for i in r.refused}
    assert ("case1/photo.pdf", UNSCANNABLE) in refused
    assert ("case1/unscanned.pdf", UNSCANNED) in refused
    assert ("copies/statement.pdf", CONFLICTS) in refused
    assert ("case1/statement.pdf", CONFLICTS) in refused
    assert r.missing_bag_info == (
        "Source-Organization",
        "Consignment-Series",
        "Contact-Name",
        "Contact-Email",
    )
    summary = r.summary()
    assert summary["records"] == summary["transfers"] + summary["refused"] + summary["left_out"]
    assert summary["transfers"] == (
        summary["open"] + summary["open_with_redactions"] + summary["closed"]
    )
    assert (summary["records"], summary["refused"], summary["left_out"]) == (12, 4, 6)
    assert (summary["open"], summary["open_with_redactions"], summary["closed"]) == (1, 1, 0)
    assert r.sentence().startswith("Not ready: ")
    # The export itself refuses for the same reasons (one check).
    stopped = {p.record_id for p in list_problems(store, COLLECTION)}
    assert {messy["photo"], messy["unscanned"], messy["copy"]} <= stopped


def test_destroyed_without_a_hold_is_left_out_as_destroyed(store: Any, built: Built) -> None:
    with store.session() as s:
        r = check_session(s, COLLECTION)
    assert [(i.path, i.reason) for i in r.left_out] == [("case1/old.pdf", DESTROYED)]
    assert r.ready and r.sentence().startswith("Ready to export. 4 record(s): 3 to transfer")


def test_an_unscannable_record_goes_open_only_once_someone_looked_at_it(
    store: Any, messy: dict[str, int], db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store.dispose()
    code = main(["--db", db_url, "records", "confirm-looked", "--collection", COLLECTION,
                 "case1/photo.pdf", "--by", "Sam Sensitivity"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    with store.session() as s:
        confirm_looked_at(s, messy["unscanned"], REVIEWER)
    with store.session() as s:
        r = check_session(s, COLLECTION)
        assert not {i.path for i in r.refused} & {"case1/photo.pdf", "case1/unscanned.pdf"}
        events = [e.kind for e in record_history(s, messy["photo"])]
        assert events[-1] == "looked_at"


def test_check_command_prints_json_and_exits_0_with_problems(
    store: Any, messy: dict[str, int], db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store.dispose()
    code = main(["--db", db_url, "export", "transfer", "--collection", COLLECTION, "--check"])
    out, err = capsys.readouterr()
    assert code == 0
    data = json.loads(out)
    assert data["ready"] is False
    assert data["summary"]["records"] == 12
    assert {i["reason"] for i in data["left_out"]} == {NO_APPRAISAL, DESTROYED, NOT_SELECTED}
    assert data["missing_bag_info"] == [
        "Source-Organization",
        "Consignment-Series",
        "Contact-Name",
        "Contact-Email",
    ]
    assert "Not ready:" in err and "12 record(s)" in err
    code = main(["--db", db_url, "export", "transfer", "--collection", "nope", "--check"])
    assert code == 2


def test_check_does_not_need_an_out_folder_but_export_does(
    built: Built, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(["--db", db_url, "export", "transfer", "--collection", COLLECTION])
    assert code == 2
    assert "give --out DIR" in capsys.readouterr().err


def test_the_export_dialog_shows_the_same_check(
    store: Any, messy: dict[str, int], qtbot: Any
) -> None:
    """Before: the dialog said 'No problems: the collection is ready to export.'"""
    from reviewer.export.readiness import check
    from ui.export.export_dialog import ExportDialog
    from ui.export.problems_table_model import RECORD_ID_ROLE

    dialog = ExportDialog(store, COLLECTION, tasks=None)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog._checked(check(store, COLLECTION, BagInfo()))
    assert not dialog.export_btn.isEnabled()
    verdict = dialog.verdict.text()
    assert verdict.startswith("Not ready: ") and "12 record(s)" in verdict
    assert "Missing from bag-info.txt: Source-Organization" in verdict
    texts = [dialog.model.index(row, 1).data() for row in range(dialog.model.rowCount())]
    assert any(t.startswith("unscannable: an image file") for t in texts)
    assert any(t.startswith("left out (no appraisal)") for t in texts)
    photo = next(
        row for row in range(dialog.model.rowCount())
        if dialog.model.index(row, 0).data() == "case1/photo.pdf"
    )  # fmt: skip
    assert dialog.model.index(photo, 0).data(RECORD_ID_ROLE) == messy["photo"]
    # The success message counts records, which add up (was "3 record(s), 2 open and 3 closed").
    from reviewer.export.transfer import ExportSummary

    summary = ExportSummary("bag", 3, 2, 3, 2, 1000)
    dialog._exported(summary)
    assert "3 record(s): 0 open, 2 open with redactions" in dialog.verdict.text()
    assert "1 closed" in dialog.verdict.text()


def test_an_excluded_system_file_is_left_out_as_excluded(store: Any, built: Built) -> None:
    with store.session() as s:
        coll = s.query(Collection).filter_by(name=COLLECTION).one()
        root = s.query(IngestRoot).filter_by(collection_id=coll.id).one()
        _add(s, coll, root, "case1/Thumbs.db", b"thumbs").status = "excluded"
        r = check_session(s, COLLECTION)
    assert ("case1/Thumbs.db", "excluded") in {(i.path, i.reason) for i in r.left_out}
    assert r.summary()["records"] == 5


def test_justified_periods_are_in_the_check(store: Any, built: Built) -> None:
    why = "The youngest person named was 40 at the record's date."
    with store.session() as s:
        save_sensitivity(
            s, built.ids["case1/letter.pdf"], REVIEWER, period_justification=why,
            **{**CLOSED, "exemptions": [("40(2)", 60)]},  # type: ignore[arg-type]
        )  # fmt: skip
        r = check_session(s, COLLECTION)
    assert r.as_dict()["justified_periods"] == [
        {"path": "case1/letter.pdf", "exemptions": "40(2): 60 years", "justification": why}
    ]


@pytest.fixture
def recording(store: Any, built: Built) -> int:
    """An interview video selected and decided Open: no scan can read it."""
    with store.session() as s:
        coll = s.query(Collection).filter_by(name=COLLECTION).one()
        root = s.query(IngestRoot).filter_by(collection_id=coll.id).one()
        video = _add(s, coll, root, "case1/interview.mp4", b"frames")
        video.mime = "video/mp4"
        save_appraisal(s, video.id, APPRAISER, "select", [], "kept")
        save_sensitivity(s, video.id, REVIEWER, closure_status="Open")
        return int(video.id)


def test_a_recording_nobody_played_cannot_go_open(store: Any, recording: int) -> None:
    """Before: an unplayed video was 'unscannable' whether or not anyone had played it."""
    with store.session() as s:
        r = check_session(s, COLLECTION)
    refused = [i for i in r.refused if i.record_id == recording]
    assert [i.reason for i in refused] == [UNPLAYED]
    assert "nobody has played it" in refused[0].detail
    assert "plays it in the viewer" in refused[0].detail
    assert not r.ready
    assert recording in {p.record_id for p in list_problems(store, COLLECTION)}


def test_a_recording_someone_played_counts_as_looked_at(store: Any, recording: int) -> None:
    """Before: playing it in the viewer (media_viewings) did not count; only confirm-looked did."""
    from reviewer.viewings import record_played

    with store.session() as s:
        record_played(s, recording, REVIEWER.name, REVIEWER.role, reached_seconds=42.0)
        s.commit()
    with store.session() as s:
        r = check_session(s, COLLECTION)
    assert recording not in {i.record_id for i in r.refused}
    assert r.ready and r.open == 2  # the letter and the recording
    assert recording not in {p.record_id for p in list_problems(store, COLLECTION)}


def _out_of_band(url: str, sql: str) -> None:
    """A second process with the database, not the tool: plain SQL on a connection of its own."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text(sql))
    engine.dispose()


def test_a_playing_is_in_the_records_history(store: Any, recording: int) -> None:
    """Before: a playing was a row of its own, in no history: nothing showed who vouched for it."""
    from reviewer.viewings import record_played

    with store.session() as s:
        record_played(s, recording, REVIEWER.name, REVIEWER.role, reached_seconds=42.0)
        s.commit()
    with store.session() as s:
        played = [e for e in record_history(s, recording) if e.kind == "media_played"]
    assert [(e.actor, e.role) for e in played] == [(REVIEWER.name, REVIEWER.role)]
    assert played[0].after == {"reached_seconds": 42.0}


def test_a_playing_inserted_outside_the_tool_does_not_count(
    store: Any, db_url: str, recording: int
) -> None:
    """Before: a row put in media_viewings by hand let an unplayed video go Open unseen."""
    _out_of_band(
        db_url,
        "INSERT INTO media_viewings (record_id, reviewer, role, played_at, reached_seconds) "
        f"VALUES ({recording}, 'Sam Sensitivity', 'sensitivity', '2026-01-01 00:00:00', 600)",
    )
    with store.session() as s:
        r = check_session(s, COLLECTION)
    assert (recording, UNPLAYED) in {(i.record_id, i.reason) for i in r.refused}
    assert any("outside the tool" in p for p in r.problems), r.problems
    assert not r.ready


def test_a_confirmation_set_outside_the_tool_stops_the_transfer(
    store: Any, db_url: str, recording: int
) -> None:
    """Before: `UPDATE decisions SET looked_at_by` by hand passed the check and the transfer."""
    _out_of_band(db_url, f"UPDATE decisions SET looked_at_by = 'x' WHERE record_id = {recording}")
    with store.session() as s:
        r = check_session(s, COLLECTION)
    assert not r.ready
    (line,) = [p for p in r.problems if "outside the tool" in p]
    assert f"decisions record:{recording} was edited outside the tool" in line
    assert "reviewer audit verify" in line
    problems = list_problems(store, COLLECTION)
    assert any("outside the tool" in p.reason for p in problems)


def test_a_closure_opened_outside_the_tool_cannot_be_exported(
    store: Any, db_url: str, built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bag is what the history says was decided, or nothing: a closure opened by hand in
    the database stops `export transfer` with one line, and no bag is written."""
    letter = built.ids["case1/letter.pdf"]
    with store.session() as s:
        save_sensitivity(s, letter, REVIEWER, **CLOSED)  # type: ignore[arg-type]
    _out_of_band(
        db_url,
        "UPDATE decisions SET closure_status = 'Open', exemptions = '[]' "
        f"WHERE record_id = {letter}",
    )
    store.dispose()
    out = tmp_path / "bag"
    code = main(
        ["--db", db_url, "export", "transfer", "--collection", COLLECTION, "--out", str(out)]
    )
    err = capsys.readouterr().err
    assert code != 0
    assert "outside the tool" in err and "Traceback" not in err
    assert not (out / "data").exists()


def test_a_recording_confirmed_looked_at_goes_open_unplayed(store: Any, recording: int) -> None:
    with store.session() as s:
        confirm_looked_at(s, recording, REVIEWER)
    with store.session() as s:
        r = check_session(s, COLLECTION)
    assert recording not in {i.record_id for i in r.refused}


def test_playing_a_recording_does_not_excuse_an_image(store: Any, messy: dict[str, int]) -> None:
    """Only recordings are played; an image still needs someone to confirm they looked at it."""
    from reviewer.viewings import record_played

    with store.session() as s:
        record_played(s, messy["photo"], REVIEWER.name, REVIEWER.role)
        s.commit()
    with store.session() as s:
        r = check_session(s, COLLECTION)
    assert ("case1/photo.pdf", UNSCANNABLE) in {(i.path, i.reason) for i in r.refused}


def test_a_refusal_says_its_reason_once() -> None:
    """Seen in the export dialog: "no sensitivity decision: no sensitivity decision (open, ...)"."""
    from reviewer.export.readiness import _said_once

    detail = "no sensitivity decision (open, open with redactions, or closed)"
    assert _said_once("no sensitivity decision", detail) == detail
    assert _said_once("unplayed", "nobody has played it") == "unplayed: nobody has played it"
