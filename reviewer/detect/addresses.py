"""`pii_addresses`: UK street addresses as one span (premises, street, locality, town, postcode)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from reviewer.detect.identifiers import add_candidates, doc_text, ensure_extensions
from reviewer.detect.names import form_labels
from reviewer.detect.span import Candidate

STREET_TYPES = [
    "Road",
    "Rd",
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Lane",
    "Ln",
    "Close",
    "Cl",
    "Drive",
    "Dr",
    "Way",
    "Crescent",
    "Cres",
    "Place",
    "Pl",
    "Gardens",
    "Gdns",
    "Terrace",
    "Terr",
    "Grove",
    "Gr",
    "Hill",
    "Walk",
    "Square",
    "Sq",
    "Row",
    "Mews",
    "Park",
    "Green",
    "Parade",
    "Rise",
    "View",
    "Court",
    "Ct",
    "Gate",
    "Vale",
    "Boulevard",
    "Chase",
    "Croft",
    "Fold",
    "Wynd",
    "Approach",
    "Brow",
    "Meadow",
    "Meadows",
    "End",
    "Side",
    "Bank",
    "Yard",
    "Wharf",
    "Quay",
    "Broadway",
    "Causeway",
    "Embankment",
    "Hollow",
    "Circus",
    "Grange",
    "Heights",
    "Way",
    "Path",
    "Mount",
    "Orchard",
    "Fields",
    "Willows",
    "Glade",
    "Dene",
    "Lea",
    "Leys",
    "Villas",
    "Cottages",
    "Buildings",
    "Estate",
]
# Street types that are also surnames ("John Hill", "Penny Lane", "Sarah Street"): a name ending
# in one is taken for a street only where an address in the same text names that street.
SURNAME_STREET_TYPES = frozenset(
    """street st lane ln close cl way place pl grove gr hill park green court ct gate vale chase
    croft end side bank yard mount fields lea leys meadow meadows orchard hollow glade willows
    dene grange path""".split()  # noqa: SIM905
)
BUILDING_TYPES = "House Court Lodge Cottage Farm Mansions Hall Barn Tower Point Villa Flats Block"

_WORD = r"[A-Z][A-Za-z'\u2019]*(?:-[A-Za-z][A-Za-z'\u2019]*)*(?![A-Za-z\d'\u2019])"
_STREET = "|".join(sorted(set(STREET_TYPES), key=len, reverse=True))
_BUILDING = "|".join(BUILDING_TYPES.split())
_POSTCODE = r"[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?[ ]?\d[ABD-HJLNP-UW-Z]{2}"
_JOIN = r"(?:upon|on|under|in|le|by|the|de|en|cum|next|sub|super|-)"
_TOWN = rf"{_WORD}(?:[ ](?:{_JOIN}[ ])?{_WORD}){{0,3}}"
_SEP = r"(?:,[ \t]*\n?[ \t]*|[ \t]*\n[ \t]*)"

ADDRESS_RE = re.compile(
    rf"""
    (?<![\w])
    (?P<premises>(?:(?:Flat|Apartment|Apt|Unit|Room|Suite)\.?[ ]\d+[A-Za-z]?,?[ ]+)?
       (?:{_WORD}(?:[ ]{_WORD}){{0,2}}[ ](?:{_BUILDING}),?[ ]+)?)
    (?P<number>\d{{1,4}}[A-Za-z]?(?:[-\u2013]\d{{1,4}}[A-Za-z]?)?,?[ ]+)?
    (?P<street>(?:{_WORD}[ ]){{1,3}}(?:{_STREET})\b\.?)
    (?P<rest>(?:{_SEP}(?!{_POSTCODE}(?![\w]))(?:{_TOWN})){{0,3}})
    (?P<postcode>(?:{_SEP}|[ ]+)(?:{_TOWN}(?:{_SEP}|[ ]+))?{_POSTCODE}(?![\w]))?
    """,
    re.VERBOSE,
)
_PART_RE = re.compile(rf"{_SEP}(?P<town>{_TOWN})")
# Words that start a sentence or clause rather than name a town after an address.
_NOT_TOWN = re.compile(
    r"^(?:The|He|She|They|It|I|We|On|At|In|When|Then|After|Before|This|That|His|Her|Their|"
    r"Police|Officers?|Mr|Mrs|Ms|Miss|Dr|DC|PC|And|But|Where|Which|Who)\b"
)


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern[str]:
    """A form label (`names.form_labels()`: "Postcode", "Home telephone", "Date of birth") at
    the start of a line's text. A one-word label before a street type is a street's name
    ("Station Road"), not a label."""
    words = [r"[ \t]+".join(map(re.escape, label.split())) for label in form_labels()]
    return re.compile(rf"(?i:{'|'.join(words)})(?![\w'\u2019-])(?![ ]+(?:{_STREET})(?![\w]))")


def _is_label(text: str, pos: int) -> bool:
    """The town part at `pos` is a form's next label, not a place."""
    return _label_re().match(text, pos) is not None


