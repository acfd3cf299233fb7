"""How believable a PERSON, ORG or LOCATION span is: the resolver's guards against common words.

The small statistical model tags headings ("AREA MANAGEMENT BOARD"), protective markings
("RESTRICTED"), sentence-initial words ("The", "Chair") and towns ("Leeds") as names. A real name
is rarely made only of common lower-case words, never starts with a determiner, and a town is a
place: these checks use word lists (`common_words.txt`, `places.txt`), spaCy's stop words and the
words the document itself uses in lower case.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.detect.names import first_names, not_names
from reviewer.detect.resources import read_lines

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019.&-]*")
LOWER_WORD_RE = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]+(?![\w])")
# Government protective markings and classification words: never a name, never an organisation.
MARKINGS = frozenset(
    """official official-sensitive sensitive restricted confidential secret top protect
    unclassified classified draft fictional sample copy""".split()  # noqa: SIM905
)
# Words that make a run of common words an organisation's name ("Criminal Justice Board").
ORG_HEADS = frozenset(
    """police constabulary council court courts service services trust board unit department
    ministry agency office commission authority committee ltd limited plc llp university
    college school hospital bank society association foundation institute partnership
    group team prosecution prison prisons tribunal inspectorate executive government
    parliament assembly directorate bureau centre center church union federation treasury
    division branch secretariat borough""".split()  # noqa: SIM905
)
# Words that may sit inside a place name without making it a person ("Leeds District").
PLACE_WORDS = frozenset(
    """north south east west northern southern eastern western central greater upper lower
    new old district area city county borough region metropolitan st saint""".split()  # noqa: SIM905
)
DETERMINERS = frozenset("the a an this that these those his her their our its my your".split())  # noqa: SIM905
# "the Bill", "this Order", "the Ministers": a capitalised word after a determiner is a common
# noun in that document, not a name (people are rarely "the Sarah").
DET_NOUN_RE = re.compile(
    r"(?<![\w])(?i:the|a|an|this|these|those)[ ]+([A-Z][a-z]+)(?![\w'\u2019-])"
)
DET_BEFORE_RE = re.compile(r"(?<![\w])(?i:the|a|an|this|these|those|its|their|our|any|each)[ ]+\Z")
# Endings of abstract nouns, never of a name of eight letters or more ("Selflessness",
# "Authorisation", "Carer's Allowance"); given names ("Lawrence", "Constance") are checked first.
ABSTRACT_RE = re.compile(r"(?:ness|tion|sion|ment|ance|ence|ity|ism|ology|ship)s?$")
# Acronyms and codes: "SEN", "LIBOR", "CfD", "DfE", "GnRH", "MMFs", "EuVECA".
CODE_WORD_RE = re.compile(r"[A-Z]{2,}s?|[A-Z][a-z]*[A-Z][A-Za-z]*")
# Capitals a surname may carry inside it: "McDonald", "MacLeod", "O'Brien", "DeVito", "LeBlanc".
NAME_CAPS_RE = re.compile(
    r"(?:Mc|Mac|O['\u2019]|D['\u2019]|De|Di|Da|Du|La|Le|Van|Von|Fitz)[A-Z][a-z]+"
)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case common words (shipped list plus spaCy's stop words), given names excluded."""
    words = {w.lower() for w in read_lines("common_words.txt")} | stop_words()
    return frozenset(words - first_names())


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Lower-cased place names from `places.txt`."""
    return frozenset(re.sub(r"\s+", " ", p).lower() for p in read_lines("places.txt"))


class DocWords:
    """What one document tells us: the words it uses in lower case, the places NER found in it."""

    def __init__(
        self, text: str, ner_places: set[str] | None = None, streets: set[str] | None = None
    ) -> None:
        self.lower = frozenset(LOWER_WORD_RE.findall(text))
        self.places = {p.lower() for p in ner_places or ()}
        self.streets = streets or set()  # street parts of its addresses, lower-cased
        # Capitalised words the document puts after a determiner: its common nouns ("the Bill").
        self.det_nouns = frozenset(m.lower() for m in DET_NOUN_RE.findall(text))
        self.text = text
        self._acronyms: dict[str, bool] = {}

    def is_acronym(self, word: str) -> bool:
        """An acronym or code here, not a surname in capitals ("HARTIGAN").

        Mixed capitals ("CfD", "GnRH", "MMFs") always are; a word in capitals is when short
        (<= 3), without a vowel ("DESNZ" no, "NPSV" yes), defined in brackets ("(LIBOR)"), put
        after a determiner ("the SENCO"), or spelt out by capitalised words in the text
        ("Special Educational Needs" for "SEN")."""
        w = word.strip(".,'\u2019()")
        if not is_code_word(w):
            return False
        if not w.isupper() and not (w[:-1].isupper() and w.endswith("s")):
            return True
        w = w.rstrip("s") if not w.isupper() else w
        found = self._acronyms.get(w)
        if found is None:
            found = (
                len(w) <= 3
                or not any(c in "AEIOUY" for c in w)
                or f"({w})" in self.text
                or re.search(rf"(?i:\b(?:the|a|an|this|these|those)[ ]+){w}\b", self.text)
                is not None
                or _spelt_out(w, self.text)
            )
            self._acronyms[w] = found
        return found

    def is_given(self, word: str) -> bool:
        """A known given name, unless this document uses it as a noun ("the Bill")."""
        w = word.lower()
        return w in first_names() and w not in self.det_nouns

    def is_common(self, word: str) -> bool:
        w = word.lower().strip(".,'\u2019()")
        return w in common_words() or w in self.lower or w in MARKINGS

    def is_place(self, text: str) -> bool:
        key = re.sub(r"\s+", " ", text).strip().lower()
        if key in places() or key in self.places:
            return True
        words = [w.lower() for w in WORD_RE.findall(text)]
        core = [w for w in words if w not in PLACE_WORDS]
        return bool(core) and len(core) < len(words) and " ".join(core) in places()


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def is_code_word(word: str) -> bool:
    """An acronym or code ("SEN", "LIBOR", "CfD", "MMFs"), not a surname's capitals ("McDonald")."""
    w = word.strip(".,'\u2019()")
    return bool(CODE_WORD_RE.fullmatch(w)) and not NAME_CAPS_RE.fullmatch(w)


