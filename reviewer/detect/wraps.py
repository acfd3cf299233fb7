"""Names and identifiers broken across one line break, as laid-out text wraps them.

A page wraps "Jonathan Pemberton-Whitley" as "Jonathan\\nPemberton-Whitley" and "LS1 6DQ" as
"LS1\\n6DQ". The rules and the model read each line alone, so the half on the next line was
found weakly or not at all and a redacted copy kept it. Here:

- `reviewer.detect.linebreaks.Unwrapped` (not here): the text with each single line break read
  as one space, and the way back to the original offsets; the identifier ruler matches the
  patterns that can wrap (postcode, NINO, telephone, sort code and account, IBAN, card) there.
- `wrapped_names` (here): a given name or a title at a line's end and a surname at the next line's
  start, or "SURNAME," then a given name, become one PERSON span across the break.

Precision: only one line break (a blank line ends a paragraph), only inside wrapped prose (the
line before has a word in lower case and no table gaps), never two lines that are each only
the fragment (a list or a table column), and the surname must be no common word ("Jonathan\\n
Payroll") nor the start of a name of its own ("... with Alice\\nBob Smith").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.detect.linebreaks import JOINED, line_of, only_fragments, single_breaks
from reviewer.detect.names import NAME_WORD, field_labels, not_names
from reviewer.detect.plausibility import ORG_HEADS, DocWords
from reviewer.detect.span import Candidate

# What the line before the break must look like: prose, not a heading, list item or table.
LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]*(?![\w])")
TABLE_GAP = re.compile(r"\t|[ ]{3,}")
LEFT_WORD = re.compile(r"(?<![\w'\u2019.-])(?P<w>[A-Z][\w'\u2019-]*)(?P<dot>\.)?(?P<comma>,)?\Z")
# Titles written with a full stop ("Mr.\nSmith"); after any other a full stop ends a sentence.
DOTTED_TITLES = frozenset(
    {"mr", "mrs", "ms", "mx", "dr", "prof", "rev", "cllr", "sgt", "insp", "supt"}
)
RIGHT_NAME = re.compile(rf"(?P<w>{NAME_WORD})(?P<more>[ ]{NAME_WORD})?")


def _prose_line(line: str) -> bool:
    return (
        len(line.split()) >= 3
        and LOWER_WORD.search(line) is not None
        and not TABLE_GAP.search(line.strip())
    )


def _surname_like(word: str, words: DocWords) -> bool:
    low = word.lower().strip(".,")
    return not (
        low in not_names()
        or low in field_labels()
        or low in ORG_HEADS
        or words.is_common(word)
        or words.is_acronym(word)
        or (word.isupper() and len(word) > 1)  # "Jonathan\nHR": a word in capitals
    )


def wrapped_names(
    text: str,
    words: DocWords,
    titles: frozenset[str],
    scores: dict[str, float],
    earlier: Callable[[int, int], int],
) -> list[Candidate]:
    """PERSON spans joining a name's two halves across one line break.

    `titles` are lower-cased titles ("mr", "dr"); `scores` the rule scores by kind ("title",
    "first_name", "surname_first"); `earlier(start, end)` gives the start of a name found
    ending at `end` ("Mary Jane" before "\\nSmith"), else `start` (the given name's own).
    """
    out: list[Candidate] = []
    for s, e in single_breaks(text):
        ls, _ = line_of(text, s)
        left_line = text[ls:s]
        left = LEFT_WORD.search(left_line)
        right = RIGHT_NAME.match(text, e)
        if left is None or right is None:
            continue
        lw, rw = left.group("w"), right.group("w")
        start = ls + left.start()
        if left.group("comma"):
            # "SURNAME,\nForename": capitals before the comma, a known given name after.
            if not (
                lw.isupper()
                and len(lw) >= 2
                and lw.lower() not in not_names()
                and not words.is_acronym(lw)
                and words.is_given(rw)
                and (LOWER_WORD.search(left_line) or "," in left_line[: left.start()])
                and not TABLE_GAP.search(left_line.strip())
            ):
                continue
            kind, end = "surname_first", right.end("w")
        else:
            if not _prose_line(left_line) or not _surname_like(rw, words):
                continue
            if lw.lower() in titles:
                kind = "title"
                if left.group("dot") and lw.lower() not in DOTTED_TITLES:
                    continue  # "... individual DC.\nConverting": a sentence's end
            elif words.is_given(lw) and not left.group("dot"):
                kind = "first_name"
                more = right.group("more")
                if more and (words.is_given(rw) or _surname_like(more.strip(), words)):
                    continue  # "... with Alice\nBob Smith": a name of its own opens the line
                start = earlier(start, s)
            else:
                continue
            end = right.end("w")
            more = right.group("more")
            if more and _surname_like(more.strip(), words) and kind == "title":
                end = right.end("more")  # "Dr\nJohn Watson"
        if only_fragments(text, start, end):
            continue
        if kind == "title":
            start = e  # the title is not the name, as on one line: "Dr" stays readable
        out.append(
            Candidate(start, end, "PERSON", scores.get(kind, 0.8), f"name rule: {kind}{JOINED}")
        )
    return out