def _trim_rest(text: str, start: int, end: int) -> int:
    """Where the town parts in `text[start:end]` stop: before the first that reads like the
    start of a sentence or is a form's label (an address never runs into the next field,
    "Leeds\nPostcode: LS6 4QR")."""
    kept = start
    for m in _PART_RE.finditer(text, start, end):
        if (
            m.start() != kept
            or _NOT_TOWN.match(m.group("town"))
            or _is_label(text, m.start("town"))
        ):
            break
        kept = m.end()
    return kept


def _postcode_after_label(text: str, start: int, end: int) -> bool:
    """The postcode part (`text[start:end]`) starts with a form label ("\nPostcode LS12 3AB")."""
    lead = len(text[start:end]) - len(text[start:end].lstrip(" \t\n,"))
    return _is_label(text, start + lead)


def street_names(text: str, starts: Iterable[int]) -> set[str]:
    """The street parts ("calder row") of the addresses found at `starts`, lower-cased, one
    space between words: the same street named later on its own is a place, not a person."""
    out: set[str] = set()
    for start in starts:
        m = ADDRESS_RE.match(text, start)
        if m is not None:
            out.add(" ".join(m.group("street").rstrip(".").split()).lower())
    return out


class AddressRuler:
    """Whole addresses: a street with a house number or premises, or ending in a postcode."""

    def __init__(self, nlp: Language, name: str = "pii_addresses", *, score: float) -> None:
        ensure_extensions()
        self.name = name
        self.score = score

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Candidate]:
        text = doc_text(doc)
        found: list[Candidate] = []
        for m in ADDRESS_RE.finditer(text):
            premises, number, postcode = m.group("premises"), m.group("number"), m.group("postcode")
            if not (premises or number or postcode):
                continue
            start = m.start()
            end = _trim_rest(text, m.start("rest"), m.end("rest"))
            if (
                postcode
                and end == m.end("rest")
                and not _postcode_after_label(text, m.start("postcode"), m.end("postcode"))
            ):
                end = m.end("postcode")
            elif text[end - 1] == "." and not (end < len(text) and text[end] in ",\n"):
                end -= 1  # a sentence's full stop, not an abbreviation inside the address
            evidence = "number" if number else "premises" if premises else "postcode"
            score = self.score + (0.1 if postcode else 0.0)
            found.append(
                Candidate(start, end, "ADDRESS", min(score, 0.97), f"address: street + {evidence}")
            )
        return found

    def set_annotations(self, doc: Doc, found: list[Candidate]) -> None:
        add_candidates(doc, found)


@Language.factory("pii_addresses", default_config={"score": 0.85})
def make_address_ruler(nlp: Language, name: str, score: float) -> AddressRuler:
    return AddressRuler(nlp, name, score=score)
