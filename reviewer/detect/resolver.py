"""`pii_resolver`: merge NER entities with rule candidates, apply guards, settle overlaps.

Runs last. Writes the final spans to `doc._.pii` (exact character offsets) and, token-aligned,
to `doc.spans["pii"]` for displaCy and other spaCy tooling.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from reviewer.detect.addresses import STREET_TYPES, street_names
from reviewer.detect.guards import blocked_ranges, not_a_person
from reviewer.detect.identifiers import CANDIDATES_ATTR, doc_text, ensure_extensions
from reviewer.detect.names import (
    LABEL_NOUN_BEFORE,
    clean_name,
    first_names,
    not_names,
)
from reviewer.detect.names import (
    PRONOUN_AFTER as PRONOUN_NEAR,
)
from reviewer.detect.plausibility import (
    DOCUMENT_TAILS,
    ORG_HEADS,
    POST_AFTER,
    POST_OF_BEFORE,
    DocWords,
    after_determiner,
    capitalised_elsewhere,
    common_words,
    custody_place,
    cut_at_form_label,
    institution_name,
    is_role,
    known_body_or_nation,
    legislation_bill,
    named_bodies,
    opens_sentence,
    ordinary_phrase,
    org_score,
    person_verdict,
    service_name,
    species_name,
    street_reason,
    title_misread,
)
from reviewer.detect.resources import read_jsonl
from reviewer.detect.span import Candidate
from reviewer.detect.ties import untied_special
from reviewer.detect.wraps import wrapped_names

NER_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "DATE": "DATE",
}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE_LIKE = re.compile(
    rf"(?i)\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}\b|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}"
)
# "DOB:", "date of birth as", "whose date of birth is", "born on the", "(born": a birth date.
# A document label and its letter: "Annex B", "Company B" (also read as a name by the model).
LETTER_LABEL = re.compile(
    r"(?i:(?<![\w])(?:annex|appendix|schedule|part|table|figure|option|company|plan|scenario|"
    r"officer|person|individual|firm|group|case|category|class|type|model|box|phase|site)"
    r"[ ]+)[A-Z](?![\w'\u2019])"
)
LEADING_THE = re.compile(r"(?i:the|on|of)[ ]+")
DOB_RE = re.compile(
    r"(?i)(?:\bd\.?\s?o\.?\s?b\.?|date\s+of\s+birth|\bborn|\bbirth\s?date|\bb\.)"
    r"(?:\s+(?:is|was|as|of|given|recorded|stated|shown|noted|being|on|the|to\s+be|now))*"
    r"\s*[:\-\u2013]?\s*\(?\s*$"
)
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "dc",
        "ds",
        "di",
        "dci",
        "pc",
        "ps",
        "wpc",
        "sgt",
        "insp",
        "supt",
        "det",
        "detective",
        "constable",
        "sergeant",
        "inspector",
        "officer",
        "cllr",
        "judge",
        "hhj",
        "dear",
    ]
)


@lru_cache(maxsize=1)
def rule_titles() -> frozenset[str]:
    """`TITLES` and the title rule's titles of `person_patterns.jsonl` ("Master", "Father")."""
    rows = [r for r in read_jsonl("person_patterns.jsonl") if r.get("kind") == "title"]
    return TITLES | {str(t).lower() for r in rows for t in r.get("titles", [])}


@lru_cache(maxsize=1)
def person_scores() -> dict[str, float]:
    """The rule scores of `person_patterns.jsonl` by kind ("title": 0.85, ...)."""
    return {str(r["kind"]): float(r["score"]) for r in read_jsonl("person_patterns.jsonl")}


# A capitalised word right before "RA, Elder": the capitals are its initials (a reference list).
SURNAME_BEFORE = re.compile(r"(?<![\w])[A-Z][a-z][\w'\u2019-]*[ ]\Z")
# Labels that may sit inside another span instead of competing with it.
NESTABLE = {("ADDRESS", "POSTCODE")}
FLAGGED = 0.5  # the GUI's and benchmark's threshold: below it a span is "possible"
POSSIBLE = 0.45

