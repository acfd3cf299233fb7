"""DOCX body, tables, headers, footers, notes, damage and Office passwords."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from reviewer.ingest.extract import Limits, extract
from reviewer.ingest.types import Identification
from tests.extract import builders
from tests.extract.msgbuild import build_ole


def test_body_tables_headers_footers_in_order(
    statement_docx: bytes, no_ident: Identification
) -> None:
    result = extract(statement_docx, "statement.docx", no_ident)
    assert result.status == "ok"
    assert not result.paged
    lines = result.text.split("\n")
    assert lines[0] == "OFFICIAL SENSITIVE"
    assert lines[-1] == "Page footer line"
    body = lines.index(f"Witness statement of {builders.NAME}.")
    assert lines[body + 1 : body + 4] == [
        "Name\tPhone",
        f"{builders.NAME}\t{builders.PHONE}",
        "Signed after the table.",
    ]


def test_footnotes_are_included(statement_docx: bytes, no_ident: Identification) -> None:
    data = _with_footnote(statement_docx, "Footnote naming a witness")
    result = extract(data, "noted.docx", no_ident)
    assert result.status == "ok"
    assert "Footnote naming a witness" in result.text
    assert "SEP" not in result.text


def test_content_controls_and_tracked_changes(
    statement_docx: bytes, no_ident: Identification
) -> None:
    paragraph = (
        b"<w:p><w:sdt><w:sdtContent><w:r><w:t>Defendant: Jane Example</w:t></w:r>"
        b'</w:sdtContent></w:sdt><w:ins w:id="91" w:author="x"><w:r><w:t xml:space="preserve">'
        b' inserted</w:t></w:r></w:ins><w:del w:id="92" w:author="x"><w:r>'
        b"<w:delText>removed words</w:delText></w:r></w:del></w:p>"
    )
    data = _patch_part(
        statement_docx,
        "word/document.xml",
        lambda xml: xml.replace(b"<w:sectPr", paragraph + b"<w:sectPr", 1),
    )
    result = extract(data, "controls.docx", no_ident)
    assert "Defendant: Jane Example inserted" in result.text.split("\n")
    assert "removed words" not in result.text


def test_truncated_docx_is_corrupt(statement_docx: bytes, no_ident: Identification) -> None:
    result = extract(statement_docx[: len(statement_docx) // 2], "cut.docx", no_ident)
    assert result.status == "corrupt"
    assert result.message == "damaged or unreadable Word document"


def test_garbled_docx_part_is_corrupt(no_ident: Identification) -> None:
    data = builders.zip_bytes(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<not really xml"}
    )
    result = extract(data, "garbled.docx", no_ident)
    assert result.status == "corrupt"


def test_password_protected_office_is_encrypted(no_ident: Identification) -> None:
    data = build_ole(
        {"EncryptionInfo": b"\x04\x00\x04\x00" + bytes(60), "EncryptedPackage": bytes(5000)}
    )
    result = extract(data, "locked.docx", no_ident)
    assert result.status == "encrypted"
    assert result.message == "password-protected Office document: cannot read without the password"


def test_legacy_doc_is_unsupported_by_name(no_ident: Identification) -> None:
    data = build_ole({"WordDocument": bytes(600), "1Table": bytes(600)})
    result = extract(data, "old.doc", no_ident)
    assert result.status == "unsupported"
    assert "Word 97-2003" in result.message


def test_legacy_doc_with_password_is_encrypted(no_ident: Identification) -> None:
    fib = bytearray(600)
    fib[10:12] = (0x0100).to_bytes(2, "little")
    result = extract(build_ole({"WordDocument": bytes(fib)}), "old.doc", no_ident)
    assert result.status == "encrypted"


def test_docx_bomb_part_is_refused(statement_docx: bytes, no_ident: Identification) -> None:
    limits = Limits(max_member_bytes=10_000)
    result = extract(statement_docx, "big.docx", no_ident, limits)
    assert result.status == "too_large"
    assert "package part refused" in result.message


def _patch_part(data: bytes, part: str, change: Callable[[bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item)
            target.writestr(item, change(body) if item.filename == part else body)
    return out.getvalue()


def _with_footnote(data: bytes, text: str) -> bytes:
    """Add a footnotes part (python-docx cannot write footnotes)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = (
        f'<w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>SEP</w:t></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    ).encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "[Content_Types].xml":
                body = body.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            if item.filename == "word/_rels/document.xml.rels":
                body = body.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            target.writestr(item, body)
        target.writestr("word/footnotes.xml", notes)
    return out.getvalue()
