"""Long-term-interest appraisal criteria from `resources/criteria/<kind>.json`; suggestions."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

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


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of `words`, as a trie (shared prefixes tested once, longest first)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: the longer words are tried first
            return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
        return body

    return emit(root)


def _inside(small: str, big: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(small) + r"(?!\w)", big) is not None


@dataclass(frozen=True)
class _Matcher:
    """One compiled pattern per kind, and which criteria each matched keyword shows."""

    pattern: re.Pattern[str]
    shows: dict[str, frozenset[str]]
    order: tuple[str, ...]


@cache
def _matcher(kind: str) -> _Matcher:
    criteria = load_criteria(kind)
    owners: dict[str, set[str]] = {}
    for c in criteria:
        for k in c.keywords:
            owners.setdefault(k, set()).add(c.id)
    # Matching at every word start (zero width) finds overlapping keywords; a keyword found
    # also shows every keyword inside it ("court of appeal" holds "appeal").
    shows = {
        k: frozenset(cid for j, ids in owners.items() if _inside(j, k) for cid in ids)
        for k in owners
    }
    body = _trie(sorted(owners)) if owners else "(?!)"
    pattern = re.compile(r"\b(?=(" + body + r")(?!\w))")
    return _Matcher(pattern, shows, tuple(c.id for c in criteria))


def suggest_criteria(text: str, kind: str) -> list[str]:
    """Ids of criteria with a keyword in `text` (whole words, any case), in the table's order.

    One compiled pattern per kind over the lower-cased text (about 20 ms a megabyte).
    """
    matcher = _matcher(kind)
    found: set[str] = set()
    wanted = {cid for ids in matcher.shows.values() for cid in ids}
    for hit in matcher.pattern.finditer(text.lower()):
        found |= matcher.shows[hit.group(1)]
        if found == wanted:
            break
    return [cid for cid in matcher.order if cid in found]
