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
    r"(?:[A-Z][a-z]*(?:-[ \t]*\n[ \t]*[a-z]+)?(?:['\u2019][A-Z][a-z]+)?(?:-[A-Z][a-z]+)?"
    r"|[A-Z]{2,}(?:['\u2019-][A-Z]+)?|(?:Mc|Mac)[A-Z][a-z]+)(?![\w'\u2019-])"
)
INITIALS = r"(?:[A-Z]\.?[ ](?=[A-Z]))*"
NAME = rf"{INITIALS}{NAME_WORD}(?:[ ]{NAME_WORD}){{0,2}}"
# Honorifics also written in capitals ("MR CLARKE:", "LORD JUSTICE DYSON").
CAPITAL_TITLES = ("MR", "MRS", "MS", "MISS", "DR", "SIR", "DAME", "LORD", "LADY", "PROFESSOR")
# Peers named with their place: "Baroness Vere of Norbiton", "Lord Younger of Leckie".
PEER = re.compile(
    rf"(?<![\w])(?:Lord|Lady|Baroness|Baron|Viscount|Viscountess|Earl|Countess)[ ]+"
    rf"({NAME_WORD}[ ]of[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)(?![\w])"
)
# Judges and office-holders before their post-nominals: "Sachs J", "Rix LJ", "Cozens-Hardy
# M.R.", "Nicholas Caddick Q.C.", "Alan Duncan MP"; plural "Rix and Phillips LJJ".
_POST = (
    r"(?:LJJ|LJ|JJ|J|MR|M\.R\.|CJ|LCJ|VC|V\.C\.|V-C|QC|KC|Q\.C\.|K\.C\.|MP|MSP|MEP|"
    r"OBE|CBE|MBE|KBE|DBE)"
)
POST_NOMINAL = re.compile(
    rf"(?<![\w'\u2019.-])({NAME_WORD}(?:[ ]{NAME_WORD})?)(?:,)?[ ]+{_POST}(?![\w-]|\.\w)"
)
POST_PLURAL = re.compile(
    rf"(?<![\w'\u2019.-])((?:{NAME_WORD},[ ])*{NAME_WORD})[ ]+and[ ]+{NAME_WORD}[ ]+(?:LJJ|JJ)"
    rf"(?![\w])"
)
# Anonymised parties: "the appellant, NJ", "R (B) v", "ON THE APPLICATION OF “B”", and a
# lone capital letter as the subject of a verb ("B has been a patient", "B's case").
_INITIALS = r"(?:[A-Z]{1,3}|(?:[A-Z]\.){1,3})"
_ROLE = (
    r"(?:appellant|respondent|claimant|defendant|applicant|complainant|victim|witness|child|"
    r"mother|father|patient|deceased|accused|offender|suspect|petitioner|intervener|"
    r"protected[ ]party|interested[ ]party)"
)
ANONYMISED = (
    re.compile(
        rf"(?i:(?<![\w]){_ROLE}s?),?[ ]+"
        rf"[(\u201c\"']?({_INITIALS})[)\u201d\"']?(?![\w\u2019'&-])"
        # set off as a name, not a word of a term ("applicant ADR entity")
        r"(?=\s*[,.;:)\n]|\s+(?:and|who|was|is|had|has|said|says|did|does|v\.?|agreed|gave|"
        r"told|were|would|could|appeals|applies)(?![\w]))"
    ),
    re.compile(rf"(?<![\w])R[ ]?\(({_INITIALS})\)[ ]+v\.?[ ]"),
    re.compile(
        rf"(?i:on[ ]+the[ ]+application[ ]+of)[ ]+[\u201c\"']?({_INITIALS})[\u201d\"']?(?![\w])"
    ),
    re.compile(
        r"(?<![\w'\u2019.()&/-])([B-HJ-Z])(?:['\u2019]s)?[ ]+(?:has|had|is|was|were|did|does|"
        r"says|said|told|gave|accepts|accepted|contends|contended|submits|submitted|argues|"
        r"argued|claims|claimed|appealed|applied|became|remains|remained|lives|lived|went|"
        r"would|will|could|should|also|then|now|suffers|suffered)(?![\w])"
    ),
)
# A name set beside its post or its office, as contact lines and signatures write it:
# "Duncan Gilchrist, Deputy Director for Child Maintenance", "Alexis Petrou at the Northern
# Ireland Office", "Jo Warner, Deputy Directors for BBC Policy". Two or three name words.
_POST_WORD = (
    r"(?:Director|Directors|Minister|Secretary|Head|Chair|Chairman|Chairwoman|Chief|Manager|"
    r"Officer|Adviser|Advisor|Commissioner|Registrar|Clerk|Lead|Counsel|Solicitor|Inspector|"
    r"Governor|Economist|Analyst|Statistician|Lawyer|Leader)"
)
APPOSITIVE = (
    re.compile(
        rf"(?<![\w'\u2019.-])({NAME_WORD}(?:[ ]{NAME_WORD}){{1,2}}),[ ]+(?:the[ ]+)?"
        rf"(?:(?:Deputy|Assistant|Parliamentary|Under|Permanent|Principal|Senior|Chief|Acting|"
        rf"Interim|Executive|Policy|Team|Programme|Project|Lead)[ ]+)*{_POST_WORD}(?![\w])"
    ),
    re.compile(
        rf"(?m:^|(?<=[:\t]))[ \t]*({NAME_WORD}(?:[ ]{NAME_WORD}){{1,2}})[ ]+at[ ]+(?:the[ ]+)?"
        rf"(?:[A-Z][\w'\u2019&-]*[ ,]+(?:(?:of|for|and|the|&)[ ]+)*){{0,6}}"
        rf"(?:Department|Office|Ministry|Agency|Treasury|Authority|Commission|Executive|Service)"
        rf"(?![\w])"
    ),
    # Counsel on a judgment's cover: "TIM AUSTEN (instructed by Browne Jacobson LLP) for ..."
    re.compile(
        rf"(?m:^|(?<=[ ]and[ ]))[ \t]*({NAME_WORD}(?:[ ]{NAME_WORD}){{1,3}})"
        rf"(?:[ ]+(?:QC|KC|Q\.C\.|K\.C\.))?[ ]+\((?:instructed[ ]+by|of)[ ]"
    ),
)
# A person spoken of: "B has been a patient ... He is 47" (not "he or she", anyone at all).
# Not in capitals: "HE providers" is higher education.
PRONOUN_AFTER = re.compile(
    r"(?<![\w])(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)(?![\w])(?![ ]*(?i:or|/)[ ]*\w)"
)
# Document furniture before a letter or number: "Annex B", "Option B has", "Table 3".
LABEL_NOUN_BEFORE = re.compile(
    r"(?i:(?<![\w])(?:annex|appendix|schedule|part|table|figure|option|company|plan|"
    r"scenario|section|category|class|type|group|model|article|box|phase|list|grade|form|"
    r"column|row|exhibit|chapter|paragraph|step|stage|tier|level|site|area|zone|unit|block|"
    r"vitamin|hepatitis|key|item|note|case|firm|country|region|sample|version|test)[ ]+)\Z"
)


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


