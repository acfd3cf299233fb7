"""ZIP archives: members become child records, read defensively.

Unsafe paths (`..`, absolute, drive letters), encrypted members and likely zip bombs are
reported as members without data; nothing is ever written to disk.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime

from reviewer.ingest.extract.common import corrupt, unique_names
from reviewer.ingest.extract.limits import Limits
from reviewer.ingest.extract.zipguard import member_problem
from reviewer.ingest.types import (
    CORRUPT,
    ENCRYPTED,
    ERROR,
    OK,
    TOO_LARGE,
    UNSUPPORTED,
    Extraction,
    Member,
)

WHAT = "ZIP archive"
UNSAFE = "unsafe path in archive: not extracted"
LOCKED = "password-protected archive member: not extracted"
TOTAL = "archive total exceeds the extraction limit: not extracted"
_DRIVE = re.compile(r"^[A-Za-z]:")
CHUNK = 1 << 20


@dataclass(frozen=True)
class Entry:
    """A listed member: its record name and what stops it being read, if anything."""

    name: str
    info: zipfile.ZipInfo
    status: str = OK
    message: str = ""


def unsafe(raw: str) -> bool:
    path = raw.replace("\\", "/")
    parts = path.split("/")
    return path.startswith("/") or bool(_DRIVE.match(path)) or ".." in parts or "\x00" in path


def display_name(raw: str) -> str:
    """A member's path as a record name: "/" separators, no `..`, drive or leading slash."""
    path = _DRIVE.sub("", raw.replace("\\", "/").replace("\x00", "_"))
    parts = ["_" if p in ("..", ".") else p for p in path.split("/") if p]
    return "/".join(parts) or "_"


def entries(archive: zipfile.ZipFile, limits: Limits) -> tuple[list[Entry], int]:
    """Members to report (directories skipped) and how many were left off past the limit."""
    infos = [i for i in archive.infolist() if not i.is_dir()]
    kept, skipped = infos[: limits.max_members], max(0, len(infos) - limits.max_members)
    names = unique_names(display_name(i.filename) for i in kept)
    out = []
    for name, info in zip(names, kept, strict=True):
        if unsafe(info.filename):
            out.append(Entry(name, info, ERROR, UNSAFE))
        elif info.flag_bits & 0x1:
            out.append(Entry(name, info, ENCRYPTED, LOCKED))
        elif problem := member_problem(info, limits):
            out.append(Entry(name, info, TOO_LARGE, problem))
        else:
            out.append(Entry(name, info))
    return out, skipped


def read_bounded(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, limits: Limits
) -> bytes:
    """A member's bytes, never more than `budget`; raises ValueError past any limit."""
    cap = min(budget, limits.max_member_bytes)
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            size += len(chunk)
            if size > cap:
                raise ValueError("member exceeds the extraction limit")
            if (
                size > limits.ratio_floor_bytes
                and size / max(info.compress_size, 1) > limits.max_ratio
            ):
                raise ValueError("member decompresses like a zip bomb")
            chunks.append(chunk)
    return b"".join(chunks)


def _mtime(info: zipfile.ZipInfo) -> float | None:
    try:
        return datetime(*info.date_time).timestamp()
    except (ValueError, OverflowError, OSError):
        return None


def read_entry(archive: zipfile.ZipFile, entry: Entry, remaining: int, limits: Limits) -> Member:
    """One member's bytes, or a Member saying why it was not extracted."""
    mtime = _mtime(entry.info)
    if entry.status != OK:
        return Member(entry.name, None, entry.status, entry.message, mtime)
    if entry.info.file_size > remaining:
        return Member(entry.name, None, TOO_LARGE, TOTAL, mtime)
    try:
        data = read_bounded(archive, entry.info, remaining, limits)
    except ValueError as exc:
        return Member(entry.name, None, TOO_LARGE, f"{exc}: not extracted", mtime)
    except NotImplementedError:
        return Member(entry.name, None, UNSUPPORTED, "unsupported compression method", mtime)
    except RuntimeError:  # zipfile: encrypted although the flag was clear
        return Member(entry.name, None, ENCRYPTED, LOCKED, mtime)
    except Exception:  # BadZipFile (CRC), zlib.error, EOFError on damaged data
        return Member(entry.name, None, CORRUPT, "damaged archive member: not extracted", mtime)
    return Member(entry.name, data, OK, "", mtime)


def extract_zip(data: bytes, limits: Limits) -> Extraction:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:
        return corrupt(WHAT)
    with archive:
        listed, skipped = entries(archive, limits)
        members: list[Member] = []
        total = 0
        for entry in listed:
            member = read_entry(archive, entry, limits.max_total_bytes - total, limits)
            total += len(member.data or b"")
            members.append(member)
    message = f"{skipped} more members not listed (limit {limits.max_members})" if skipped else ""
    return Extraction(status=OK, message=message, members=tuple(members))