def _spelt_out(acronym: str, text: str) -> bool:
    """Capitalised words whose initials spell `acronym` ("London Inter-Bank Offered Rate")."""
    if len(acronym) > 8:
        return False
    glue = r"[ -]+(?:(?:of|and|the|for|in|on|to|&)[ ]+)*"
    body = glue.join(rf"{c}[a-z]+" for c in acronym)
    return re.search(rf"(?<![\w]){body}(?![\w])", text) is not None


def after_determiner(text: str, start: int) -> bool:
    """`text[start:]` follows "the", "a", "this" ...: "the Bill Committee" is no person."""
    return DET_BEFORE_RE.search(text, max(0, start - 8), start) is not None


def person_verdict(text: str, doc: DocWords, *, evidence: bool) -> str | None:
    """Why `text` is not a person ("common words", "place", ...), or None if it may be one.

    `evidence` is True for rule matches with a title, form field or known given name: such a
    span is only refused when it starts with a determiner or is all stop words / markings.
    """
    ws = words(text)
    if not ws:
        return "no words"
    low = [w.lower().strip(".,'\u2019()") for w in ws]
    if low[0] in DETERMINERS:
        return "starts with a determiner"
    if all(w in stop_words() or w in MARKINGS for w in low):
        return "stop words"
    if any(w in MARKINGS for w in low) and text.isupper():
        return "protective marking or heading"
    if evidence:
        return None
    if any(doc.is_given(w) for w in low):
        return None
    if any(len(w) >= 8 and ABSTRACT_RE.search(w) for w in low):
        return "abstract noun"  # "Selflessness", "Authorisation", "Impact Assessment"
    if len(low) == 1 and low[0] in doc.det_nouns:
        return "a common noun in this text ('the ...')"
    if "," not in text and any(doc.is_acronym(w) for w in ws):
        # "SEN", "EC Regulation", "RPC Opinion", "PV Base Year", "EWCA Civ": acronyms and codes.
        return "acronym or code"
    if len(ws) > 1 and text.isupper():
        return "heading in capitals"
    if any(w in ORG_HEADS for w in low):
        return "organisation word"
    if doc.is_place(text):
        return "place"
    several = len(low) > 1
    if all(
        doc.is_common(w) or w in not_names() or w in PLACE_WORDS or (several and _compound(w))
        for w in low
    ):
        return "common words"
    return None


@lru_cache(maxsize=1)
def thoroughfare_words() -> frozenset[str]:
    """Lower-cased street types no one bears as a surname ("Row", "Road", "Rise", "Avenue")."""
    from reviewer.detect.addresses import STREET_TYPES, SURNAME_STREET_TYPES

    # "Dr" is far more often a title than Drive ("Sarah Dr Patel arrived").
    return frozenset(w.lower() for w in STREET_TYPES) - SURNAME_STREET_TYPES - {"dr"}


def street_reason(text: str, doc: DocWords) -> str | None:
    """Why `text`, taken for a person, is a street ("Calder Row"), or None if it may be a name.

    Two words or more, and either a street an address in the same text names (wherever it
    recurs: "out onto Calder Row"), or ending in a street type that is no surname ("Victoria
    Road"). A type that is also a surname ("Penny Lane", "Sarah Street") needs the address.
    """
    ws = [w.lower().rstrip(".") for w in words(text)]
    if len(ws) < 2:
        return None
    key = " ".join(ws)
    if any(s == key or s.endswith(" " + key) for s in doc.streets):
        return "a street named in an address in this text"
    if ws[-1] in thoroughfare_words():
        return "ends with a street type"
    return None


