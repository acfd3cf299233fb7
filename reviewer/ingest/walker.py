"""Finding the files to ingest: folders walked without following links, names made storable.

A link to a folder is never followed (that is how symlink loops are avoided); it is reported
as a record of its own so nothing on disk goes unaccounted for. A link to a file is followed
only when its target is a regular file inside the ingested root (`boundary.judge`); devices,
FIFOs, sockets and links leading out are listed with a status and never opened.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from reviewer.ingest.boundary import judge

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
    # What to open: the file itself, or a link's target inside the root (None: never read).
    read_path: Path | None = None
    link_note: str = ""  # "link to TARGET" for a followed link, shown in the record's message

    @property
    def source(self) -> Path:
        """The path whose bytes are read."""
        return self.read_path or self.abs_path


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


def _judged(root: Path, path: Path) -> FoundFile:
    """An entry judged from lstat/stat before anything is read (`boundary.judge`)."""
    verdict = judge(path, root)
    found = _found(root, path, verdict.status, verdict.message)
    if verdict.read_path is None:
        return found
    note = f"link to {verdict.link_target}" if verdict.link_target is not None else ""
    return replace(found, read_path=verdict.read_path, link_note=note)


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
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(path)
                else:
                    yield _judged(root, path)
            except OSError as exc:
                yield _found(root, path, "error", f"cannot read entry: {exc.strerror or 'error'}")
        stack.extend(reversed(subfolders))


def roots_and_files(paths: list[Path]) -> Iterator[tuple[Path, FoundFile]]:
    """Each PATH argument's root (the folder itself, or a file's folder) and its files."""
    for given in paths:
        path = Path(os.path.abspath(given))
        if path.is_dir():
            for found in walk(path):
                yield path, found
        else:
            yield path.parent, _judged(path.parent, path)


def is_excluded(name: str) -> bool:
    """System files TNA's transfer excludes (thumbs.db, desktop.ini, .DS_Store), any case."""
    return name.lower() in EXCLUDED_NAMES
