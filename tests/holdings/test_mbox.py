"""MBOX mailboxes become a family: the mailbox, its messages, their attachments."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest

from models import Store
from reviewer.cli import main
from reviewer.ingest.extract import extract, sniff
from reviewer.ingest.extract.limits import Limits
from reviewer.ingest.extract.mbox import extract_mbox
from reviewer.ingest.pipeline import ingest_paths
from reviewer.ingest.types import Identification
from reviewer.records_view import list_records


def _message(n: int, attachment: bytes | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Officer {n} <officer{n}@example.com>"
    msg["To"] = "Case Lawyer <lawyer@example.com>"
    msg["Cc"] = "Paralegal <para@example.com>"
    msg["Date"] = format_datetime(datetime(2004, 3, n % 28 + 1, 9, 30, tzinfo=UTC))
    msg["Subject"] = f"Exhibit list {n}"
    msg.set_content(f"Please find the exhibit list for case {n}.\nFrom the office.\n")
    if attachment is not None:
        msg.add_attachment(attachment, maintype="text", subtype="plain", filename="exhibits.txt")
    return msg.as_bytes()


def _mbox(count: int, attach_every: int = 2) -> bytes:
    out = []
    for n in range(1, count + 1):
        body = _message(n, b"Exhibit RT/1: a knife" if n % attach_every == 0 else None)
        body = body.replace(b"\nFrom ", b"\n>From ")
        out.append(b"From officer@example.com Thu Mar  4 09:30:00 2004\n" + body + b"\n")
    return b"".join(out)


def test_an_mbox_is_sniffed_as_a_mailbox_not_one_message() -> None:
    data = _mbox(2)
    assert sniff.detect_kind(data, "box", Identification()) == sniff.MBOX
    assert sniff.detect_kind(data, "box.mbox", Identification(mime="text/plain")) == sniff.MBOX


def test_messages_are_members_and_the_mailbox_text_is_an_index() -> None:
    extraction = extract(_mbox(3), "mail.mbox", Identification())
    assert extraction.status == "ok"
    assert [m.name for m in extraction.members] == [
        "0001 Exhibit list 1.eml",
        "0002 Exhibit list 2.eml",
        "0003 Exhibit list 3.eml",
    ]
    assert "base64" not in extraction.text and "MAILER-DAEMON" not in extraction.text
    assert "Exhibit list 2" in extraction.text
    assert not extraction.members[0].data.startswith(b"From ")  # type: ignore[union-attr]


def test_family_in_the_store_with_headers_bodies_and_attachments(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "inbox.mbox").write_bytes(_mbox(4))
    ingest_paths(store, [folder], "c")
    with store.session() as session:
        rows = {r.path: r for r in list_records(session, "c")}
    box = rows["inbox.mbox"]
    second = rows["inbox.mbox/0002 Exhibit list 2.eml"]
    attachment = rows["inbox.mbox/0002 Exhibit list 2.eml/exhibits.txt"]
    assert second.parent_id == box.id and attachment.parent_id == second.id
    assert second.status == "ok" and attachment.status == "ok"
    assert len([p for p in rows if p.startswith("inbox.mbox/")]) == 4 + 2
    from reviewer.ingest.access import record_bytes, record_text

    with store.session() as session:
        text = record_text(session, second.id)
        # Messages and attachments are pulled out of the mailbox again, hash-checked.
        assert record_bytes(session, attachment.id) == b"Exhibit RT/1: a knife"
        assert record_bytes(session, second.id).startswith(b"From: Officer 2")
    assert text.startswith("From: Officer 2 <officer2@example.com>\nTo: Case Lawyer")
    assert "Cc: Paralegal" in text and "Subject: Exhibit list 2" in text
    assert "exhibit list for case 2" in text


def test_message_dates_become_suggested_dates(store: Store, tmp_path: Path) -> None:
    from reviewer.decisions.date_suggest import suggest_record_date

    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "inbox.mbox").write_bytes(_mbox(2))
    ingest_paths(store, [folder], "c")
    with store.session() as session:
        rows = {r.path: r for r in list_records(session, "c")}
        found = suggest_record_date(session, rows["inbox.mbox/0002 Exhibit list 2.eml"].id)
        on_attachment = suggest_record_date(
            session, rows["inbox.mbox/0002 Exhibit list 2.eml/exhibits.txt"].id
        )
    assert found is not None and found.date.isoformat() == "2004-03-03"
    assert on_attachment is not None and on_attachment.date.isoformat() == "2004-03-03"


def test_a_damaged_message_is_one_bad_record_and_a_truncated_mailbox_still_reads() -> None:
    data = _mbox(3)
    second = data.index(b"From officer", 10)
    third = data.index(b"From officer", second + 10)
    damaged = data[:second] + b"From x Thu Mar  4 09:30:00 2004\n\x00\x01garbage\n\n" + data[third:]
    truncated = damaged[: len(damaged) - 40]
    extraction = extract(truncated, "mail.mbox", Identification())
    assert extraction.status == "ok"
    statuses = [(m.name, m.status) for m in extraction.members]
    assert statuses[1] == ("0002 damaged message.eml", "corrupt")
    assert statuses[0][1] == "ok" and statuses[2][1] == "ok"
    assert "no mail headers" in extraction.members[1].message


def test_a_file_named_mbox_with_no_messages_is_corrupt() -> None:
    extraction = extract(b"\x00\x01 not a mailbox at all", "mail.mbox", Identification())
    assert extraction.status == "corrupt"
    assert extraction.message == "no messages found in the mailbox"


def test_memory_is_flat_in_the_number_of_messages() -> None:
    """Memory per mailbox byte stays the same from 200 to 2,000 messages: the messages' bytes
    once and a line of index each, never a parsed message object kept per message."""
    import tracemalloc

    def peak(count: int) -> float:
        data = _mbox(count, attach_every=10**9)
        tracemalloc.start()
        extract_mbox(data, Limits())
        _current, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top / len(data)

    small, large = peak(200), peak(2000)
    assert large < small * 1.1
    assert large < 3.0


@pytest.mark.parametrize("fmt", ["json"])
def test_cli_records_list_the_family(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "inbox.mbox").write_bytes(_mbox(2))
    assert main(["--db", db_url, "ingest", str(folder), "--collection", "c"]) == 0
    capsys.readouterr()
    assert main(["--db", db_url, "records", "--collection", "c", "--format", fmt]) == 0
    paths = [r["path"] for r in json.loads(capsys.readouterr().out)]
    assert "inbox.mbox/0002 Exhibit list 2.eml/exhibits.txt" in paths