POSSESSIVE = re.compile(r"([A-Z][\w-]+)['\u2019]s")
LAST_WORD = re.compile(r"([A-Za-z]+)\.?[ \t]+$")
NEXT_WORD = re.compile(r"[ ]([A-Z][a-z]+)(?![\w'\u2019-])")


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


# A name broken across lines by a hyphen ("Quen-\nnell"): the span covers both parts.
BROKEN_RE = re.compile(r"-[ \t]*\n[ \t]*(?=[a-z])")
BROKEN_TAIL = re.compile(r"-?[ \t]*\n[ \t]*[a-z]+(?![\w'\u2019-])")


def join_broken(text: str, c: Candidate) -> Candidate:
    """A PERSON ending at a line-end hyphen takes the lower-case rest on the next line."""
    hyphen = text[c.end - 1 : c.end] == "-" or text[c.end : c.end + 1] == "-"
    tail = BROKEN_TAIL.match(text, c.end) if hyphen else None
    if tail is None or (text[c.end - 1] != "-" and not tail.group(0).startswith("-")):
        return c
    return Candidate(
        c.start, tail.end(), c.label, c.score, c.reason + "; joined across a line break"
    )


def as_firms(
    text: str, cands: list[Candidate], blocked: list[tuple[int, int, str]]
) -> list[Candidate]:
    """A PERSON whose text is a law firm named elsewhere ("(instructed by Leigh Day)") is ORG."""
    firms = {text[s:e] for s, e, w in blocked if w == "firm"}
    if not firms:
        return cands
    return [
        Candidate(c.start, c.end, "ORG", c.score, c.reason + "; a law firm named in this text")
        if c.label == "PERSON" and text[c.start : c.end] in firms
        else c
        for c in cands
    ]


