"""SHA-256 of a batch of files, with DROID's statuses for files that cannot be read.

Kept free of Siegfried so that the hashing process (which runs one batch ahead of
identification, see `engine`) stays small. Reading a file here also brings it into the page
cache, so Siegfried's own read of it is a memory copy.

DROID checks binary signatures in the first and last 64 KB of a file only (its default
`profile.maxBytesToScan=65536`); Siegfried scans the whole file, at ~60 MB/s against ~800 MB/s
for SHA-256, which made identification of large files the survey's main cost. For a large
file that is not a container (ZIP, OLE2: container signatures need the whole file, in DROID
too), the hashing pass therefore writes its first and last 64 KB to a private sample file,
named with the same extension, which Siegfried identifies instead: DROID's own window.
"""

from __future__ import annotations

import hashlib
import os

BLOCK = 1 << 20
WINDOW = 64 << 10  # DROID's default maximum bytes to scan at each end of a file
CONTAINERS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

# (node id, hex digest or None, DROID status, note, sample to identify instead or None)
Hashed = tuple[int, str | None, str, str, str | None]


def _suffix(path: bytes) -> bytes:
    name = os.path.basename(path)
    dot = name.rfind(b".")
    return name[dot:][:16] if dot >= 0 and b"/" not in name[dot:] else b""


def _sha256(node_id: int, path: bytes, scratch: str | None) -> tuple[str, str | None]:
    digest = hashlib.sha256()
    with open(path, "rb", buffering=0) as handle:
        head = handle.read(BLOCK)
        digest.update(head)
        size = len(head)
        while block := handle.read(BLOCK):
            digest.update(block)
            size += len(block)
        if scratch is None or size <= 2 * WINDOW or head.startswith(CONTAINERS):
            return digest.hexdigest(), None
        handle.seek(size - WINDOW)
        tail = handle.read(WINDOW)
    sample = os.path.join(os.fsencode(scratch), f"s{node_id}".encode() + _suffix(path))
    fd = os.open(sample, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "wb") as out:
        out.write(head[:WINDOW])
        out.write(tail)
    return digest.hexdigest(), os.fsdecode(sample)


def hash_one(node_id: int, path: bytes, scratch: str | None = None) -> Hashed:
    """One file's digest; a problem becomes its status and a note without the file's name."""
    try:
        digest, sample = _sha256(node_id, path, scratch)
        return node_id, digest, "Done", "", sample
    except PermissionError:
        return node_id, None, "Access denied", "file cannot be read", None
    except FileNotFoundError:
        return node_id, None, "Not found", "file vanished during the survey", None
    except OSError as exc:
        return node_id, None, "Error", f"read error: {exc.strerror or type(exc).__name__}", None


def hash_batch(items: list[tuple[int, bytes]], scratch: str | None = None) -> list[Hashed]:
    """Digests of (node id, path as file-system bytes) pairs, in order; samples in `scratch`."""
    return [hash_one(node_id, os.fsencode(path), scratch) for node_id, path in items]
