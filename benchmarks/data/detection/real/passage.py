"""One passage of the real-document evaluation set, as written by hand."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Passage:
    """A passage: from a corpus file (`file`, `anchor`, `before`, `after`) or given `text`."""

    id: str
    split: str
    labels: str
    source: str
    file: str = ""
    anchor: str = ""
    before: int = 600
    after: int = 400
    nth: int = 0
    text: str = ""
