"""`pii_names`: PERSON rules for what the small statistical model misses in case files.

Titles and ranks ("DC Sarah Jones", "Mrs KHAN"), form fields ("Name: ..."), known given names
followed by a surname, and "SURNAME, Forename" lists. Word lists live in `resources/detect/`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from reviewer.detect.identifiers import add_candidates, doc_text, ensure_extensions
from reviewer.detect.resources import read_jsonl, read_lines
from reviewer.detect.span import Candidate

NAME_WORD = (
    r"(?:[A-Z][a-z]*(?:['\u2019][A-Z][a-z]+)?(?:-[A-Z][a-z]+)?"
    r"|[A-Z]{2,}(?:['\u2019-][A-Z]+)?|(?:Mc|Mac)[A-Z][a-z]+)(?![\w'\u2019-])"
)
INITIALS = r"(?:[A-Z]\.?[ ](?=[A-Z]))*"
NAME = rf"{INITIALS}{NAME_WORD}(?:[ ]{NAME_WORD}){{0,2}}"


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Lower-cased words that are never a person's name."""
    return frozenset(w.lower() for w in read_lines("not_names.txt"))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-cased given names from `first_names.txt` (space- or line-separated)."""
    return frozenset(w.lower() for line in read_lines("first_names.txt") for w in line.split())


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def form_labels() -> tuple[str, ...]:
    """Lower-cased form labels: the `field` labels of `person_patterns.jsonl` (a name follows
    them) and those of `form_labels.txt` (postcode, telephone, date of birth, station ...).

    On a form the next field's label follows the value before it: an address or a name never
    runs into one ("41 Cobbler's Rise, Leeds" then "Postcode:"). Longest first, for regexes.
    """
    labels = {
        " ".join(str(f).split()).lower()
        for row in read_jsonl("person_patterns.jsonl")
        if row.get("kind") == "field"
        for f in row.get("fields", [])
    }
    labels.update(" ".join(line.split()).lower() for line in read_lines("form_labels.txt"))
    return tuple(sorted(labels, key=len, reverse=True))


@lru_cache(maxsize=1)
def field_labels() -> frozenset[str]:
    """The one-word form labels (`Signature`, `Name`, `Postcode`, ...).

    On a form the next field's label follows the name ("Signature: S. Kendrick Signature
    witnessed by: ..."); a name never ends (or starts) with one.
    """
    return frozenset(label for label in form_labels() if " " not in label)


@lru_cache(maxsize=8)
def _not_names_or(titles: frozenset[str]) -> frozenset[str]:
    """`not_names()`, form labels and `titles`, built once per title set, not on every name."""
    return not_names() | field_labels() | titles


def clean_name(text: str, start: int, end: int, titles: frozenset[str]) -> tuple[int, int] | None:
    """Trim titles, form labels and non-name words off both ends of `text[start:end]`; None if
    nothing is left."""
    words = list(re.finditer(r"[^\s]+", text[start:end]))
    bad = _not_names_or(titles)

    def is_bad(w: str) -> bool:
        # A purely alphabetic word has no digit: skip the per-character check.
        return w.lower().rstrip(".,") in bad or (not w.isalpha() and any(c.isdigit() for c in w))

    while words and is_bad(words[0].group(0)):
        words.pop(0)
    while words and is_bad(words[-1].group(0)):
        words.pop()
    if not words:
        return None
    s, e = start + words[0].start(), start + words[-1].end()
    while e > s and text[e - 1] in ".,;:":
        e -= 1
    if text[e - 2 : e] in ("'s", "\u2019s"):
        e -= 2
    core = text[s:e]
    if len(core.replace(".", "").replace(" ", "")) < 2 or not core[0].isupper():
        return None
    return s, e


class PersonRuler:
    """Rule-based PERSON candidates; scores from `person_patterns.jsonl`."""

    def __init__(self, nlp: Language, name: str = "pii_names") -> None:
        ensure_extensions()
        self.name = name
        rows = {r["kind"]: r for r in read_jsonl("person_patterns.jsonl")}
        self.scores = {k: float(r["score"]) for k, r in rows.items()}
        titles = list(rows.get("title", {}).get("titles", []))
        self.titles = frozenset(t.lower() for t in titles)
        fields = list(rows.get("field", {}).get("fields", []))
        given = sorted(first_names())
        self.regexes: list[tuple[str, re.Pattern[str]]] = []
        if titles:
            # Only abbreviations take a full stop: "Officer. The Board" ends a sentence.
            short = [t for t in titles if len(t) <= 4]
            long = [t for t in titles if len(t) > 4]
            lead = (
                rf"(?:(?:{_alternation(short)})\.?|(?:{_alternation(long)}))"
                if long
                else (rf"(?:{_alternation(short)})\.?")
            )
            self.regexes.append(
                (
                    "title",
                    re.compile(rf"(?<![\w]){lead}[ ]+(?:\d{{2,6}}[ ]+)?({NAME})"),
                )
            )
        if fields:
            self.regexes.append(
                (
                    "field",
                    re.compile(
                        rf"(?im)^[ \t]*(?:{_alternation(fields)})[ \t]*[:\-\u2013][ \t]*"
                        rf"(?-i:((?:[A-Z]{{2,}},[ ])?{NAME}))"
                    ),
                )
            )
        self.given = frozenset(given)
        if given and "first_name" in rows:
            # A capitalised word followed by a name word; the word must be a known given name
            # (a set lookup: one big alternation of thousands of names is slow in `re`). The rest
            # sits in a lookahead so a refused word ("The Sarah Jones") does not swallow the next.
            self.regexes.append(
                (
                    "first_name",
                    re.compile(
                        rf"(?<![\w])(?P<given>[A-Z][a-z]+|[A-Z]{{2,}})(?=(?P<rest>(?:[ ][A-Z]\.?)?"
                        rf"[ ]{NAME_WORD}(?:-{NAME_WORD})?))"
                    ),
                )
            )
        if "surname_first" in rows:
            self.regexes.append(
                (
                    "surname_first",
                    re.compile(
                        r"(?<![\w])([A-Z]{2,}(?:['\u2019-][A-Z]+)?,?[ ]"
                        r"[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)(?![\w])"
                    ),
                )
            )

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Candidate]:
        text = doc_text(doc)
        found: list[Candidate] = []
        for kind, regex in self.regexes:
            for m in regex.finditer(text):
                if kind == "first_name":
                    if m.group("given").lower() not in self.given:
                        continue
                    start, end = m.start("given"), m.end("rest")
                else:
                    start, end = m.start(1), m.end(1)
                cleaned = clean_name(text, start, end, self.titles)
                if cleaned is None:
                    continue
                s, e = cleaned
                if kind == "surname_first" and (
                    text[start:end].split(",")[0].split()[0].lower() in not_names()
                    or " " not in text[s:e]
                ):
                    continue
                found.append(Candidate(s, e, "PERSON", self.scores[kind], f"name rule: {kind}"))
        return found

    def set_annotations(self, doc: Doc, found: list[Candidate]) -> None:
        add_candidates(doc, found)


@Language.factory("pii_names")
def make_person_ruler(nlp: Language, name: str) -> PersonRuler:
    return PersonRuler(nlp, name)
