"""Work done on each file in a worker process: SHA-256, PRONOM identity, protection, members.

Batches keep the pool's overhead small and let Siegfried identify many files per call.
Results are plain frozen dataclasses so they cross process boundaries; evidence is opened
read-only and never changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from reviewer.ingest.hashing import sha256_file
from reviewer.ingest.types import Identification
from reviewer.survey.identify_batch import identify_files
from reviewer.survey.members import MemberResult, list_zip
from reviewer.survey.rules import ARCHIVE_PUIDS, PROTECTED_PUIDS

PDF_TAIL = 1 << 16  # an encrypted PDF names /Encrypt in its last trailer or xref stream
CACHE_LIMIT = 20_000

# Identity depends only on content and extension: identical copies (common on shared drives)
# are identified once per worker process.
_known: dict[tuple[str, str], Identification] = {}


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


def pdf_encrypted(path: Path, size: int) -> bool:
    """True when a PDF's trailer asks for a password or carries an encryption dictionary."""
    with path.open("rb") as handle:
        handle.seek(max(0, size - PDF_TAIL))
        return b"/Encrypt" in handle.read(PDF_TAIL)


def _hash(node_id: int, path: Path) -> FileResult | str:
    try:
        return sha256_file(path)
    except PermissionError:
        return FileResult(node_id, status="Access denied", note="file cannot be read")
    except FileNotFoundError:
        return FileResult(node_id, status="Not found", note="file vanished during the survey")
    except OSError as exc:
        return FileResult(node_id, status="Error", note=f"read error: {exc.strerror or 'error'}")


def _finish(node_id: int, path: Path, size: int, digest: str, ident: Identification) -> FileResult:
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
            listing = list_zip(path)
            members, note = listing.members, listing.note
            protected = protected or listing.encrypted
    except OSError as exc:
        note = f"could not look inside: {exc.strerror or 'error'}"
    return FileResult(
        node_id,
        status="Empty" if size == 0 else "Done",
        note=note,
        sha256=digest,
        ident=ident,
        container=container,
        protected=protected,
        members=members,
    )


def inspect_batch(items: list[tuple[int, bytes, int]]) -> list[FileResult]:
    """Inspect files given as (node id, path as file-system bytes, size)."""
    results: dict[int, FileResult] = {}
    readable: list[tuple[int, Path, int, str]] = []
    for node_id, raw, size in items:
        path = Path(os.fsdecode(raw))
        digest = _hash(node_id, path)
        if isinstance(digest, FileResult):
            results[node_id] = digest
        else:
            readable.append((node_id, path, size, digest))
    keys = [(digest, path.suffix.lower()) for _, path, _, digest in readable]
    batch = {key: _known[key] for key in keys if key in _known}
    todo = {key: str(path) for key, (_, path, _, _) in zip(keys, readable, strict=True)}
    todo = {key: path for key, path in todo.items() if key not in batch}
    batch.update(zip(todo, identify_files(list(todo.values())) if todo else [], strict=True))
    if len(_known) + len(batch) > CACHE_LIMIT:
        _known.clear()
    _known.update(batch)
    for (node_id, path, size, digest), key in zip(readable, keys, strict=True):
        results[node_id] = _finish(node_id, path, size, digest, batch[key])
    return [results[node_id] for node_id, _, _ in items]
