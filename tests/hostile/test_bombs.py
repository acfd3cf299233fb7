"""Bounded work: one budget per top-level file across all nesting, a ratio check for every
member, files over the text limit never read whole."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from reviewer.ingest.extract import Limits, extract
from reviewer.ingest.types import Identification
from reviewer.ingest.walker import walk
from reviewer.ingest.worker import OVER_BUDGET, FileResult, IngestLimits, read_files
from tests.hostile.corpus import MIB, nested_bomb, small_member_bomb, zip_bytes


def _all(result: FileResult) -> list[FileResult]:
    out = [result]
    for child in result.children:
        out += _all(child)
    return out


def _read(tmp_path: Path, name: str, data: bytes, limits: IngestLimits) -> FileResult:
    root = tmp_path / "in"
    root.mkdir(exist_ok=True)
    (root / name).write_bytes(data)
    (found,) = [f for f in walk(root) if f.rel_path == name]
    return read_files([(found, None)], limits)[0]


def test_every_member_has_its_ratio_checked_however_small() -> None:
    data = small_member_bomb(members=3, size=512 << 10)  # 512 KiB of zeros each, ~1,000:1
    result = extract(data, "b.zip", Identification())
    assert [m.status for m in result.members] == ["too_large"] * 3
    assert all("zip bomb" in m.message and m.data is None for m in result.members)


def test_ordinary_small_members_are_still_read() -> None:
    text = b"".join(b"Line %d of an ordinary memo about case %d.\n" % (i, i * 7) for i in range(50))
    result = extract(zip_bytes({"memo.txt": text}), "ok.zip", Identification())
    assert [(m.status, m.data) for m in result.members] == [("ok", text)]


def test_nested_archives_share_one_budget(tmp_path: Path) -> None:
    """Four archives inside one: the fourth gets what the first three left, not a fresh 2 GiB."""
    inner = zip_bytes({f"m{i}.txt": bytes([65 + i]) * 100 + b"\n" for i in range(5)}, level=0)
    outer = zip_bytes({f"part{i}.zip": inner for i in range(4)}, level=0)
    limits = IngestLimits(extract=Limits(max_total_bytes=3 * len(inner) + 600))
    result = _read(tmp_path, "outer.zip", outer, limits)
    records = _all(result)
    read = sum(r.size for r in records[1:] if r.sha256)
    assert read <= limits.extract.max_total_bytes
    assert any(r.extraction.message == OVER_BUDGET for r in records)
    assert sum(1 for r in records if r.rel_path.endswith(".txt") and r.sha256) < 20


def test_member_count_is_one_budget_too(tmp_path: Path) -> None:
    inner = zip_bytes({f"m{i}.txt": b"x%d\n" % i for i in range(6)}, level=0)
    outer = zip_bytes({"a.zip": inner, "b.zip": inner}, level=0)
    limits = IngestLimits(extract=Limits(max_members=8))
    records = _all(_read(tmp_path, "outer.zip", outer, limits))
    assert sum(1 for r in records[1:] if r.sha256) <= 8


@pytest.mark.timeout(240)
def test_bombs_stay_small_in_memory(tmp_path: Path) -> None:
    """The issue's nested bomb (four 600-member bombs in one zip) read in this process: the
    peak grows by far less than the 2.4 GB it would expand to."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = _read(tmp_path, "nested.zip", nested_bomb(), IngestLimits())
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    records = _all(result)
    assert len(records) > 4
    assert all(r.extraction.status in ("ok", "too_large") for r in records)
    assert sum(r.size for r in records[1:] if r.rel_path.endswith(".txt") and r.sha256) == 0
    assert grown_mib < 200, f"peak grew by {grown_mib:.0f} MiB"


def test_a_file_over_the_text_limit_is_hashed_in_constant_memory(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    with (root / "sparse.bin").open("wb") as handle:
        handle.truncate(64 * MIB)
    (found,) = list(walk(root))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    (result,) = read_files([(found, None)], IngestLimits(max_file_bytes=MIB))
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert result.extraction.status == "too_large"
    assert result.size == 64 * MIB
    assert grown_mib < 32, f"peak grew by {grown_mib:.0f} MiB"
