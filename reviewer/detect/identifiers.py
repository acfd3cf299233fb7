"""`pii_identifiers`: pattern, validator and context recognizers for UK identifiers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from reviewer.detect.context import context_regex, find_context
from reviewer.detect.linebreaks import JOINED, WRAPPABLE, only_fragments, unwrapped
from reviewer.detect.resources import read_jsonl
from reviewer.detect.span import Candidate
from reviewer.detect.validators import VALIDATORS

CANDIDATES_ATTR = "pii_candidates"
TEXT_KEY = "pii_text"


def ensure_extensions() -> None:
    """The doc attribute every rule component appends its candidates to."""
    if not Doc.has_extension(CANDIDATES_ATTR):
        Doc.set_extension(CANDIDATES_ATTR, default=None)
    if not Doc.has_extension("pii"):
        Doc.set_extension("pii", default=None)


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per doc: spaCy re-joins every token on each access, and five
    components read it."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return str(text)


def add_candidates(doc: Doc, found: list[Candidate]) -> None:
    """Append to the doc's candidate list (created on first use)."""
    current = getattr(doc._, CANDIDATES_ATTR)
    if current is None:
        current = []
        setattr(doc._, CANDIDATES_ATTR, current)
    current.extend(found)


@dataclass(frozen=True)
class IdentifierPattern:
    """One row of `identifiers.jsonl`."""

    id: str
    label: str
    regex: re.Pattern[str]
    score: float
    context: re.Pattern[str] | None
    context_score: float
    validator: str | None
    invalid_context_score: float | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> IdentifierPattern:
        validator = row.get("validator")
        if validator is not None and validator not in VALIDATORS:
            raise ValueError(f"pattern {row.get('id')}: unknown validator {validator!r}")
        flags = re.IGNORECASE if row.get("ignorecase") else 0
        return cls(
            id=str(row["id"]),
            label=str(row["label"]),
            regex=re.compile(row["pattern"], flags),
            score=float(row["score"]),
            context=context_regex(row.get("context", [])),
            context_score=float(row.get("context_score") or row["score"]),
            validator=validator,
            invalid_context_score=row.get("invalid_context_score"),
        )


def _shrink(text: str, start: int, end: int, ok: Any) -> tuple[int, int] | None:
    """Drop trailing space-separated groups until the validator accepts (a number run on)."""
    while True:
        cut = max(text.rfind(" ", start, end), text.rfind("-", start, end))
        if cut <= start:
            return None
        end = cut
        if ok(text[start:end]):
            return start, end


class IdentifierRuler:
    """Regex candidates, believed only if their validator passes; context words raise the score."""

    def __init__(self, nlp: Language, name: str = "pii_identifiers", *, min_score: float) -> None:
        ensure_extensions()
        self.name = name
        self.min_score = min_score
        self.patterns = [IdentifierPattern.from_row(r) for r in read_jsonl("identifiers.jsonl")]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Candidate]:
        text = doc_text(doc)
        found: list[Candidate] = []
        flat = unwrapped(text) if "\n" in text else None
        for pat in self.patterns:
            ok = VALIDATORS[pat.validator] if pat.validator else None
            for m in pat.regex.finditer(text):
                c = self._candidate(pat, ok, text, m.start(), m.end(), m.group(0))
                if c is not None:
                    found.append(c)
            if flat is None or pat.id not in WRAPPABLE:
                continue
            for m in pat.regex.finditer(flat.text):
                if not flat.crosses(m.start(), m.end()):
                    continue  # on one line: found above
                start, end = flat.original(m.start()), flat.original(m.end(), end=True)
                if only_fragments(text, start, end):
                    continue  # "01132\n496000": two cells of a column, not one value wrapped
                c = self._candidate(pat, ok, text, start, end, m.group(0))
                if c is not None:
                    found.append(Candidate(c.start, c.end, c.label, c.score, c.reason + JOINED))
        return found

    def _candidate(
        self, pat: IdentifierPattern, ok: Any, text: str, start: int, end: int, value: str
    ) -> Candidate | None:
        """`pat`'s candidate for `text[start:end]` (read as `value`), or None."""
        valid = ok is None or ok(value)
        if not valid and pat.label == "PHONE" and ok is not None and value == text[start:end]:
            shrunk = _shrink(text, start, end, ok)
            if shrunk:
                start, end = shrunk
                valid = True
        word = find_context(pat.context, text, start, end)
        if valid:
            score = pat.context_score if word else pat.score
            reason = f"{pat.id} pattern" + (" + checksum/format valid" if ok else "")
        elif word and pat.invalid_context_score is not None:
            # The text says what the value is: flagged though a strict rule fails.
            score = pat.invalid_context_score
            reason = f"{pat.id} format only (a strict check fails), introduced as '{word}'"
        else:
            return None
        if word:
            reason += f"; context '{word}'"
        if score < self.min_score:
            return None
        return Candidate(start, end, pat.label, score, reason)

    def set_annotations(self, doc: Doc, found: list[Candidate]) -> None:
        add_candidates(doc, found)


@Language.factory("pii_identifiers", default_config={"min_score": 0.3})
def make_identifier_ruler(nlp: Language, name: str, min_score: float) -> IdentifierRuler:
    return IdentifierRuler(nlp, name, min_score=min_score)
