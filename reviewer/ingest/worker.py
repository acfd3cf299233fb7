"""Reading one file: hash, identify, extract, and recurse into members. Runs in worker processes.

Everything here is a pure function of the file's bytes and returns plain values, so it can run in
a process pool while the main process alone writes to the store.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from reviewer.ingest.extract import Limits, extract
from reviewer.ingest.hashing import BLOCK
from reviewer.ingest.identify import identify_bytes, identify_path
from reviewer.ingest.types import (
    EMPTY,
    ERROR,
    EXCLUDED,
    OK,
    TOO_LARGE,
    Extraction,
    Identification,
)
from reviewer.ingest.walker import FoundFile, is_excluded


@dataclass(frozen=True)
class IngestLimits:
    """Limits that keep one hostile file from exhausting the machine."""

    max_file_bytes: int = 1 << 30  # larger files are hashed and identified, not read for text
    max_depth: int = 4  # archives in archives in emails...
    extract: Limits = field(default_factory=Limits)


@dataclass(frozen=True)
class FileResult:
    """What was learnt about one file or member; children are its members/attachments."""

    rel_path: str
    name: str
    size: int
    sha256: str | None
    mtime: datetime | None = None
    raw_path_hex: str | None = None
    member_name: str | None = None
    ident: Identification = field(default_factory=Identification)
    extraction: Extraction = field(default_factory=Extraction)
    unchanged: bool = False
    children: tuple[FileResult, ...] = ()


def _error(found: FoundFile, status: str, message: str) -> FileResult:
    name = found.rel_path.rsplit("/", 1)[-1]
    return FileResult(
        found.rel_path,
        name,
        0,
        None,
        raw_path_hex=found.raw_path_hex,
        extraction=Extraction(status=status, message=message),
    )


def _hash_stream(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def _status_for_excluded(name: str) -> Extraction:
    return Extraction(
        status=EXCLUDED, message=f"'{name}' is a system file TNA excludes from transfer"
    )


def read_file(found: FoundFile, known_sha256: str | None, limits: IngestLimits) -> FileResult:
    """Hash, identify and extract one file; never raises (problems become statuses)."""
    if found.problem_status:
        return _error(found, found.problem_status, found.problem)
    path = found.abs_path
    name = found.rel_path.rsplit("/", 1)[-1]
    try:
        stat = path.stat()
        mtime = datetime.fromtimestamp(stat.st_mtime, UTC)
        if stat.st_size > limits.max_file_bytes:
            sha, size = _hash_stream(path)
            ext = Extraction(
                status=TOO_LARGE,
                message=f"{size:,} bytes is over the {limits.max_file_bytes:,}-byte text limit; "
                "hashed and identified only",
            )
            data = None
        else:
            with path.open("rb") as handle:
                data = handle.read()
            sha, size = hashlib.sha256(data).hexdigest(), len(data)
            ext = Extraction()
    except PermissionError:
        return _error(found, ERROR, "cannot read file: permission denied")
    except OSError as exc:
        return _error(found, ERROR, f"cannot read file: {exc.strerror or type(exc).__name__}")
    base = FileResult(found.rel_path, name, size, sha, mtime, found.raw_path_hex)
    if known_sha256 is not None and known_sha256 == sha:
        return replace(base, unchanged=True)
    ident = identify_path(path)
    if is_excluded(name):
        return replace(base, ident=ident, extraction=_status_for_excluded(name))
    if data is None:
        return replace(base, ident=ident, extraction=ext)
    return _finish(base, data, ident, limits, depth=0)


def _finish(
    base: FileResult, data: bytes, ident: Identification, limits: IngestLimits, depth: int
) -> FileResult:
    if not data:
        return replace(
            base, ident=ident, extraction=Extraction(status=EMPTY, message="zero-byte file")
        )
    extraction = extract(data, base.name, ident, limits.extract)
    children: list[FileResult] = []
    for member in extraction.members:
        child_path = f"{base.rel_path}/{member.name}"
        if member.data is None:
            children.append(
                FileResult(
                    child_path,
                    member.name,
                    0,
                    None,
                    member_name=member.name,
                    extraction=Extraction(status=member.status, message=member.message),
                )
            )
            continue
        mtime = datetime.fromtimestamp(member.mtime, UTC) if member.mtime else None
        child = FileResult(
            child_path,
            member.name,
            len(member.data),
            hashlib.sha256(member.data).hexdigest(),
            mtime,
            member_name=member.name,
        )
        child_ident = identify_bytes(member.data, member.name)
        if depth + 1 >= limits.max_depth:
            children.append(
                replace(
                    child,
                    ident=child_ident,
                    extraction=Extraction(
                        status=ERROR,
                        message=f"nested more than {limits.max_depth} levels deep: not opened",
                    ),
                )
            )
        elif is_excluded(member.name):
            children.append(
                replace(child, ident=child_ident, extraction=_status_for_excluded(member.name))
            )
        else:
            children.append(_finish(child, member.data, child_ident, limits, depth + 1))
    # Members' bytes are not carried back to the writer: they can be re-read from the parent.
    kept = replace(extraction, members=())
    return replace(base, ident=ident, extraction=kept, children=tuple(children))


def read_file_safely(
    found: FoundFile, known_sha256: str | None, limits: IngestLimits
) -> FileResult:
    """`read_file`, with any unexpected failure turned into an `error` status for this file."""
    try:
        return read_file(found, known_sha256, limits)
    except MemoryError:
        return _error(found, ERROR, "file too large for available memory")
    except Exception as exc:  # one bad file never stops a batch
        return _error(found, ERROR, f"unexpected problem while reading ({type(exc).__name__})")


def cpu_count() -> int:
    """Cores available to this process."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


__all__ = ["OK", "FileResult", "IngestLimits", "cpu_count", "read_file_safely"]
