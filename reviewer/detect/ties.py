"""Whether a special-category term is about an identifiable person, as the text says it.

"fraud", "disability" or "prescribed" in a policy paper describe a policy, not someone: the
term is personal data only where the same sentence (or the one before) ties it to a person: a
name or a personal identifier there, or a personal pronoun or singular party ("he", "the
defendant") whose person the text identifies nearby (a name or identifier within
`ANCHOR_WINDOW` characters). Guidance says "the child", "a person" and "he" of anyone: without
a named person near, they tie nothing. Untied terms stay detected but score as "possible", so
they are not shown by default.
"""

from __future__ import annotations

import re

from reviewer.detect.labels import IDENTIFIER_LABELS
from reviewer.detect.span import Candidate

UNTIED_SCORE = 0.4  # "possible": below the flag threshold
WINDOW = 200  # at most this many characters either side, within the sentence
# A pronoun or party ties a term only where a name or identifier sits within this many
# characters of the term (about a paragraph): the person "he" or "the patient" stands for.
ANCHOR_WINDOW = 800
PERSONAL = re.compile(
    r"(?<![\w'\u2019-])(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is|[Hh]ers|[Hh]imself|[Hh]erself|[Mm]e|"
    r"[Mm]y|[Mm]yself|[Mm]ine)(?![\w'\u2019-])(?![ ]+Majesty)"
    r"|(?<![\w'\u2019-])I(?=[ ]+[a-z])"
    r"|(?i:(?<![\w-])(?:the|this|that)[ ]+(?:(?:first|second|third|named|said|late|"
    r"young|older|younger)[ ]+)?(?:defendant|suspect|victim|complainant|appellant|claimant|"
    r"respondent|applicant|witness|patient|deceased|accused|offender|child|girl|boy|man|woman|"
    r"baby|informant|prisoner|detainee|pupil|tenant|employee|driver)(?![\w-]))"
)
# "he or she", "him or her", "his/her": anyone at all, as policy and guidance write.
GENERIC = re.compile(
    r"(?i:(?<![\w])(?:he|she|him|her|his|hers|himself|herself)[ ]*(?:or|/)[ ]*"
    r"(?:he|she|him|her|his|hers|himself|herself|they|them|their)(?![\w]))"
)
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s|\n\s*\n|\f")
PERSON_LABELS = frozenset({"PERSON", "DATE_OF_BIRTH", "ADDRESS"}) | IDENTIFIER_LABELS
NOT_PERSONAL_IDS = frozenset({"POSTCODE", "IP_ADDRESS"})


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around `text[start:end]` and the one before it, at most `WINDOW`
    characters either side."""
    lo = max(0, start - WINDOW)
    cuts = [m.end() for m in SENTENCE_END.finditer(text, lo, start)]
    # The sentence before too: "B was convicted ... The illness specified was schizophrenia."
    lo = cuts[-2] if len(cuts) > 1 else lo
    hi = min(len(text), end + WINDOW)
    m = SENTENCE_END.search(text, end, hi)
    return lo, m.start() + 1 if m else hi


def _anchor(k: Candidate) -> bool:
    """A flagged name or personal identifier: what makes a person identifiable."""
    return k.score >= 0.5 and k.label in PERSON_LABELS and k.label not in NOT_PERSONAL_IDS


def tied_to_person(text: str, c: Candidate, kept: list[Candidate]) -> bool:
    """A name or personal identifier in the same sentence; or a pronoun or singular party
    there ("HE", higher education, is no pronoun) with a name, identifier or address nearby."""
    lo, hi = sentence_bounds(text, c.start, c.end)
    anchors = [k for k in kept if _anchor(k)]
    # An address names a place, often a body's ("First-tier Tribunal … Darlington DL1 1RU"):
    # alone in the sentence it ties nothing; beside a pronoun or party it is the person's.
    if any(lo <= k.start and k.end <= hi and k.label != "ADDRESS" for k in anchors):
        return True
    if not any(
        c.start - ANCHOR_WINDOW <= k.start and k.end <= c.end + ANCHOR_WINDOW for k in anchors
    ):
        return False
    return any(
        GENERIC.search(text, max(lo, m.start() - 10), min(hi, m.end() + 10)) is None
        for m in PERSONAL.finditer(text, lo, hi)
    )


def untied_special(text: str, c: Candidate, kept: list[Candidate]) -> Candidate:
    """`c` unchanged when tied to a person; otherwise "possible", the reason saying why."""
    if c.score < 0.5 or tied_to_person(text, c, kept):
        return c
    return Candidate(
        c.start,
        c.end,
        c.label,
        min(c.score, UNTIED_SCORE),
        c.reason + "; no person in its sentence",
    )
