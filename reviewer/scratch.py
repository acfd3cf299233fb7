"""A private scratch folder for the few temporary copies Siegfried needs, and nothing else.

Siegfried (pygfried) identifies files by path only, so an archive member or an attachment
is identified from a copy, and a very large file from a copy of its first and last 64 KB.
Copies live in one folder per process, `reviewer-scratch-<pid>-*` in the system's temporary
folder, created 0700 (readable by its owner only), each copy deleted as soon as it has
been identified, the folder removed when the process exits, and folders left by a process
that was killed removed the next time any `reviewer` process starts one.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
import threading
from pathlib import Path

PREFIX = "reviewer-scratch-"
_lock = threading.Lock()
_folder: Path | None = None
_owner = 0


def alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - Windows
        import psutil

        return bool(psutil.pid_exists(pid))
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep(parent: Path | None = None) -> int:
    """Remove scratch folders whose process has gone; returns how many were removed."""
    parent = parent or Path(tempfile.gettempdir())
    removed = 0
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.startswith(PREFIX) or not entry.is_dir(follow_symlinks=False):
            continue
        pid_text = entry.name[len(PREFIX) :].split("-", 1)[0]
        if not pid_text.isdigit() or alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            if hasattr(os, "getuid") and entry.stat(follow_symlinks=False).st_uid != os.getuid():
                continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed += 1
    return removed


def folder() -> Path:
    """This process's scratch folder (0700), made on first use after sweeping old ones."""
    global _folder, _owner
    with _lock:
        if _folder is None or _owner != os.getpid() or not _folder.is_dir():
            sweep()
            _folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
            _owner = os.getpid()
            atexit.register(remove)
        return _folder


def remove() -> None:
    """Remove this process's scratch folder (at exit; safe to call twice)."""
    global _folder
    with _lock:
        if _folder is not None and _owner == os.getpid():
            shutil.rmtree(_folder, ignore_errors=True)
            _folder = None


def new_file(suffix: str = "") -> tuple[int, Path]:
    """A new private file in the scratch folder: (open descriptor for writing, path)."""
    fd, name = tempfile.mkstemp(suffix=suffix, dir=folder())
    return fd, Path(name)