# A police station named by one word ("Millgarth"): the model often takes it for a surname.
STATION_AFTER = re.compile(r"[ ]+(?:[Pp]olice[ ]+(?:Station|station)|Station)(?![\w'\u2019-])")
FORCE_AFTER = re.compile(r"[ ]+Police(?![\w'\u2019-])")
CUSTODY_BEFORE = re.compile(
    r"(?i:\b(?:taken|conveyed|transported)(?:[ ]+back)?[ ]+to|\b(?:custody|detained)[ ]+at)"
    r"[ ]+\Z"
)
STATION_LABEL = re.compile(r"(?i:(?:police[ ]+|custody[ ]+)?(?:station|suite))[ ]*:?")


def _label_before(text: str, start: int) -> str:
    """What precedes `start` on its line or, if nothing does, the whole line before it."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start].strip()
    if prefix or line_start == 0:
        return prefix
    return text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1].strip()


def custody_place(text: str, start: int, end: int) -> tuple[int, str, str] | None:
    """`(end, label, why)` when the one-word PERSON `text[start:end]` names a police station or
    custody place, not a person: followed by "Police Station" or "Station" (LOCATION, the span
    taking them) or "Police" (ORG, a force), or after "taken to", "custody at", "detained at"
    or a form's "Station:" label (LOCATION; a known given name there stays a person: "taken to
    Dean"). The caller keeps PERSON after a title ("PC Colbeck")."""
    if after := STATION_AFTER.match(text, end):
        police = "olice" in after.group(0)
        return after.end(), "LOCATION", "a police station" if police else "a station"
    if after := FORCE_AFTER.match(text, end):
        return after.end(), "ORG", "a police force"
    if text[start:end].lower() in first_names():
        return None
    if CUSTODY_BEFORE.search(text, max(0, start - 40), start):
        return end, "LOCATION", "a custody place"
    if STATION_LABEL.fullmatch(_label_before(text, start)):
        return end, "LOCATION", "a police station (form label)"
    return None


QUOTES = "\"'\u201c\u2018"
ABBREVIATION_RE = re.compile(r"(?:^|[\s(])(?:[A-Z][a-z]{0,2}|[A-Z])$")  # "Mr." "Dr." "St." "J."


def opens_sentence(text: str, start: int) -> bool:
    """The word at `start` begins the text, a sentence or a quotation: a capital there is
    grammar, not a sign of a name ('said "Calm down mate'; a wrapped line is no new sentence)."""
    if start > 0 and text[start - 1] in QUOTES:
        return start == 1 or text[start - 2] in " \t\n\f([:\u2013\u2014-"
    i = start
    while i > 0 and text[i - 1] in " \t\n\f":
        i -= 1
    if i == 0:
        return True
    if text[i - 1] in "!?":
        return True
    return text[i - 1] == "." and not ABBREVIATION_RE.search(text[max(0, i - 5) : i - 1])


def capitalised_elsewhere(text: str, word: str, start: int) -> bool:
    """`word` is a known given name, or also appears capitalised somewhere not opening a
    sentence: a name, not grammar."""
    if word.lower() in first_names():
        return True
    pattern = rf"(?<![\w'\u2019-]){re.escape(word)}(?![\w-]|['\u2019][a-rt-z])"  # "Daniel's" too
    for m in re.finditer(pattern, text, re.I):
        if m.start() != start and m.group(0)[0].isupper() and not opens_sentence(text, m.start()):
            return True
    return False


def _compound(word: str) -> bool:
    """ "Boardroom" = board + room: two common words run together."""
    w = word.lower()
    return len(w) >= 7 and any(
        w[:i] in common_words() and w[i:] in common_words() for i in range(3, len(w) - 2)
    )


def org_score(text: str, doc: DocWords, base: float) -> float:
    """The score an ORG (or LOCATION) span from NER deserves; 0 means drop it."""
    ws = words(text)
    low = [w.lower().strip(".,'\u2019()") for w in ws]
    while low and low[0] in DETERMINERS:
        low, ws = low[1:], ws[1:]
    if not low or (any(c.isdigit() for c in text) and len(low) <= 1):
        return 0.0
    if any(w.lower() in MARKINGS and w.isupper() for w in ws) or (
        len(low) == 1 and low[0] in MARKINGS
    ):
        return 0.0  # a protective marking or banner ("RESTRICTED", "FICTIONAL SAMPLE")
    if all(w in stop_words() for w in low):
        return 0.0
    if len(low) == 1:
        word = ws[0]
        if word.isupper() and len(word.replace("&", "")) <= 4:
            return min(base, 0.4)  # an acronym: CPS or OIC? shown as possible
        if doc.is_common(word) or _compound(word):
            return 0.0
        return base
    has_head = any(w in ORG_HEADS for w in low)
    if text.isupper():
        return min(base, 0.45)  # an all-caps heading: may name a body, often a title
    if all(doc.is_common(w) or w in PLACE_WORDS for w in low) and not has_head:
        return min(base, 0.45)
    return base
