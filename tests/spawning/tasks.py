"""Tasks for worker processes, importable by qualified name from a spawned process."""

from __future__ import annotations

import os
import time


def echo(value: int) -> int:
    return value


def sleep_then(seconds: float, value: int) -> int:
    time.sleep(seconds)
    return value


def die_after(seconds: float) -> None:
    """As a worker killed by the out-of-memory killer or a SIGBUS."""
    time.sleep(seconds)
    os._exit(1)


def mark(path: str, value: int) -> int:
    """Leave a file behind, so the caller can see this ran in a worker."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(str(value))
    return value


def nothing() -> None:
    return None


def ready() -> bool:
    return True
