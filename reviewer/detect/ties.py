"""Whether a special-category term is about an identifiable person, as the text says it.

"fraud", "disability" or "prescribed" in a policy paper describe a policy, not someone: the
term is personal data only where the same sentence (or the one before) ties it to a person:
a name, a personal pronoun, a personal identifier, or a singular party ("the defendant"). Untied
terms stay detected but score as "possible", so they are not shown by default.
"""

from __future__ import annotations

import re

from reviewer.detect.labels import IDENTIFIER_LABELS
from reviewer.detect.span import Candidate

UNTIED_SCORE = 0.4  # "possible": below the flag threshold
WINDOW = 200  # at most this many characters either side, within the sentence
PERSONAL = re.compile(
    r"(?i:(?<![\w'\u2019-])(?:he|she|him|her|his|hers|himself|herself|me|my|myself|mine)"
    r"(?![\w'\u2019-])(?![ ]+Majesty))"
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


def tied_to_person(text: str, c: Candidate, kept: list[Candidate]) -> bool:
    """A name, pronoun, personal identifier or singular party in the same sentence."""
    lo, hi = sentence_bounds(text, c.start, c.end)
    for k in kept:
        if (
            lo <= k.start
            and k.end <= hi
            and k.score >= 0.5
            and k.label in PERSON_LABELS
            and k.label not in NOT_PERSONAL_IDS
        ):
            return True
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
