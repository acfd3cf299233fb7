"""The date of the record: suggested from the record with its reason, set only on confirmation,
kept in the history, carried to attachments by propagation, and used for the closure start."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pymupdf
import pytest

from models.records import IngestRoot, Record, RecordPage
from reviewer.audit import record_history
from reviewer.decisions import (
    Actor,
    DecisionError,
    apply_propagation,
    get_decision,
    preview_propagation,
    save_sensitivity,
    set_record_date,
)
from reviewer.decisions.date_suggest import (
    dates_in,
    header_date,
    letter_date,
    signature_date,
    suggest_record_date,
    suggest_record_dates,
)
from tests.decisions.factory import Fixture
from tests.decisions.test_cli import COLL, run

REVIEWER = Actor("Sam Sensitive", "sensitivity")
TODAY = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # a copy made from the case system this year
STATEMENT = """WITNESS STATEMENT
Statement of: Jo BLOGGS
Signature: J. Bloggs
Date:
15/08/2004
On Saturday 14th August 2004 I started work at 6pm.
Date of birth 07/09/1968
Signature: J. Bloggs   Dated 16.08.04
"""
MAIL = (
    "From: A Sender <a@example.com>\nTo: b@example.com\n"
    "Date: Mon, 04 Oct 2004 16:42:10 +0100\nSubject: MG5\n\nPlease see the MG5 attached.\n"
)
LETTER = "Crown Prosecution Service\nLeeds\n\n12th March 2005\n\nDear Sir,\nOn 1 May 2004 ..."
CLOSED_84 = {
    "closure_status": "Closed",
    "exemptions": [("40(2)", 84)],
    "foi_schedule_date": date(2025, 3, 1),
}


def _add(
    s: object, fx: Fixture, path: str, text: str, parent: int | None = None, **kw: object
) -> int:
    rec = Record(
        collection_id=fx.collection_id,
        parent_id=parent,
        path=path,
        name=path.rsplit("/", 1)[-1],
        size=len(text),
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        mtime=TODAY,
        mime=kw.pop("mime", "application/pdf"),
        **kw,
    )
    s.add(rec)  # type: ignore[attr-defined]
    s.flush()  # type: ignore[attr-defined]
    s.add(RecordPage(record_id=rec.id, page_no=1, text=text))  # type: ignore[attr-defined]
    return rec.id


@pytest.fixture
def dated(fx: Fixture) -> dict[str, int]:
    with fx.store.session() as s:
        ids = {"statement": _add(s, fx, "new/statement.pdf", STATEMENT)}
        ids["mail"] = _add(s, fx, "new/mg5.eml", MAIL, mime="message/rfc822")
        ids["attachment"] = _add(s, fx, "new/mg5.eml/MG5.pdf", "MG5 case summary", ids["mail"])
        ids["letter"] = _add(s, fx, "new/letter.pdf", LETTER)
    return ids


def test_dates_are_read_as_written_in_the_uk() -> None:
    assert dates_in("on 04/10/2004, 16.08.04 and 2004-12-31; 14th August 2004") == [
        date(2004, 12, 31),
        date(2004, 10, 4),
        date(2004, 8, 16),
        date(2004, 8, 14),
    ]
    assert dates_in("31/02/2004 and 01/01/2999") == []  # impossible, and in the future


def test_signature_block_gives_its_latest_date_not_the_date_of_birth() -> None:
    assert signature_date(STATEMENT) == date(2004, 8, 16)
    assert signature_date("Date of birth: 07/09/1968\nNothing signed") is None


def test_email_header_and_letter_date_line() -> None:
    assert header_date(MAIL) == date(2004, 10, 4)
    assert header_date("no header\n\nDate: 01/01/2001") is None  # in the body, not a header
    assert letter_date(LETTER) == date(2005, 3, 12)


def test_suggestions_say_why_and_attachments_take_the_email_date(
    fx: Fixture, dated: dict[str, int]
) -> None:
    with fx.store.session() as s:
        mail = suggest_record_date(s, dated["mail"], read_file=False)
        attached = suggest_record_date(s, dated["attachment"], read_file=False)
        signed = suggest_record_date(s, dated["statement"], read_file=False)
        letter = suggest_record_date(s, dated["letter"], read_file=False)
    assert mail is not None and (mail.date, mail.source) == (date(2004, 10, 4), "email_header")
    assert attached is not None and attached.date == date(2004, 10, 4)
    assert "e-mail it is attached to (mg5.eml)" in attached.reason
    assert signed is not None and signed.date == date(2004, 8, 16)
    assert signed.reason == "the latest date in the signature block"
    assert letter is not None and (letter.date, letter.source) == (date(2005, 3, 12), "letter_date")


def test_pdf_properties_are_suggested_from_the_original(fx: Fixture, tmp_path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "A page with no date on it")
    doc.set_metadata({"creationDate": "D:20040817101500+01'00'", "modDate": "D:20040818"})
    (tmp_path / "scan.pdf").write_bytes(doc.tobytes())
    data = (tmp_path / "scan.pdf").read_bytes()
    with fx.store.session() as s:
        root = IngestRoot(collection_id=fx.collection_id, path=str(tmp_path))
        s.add(root)
        s.flush()
        rid = _add(s, fx, "scan.pdf", "A page with no date on it", root_id=root.id)
        s.get(Record, rid).sha256 = hashlib.sha256(data).hexdigest()  # type: ignore[union-attr]
    with fx.store.session() as s:
        found = suggest_record_dates(s, rid)
    assert [(f.date, f.reason) for f in found] == [
        (date(2004, 8, 17), "the document's properties (created)"),
        (date(2004, 8, 18), "the document's properties (modified)"),
    ]


def test_set_date_shows_the_suggestion_and_applies_it_only_when_accepted(
    fx: Fixture, dated: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("records", "set-date", "--collection", COLL, "new/statement.pdf")
    code, out, err = run(fx, capsys, *args, "--by", "Sam Sensitive")
    assert code == 0
    shown = json.loads(out)
    assert shown["record_date"] is None  # nothing applied without confirmation
    assert shown["suggested"][0] == {
        "date": "2004-08-16",
        "reason": "the latest date in the signature block",
        "source": "signature_block",
    }
    with fx.store.session() as s:
        assert get_decision(s, dated["statement"]).record_date is None
    code, out, err = run(fx, capsys, *args, "--accept-suggested", "--by", "Sam Sensitive")
    assert code == 0, err
    assert json.loads(out)["record_date"] == "2004-08-16"
    assert "signature block" in err
    code, out, err = run(fx, capsys, *args, "2004-08-15", "--by", "Sam Sensitive")
    assert code == 0
    with fx.store.session() as s:
        assert get_decision(s, dated["statement"]).record_date == date(2004, 8, 15)
        events = [e for e in record_history(s, dated["statement"]) if e.kind == "record_date"]
        assert [(e.actor, e.after["record_date"]) for e in events] == [
            ("Sam Sensitive", "2004-08-16"),
            ("Sam Sensitive", "2004-08-15"),
        ]
    # Bad input: one line, exit 2, nothing changed.
    code, _out, err = run(fx, capsys, *args, "15/08/2004")
    assert code == 2 and "not a date YYYY-MM-DD" in err
    code, _out, err = run(
        fx, capsys, "records", "set-date", "--collection", COLL, "nope.pdf", "2004-01-01"
    )
    assert (
        code == 2 and err.strip() == "reviewer: no record with path 'nope.pdf' in 'Test case files'"
    )


def test_an_old_record_copied_today_closes_from_its_own_date(
    fx: Fixture, dated: dict[str, int]
) -> None:
    """Before: only the copy's 2026 file date was accepted, so 84 years ran from 2026."""
    rid = dated["statement"]
    with fx.store.session() as s, pytest.raises(DecisionError, match=r"2026-11-20"):
        save_sensitivity(s, rid, REVIEWER, closure_start_date=date(2004, 12, 31), **CLOSED_84)  # type: ignore[arg-type]
    with fx.store.session() as s:
        set_record_date(s, rid, REVIEWER, date(2004, 8, 16))
    with fx.store.session() as s:
        view = save_sensitivity(
            s, rid, REVIEWER, closure_start_date=date(2004, 12, 31), **CLOSED_84
        )  # type: ignore[arg-type]
        assert view.closure_start_date == date(2004, 12, 31)


