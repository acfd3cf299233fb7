"""What every command gets: the store, opened on first use, and shared output helpers."""

from __future__ import annotations

import json
import sys
from typing import Any

from models import Store, open_store
from reviewer.audit import seal as _seal  # noqa: F401  (registers sealing of every commit)
from reviewer.safe_text import escape_lines


class UsageError(Exception):
    """Bad usage or a bad input file: printed as one line, exit code 2."""


class Context:
    """Per-invocation state: the `--db` URL and the store once opened."""

    def __init__(self, db_url: str | None) -> None:
        self.db_url = db_url
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.db_url)
        return self._store

    def opened_store(self) -> Store | None:
        """The store if this invocation opened one (a refusal names its login)."""
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.dispose()
            self._store = None


def print_json(value: Any) -> None:
    """JSON to stdout, UTF-8, one document."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


def eprint(message: str) -> None:
    """A message for the user, on stderr; control characters in names shown, not obeyed."""
    print(escape_lines(message), file=sys.stderr)
