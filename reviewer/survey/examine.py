"""What the survey finds about each file, given its SHA-256: PRONOM identity, protection, members.

A batch is identified in one Siegfried call (see `identify_batch`); archives are then opened
to list, hash and identify their members. Evidence is opened read-only and never changed.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from reviewer.ingest.types import Identification
from reviewer.survey.hashing import Hashed
from reviewer.survey.identify_batch import Identifier
from reviewer.survey.members import MemberResult, list_zip
from reviewer.survey.rules import ARCHIVE_PUIDS, PROTECTED_PUIDS

PDF_TAIL = 1 << 16  # an encrypted PDF names /Encrypt in its last trailer or xref stream


@dataclass(frozen=True)
class FileResult:
    """What inspecting one file found; `status` is DROID's STATUS."""

    node_id: int
    status: str = "Done"
    note: str = ""
    sha256: str | None = None
    ident: Identification = field(default_factory=Identification)
    container: bool = False
    protected: bool = False
    members: tuple[MemberResult, ...] = ()


def pdf_encrypted(path: str | Path, size: int) -> bool:
    """True when a PDF's trailer asks for a password or carries an encryption dictionary."""
    with open(path, "rb") as handle:
        handle.seek(max(0, size - PDF_TAIL))
        return b"/Encrypt" in handle.read(PDF_TAIL)


def _finish(
    node_id: int,
    path: str,
    size: int,
    digest: str,
    ident: Identification,
    scratch: Path,
    identifier: Identifier,
) -> FileResult:
    protected = ident.puid in PROTECTED_PUIDS
    container = ident.puid in ARCHIVE_PUIDS
    if container and ident.method == "Container":  # DROID finds ZIP by its byte signature
        ident = replace(ident, method="Signature")
    members: tuple[MemberResult, ...] = ()
    note = ""
    try:
        if ident.mime == "application/pdf" and size > 0:
            protected = protected or pdf_encrypted(path, size)
        if container:
            listing = list_zip(Path(path), scratch, identifier)
            members, note = listing.members, listing.note
            protected = protected or listing.encrypted
    except OSError as exc:
        note = f"could not look inside: {exc.strerror or 'error'}"
    # DROID has no "empty" status: a zero-byte file is "Done" (identified, if at all, by
    # extension); the survey flags it as a risk on its own.
    return FileResult(
        node_id,
        note=note,
        sha256=digest,
        ident=ident,
        container=container,
        protected=protected,
        members=members,
    )


def inspect_batch(
    items: list[tuple[int, bytes, int]],
    hashed: list[Hashed],
    identifier: Identifier,
    scratch: Path,
) -> list[FileResult]:
    """Inspect files given as (node id, path as file-system bytes, size) with their digests."""
    results: list[FileResult | None] = []
    readable: list[tuple[int, str, int, str]] = []
    shown: list[str] = []  # what Siegfried reads: the file, or its DROID-window sample
    for (node_id, raw, size), (hashed_id, digest, status, note, sample) in zip(
        items, hashed, strict=True
    ):
        assert node_id == hashed_id
        if digest is None:
            results.append(FileResult(node_id, status=status, note=note))
        else:
            results.append(None)
            readable.append((node_id, os.fsdecode(raw), size, digest))
            shown.append(sample or readable[-1][1])
    try:
        found = identifier.identify([(r[3], path) for r, path in zip(readable, shown, strict=True)])
    finally:
        for *_, sample in hashed:
            if sample:
                with contextlib.suppress(OSError):
                    os.unlink(sample)
    idents = iter(found)
    finished = iter(
        _finish(node_id, path, size, digest, next(idents), scratch, identifier)
        for node_id, path, size, digest in readable
    )
    return [r if r is not None else next(finished) for r in results]


_worker: dict[str, Identifier] = {}


def inspect_in_worker(
    items: list[tuple[int, bytes, int]], hashed: list[Hashed], workers: int, scratch: str
) -> list[FileResult]:
    """`inspect_batch` in the identification process, whose cache lasts as long as it does."""
    identifier = _worker.setdefault("identifier", Identifier(workers=workers))
    return inspect_batch(items, hashed, identifier, Path(scratch))
