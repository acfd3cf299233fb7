"""read_member returns exactly the bytes extract listed, for every container kind."""

from __future__ import annotations

import pytest

from reviewer.ingest.containers import MemberNotFound, read_member
from reviewer.ingest.extract import extract
from reviewer.ingest.types import Identification
from tests.extract import builders
from tests.extract.msgbuild import MsgSpec, build_msg
from tests.extract.test_email import _eml


def _containers() -> list[tuple[bytes, str]]:
    return [
        (builders.zip_bytes({"dir/a.txt": b"alpha", "b.txt": b"beta", "B.txt": b"gamma"}), "z.zip"),
        (_eml(), "m.eml"),
        (
            build_msg(
                MsgSpec(
                    subject="S",
                    body="b",
                    attachments=[("x.txt", b"1"), ("x.txt", b"2")],
                    embedded=[MsgSpec(subject="Inner", body="inner")],
                )
            ),
            "m.msg",
        ),
        (builders.pdf(["Cover"], embed={"exhibit.txt": b"exhibit"}), "p.pdf"),
    ]


@pytest.mark.parametrize(("data", "name"), _containers())
def test_every_listed_member_reads_back(data: bytes, name: str, no_ident: Identification) -> None:
    members = [m for m in extract(data, name, no_ident).members if m.data is not None]
    assert members
    for member in members:
        # Byte-identical, embedded MSG re-exports included: the store checks SHA-256 on re-read.
        assert read_member(data, name, no_ident, member.name) == member.data


def test_missing_and_unsafe_members_raise(no_ident: Identification) -> None:
    data = builders.zip_bytes({"../evil.txt": b"x", "ok.txt": b"y"})
    with pytest.raises(MemberNotFound, match="no member"):
        read_member(data, "z.zip", no_ident, "gone.txt")
    unsafe = extract(data, "z.zip", no_ident).members[0]
    with pytest.raises(MemberNotFound, match="unsafe path"):
        read_member(data, "z.zip", no_ident, unsafe.name)


def test_non_container_and_damage_raise(statement_docx: bytes, no_ident: Identification) -> None:
    with pytest.raises(MemberNotFound):
        read_member(statement_docx, "s.docx", no_ident, "word/document.xml")
    with pytest.raises(MemberNotFound):
        read_member(b"PK\x03\x04broken", "z.zip", no_ident, "a.txt")
