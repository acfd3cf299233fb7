"""Long-term-interest appraisal criteria from `resources/criteria/<kind>.json`; suggestions."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from reviewer.decisions.exemptions import RESOURCES

KINDS = ("case", "corporate")


@dataclass(frozen=True)
class Criterion:
    """One criterion: `keywords` (lower case) suggest it when they appear in a record's text."""

    id: str
    title: str
    guidance: str
    keywords: tuple[str, ...]


@cache
def load_criteria(kind: str) -> list[Criterion]:
    """The criteria for a collection kind (`case` or `corporate`), in the table's order."""
    if kind not in KINDS:
        raise ValueError(f"unknown collection kind {kind!r} (case or corporate)")
    data = json.loads((RESOURCES / "criteria" / f"{kind}.json").read_text(encoding="utf-8"))
    return [
        Criterion(
            id=c["id"],
            title=c["title"],
            guidance=c.get("guidance", ""),
            keywords=tuple(k.lower() for k in c.get("keywords", [])),
        )
        for c in data["criteria"]
    ]


def criterion_ids(kind: str) -> set[str]:
    return {c.id for c in load_criteria(kind)}


@cache
def _pattern(keyword: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(keyword) + r"(?!\w)", re.IGNORECASE)


def suggest_criteria(text: str, kind: str) -> list[str]:
    """Ids of criteria with a keyword in `text` (whole words, any case), in the table's order."""
    return [c.id for c in load_criteria(kind) if any(_pattern(k).search(text) for k in c.keywords)]
