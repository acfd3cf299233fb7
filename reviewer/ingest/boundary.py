"""The ingested folder is the boundary: what a path may be read as, and opening it safely.

A hostile folder can hold links to `/etc/passwd` or `/dev/zero`, FIFOs that block the
first `open`, sockets and link loops. Each entry is judged from `lstat`/`stat` before any
byte is read, a link is followed only to a regular file inside the ingested root, and every
open is non-blocking and checked with `fstat` afterwards (the entry may have been swapped
between the look and the open).
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reviewer.ingest.types import ERROR, UNSUPPORTED
from reviewer.safe_text import escape

# Flags for opening evidence: never block on a FIFO, never follow a final link, binary.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOCTTY", 0)
)


class NotRegularFile(OSError):
    """The path is no longer (or never was) a regular file: nothing was read from it."""


@dataclass(frozen=True)
class Verdict:
    """How an entry may be read: `read_path` to open, or a status and a plain message."""

    read_path: Path | None
    status: str | None = None
    message: str = ""
    link_target: str | None = None  # a link's target as written, for the record's message


def kind_of(mode: int) -> str:
    """A plain name for what a non-regular entry is."""
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _inside(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # different drives on Windows
        return False


def judge(path: Path, root: Path) -> Verdict:
    """What `path` (an entry under `root`) may be read as, from lstat/stat only."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        return Verdict(None, ERROR, f"cannot read entry: {exc.strerror or 'error'}")
    if stat.S_ISREG(info.st_mode):
        return Verdict(path)
    if not stat.S_ISLNK(info.st_mode):
        return Verdict(None, UNSUPPORTED, f"{kind_of(info.st_mode)}: not read")
    try:
        target = escape(os.readlink(path))
    except OSError:
        target = "?"
    note = f"link to {target}"
    real = os.path.realpath(path)
    real_root = os.path.realpath(root)
    try:
        info = os.stat(real)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Verdict(None, ERROR, f"{note}: link loop: the link leads back to itself", target)
        if isinstance(exc, FileNotFoundError):
            return Verdict(None, ERROR, f"{note}: broken link: its target does not exist", target)
        return Verdict(None, ERROR, f"{note}: link cannot be followed: {exc.strerror}", target)
    if not _inside(real, real_root):
        outside = f"{note}: its target is outside the ingested folder: not read"
        return Verdict(None, UNSUPPORTED, outside, target)
    if stat.S_ISDIR(info.st_mode):
        return Verdict(
            None, UNSUPPORTED, f"{note}: link to a folder: not followed (avoids loops)", target
        )
    if not stat.S_ISREG(info.st_mode):
        return Verdict(None, UNSUPPORTED, f"{note}: {kind_of(info.st_mode)}: not read", target)
    return Verdict(Path(real), link_target=target)


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file read-only without ever blocking; `NotRegularFile` otherwise.

    The non-blocking flag only matters for FIFOs and devices, which are refused by the
    `fstat` check straight after; a regular file then reads as usual.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(errno.EINVAL, f"{kind_of(info.st_mode)}: not read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def inside_root(path: Path, root: Path) -> bool:
    """True when `path`, links resolved, is inside `root` (links resolved too)."""
    return _inside(os.path.realpath(path), os.path.realpath(root))
