"""What a checker in a blind second review may see of the records they are still to judge.

While a checker has records of a sample left to submit, every surface built for them leaves
out the first decision, its author and its time on those records: queue rows (appraisal,
closure, reviewer, markers such as "held: destroy suspended"), the record's history, and the
decisions table. `Blind` is built by `BlindReviewFlow.blind()` and applied by the caller that
builds the surface; once the checker has submitted their own judgment on a record, it is no
longer hidden.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from reviewer.queue import QueueSnapshot


@dataclass(frozen=True)
class Blind:
    """The records whose first decision the checker must not see yet."""

    hidden: frozenset[int] = frozenset()

    def hides(self, record_id: int) -> bool:
        return record_id in self.hidden

    def queue(self, snapshot: QueueSnapshot) -> QueueSnapshot:
        """The queue with nothing of a hidden record's decision (values, author, markers)."""
        if not self.hidden:
            return snapshot
        rows = tuple(
            replace(row, appraisal=None, closure=None, reviewer="", markers=())
            if row.id in self.hidden
            else row
            for row in snapshot.rows
        )
        return replace(snapshot, rows=rows)

    def history(self, record_id: int, events: Iterable[Any]) -> list[Any]:
        """A record's history as the checker may see it: nothing while it is hidden."""
        return [] if record_id in self.hidden else list(events)

    def table_rows(self, rows: Iterable[tuple[int, dict[str, str]]]) -> list[dict[str, str]]:
        """Decisions-table rows (record id, row) with a hidden record's decision cells emptied."""
        out = []
        for rid, row in rows:
            if rid in self.hidden:
                row = {k: ("" if k not in ("path",) else v) for k, v in row.items()}
            out.append(row)
        return out