# Rare rules run only near the words they need (a post-nominal, a post, "at", "instructed"):
# their patterns begin with a name word, which `re` would otherwise try at every capital.
GATES: dict[int, tuple[re.Pattern[str], int, int]] = {}


def _gate(rx: re.Pattern[str], gate: str, before: int, after: int) -> None:
    GATES[id(rx)] = (re.compile(gate), before, after)


def _matches(regex: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """`regex.finditer(text)`, or only within windows around its gate's hits."""
    gate = GATES.get(id(regex))
    if gate is None:
        return list(regex.finditer(text))
    pattern, before, after = gate
    windows: list[list[int]] = []
    for g in pattern.finditer(text):
        lo, hi = max(0, g.start() - before), min(len(text), g.end() + after)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    found: dict[tuple[int, int], re.Match[str]] = {}
    for lo, hi in windows:
        for m in regex.finditer(text, lo, hi):
            found.setdefault(m.span(), m)
    return list(found.values())


_gate(POST_NOMINAL, rf"[ ,]{_POST}(?![\w-]|\.\w)", 80, 12)
_gate(POST_PLURAL, r"[ ](?:LJJ|JJ)(?![\w])", 160, 6)
_gate(APPOSITIVE[0], r",[ ]+(?:the[ ]+)?[A-Z][a-z]+", 80, 120)
_gate(APPOSITIVE[1], r"[ ]at[ ]+(?:the[ ]+)?[A-Z]", 80, 220)
_gate(APPOSITIVE[2], r"\((?:instructed[ ]+by|of)[ ]", 120, 4)


def _judge_like(name: str) -> bool:
    """A name before a post-nominal: not document furniture ("Annex J", "Part J")."""
    first = name.split()[0].lower().rstrip(".,")
    return first not in not_names() and LABEL_NOUN_BEFORE.search(first + " ") is None


class PersonRuler:
    """Rule-based PERSON candidates; scores from `person_patterns.jsonl`."""

    def __init__(self, nlp: Language, name: str = "pii_names") -> None:
        ensure_extensions()
        self.name = name
        rows = {r["kind"]: r for r in read_jsonl("person_patterns.jsonl")}
        self.scores = {k: float(r["score"]) for k, r in rows.items()}
        titles = list(rows.get("title", {}).get("titles", []))
        self.titles = frozenset(t.lower() for t in titles)
        titles += [t for t in CAPITAL_TITLES if t.lower() in self.titles or t == "PROFESSOR"]
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
                        rf"(?<![\w'\u2019-])(?P<given>[A-Z][a-z]+|[A-Z]{{2,}})"
                        rf"(?=(?P<rest>(?:[ ][A-Z]\.?)?"
                        rf"[ ]{NAME_WORD}(?:-{NAME_WORD})?))"
                    ),
                )
            )
        self.regexes.append(("title", PEER))
        self.regexes.append(("post_nominal", POST_NOMINAL))
        self.regexes.append(("post_nominal", POST_PLURAL))
        self.regexes.extend(("anonymised", rx) for rx in ANONYMISED)
        self.regexes.extend(("appositive", rx) for rx in APPOSITIVE)
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
            for m in _matches(regex, text):
                if kind == "first_name":
                    if m.group("given").lower() not in self.given:
                        continue
                    start, end = m.start("given"), m.end("rest")
                else:
                    start, end = m.start(1), m.end(1)
                if kind == "anonymised":
                    if LABEL_NOUN_BEFORE.search(text, max(0, start - 12), start):
                        continue
                    if regex is ANONYMISED[-1] and not PRONOUN_AFTER.search(text, end, end + 240):
                        continue  # "B is the retail prices index": a variable, not a person
                    reason = "name rule: anonymised initials"
                    found.append(Candidate(start, end, "PERSON", self.scores["title"], reason))
                    continue
                cleaned = clean_name(text, start, end, self.titles)
                if cleaned is None:
                    continue
                s, e = cleaned
                if (
                    kind == "surname_first"
                    and (
                        text[start:end].split(",")[0].split()[0].lower() in not_names()
                        or " " not in text[s:e]
                        # "SMITH John" needs a known given name; "RPC Opinion" is no person
                        or ("," not in text[s:e] and text[s:e].split()[1].lower() not in self.given)
                    )
                ):
                    continue
                if kind == "post_nominal" and not _judge_like(text[s:e]):
                    continue
                score = self.scores.get(kind, self.scores.get("title", 0.85))
                found.append(Candidate(s, e, "PERSON", score, f"name rule: {kind}"))
        return found

    def set_annotations(self, doc: Doc, found: list[Candidate]) -> None:
        add_candidates(doc, found)


@Language.factory("pii_names")
def make_person_ruler(nlp: Language, name: str) -> PersonRuler:
    return PersonRuler(nlp, name)