def test_attachments_take_the_emails_date_when_its_decision_propagates(
    fx: Fixture, dated: dict[str, int]
) -> None:
    """Before: the attachment was dated by the mailbox file (2026) and propagation refused it."""
    mail, attachment = dated["mail"], dated["attachment"]
    with fx.store.session() as s:
        set_record_date(s, mail, REVIEWER, date(2004, 10, 4))
        save_sensitivity(s, mail, REVIEWER, closure_start_date=date(2004, 10, 4), **CLOSED_84)  # type: ignore[arg-type]
    with fx.store.session() as s:
        preview = preview_propagation(s, mail, REVIEWER)
        mine = next(c for c in preview if c.record_id == attachment)
        assert mine.parts == ("date_of_the_record", "sensitivity")
        assert mine.problems == ()
        assert get_decision(s, attachment).record_date is None  # a preview changes nothing
    with fx.store.session() as s:
        result = apply_propagation(s, mail, REVIEWER, [attachment])
        assert result.refused == {}
    with fx.store.session() as s:
        view = get_decision(s, attachment)
        assert (view.record_date, view.closure_start_date) == (date(2004, 10, 4), date(2004, 10, 4))


def test_propagation_reports_each_refused_target_with_its_reason(
    fx: Fixture, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the preview listed the problem, then --apply printed 'applied to 0, refused 0'."""
    with fx.store.session() as s:
        save_sensitivity(
            s,
            fx.ids["case1/statement.pdf"],
            REVIEWER,
            closure_start_date=date(2004, 12, 31),
            **CLOSED_84,  # type: ignore[arg-type]
        )
    args = ["decisions", "propagate", "--collection", COLL, "--path", "case1/statement.pdf",
            "--reviewer", "Sam Sensitive", "--role", "sensitivity"]  # fmt: skip
    code, out, _err = run(fx, capsys, *args)
    assert [p["problems"] != [] for p in json.loads(out)] == [True]
    code, out, err = run(fx, capsys, *args, "--apply")
    assert code == 0
    refused = json.loads(out)["refused"]
    assert [(r["path"], r["record_id"]) for r in refused] == [
        ("case2/statement_copy.pdf", fx.ids["case2/statement_copy.pdf"])
    ]
    assert (
        "closure start date must be the date last modified (2006-06-15)" in refused[0]["reasons"][0]
    )
    assert "refused case2/statement_copy.pdf: closure start date must be" in err
    assert "applied to 0, refused 1" in err


def test_a_placeholder_date_is_refused(fx: Fixture, dated: dict[str, int]) -> None:
    """A hostile tester set 0001-01-01 (a system's empty date) and it was kept; a real record's
    date is in the past but not before the year 1000."""
    rid = dated["statement"]
    for wrong in (date(1, 1, 1), date(999, 12, 31)):
        with fx.store.session() as s, pytest.raises(DecisionError, match="before the year 1000"):
            set_record_date(s, rid, REVIEWER, wrong)
    with fx.store.session() as s:
        assert set_record_date(s, rid, REVIEWER, date(1066, 10, 14)).record_date == date(
            1066, 10, 14
        )
