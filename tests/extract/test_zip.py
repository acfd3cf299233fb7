"""ZIP members, unsafe paths, encrypted members, bombs and limits."""

from __future__ import annotations

import zipfile

from reviewer.ingest.extract import Limits, extract
from reviewer.ingest.types import Identification
from tests.extract import builders

MIB = 1 << 20


def test_members_listed_directories_skipped(no_ident: Identification) -> None:
    data = builders.zip_bytes({"case/": b"", "case/a.txt": b"alpha", "b.txt": b"beta"})
    result = extract(data, "bundle.zip", no_ident)
    assert result.status == "ok"
    assert result.text == ""
    assert [(m.name, m.data, m.status) for m in result.members] == [
        ("case/a.txt", b"alpha", "ok"),
        ("b.txt", b"beta", "ok"),
    ]
    assert result.members[0].mtime is not None


def test_path_traversal_not_extracted(no_ident: Identification) -> None:
    data = builders.zip_bytes(
        {"../evil.txt": b"x", "/abs.txt": b"y", "C:\\win.txt": b"z", "ok/../../up.txt": b"w"}
    )
    members = extract(data, "bad.zip", no_ident).members
    assert len(members) == 4
    for member in members:
        assert member.data is None
        assert member.status == "error"
        assert member.message == "unsafe path in archive: not extracted"
        assert ".." not in member.name.split("/")
        assert not member.name.startswith("/")


def test_encrypted_member(no_ident: Identification) -> None:
    data = builders.set_encrypted_flag(builders.zip_bytes({"secret.txt": b"hidden"}))
    (member,) = extract(data, "locked.zip", no_ident).members
    assert member.status == "encrypted"
    assert member.data is None


def test_zip_bomb_refused_by_ratio(no_ident: Identification) -> None:
    data = builders.zeros_deflated(50 * MIB)
    result = extract(data, "bomb.zip", no_ident)
    (member,) = result.members
    assert result.status == "ok"
    assert member.status == "too_large"
    assert member.data is None
    assert "zip bomb" in member.message


def test_zip_bomb_refused_by_size(no_ident: Identification) -> None:
    data = builders.zeros_deflated(3 * MIB)
    (member,) = extract(data, "big.zip", no_ident, Limits(max_member_bytes=MIB)).members
    assert member.status == "too_large"
    assert "too large" in member.message


def test_lying_declared_size_is_not_trusted(no_ident: Identification) -> None:
    data = builders.lie_about_size(builders.zeros_deflated(4 * MIB), 1000)
    (member,) = extract(data, "liar.zip", no_ident, Limits(max_member_bytes=MIB)).members
    assert member.data is None
    assert member.status in ("corrupt", "too_large")


def test_total_limit(no_ident: Identification) -> None:
    data = builders.zip_bytes(
        {f"m{i}.bin": bytes([i]) * 1000 for i in range(4)}, zipfile.ZIP_STORED
    )
    members = extract(data, "many.zip", no_ident, Limits(max_total_bytes=2500)).members
    assert [m.status for m in members] == ["ok", "ok", "too_large", "too_large"]
    assert "total" in members[2].message


def test_member_count_limit(no_ident: Identification) -> None:
    data = builders.zip_bytes({f"m{i}.txt": b"x" for i in range(5)})
    result = extract(data, "many.zip", no_ident, Limits(max_members=3))
    assert len(result.members) == 3
    assert result.message == "2 more members not listed (limit 3)"


def test_duplicate_and_truncated(no_ident: Identification) -> None:
    data = builders.zip_bytes({"a.txt": b"1", "A.txt": b"2"})
    assert [m.name for m in extract(data, "d.zip", no_ident).members] == ["a.txt", "A (2).txt"]
    cut = builders.zip_bytes({"a.txt": b"1" * 5000})[:-30]
    assert extract(cut, "cut.zip", no_ident).status == "corrupt"


def test_damaged_member_data(no_ident: Identification) -> None:
    data = bytearray(builders.zip_bytes({"a.txt": b"hello world " * 200}))
    data[40:60] = bytes(20)  # inside the deflate stream of the only member
    (member,) = extract(bytes(data), "dmg.zip", no_ident).members
    assert member.status == "corrupt"
    assert member.data is None
