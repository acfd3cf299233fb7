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