class PiiResolver:
    """Turns candidates into the final, non-overlapping span list."""

    def __init__(
        self, nlp: Language, name: str = "pii_resolver", *, min_score: float, ner_score: float
    ) -> None:
        ensure_extensions()
        self.name = name
        self.min_score = min_score
        self.ner_score = ner_score

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    @staticmethod
    def _pieces(text: str, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str, str]]:
        """NER entities as `(start, end, our label, NER label)`, cut at line breaks (a heading
        line run into the next line is two things, not one name)."""
        out: list[tuple[int, int, str, str]] = []
        for ent_start, ent_end, ent_label in ents:
            label = NER_LABELS.get(ent_label)
            if label is None:
                continue
            pos = ent_start
            for line in text[ent_start:ent_end].split("\n"):
                s = pos + len(line) - len(line.lstrip())
                e = pos + len(line.rstrip())
                if e > s:
                    out.append((s, e, label, ent_label))
                pos += len(line) + 1
        return out

    def _from_ner(
        self,
        text: str,
        ents: list[tuple[int, int, str]],
        blocked: list[tuple[int, int, str]],
        words: DocWords,
    ) -> list[Candidate]:
        out: list[Candidate] = []
        statutes = {text[s:e] for s, e, w in blocked if w == "statute"}
        for start, end, label, ner_label in self._pieces(text, ents):
            reason = f"spaCy NER {ner_label}"
            score = self.ner_score
            if label == "PERSON":
                cleaned = clean_name(text, start, end, TITLES)
                if cleaned is None or not_a_person(text[cleaned[0] : cleaned[1]]):
                    continue
                start, end = cleaned
                end = cut_at_form_label(text, start, end)  # "John Kerr Job title: Head of"
                if any(s < end and start < e for s, e, _w in blocked):
                    continue
                if legislation_bill(text, start, end):
                    continue  # "during Bill passage", "the Bill's introduction"
                if POST_OF_BEFORE.search(text, max(0, start - 40), start):
                    continue  # "Director of Public Health": a post's field
                titled = self._after_title(text, start)
                if service_name(text[start:end], words) or (
                    not titled
                    and words.is_given(text[start:end].split()[0])
                    and institution_name(text, start, end)
                ):
                    continue  # "Local Healthwatch", "Healthwatch England", "Albert Museum"
                if after_determiner(text, start) and not titled:
                    continue  # "the Bill Committee", "the Wireless Telegraphy Act"
                if not titled and ordinary_phrase(text[start:end], words):
                    continue  # "Sulphur Dioxide", "Pest Controller": ordinary English words
                if not titled and species_name(text, start, end, words):
                    continue  # "Menzies Banksia (Banksia menziesii)", "(Elephas Maximus)"
                if LETTER_LABEL.search(text, max(0, start - 14), min(len(text), end)):
                    continue  # "Annex B - Hansard References", "Company B", "Officer A"
                if any(text[start:end] + " " in name for name in statutes):
                    continue  # "Wireless Telegraphy licences", of "the Wireless Telegraphy Act"
                why = person_verdict(text[start:end], words, evidence=False)
                if why == "place":
                    label, score, reason = "LOCATION", 0.6, reason + "; place name, not a person"
                elif why is not None:
                    continue
                elif street := self._street(text, start, end, words):
                    end, why = street
                    label, score, reason = "LOCATION", 0.6, f"{reason}; {why}, not a person"
                elif (
                    " " not in text[start:end]
                    and not titled
                    and (station := custody_place(text, start, end))
                ):
                    end, label, why = station
                    score, reason = 0.6, f"{reason}; {why}, not a person"
                elif " " not in text[start:end].strip():
                    score -= 0.1  # one word, no title or given name: less sure
                    if (
                        not words.is_given(text[start:end])
                        and not titled
                        and not PRONOUN_NEAR.search(text, max(0, start - 200), end + 200)
                    ):
                        # "Traverse", "Diplomas", "Orkney": a lone capitalised word the model
                        # guesses is a name, with no "he" or "her" near. Possible; a full name or
                        # title elsewhere flags its later mentions ("Hughes" after "Dr Hughes").
                        score = min(score, POSSIBLE)
                        reason += "; one word, no title, given name or full name"
                    elif opens_sentence(text, start) and not capitalised_elsewhere(
                        text, text[start:end], start
                    ):
                        # Its capital may be only grammar ('said "Calm down'): possible.
                        score = min(score, POSSIBLE)
                        reason += "; opens a sentence, capitalised nowhere else"
            elif label == "DATE":
                if not DATE_LIKE.search(text[start:end]):
                    continue
                lead = LEADING_THE.match(text, start, end)
                start = lead.end() if lead else start  # "the 2nd of November": the date only
            else:
                owner = (
                    POSSESSIVE.fullmatch(text[start:end] + text[end : end + 2])
                    or POSSESSIVE.fullmatch(text[start:end])
                    if label == "ORG"
                    else None
                )
                if owner is not None:
                    # The small model reads "Daniel's" as an organisation: it is a person's name.
                    stem_end = start + len(owner.group(1))
                    stem = text[start:stem_end]
                    given = stem.lower() in first_names()
                    if given and person_verdict(stem, words, evidence=True) is None:
                        reason += "; possessive of a given name"
                        out.append(Candidate(start, stem_end, "PERSON", score - 0.1, reason))
                        continue
                ws = [w.lower().strip(".,:()") for w in text[start:end].split()]
                if is_role(text[start:end]):
                    continue  # "Claimants", "the Appellant": a party's role
                if label == "ORG" and POST_AFTER.match(text, end):
                    continue  # "Deputy High Court Judge": a post, not a body
                if label == "ORG" and ws and ws[-1] in DOCUMENT_TAILS:
                    continue  # "the Open Government Licence": a document, not a body
                if all(w in not_names() for w in ws) and not known_body_or_nation(text[start:end]):
                    continue
                if any(
                    s <= start and end <= e and w not in ("court", "firm") for s, e, w in blocked
                ):
                    continue
                if any(s < end and start < e and w == "statute" for s, e, w in blocked):
                    continue  # "the Crime and Courts Act 2013" is a statute, not a body
                if label == "LOCATION" and ws and ws[-1] in ORG_HEADS:
                    label = "ORG"  # "West Yorkshire Police" is a force, not a place
                elif (
                    label == "ORG"
                    and " " not in text[start:end]
                    and words.is_place(text[start:end])
                ):
                    label = "LOCATION"  # "Wales" in "England and Wales"
                score = org_score(text[start:end], words, self.ner_score - 0.1)
                if score <= 0.0:
                    continue
            out.append(Candidate(start, end, label, score, reason))
        for s, e, what in blocked:
            if what == "court" and POST_AFTER.match(text, e):
                continue  # "Deputy High Court Judge": a judge's post
            if what == "court":
                out.append(Candidate(s, e, "ORG", self.ner_score, "court name"))
            elif what == "firm":
                out.append(Candidate(s, e, "ORG", self.ner_score, "law firm ('instructed by')"))
        return out

    @staticmethod
    def _doc_words(text: str, ents: list[tuple[int, int, str]], rules: list[Candidate]) -> DocWords:
        found = {text[s:e] for s, e, label in ents if label in ("GPE", "LOC")}
        streets = street_names(text, (c.start for c in rules if c.label == "ADDRESS"))
        return DocWords(text, found, streets)

    @staticmethod
    def _after_title(text: str, start: int) -> bool:
        """A title or rank right before `start` ("Mrs", "PC"): what follows is a person."""
        title = LAST_WORD.search(text, max(0, start - 16), start)
        return title is not None and title.group(1).lower() in TITLES

    @staticmethod
    def _street(text: str, start: int, end: int, words: DocWords) -> tuple[int, str] | None:
        """`(end, why)` when the PERSON `text[start:end]`, with the street type right after it
        if one follows ("Victoria" in "near Victoria Road": names drop "Road"), is a street.
        Never after a title: "Mrs Amber Row" is a person whatever the addresses say."""
        if PiiResolver._after_title(text, start):
            return None
        after = NEXT_WORD.match(text, end)
        if after is not None and after.group(1) in STREET_TYPES:
            why = street_reason(text[start : after.end()], words)
            if why is not None:
                return after.end(), why
        why = street_reason(text[start:end], words)
        return None if why is None else (end, why)

    def _unless_street(self, text: str, c: Candidate, words: DocWords) -> Candidate:
        """A rule's PERSON from a given name alone may be a street ("Victoria Road") or a
        station ("Victoria Station"): LOCATION."""
        if c.label != "PERSON" or "title" in c.reason or "field" in c.reason:
            return c
        street = self._street(text, c.start, c.end, words)
        if street is not None:
            end, why = street
            return Candidate(c.start, end, "LOCATION", 0.6, f"{c.reason}; {why}, not a person")
        if " " in text[c.start : c.end] or self._after_title(text, c.start):
            return c
        station = custody_place(text, c.start, c.end)
        if station is None:
            return c
        end, label, why = station
        return Candidate(c.start, end, label, 0.6, f"{c.reason}; {why}, not a person")

    @staticmethod
    def _after_body_acronym(text: str, c: Candidate, words: DocWords) -> Candidate:
        """A "SURNAME, Forename" match whose capitals are a body's acronym and whose forenames
        hold a known given name is that name after its department: "Minister of State, DBT,
        Kevin Hollinrake" is "Kevin Hollinrake" ("HARTIGAN, Paul" stays whole)."""
        if c.label != "PERSON" or "surname_first" not in c.reason:
            return c
        span = text[c.start : c.end]
        capitals, comma, forenames = span.partition(",")
        if not comma or not (words.is_acronym(capitals) or known_body_or_nation(capitals)):
            return c
        if not any(words.is_given(w) for w in forenames.split()):
            return c
        start = c.start + len(capitals) + 1
        start += len(forenames) - len(forenames.lstrip())
        reason = c.reason + "; a body's acronym before the comma left out"
        return Candidate(start, c.end, c.label, c.score, reason)

    @staticmethod
    def _plausible(text: str, c: Candidate, words: DocWords) -> bool:
        if c.label != "PERSON":
            return True
        span = text[c.start : c.end]
        if "surname_first" in c.reason and "," in span:
            # "FAIRBROTHER, Leeds District" is a name then a place, not SURNAME, Forenames.
            capitals, forenames = span.split(",", 1)
            if person_verdict(forenames, words, evidence=False) is not None:
                return False
            if SURNAME_BEFORE.search(text, max(0, c.start - 30), c.start):
                return False  # "Shults RA, Elder RW": an author's initials, then the next
            if words.is_acronym(capitals) and not any(words.is_given(w) for w in forenames.split()):
                return False  # "EE, Vodafone", "ITV, British Screen": a list of bodies
        if "appositive" in c.reason and any(
            w.lower().strip(".,") in ORG_HEADS or w.lower().strip(".,") in not_names()
            for w in span.split()
        ):
            return False  # "Financial Conduct Authority, the Chief Executive": a body
        strong = any(
            k in c.reason for k in ("title", "field", "post_nominal", "anonymised", "appositive")
        )
        if not strong and after_determiner(text, c.start):
            return False  # "the Bill Table": a common noun after a determiner
        if "first_name" in c.reason and (
            any(w.lower() in ORG_HEADS or w.lower() in not_names() for w in span.split()[1:])
            or institution_name(text, c.start, c.end)
        ):
            return False  # "Public Bill Committee", "Albert Museum": a body's name
        if "title" in c.reason and title_misread(text, c.start, c.end, words, rule_titles()):
            return False  # "DC Counterfactual", "Master Trust Authorisation"
        if "title" not in c.reason and POST_OF_BEFORE.search(text, max(0, c.start - 40), c.start):
            return False  # "Director of Public Health": the post's field, not its holder
        evidence = strong or (
            "first_name" in c.reason and words.is_given(re.split(r"[\s.]+", span, maxsplit=1)[0])
        )
        return person_verdict(span, words, evidence=evidence) is None

    def match(self, doc: Doc) -> list[Candidate]:
        text = doc_text(doc)
        blocked = blocked_ranges(text)
        # `doc.ents` walks every token on each access: read it once.
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        rules: list[Candidate] = list(getattr(doc._, CANDIDATES_ATTR) or [])
        words = self._doc_words(text, ents, rules)
        rules = [
            self._unless_street(text, self._after_body_acronym(text, c, words), words)
            for c in rules
            if not (c.label == "PERSON" and any(s < c.end and c.start < e for s, e, _w in blocked))
            and self._plausible(text, c, words)
        ]
        cands = self._from_ner(text, ents, blocked, words) + rules + named_bodies(text, blocked)
        cands = [self._date_of_birth(text, c) for c in cands]
        cands = [join_broken(text, c) if c.label == "PERSON" else c for c in cands]
        cands += self._wrapped(text, cands, words, blocked)
        cands = as_firms(text, cands, blocked)
        kept = self._resolve([c for c in cands if c.score >= self.min_score])
        repeats = self._repeats(text, kept, words, blocked)
        kept = [k for k in kept if not any(_overlaps(k, r) for r in repeats)] + repeats
        kept = [untied_special(text, c, kept) if c.label == "SPECIAL_CATEGORY" else c for c in kept]
        return sorted(kept, key=lambda c: (c.start, -c.end))

    def _wrapped(
        self,
        text: str,
        cands: list[Candidate],
        words: DocWords,
        blocked: list[tuple[int, int, str]],
    ) -> list[Candidate]:
        """Names wrapped across one line break ("Jonathan\\nPemberton-Whitley"): one span each,
        judged as the same name on one line would be."""
        if "\n" not in text:
            return []
        ends: dict[int, int] = {}
        for c in cands:
            if c.label == "PERSON":
                ends[c.end] = min(ends.get(c.end, c.start), c.start)

        def earlier(start: int, end: int) -> int:
            return min(start, ends.get(end, start))

        found = wrapped_names(text, words, rule_titles(), person_scores(), earlier)
        return [
            c
            for c in found
            if not any(s < c.end and c.start < e for s, e, _w in blocked)
            and self._plausible(text, c, words)
        ]

    @staticmethod
    def _date_of_birth(text: str, c: Candidate) -> Candidate:
        if c.label != "DATE":
            return c
        before = text[max(0, c.start - 48) : c.start]
        if DOB_RE.search(before):
            return Candidate(
                c.start,
                c.end,
                "DATE_OF_BIRTH",
                max(c.score, 0.92),
                c.reason + "; context 'date of birth'",
            )
        return c

    @staticmethod
    def _resolve(cands: list[Candidate]) -> list[Candidate]:
        # Same label overlapping: keep the longest, with the best score.
        ordered = sorted(cands, key=lambda c: (-(c.end - c.start), -c.score))
        merged: list[Candidate] = []
        for c in ordered:
            twin = next((k for k in merged if k.label == c.label and _overlaps(k, c)), None)
            if twin is None:
                merged.append(c)
            elif c.score > twin.score:
                merged[merged.index(twin)] = Candidate(
                    twin.start, twin.end, twin.label, c.score, f"{c.reason}; {twin.reason}"
                )
        special = [c for c in merged if c.label == "SPECIAL_CATEGORY"]
        kept: list[Candidate] = []
        for c in sorted(
            (c for c in merged if c.label != "SPECIAL_CATEGORY"),
            key=lambda c: (-c.score, -(c.end - c.start)),
        ):
            clash = [k for k in kept if _overlaps(k, c)]
            if all((k.label, c.label) in NESTABLE or (c.label, k.label) in NESTABLE for k in clash):
                kept.append(c)
        idents = [k for k in kept if k.label not in ("PERSON", "ORG", "LOCATION", "DATE")]
        kept += [s for s in special if not any(_overlaps(s, k) for k in idents)]
        return kept

    @staticmethod
    def _repeats(
        text: str, kept: list[Candidate], words: DocWords, blocked: list[tuple[int, int, str]]
    ) -> list[Candidate]:
        """Later mentions of a found person's full name, surname or given name; never inside
        a statute, court, citation or firm ("Wireless Telegraphy" of "the ... Act 2006")."""
        forms: set[str] = set()

        def ordinary(w: str, *, here: bool = True) -> bool:
            """A word that, alone, is no name to look for again ("Counterfactual", "Bill"):
            with `here`, also a word this text writes in lower case anywhere (even inside an
            e-mail address, so a lone surname seed is judged on the shipped list only)."""
            return (
                not w[:1].isupper()
                or w.lower() in not_names()
                or w.lower() in words.det_nouns
                or words.is_acronym(w)
                or (words.is_common(w) if here else w.lower() in common_words())
                or words.is_place(w)
            )

        for c in kept:
            if c.label != "PERSON" or c.score < FLAGGED:
                continue  # a "possible" name's other mentions are no more certain
            name = re.sub(r"\s+", " ", BROKEN_RE.sub("", text[c.start : c.end]))
            if not re.search(r"\s", name):
                if c.reason.startswith("spaCy NER") and "title" not in c.reason:
                    continue  # one word only the model read as a name: no evidence to spread
                if "anonymised" not in c.reason and ordinary(name.strip("."), here=False):
                    continue  # a lone ordinary word: its other uses are that word
            forms.add(name)
            for word in re.split(r"[\s,]+", name):
                w = word.strip(".")
                if len(w) >= 3 and not ordinary(w):
                    forms.add(w)
                    if w.isupper() or w.lower() in first_names():
                        forms.add(w.capitalize())
        if not forms:
            return []
        alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        found: list[Candidate] = []
        taken = sorted(
            (k.start, k.end)
            for k in kept
            # a "possible" ORG or place ("NJ" read as an acronym) gives way to a found name
            if k.label != "SPECIAL_CATEGORY"
            and not (k.label in ("ORG", "LOCATION", "PERSON") and k.score < FLAGGED)
        )
        taken += [(s, e) for s, e, _w in blocked]
        for m in re.finditer(
            rf"(?<![\w])(?:{alternation})(?![\w-]|['\u2019](?:[a-rt-z]|s\w))", text
        ):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if len(m.group(0)) <= 3 and LABEL_NOUN_BEFORE.search(
                text, max(0, m.start() - 12), m.start()
            ):
                continue  # "Annex B", "Option B": not the anonymised "B"
            found.append(
                Candidate(m.start(), m.end(), "PERSON", 0.7, "repeat of a name found in this text")
            )
            taken.append((m.start(), m.end()))
        return found

    def set_annotations(self, doc: Doc, found: list[Candidate]) -> None:
        doc._.pii = found
        spans = []
        for c in found:
            span = doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["pii"] = spans


@Language.factory("pii_resolver", default_config={"min_score": 0.3, "ner_score": 0.75})
def make_resolver(nlp: Language, name: str, min_score: float, ner_score: float) -> PiiResolver:
    return PiiResolver(nlp, name, min_score=min_score, ner_score=ner_score)
