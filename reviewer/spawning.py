"""Starting worker processes the same way everywhere: spawned, without the program's `__main__`."""

from __future__ import annotations

import multiprocessing
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.context import SpawnContext


def spawn_context() -> SpawnContext:
    """Spawn, never fork: Siegfried's Go runtime deadlocks in a forked child, and a forked GUI
    process would copy Qt's threads' locks."""
    return multiprocessing.get_context("spawn")


def default_jobs() -> int:
    """Processes for work nobody sized (the GUI's ingest and scan, the first-run sample): every
    core, 2 to 4. Small jobs still run in one process (the pipelines decide)."""
    from reviewer.ingest.worker import cpu_count

    return max(2, min(4, cpu_count()))


@contextmanager
def plain_main() -> Iterator[None]:
    """Start worker processes without re-running the program's main module in each.

    A spawned process first imports the parent's `__main__` (for the `reviewer` command: every
    command and the store, about a second); workers need only the module of their task, which
    the first task imports. Processes start inside `submit`, so that is where this goes.
    """
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main
