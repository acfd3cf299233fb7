"""`pii_special_category`: special-category and criminal-offence terms from an editable lexicon."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from reviewer.detect.identifiers import add_candidates, doc_text, ensure_extensions
from reviewer.detect.resources import read_jsonl
from reviewer.detect.span import Candidate


def _term_regex(term: str) -> str:
    prefix = term.endswith("*")
    body = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
    return body + (r"[\w'\u2019-]*" if prefix else "")


def _by_first_char(parts: list[tuple[str, str]], fold: bool) -> str:
    """The alternation of `(term, regex)` parts, grouped under their first character.

    `re` tries every alternative at every word start; grouping lets it reject all the terms
    that start with another letter in one step (the lexicon scan was most of this component's
    time). Terms with different first characters cannot match at the same place, and each
    group keeps the parts' order, so the matches are the same as the flat alternation's.
    Non-ASCII first characters (case folding may join them across groups) keep the flat form.
    """
    if any(not t[:1].isascii() for t, _ in parts):
        return "|".join(rx for _, rx in parts)
    groups: dict[str, tuple[str, list[str]]] = {}
    for term, rx in parts:
        head = re.escape(term[0])
        key = term[0].lower() if fold else term[0]
        groups.setdefault(key, (head, []))[1].append(rx[len(head) :])
    return "|".join(
        f"{head}(?:{'|'.join(tails)})" if len(tails) > 1 else head + tails[0]
        for head, tails in groups.values()
    )


def compile_lexicon(
    rows: list[dict[str, object]],
) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Case-insensitive and case-sensitive (ALL-CAPS terms) patterns, and term -> category."""
    loose: list[str] = []
    strict: list[str] = []
    category: dict[str, str] = {}
    for row in rows:
        terms = row.get("terms")
        if not isinstance(terms, list):
            raise ValueError(
                f"special_category.jsonl: category {row.get('category')!r} lacks terms"
            )
        for term in terms:
            term = str(term).strip()
            if not term:
                continue
            key = term.rstrip("*")
            is_caps = key.isupper() and len(key) <= 6
            (strict if is_caps else loose).append(term)
            category[key if is_caps else key.lower()] = str(row["category"])

    def build(terms: list[str], flags: int) -> re.Pattern[str]:
        parts = sorted(
            ((t, _term_regex(t)) for t in terms), key=lambda tp: len(tp[1]), reverse=True
        )
        body = _by_first_char(parts, fold=bool(flags & re.IGNORECASE))
        return re.compile(rf"(?<![\w])(?:{body or '(?!)'})(?![\w])", flags)

    return build(loose, re.IGNORECASE), build(strict, 0), category


_BODY = (
    r"(?:head|face|neck|throat|jaw|cheek|eye|ear|nose|mouth|lip|scalp|skull|chest|back|spine|"
    r"shoulder|arm|upper arm|forearm|elbow|wrist|hand|finger|thumb|abdomen|stomach|ribs?|hip|"
    r"groin|leg|thigh|knee|shin|ankle|foot|toe|body|torso|temple|forehead|brain|liver|lungs?)s?"
)
# "laceration to the left side of the neck": the injury with where it is, as one span.
HEALTH_TAIL = re.compile(
    rf"(?i)[ \t]+(?:to|on|of|in|across|above|below)[ \t]+(?:the|his|her|their)[ \t]+"
    rf"(?:(?:left|right|upper|lower|front|back)[ \t]+)?(?:side[ \t]+of[ \t]+(?:the|his|her)[ \t]+)?"
    rf"(?:(?:left|right|upper|lower)[ \t]+)?{_BODY}(?![\w])"
)


class SpecialCategoryRuler:
    """Whole-word lexicon matches labelled SPECIAL_CATEGORY, the reason naming the category."""

    def __init__(self, nlp: Language, name: str = "pii_special_category", *, score: float) -> None:
        ensure_extensions()
        self.name = name
        self.score = score
        rows = read_jsonl("special_category.jsonl")
        self.loose, self.strict, self.category = compile_lexicon(rows)
        self.prefixes = sorted(
            ((k, v) for k, v in self.category.items()), key=lambda kv: len(kv[0]), reverse=True
        )

    def _category(self, found: str) -> str:
        for key in (found, found.lower(), re.sub(r"\s+", " ", found.lower())):
            if key in self.category:
                return self.category[key]
        low = found.lower()
        for key, cat in self.prefixes:
            if low.startswith(key.lower()):
                return cat
        return "special category"

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Candidate]:
        text = doc_text(doc)
        found: list[Candidate] = []
        for regex in (self.loose, self.strict):
            for m in regex.finditer(text):
                cat = self._category(m.group(0))
                end = m.end()
                if cat == "health":
                    tail = HEALTH_TAIL.match(text, end)
                    end = tail.end() if tail else end
                found.append(
                    Candidate(m.start(), end, "SPECIAL_CATEGORY", self.score, f"lexicon: {cat}")
                )
        return found

    def set_annotations(self, doc: Doc, found: list[Candidate]) -> None:
        add_candidates(doc, found)


@Language.factory("pii_special_category", default_config={"score": 0.7})
def make_special_category_ruler(nlp: Language, name: str, score: float) -> SpecialCategoryRuler:
    return SpecialCategoryRuler(nlp, name, score=score)
