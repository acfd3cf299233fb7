"""EML and MSG: header block, body, attachments and embedded messages as members."""

from __future__ import annotations

from email.message import EmailMessage

from reviewer.ingest.extract import extract
from reviewer.ingest.types import Identification
from tests.extract import builders
from tests.extract.msgbuild import MsgSpec, build_msg

HEAD = (
    "From: Jane Example <jane@example.com>\n"
    "To: Bob Example <bob@example.com>\n"
    "Cc: case.team@example.com\n"
    "Date: Mon, 01 Jan 2024 10:00:00 +0000\n"
    "Subject: Case 12 charging decision"
)


def _eml(*, html_only: bool = False) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Jane Example <jane@example.com>"
    msg["To"] = "Bob Example <bob@example.com>"
    msg["Cc"] = "case.team@example.com"
    msg["Date"] = "Mon, 01 Jan 2024 10:00:00 +0000"
    msg["Subject"] = "Case 12 charging decision"
    if html_only:
        msg.set_content(
            "<html><body><p>Call <b>07700 900123</b></p><script>x()</script></body></html>",
            subtype="html",
        )
    else:
        msg.set_content(f"Please call {builders.PHONE}.\n")
        msg.add_alternative("<p>HTML copy</p>", subtype="html")
    msg.add_attachment(
        b"%PDF-1.4 first", maintype="application", subtype="pdf", filename="statement.pdf"
    )
    msg.add_attachment(
        b"%PDF-1.4 second", maintype="application", subtype="pdf", filename="statement.pdf"
    )
    msg.add_attachment(b"evil", maintype="text", subtype="plain", filename="../../etc/passwd")
    inner = EmailMessage()
    inner["Subject"] = "Earlier note"
    inner["From"] = "bob@example.com"
    inner.set_content("Inner message body")
    msg.add_attachment(inner)
    return msg.as_bytes()


def test_eml_header_block_and_plain_body(no_ident: Identification) -> None:
    result = extract(_eml(), "mail.eml", no_ident)
    assert result.status == "ok"
    assert result.text.startswith(HEAD + "\n\n")
    assert f"Please call {builders.PHONE}." in result.text
    assert "HTML copy" not in result.text


def test_eml_html_only_body_is_visible_text(no_ident: Identification) -> None:
    result = extract(_eml(html_only=True), "mail.eml", no_ident)
    assert result.text.endswith("Call 07700 900123")
    assert "x()" not in result.text


def test_eml_attachments_named_safely_and_uniquely(no_ident: Identification) -> None:
    members = {m.name: m for m in extract(_eml(), "mail.eml", no_ident).members}
    assert list(members) == [
        "statement.pdf",
        "statement (2).pdf",
        "_.._etc_passwd",
        "Earlier note.eml",
    ]
    assert members["statement.pdf"].data == b"%PDF-1.4 first"
    assert members["statement (2).pdf"].data == b"%PDF-1.4 second"
    inner = members["Earlier note.eml"].data
    assert inner is not None
    nested = extract(inner, "Earlier note.eml", no_ident)
    assert "Inner message body" in nested.text
    assert "Subject: Earlier note" in nested.text


def test_eml_without_extension_is_sniffed(no_ident: Identification) -> None:
    result = extract(_eml(), "message_0001", no_ident)
    assert result.text.startswith(HEAD)


def _msg() -> bytes:
    headers = HEAD.replace("\n", "\r\n") + "\r\n\r\n"
    inner = MsgSpec(subject="Forwarded", body="Inner msg body", sender="Bob Example", to="Jane")
    return build_msg(
        MsgSpec(
            subject="Case 12 charging decision",
            body=f"Please call {builders.PHONE}.",
            sender="Jane Example",
            to="Bob Example",
            headers=headers,
            attachments=[("statement.txt", b"statement"), ("statement.txt", b"again")],
            embedded=[inner],
        )
    )


def test_msg_header_block_and_body(no_ident: Identification) -> None:
    result = extract(_msg(), "mail.msg", no_ident)
    assert result.status == "ok"
    assert result.text.startswith("From: Jane Example <jane@example.com>\nTo: Bob Example")
    assert "Subject: Case 12 charging decision\n\n" in result.text
    assert result.text.endswith(f"Please call {builders.PHONE}.")


def test_msg_attachments_and_embedded_message(no_ident: Identification) -> None:
    members = extract(_msg(), "mail.msg", no_ident).members
    assert [m.name for m in members] == ["statement.txt", "statement (2).txt", "Forwarded.msg"]
    assert members[0].data == b"statement"
    embedded = members[2].data
    assert embedded is not None
    nested = extract(embedded, "Forwarded.msg", no_ident)
    assert nested.status == "ok"
    assert "Inner msg body" in nested.text


def test_msg_html_only_body(no_ident: Identification) -> None:
    data = build_msg(
        MsgSpec(subject="S", html=b"<html><body><p>Only <b>html</b> here</p></body></html>")
    )
    assert extract(data, "m.msg", no_ident).text.endswith("Only html here")


def test_damaged_msg_is_corrupt(no_ident: Identification) -> None:
    data = _msg()
    result = extract(data[: len(data) // 2], "cut.msg", no_ident)
    assert result.status == "corrupt"
