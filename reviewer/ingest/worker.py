"""Reading one file: hash, identify, extract, and recurse into members. Runs in worker processes.

Everything here is a pure function of the file's bytes and returns plain values, so it can run in
a process pool while the main process alone writes to the store. Files come in batches: one
Siegfried call identifies a batch, and one round trip to a worker carries it.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from reviewer import scratch
from reviewer.ingest.boundary import NotRegularFile, open_regular
from reviewer.ingest.extract import Limits, extract
from reviewer.ingest.hashing import BLOCK, sha256_bytes
from reviewer.ingest.identify import KnownFormats, extension_key
from reviewer.ingest.types import (
    EMPTY,
    ERROR,
    EXCLUDED,
    OK,
    TOO_LARGE,
    UNSUPPORTED,
    Extraction,
    Identification,
    PageText,
)
from reviewer.ingest.walker import FoundFile, is_excluded

# DROID's window: a file too large to read for text is identified from this much of each end.
WINDOW = 64 << 10
# A batch keeps files' bytes in memory between hashing and extraction up to this much;
# beyond it a file is read again (and its hash checked) when its turn comes.
HOLD_BYTES = 256 << 20
# Identifications this process has made, for exact copies met later in the run.
_formats = KnownFormats()

# (SHA-256, extension, Siegfried's answer, limits): all an extraction depends on.
_TextKey = tuple[str, str, Identification, Limits]


class KnownTexts:
    """Extractions of bytes already read in this process, by SHA-256 and file extension.

    The same bytes under the same extension always give the same text, pages and members,
    so an attachment sent a hundred times, or a copy of a file in another folder, is read
    once (MuPDF needs ~2 ms to open even a one-page PDF). Bounded by the text and member
    bytes held; the oldest are forgotten first.
    """

    def __init__(self, most_bytes: int = 32 << 20) -> None:
        self.most_bytes = most_bytes
        self._held = 0
        self._known: OrderedDict[_TextKey, tuple[Extraction, int]] = OrderedDict()

    def extract(
        self,
        data: bytes,
        name: str,
        sha256: str,
        ident: Identification,
        limits: Limits,
        base: Limits | None = None,
    ) -> Extraction:
        """`extract` under `limits` (what is left of a file's budget, at most `base`),
        remembered by `base`: a known answer is reused when it fits what is left."""
        base = base or limits
        key = (sha256, extension_key(name), ident, base)
        known = self._known.get(key)
        if known is not None and _fits(known[0], limits):
            self._known.move_to_end(key)
            return known[0]
        extraction = extract(data, name, ident, limits, boxes=False, ocr=True)
        # Only what was read: a failure may be this attempt's (out of memory), not the bytes'.
        if not sha256 or extraction.status not in (OK, EMPTY):
            return extraction
        if limits != base and (
            extraction.message or any(m.status == TOO_LARGE for m in extraction.members)
        ):
            return extraction  # perhaps cut short by what was left of the budget
        size = sum(len(p.text) for p in extraction.pages) + sum(
            len(m.data or b"") for m in extraction.members
        )
        if size <= self.most_bytes // 8:
            self._known[key] = (extraction, size)
            self._held += size
            while self._held > self.most_bytes:
                self._held -= self._known.popitem(last=False)[1][1]
        return extraction


def _fits(extraction: Extraction, limits: Limits) -> bool:
    """The extraction's members fit within these limits (it would come out the same)."""
    members = extraction.members
    used = sum(len(m.data or b"") for m in members)
    return len(members) <= limits.max_members and used <= limits.max_total_bytes


_texts = KnownTexts()


@dataclass(frozen=True)
class IngestLimits:
    """Limits that keep one hostile file from exhausting the machine."""

    max_file_bytes: int = 1 << 30  # larger files are hashed and identified, not read for text
    max_depth: int = 4  # archives in archives in emails...
    extract: Limits = field(default_factory=Limits)


@dataclass(frozen=True)
class FileResult:
    """What was learnt about one file or member; children are its members/attachments.

    Compact on purpose (it is pickled back from workers): pages carry packed word boxes,
    never tuples, and the text's hash is computed where the text was made.
    """

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
    text_sha256: str | None = None


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


def _status_for_excluded(name: str) -> Extraction:
    return Extraction(
        status=EXCLUDED, message=f"'{name}' is a system file TNA excludes from transfer"
    )


@dataclass
class _Staged:
    """A file hashed and waiting for identification; `data` is kept while memory allows."""

    base: FileResult
    path: Path
    data: bytes | None
    too_large: Extraction | None
    sample: Path | None = None  # what Siegfried reads instead of a too-large file


def _read_message(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "cannot read file: permission denied"
    return f"cannot read file: {exc.strerror or type(exc).__name__}"


def _read_error(found: FoundFile, exc: OSError) -> FileResult:
    return _error(found, ERROR, _read_message(exc))


def _read_error_for(base: FileResult, exc: OSError) -> FileResult:
    """A file hashed a moment ago that can no longer be read (deleted, locked)."""
    return replace(base, extraction=Extraction(status=ERROR, message=_read_message(exc)))


def _stage(
    found: FoundFile, known_sha256: str | None, limits: IngestLimits, keep: bool
) -> FileResult | _Staged:
    """Hash one file; a problem entry or an unchanged file is already its final result."""
    if found.problem_status:
        return _error(found, found.problem_status, found.problem)
    path = found.source
    name = found.rel_path.rsplit("/", 1)[-1]
    data: bytes | None = None
    too_large = None
    sample = None
    try:
        with open_regular(path) as handle:
            stat = os.fstat(handle.fileno())
            mtime = datetime.fromtimestamp(stat.st_mtime, UTC)
            if stat.st_size > limits.max_file_bytes:
                sha, size, sample = _hash_and_sample(handle, name)
                too_large = Extraction(
                    status=TOO_LARGE,
                    message=f"{size:,} bytes is over the {limits.max_file_bytes:,}-byte text "
                    "limit; hashed and identified only",
                )
            else:
                data = handle.read(limits.max_file_bytes + 1)
                sha, size = hashlib.sha256(data).hexdigest(), len(data)
    except NotRegularFile as exc:
        return _error(found, UNSUPPORTED, exc.strerror or "not a regular file: not read")
    except OSError as exc:
        return _read_error(found, exc)
    base = FileResult(found.rel_path, name, size, sha, mtime, found.raw_path_hex)
    if known_sha256 is not None and known_sha256 == sha:
        _drop(sample)
        return replace(base, unchanged=True)
    return _Staged(base, path, data if keep else None, too_large, sample)


def _hash_and_sample(handle: BinaryIO, name: str) -> tuple[str, int, Path]:
    """SHA-256 and size of a file too large to read for text, in constant memory, and a
    private copy of its first and last 64 KB (DROID's window) for Siegfried, which would
    otherwise map the whole file (a 2 GB file cost 2.2 GB of memory and 40 s)."""
    digest = hashlib.sha256()
    head = handle.read(WINDOW)
    digest.update(head)
    size = len(head)
    before, last = b"", head
    while block := handle.read(BLOCK):
        digest.update(block)
        size += len(block)
        before, last = last, block
    tail = (before[-WINDOW:] + last)[-WINDOW:]
    fd, sample = scratch.new_file(Path(name).suffix[:16] if _storable_suffix(name) else "")
    with os.fdopen(fd, "wb") as out:
        out.write(head)
        out.write(tail if size > 2 * WINDOW else b"")
    return digest.hexdigest(), size, sample


def _storable_suffix(name: str) -> bool:
    try:
        Path(name).suffix.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _drop(sample: Path | None) -> None:
    if sample is not None:
        sample.unlink(missing_ok=True)


def _complete(staged: _Staged, ident: Identification, limits: IngestLimits) -> FileResult:
    base = staged.base
    if is_excluded(base.name):
        return replace(base, ident=ident, extraction=_status_for_excluded(base.name))
    if staged.too_large is not None:
        return replace(base, ident=ident, extraction=staged.too_large)
    data = staged.data
    if data is None:  # not kept in memory while the batch was identified: read it again
        try:
            with open_regular(staged.path) as handle:
                data = handle.read()
        except OSError as exc:
            return replace(_read_error_for(base, exc), ident=ident)
        if hashlib.sha256(data).hexdigest() != base.sha256:
            return replace(
                base,
                ident=ident,
                extraction=Extraction(status=ERROR, message="file changed while being read"),
            )
    return _finish(base, data, ident, limits, depth=0)


def _compact(extraction: Extraction) -> tuple[Extraction, str | None]:
    """Pages with packed word boxes only, members' bytes dropped, and the text's hash."""
    pages = tuple(
        PageText(p.text, None, p.width, p.height, p.packed_words(), p.confidence)
        for p in extraction.pages
    )
    text_sha = sha256_bytes(extraction.text.encode("utf-8")) if pages else None
    # Members' bytes are not carried back to the writer: they can be re-read from the parent.
    return replace(extraction, pages=pages, members=()), text_sha


@dataclass
class Budget:
    """What one top-level file may still expand to, across all its nesting: archives in
    e-mails in archives share it, so a nested archive never starts a fresh allowance."""

    bytes_left: int
    members_left: int

    @classmethod
    def for_file(cls, limits: Limits) -> Budget:
        return cls(limits.max_total_bytes, limits.max_members)

    def limits(self, base: Limits) -> Limits:
        """`base` with its totals cut to what is left."""
        if self.bytes_left >= base.max_total_bytes and self.members_left >= base.max_members:
            return base
        return replace(
            base,
            max_total_bytes=max(0, min(base.max_total_bytes, self.bytes_left)),
            max_members=max(0, min(base.max_members, self.members_left)),
        )


OVER_BUDGET = "over this file's budget for nested content: not extracted"


def _finish(
    base: FileResult,
    data: bytes,
    ident: Identification,
    limits: IngestLimits,
    depth: int,
    budget: Budget | None = None,
) -> FileResult:
    if not data:
        return replace(
            base, ident=ident, extraction=Extraction(status=EMPTY, message="zero-byte file")
        )
    budget = budget or Budget.for_file(limits.extract)
    extraction = _texts.extract(
        data, base.name, base.sha256 or "", ident, budget.limits(limits.extract), limits.extract
    )
    children: list[FileResult] = []
    for member in extraction.members:
        child_path = f"{base.rel_path}/{member.name}"
        budget.members_left -= 1
        status, message = member.status, member.message
        if member.data is not None and (
            budget.members_left < 0 or len(member.data) > budget.bytes_left
        ):
            status, message = TOO_LARGE, OVER_BUDGET
        if member.data is None or status == TOO_LARGE:
            children.append(
                FileResult(
                    child_path,
                    member.name,
                    0,
                    None,
                    member_name=member.name,
                    extraction=Extraction(status=status, message=message),
                )
            )
            continue
        budget.bytes_left -= len(member.data)
        mtime = datetime.fromtimestamp(member.mtime, UTC) if member.mtime else None
        child = FileResult(
            child_path,
            member.name,
            len(member.data),
            hashlib.sha256(member.data).hexdigest(),
            mtime,
            member_name=member.name,
        )
        child_ident = _formats.data(member.data, member.name, child.sha256 or "")
        if depth + 1 >= limits.max_depth:
            children.append(
                replace(
                    child,
                    ident=child_ident,
                    extraction=Extraction(
                        status=TOO_LARGE,
                        message=f"nested more than {limits.max_depth} levels deep: not opened",
                    ),
                )
            )
        elif is_excluded(member.name):
            children.append(
                replace(child, ident=child_ident, extraction=_status_for_excluded(member.name))
            )
        else:
            children.append(_finish(child, member.data, child_ident, limits, depth + 1, budget))
    kept, text_sha = _compact(extraction)
    return replace(
        base, ident=ident, extraction=kept, children=tuple(children), text_sha256=text_sha
    )


def _unexpected(found: FoundFile, exc: BaseException) -> FileResult:
    if isinstance(exc, MemoryError):
        return _error(found, ERROR, "file too large for available memory")
    return _error(found, ERROR, f"unexpected problem while reading ({type(exc).__name__})")


def read_files(
    jobs: Sequence[tuple[FoundFile, str | None]], limits: IngestLimits
) -> list[FileResult]:
    """Hash, identify and extract a batch of files, in order; never raises.

    Hashing first lets unchanged files skip the rest; the others are identified with one
    Siegfried call. Each file's failure stays its own (an `error` status for that file).
    """
    staged: list[FileResult | _Staged] = []
    held = 0
    for found, known in jobs:
        try:
            item = _stage(found, known, limits, keep=held < HOLD_BYTES)
        except Exception as exc:  # one bad file never stops a batch
            item = _unexpected(found, exc)
        if isinstance(item, _Staged) and item.data is not None:
            held += len(item.data)
        staged.append(item)
    waiting = [item for item in staged if isinstance(item, _Staged)]
    try:
        answers = _formats.identify([(w.base.sha256 or "", w.sample or w.path) for w in waiting])
    finally:
        for item in waiting:
            _drop(item.sample)
    idents = dict(zip(map(id, waiting), answers, strict=True))
    results: list[FileResult] = []
    for (found, _known), item in zip(jobs, staged, strict=True):
        if isinstance(item, FileResult):
            results.append(item)
            continue
        try:
            results.append(_complete(item, idents[id(item)], limits))
        except Exception as exc:
            results.append(_unexpected(found, exc))
        item.data = None  # let a big file's bytes go before the next is extracted
    return [_noted(found, result) for (found, _known), result in zip(jobs, results, strict=True)]


def _noted(found: FoundFile, result: FileResult) -> FileResult:
    """A followed link says so in its message (the record is the link, read from its target)."""
    if not found.link_note:
        return result
    message = "; ".join(filter(None, (found.link_note, result.extraction.message)))
    return replace(result, extraction=replace(result.extraction, message=message))


def read_file_safely(
    found: FoundFile, known_sha256: str | None, limits: IngestLimits
) -> FileResult:
    """One file, as `read_files` reads a batch."""
    return read_files([(found, known_sha256)], limits)[0]


def warm_up() -> None:
    """Import the readers and load Siegfried's signatures once, when a worker process starts."""
    import lxml.etree  # noqa: F401

    from reviewer.ingest.extract import pdf
    from reviewer.ingest.identify import scanner

    pdf.module()
    scanner()


def worker_ready() -> bool:
    """A task that returns once a worker process has started and warmed up."""
    return True


def cpu_count() -> int:
    """Cores available to this process."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


__all__ = ["OK", "FileResult", "IngestLimits", "cpu_count", "read_file_safely", "read_files"]
