"""Stand-ins for the identification task that kill their process, as a SIGBUS in Siegfried does.

Module-level functions, so a spawned identification process imports them by qualified name.
"""

from __future__ import annotations

import os

from reviewer.survey.examine import FileResult, inspect_in_worker
from reviewer.survey.hashing import Hashed

POISON = b"poison.bin"


def dies_on_poison(
    items: list[tuple[int, bytes, int]], hashed: list[Hashed], workers: int, scratch: str
) -> list[FileResult]:
    """The real task, except that a batch holding a file named `poison.bin` kills the process."""
    if any(os.path.basename(path) == POISON for _, path, _ in items):
        os._exit(1)
    return inspect_in_worker(items, hashed, workers, scratch)
