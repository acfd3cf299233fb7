"""Finding the files to ingest: folders walked without following links, names made storable.

A link to a folder is never followed (that is how symlink loops are avoided); it is reported
as a record of its own so nothing on disk goes unaccounted for.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

EXCLUDED_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


@dataclass(frozen=True)
class FoundFile:
    """A file (or unreadable entry) found under an ingest root."""

    root: Path
    abs_path: Path
    rel_path: str  # "/" separators, storable (invalid UTF-8 bytes shown as U+FFFD)
    raw_path_hex: str | None  # exact bytes when the name is not valid UTF-8
    problem_status: str | None = None  # set when the entry cannot be ingested as a file
    problem: str = ""


def storable(rel: str) -> tuple[str, str | None]:
    """A UTF-8-safe path for the store, plus the exact bytes (hex) if the name needed mending."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(rel)
        return raw.decode("utf-8", errors="replace"), raw.hex()
    return rel, None


def _found(root: Path, path: Path, status: str | None = None, problem: str = "") -> FoundFile:
    rel = path.relative_to(root).as_posix() if path != root else path.name
    safe, raw = storable(rel)
    return FoundFile(root, path, safe, raw, status, problem)


def walk(root: Path) -> Iterator[FoundFile]:
    """Every file under `root` in a stable order; problems become entries, never exceptions."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield _found(root, folder, "error", f"cannot open folder: {exc.strerror or 'error'}")
            continue
        subfolders: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    broken = _broken_link(path)
                    if broken:
                        yield _found(root, path, "error", broken)
                    elif path.is_dir():
                        yield _found(
                            root,
                            path,
                            "unsupported",
                            "link to a folder: not followed (avoids loops)",
                        )
                    else:
                        yield _found(root, path)
                elif entry.is_dir(follow_symlinks=False):
                    subfolders.append(path)
                elif entry.is_file(follow_symlinks=False):
                    yield _found(root, path)
                else:
                    yield _found(root, path, "unsupported", "not a regular file (device or pipe)")
            except OSError as exc:
                yield _found(root, path, "error", f"cannot read entry: {exc.strerror or 'error'}")
        stack.extend(reversed(subfolders))


def _broken_link(path: Path) -> str:
    """Why a link leads nowhere ('' when it leads to something); Path.exists() cannot tell a
    loop from a missing target."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "link loop: the link leads back to itself"
        if isinstance(exc, FileNotFoundError):
            return "broken link: its target does not exist"
        return f"link cannot be followed: {exc.strerror or 'error'}"
    return ""


def roots_and_files(paths: list[Path]) -> Iterator[tuple[Path, FoundFile]]:
    """Each PATH argument's root (the folder itself, or a file's folder) and its files."""
    for given in paths:
        path = Path(os.path.abspath(given))
        if path.is_dir():
            for found in walk(path):
                yield path, found
        else:
            yield path.parent, _found(path.parent, path)


def is_excluded(name: str) -> bool:
    """System files TNA's transfer excludes (thumbs.db, desktop.ini, .DS_Store), any case."""
    return name.lower() in EXCLUDED_NAMES
