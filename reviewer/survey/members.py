"""Listing, hashing and identifying the members of a ZIP archive, within safety limits.

Members are streamed through SHA-256 into the survey's private scratch folder (never beside
the evidence), identified there in one Siegfried call (cached by content, like files), and
deleted at once. Declared sizes bound what is
decompressed (zipfile never yields more than a member's declared size), so a zip bomb is
refused from its central directory.
"""

from __future__ import annotations

import contextlib
import hashlib
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from reviewer.ingest.types import Identification
from reviewer.survey.identify_batch import Identifier

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 512 << 20
MAX_TOTAL_BYTES = 2048 << 20
MAX_RATIO = 200.0
RATIO_FLOOR = 1 << 20
BLOCK = 1 << 20


@dataclass(frozen=True)
class MemberResult:
    """One member (or member folder) of an archive; `path` is its '/'-separated inner path."""

    path: str
    is_dir: bool = False
    size: int | None = None
    mtime: float | None = None
    status: str = "Done"
    note: str = ""
    sha256: str | None = None
    ident: Identification = field(default_factory=Identification)
    protected: bool = False


@dataclass(frozen=True)
class Listing:
    members: tuple[MemberResult, ...] = ()
    encrypted: bool = False
    note: str = ""


def _mtime(info: zipfile.ZipInfo) -> float | None:
    try:
        return datetime(*info.date_time).timestamp()
    except ValueError:
        return None


def _refusal(info: zipfile.ZipInfo, budget: int) -> str | None:
    size = info.file_size
    if size > MAX_MEMBER_BYTES:
        return "member too large to read safely"
    if size > RATIO_FLOOR and size / max(info.compress_size, 1) > MAX_RATIO:
        return "compression ratio looks like a zip bomb: not read"
    if size > budget:
        return "archive too large to read in full: member not read"
    return None


def _folders(names: list[str]) -> list[str]:
    """Every folder implied by member paths, parents first."""
    seen: dict[str, None] = {}
    for name in names:
        for parent in reversed(PurePosixPath(name).parents[:-1]):
            seen.setdefault(str(parent), None)
    return list(seen)


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path) -> str:
    digest = hashlib.sha256()
    with archive.open(info) as src, dest.open("wb") as out:
        while block := src.read(BLOCK):
            digest.update(block)
            out.write(block)
    return digest.hexdigest()


def list_zip(path: Path, scratch: Path, identifier: Identifier) -> Listing:
    """Members of the ZIP archive at `path`; problems become member statuses, never exceptions.

    `scratch` is a private (0o700) folder shared by the survey's processes; each archive's
    copies go in a folder of their own inside it, so two processes never touch the same copy
    (Siegfried maps files into memory: a copy removed under it would crash its process).
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, ValueError, NotImplementedError):
        return Listing(note="archive is damaged: members not listed")
    pending: list[tuple[int, Path]] = []
    own = Path(tempfile.mkdtemp(prefix="zip-", dir=scratch))
    try:
        with archive:
            return _list(archive, own, identifier, pending)
    finally:
        for _, copy in pending:
            with contextlib.suppress(OSError):
                copy.unlink()
        with contextlib.suppress(OSError):
            own.rmdir()


def _list(
    archive: zipfile.ZipFile, scratch: Path, identifier: Identifier, pending: list[tuple[int, Path]]
) -> Listing:
    infos = archive.infolist()
    note = ""
    if len(infos) > MAX_MEMBERS:
        note = f"only the first {MAX_MEMBERS} of {len(infos)} members listed"
        infos = infos[:MAX_MEMBERS]
    files = [i for i in infos if not i.is_dir()]
    inner = [i.filename.replace("\\", "/").lstrip("/") for i in files]
    dirs = {i.filename.replace("\\", "/").strip("/"): i for i in infos if i.is_dir()}
    out = [
        MemberResult(d, is_dir=True, mtime=_mtime(dirs[d]) if d in dirs else None)
        for d in _folders([*inner, *(f"{d}/x" for d in dirs)])
    ]
    encrypted = False
    budget = MAX_TOTAL_BYTES
    for n, (info, name) in enumerate(zip(files, inner, strict=True)):
        base = MemberResult(name, size=info.file_size, mtime=_mtime(info))
        if info.flag_bits & 0x1:
            encrypted = True
            out.append(_with(base, status="Access denied", note="password-protected", prot=True))
            continue
        refusal = _refusal(info, budget)
        if refusal:
            out.append(_with(base, status="Not done", note=refusal))
            continue
        dest = scratch / f"{n}{PurePosixPath(name).suffix[:16]}"
        pending.append((-1, dest))  # deleted afterwards even if the copy fails half-way
        try:
            digest = _read(archive, info, dest)
        except (zipfile.BadZipFile, OSError, NotImplementedError, EOFError) as exc:
            note_text = "member is damaged" if isinstance(exc, zipfile.BadZipFile) else ""
            out.append(_with(base, status="Error", note=note_text or "member cannot be read"))
            continue
        budget -= info.file_size
        out.append(_with(base, sha=digest))
        pending[-1] = (len(out) - 1, dest)
    copies = [(pos, copy) for pos, copy in pending if pos >= 0]
    idents = identifier.identify([(str(out[pos].sha256), str(copy)) for pos, copy in copies])
    for (pos, _), ident in zip(copies, idents, strict=True):
        out[pos] = _with(out[pos], ident=ident, sha=out[pos].sha256, status=out[pos].status)
    return Listing(tuple(out), encrypted, note)


def _with(
    base: MemberResult,
    *,
    status: str = "Done",
    note: str = "",
    sha: str | None = None,
    ident: Identification | None = None,
    prot: bool = False,
) -> MemberResult:
    return MemberResult(
        base.path,
        size=base.size,
        mtime=base.mtime,
        status=status,
        note=note or base.note,
        sha256=sha,
        ident=ident or base.ident,
        protected=prot or base.protected,
    )
