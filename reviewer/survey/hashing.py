"""SHA-256 of a batch of files, with DROID's statuses for files that cannot be read.

Kept free of Siegfried so that the hashing process (which runs one batch ahead of
identification, see `engine`) weighs ~20 MB instead of Siegfried's ~150 MB. Reading a file here
also brings it into the page cache, so Siegfried's own read of it is a memory copy.
"""

from __future__ import annotations

import hashlib
import os

BLOCK = 1 << 20

# (node id, hex digest or None, DROID status, note)
Hashed = tuple[int, str | None, str, str]


def _sha256(path: bytes) -> str:
    digest = hashlib.sha256()
    with open(path, "rb", buffering=0) as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


def hash_one(node_id: int, path: bytes) -> Hashed:
    """One file's digest; a problem becomes its status and a note without the file's name."""
    try:
        return node_id, _sha256(path), "Done", ""
    except PermissionError:
        return node_id, None, "Access denied", "file cannot be read"
    except FileNotFoundError:
        return node_id, None, "Not found", "file vanished during the survey"
    except OSError as exc:
        return node_id, None, "Error", f"read error: {exc.strerror or type(exc).__name__}"


def hash_batch(items: list[tuple[int, bytes]]) -> list[Hashed]:
    """Digests of (node id, path as file-system bytes) pairs, in order."""
    return [hash_one(node_id, os.fsencode(path)) for node_id, path in items]
