"""False-positive guards: text that looks like a name or place to NER but is not personal data."""

from __future__ import annotations

import re

from reviewer.detect.names import not_names

# "s.18 Offences Against the Person Act 1861", "section 4A of the Public Order Act 1986".
STATUTE_RE = re.compile(
    r"(?:(?:\bs(?:ection)?s?\.?[ ]?\d+[A-Z]?(?:\(\w+\))*(?:[ ]?(?:and|&|,)[ ]?\d+[A-Z]?)*[ ]+"
    r"(?:of[ ]+)?(?:the[ ]+)?)?"
    r"(?:[A-Z][A-Za-z'\u2019()-]*[ ]+(?:(?:of|the|and|for|to|in|on|against|with)[ ]+)*){1,8}"
    r"(?:\([A-Z][A-Za-z ]*\)[ ]+)?"
    r"(?:Act|Order|Regulations|Rules|Code|Directive|Bill)(?:[ ]+(?:\d{4}|of[ ]+\d{4}))?)"
)
COURT_RE = re.compile(
    r"(?:[A-Z][A-Za-z'\u2019-]+[ ]+){0,3}"
    r"(?:Crown|Magistrates['\u2019]?|County|Youth|Family|Coroner['\u2019]?s|"
    r"Supreme|High|Appeal|Employment|Combined)[ ]+Courts?(?:[ ]+of[ ]+[A-Z][a-z]+)?"
    r"|Court[ ]+of[ ]+Appeal|Old[ ]+Bailey|Royal[ ]+Courts[ ]+of[ ]+Justice"
)
# Literal words every STATUTE_RE / COURT_RE match contains (case-sensitive, like the patterns).
STATUTE_WORDS = ("Act", "Order", "Regulations", "Rules", "Code", "Directive", "Bill")
COURT_WORDS = ("Court", "Bailey")
# Case, custody and exhibit references: "43XY1234519", "T20197123", "URN 13AB4567890", "JS/1".
REFERENCE_RE = re.compile(
    r"(?<![\w])(?:\d{2}[A-Z]{2}\d{5,9}|[A-Z]{1,3}\d{6,}|[A-Z]{1,4}/\d{1,4}|\d{2}/\d{4,6}/\d{2})(?![\w])"
)
# Citations of authorities: neutral citations "[2004] EWCA Civ 123", "[2022] EWHC 941 (IPEC)",
# law reports "[1990] 1 WLR 1234", "(1988) 87 Cr App R 1"; and the case name cited before one
# ("Lyfar v. Brighton and Sussex University Hospitals Trust [2006] EWCA Civ 1548").
_CITATION = (
    r"[\[(](?:19|20)\d{2}[\])][ ]+(?:\d{1,3}[ ]+)?"
    r"(?:UKSC|UKHL|UKPC|EWCA[ ]+(?:Civ|Crim)|EWHC|EWCOP|EWFC|UKUT|UKFTT|UKEAT|UKAIT|CSIH|CSOH|"
    r"NICA|NIQB|EWCST|[A-Z][A-Za-z]*\.?(?:[ ][A-Z][A-Za-z]*\.?){0,3})[ ]+\d+(?:[ ]+\([A-Za-z ]+\))?"
)
_WORD = r"(?:[A-Z][\w'\u2019.&-]*|\([^()]{1,60}\))"
_PARTY = rf"{_WORD}(?:[ ,]+(?:{_WORD}|of|and|for|the|&|on|in))*"
CITATION_RE = re.compile(rf"(?:{_PARTY}[ ]+v\.?[ ]+{_PARTY},?[ ]+)?{_CITATION}")
# "(instructed by Leigh Day)", "(instructed by Messrs Capsticks) for the Respondent": a law firm.
FIRM_RE = re.compile(r"\((?:instructed[ ]+by|of)[ ]+(?:Messrs\.?[ ]+)?([A-Z][^()\n]{1,80}?)\)")
# A police officer's collar (shoulder) number beside a rank: "PC 1234", "DC 4567 SMITH".
COLLAR_RE = re.compile(r"(?<![\w])(?:PC|DC|PS|DS|WPC|Sgt|Insp)[ ]?\d{2,6}(?![\w])")
HARD_NOT_PERSON = frozenset(
    [
        "act",
        "court",
        "tribunal",
        "section",
        "regulations",
        "police",
        "constabulary",
        "council",
        "hospital",
        "service",
        "ltd",
        "limited",
        "plc",
        "university",
        "ministry",
        "department",
        "street",
        "road",
        "avenue",
        "lane",
        "crown",
        "magistrates",
        "offences",
        "offence",
        "order",
        "code",
        "bank",
        "trust",
        "agency",
        "exhibit",
    ]
)


def blocked_ranges(text: str) -> list[tuple[int, int, str]]:
    """Character ranges of statutes, courts, references, collar numbers, citations of
    authorities and law firms, with what each is."""
    out: list[tuple[int, int, str]] = []
    for regex, what, needles in (
        (STATUTE_RE, "statute", STATUTE_WORDS),
        (COURT_RE, "court", COURT_WORDS),
        (REFERENCE_RE, "reference", ()),
        (COLLAR_RE, "collar number", ()),
    ):
        # Every statute or court match contains one of its words: without one, skip the scan.
        if needles and not any(n in text for n in needles):
            continue
        out.extend((m.start(), m.end(), what) for m in regex.finditer(text))
    if "[" in text or "(" in text:
        out.extend((m.start(), m.end(), "citation") for m in CITATION_RE.finditer(text))
    if "instructed" in text or "(of " in text:
        out.extend((m.start(1), m.end(1), "firm") for m in FIRM_RE.finditer(text))
    return out


def not_a_person(name: str) -> str | None:
    """Why `name` cannot be a person's name, or None if it may be."""
    if any(c.isdigit() for c in name):
        return "contains digits"
    words = [w.lower().strip(".,'\u2019()") for w in name.split()]
    if any(w in HARD_NOT_PERSON for w in words):
        return "organisation or statute word"
    if all(w in not_names() for w in words):
        return "not a name"
    if len(words) == 1 and name.isupper() and len(name) <= 4:
        return "acronym"
    return None
