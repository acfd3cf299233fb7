"""An unexpected failure as one line for the user and a log entry without content.

An exception's text can quote what it was handling (a database driver's error repeats the
row it refused: a name, a NINO, an address), so neither the user's terminal nor the log ever
gets it: the log keeps when, which command, the exception's type and where in the code it
happened (file, line, function), which is what a developer needs to find the fault.
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import user_log_dir

APP_NAME = "records-reviewer"


def log_folder() -> Path:
    return Path(user_log_dir(APP_NAME, appauthor=False))


def record(exc: BaseException, command: str | None) -> Path | None:
    """Append the failure to `errors.log` (0600); returns its path, or None if it cannot."""
    lines = [f"{datetime.now(UTC).isoformat(timespec='seconds')} command={command or '-'}"]
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.append(f"  {type(current).__module__}.{type(current).__qualname__}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"    {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / "errors.log"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
    except OSError:
        return None
    return path


def one_line(exc: BaseException, log: Path | None) -> str:
    """What the user reads: the kind of failure and where the details are, nothing quoted."""
    where = f"; details (no document content) in {log}" if log else ""
    return f"reviewer: unexpected {type(exc).__name__}: the command stopped{where}"
