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
from reviewer.detect.span import Candidate

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


COMMENT_LINE_RE = re.compile(r"(?m)^[ \t]*#.*$")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words more often written in lower case than capitalised
    (`english_words.txt`), given names excluded: only for `ordinary_phrase`. Read as one
    string (comment lines cut out, then split): 36,000 lines line by line cost ~30 ms."""
    from reviewer.detect.resources import resource_path

    text = resource_path("english_words.txt").read_text(encoding="utf-8")
    body = COMMENT_LINE_RE.sub("", text)
    if not body.islower():
        body = body.lower()
    return frozenset(body.split()) - first_names()


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


# Words that end an institution's name, not a person's, after a given name: "Albert Museum",
# "John Radcliffe Hospital", "Royal Victoria Infirmary" (with `ORG_HEADS`).
INSTITUTION_HEADS = ORG_HEADS | frozenset(
    """museum gallery library infirmary theatre cathedral abbey palace academy institution
    fund charity network company house centre center""".split()  # noqa: SIM905
)
# A post named by its function: "Director of Public Health", "Head of Policy", "Secretary of
# State for Health": what follows "of"/"for" is the post's field, never its holder.
POST_OF_BEFORE = re.compile(
    r"(?<![\w])(?:Director|Directors|Head|Heads|Chief|Secretary|Minister|Commissioner|Officer|"
    r"Manager|Chair|Chairman|President|Registrar|Controller|Keeper|Master|Warden|Governor)"
    r"(?:[ ]+General)?[ ]+(?:of|for)[ ]+(?:the[ ]+)?\Z"
)
# Legislation in its passage: "during Bill passage", "the Bill's introduction", "Bill stage".
BILL_LEGISLATION = re.compile(
    r"Bill(?:['\u2019]s)?[ ]+(?:passage|introduction|stage|stages|team|committee|manager|"
    r"managers|process|reading|clause|clauses|amendment|amendments|minister|debate|debates)"
    r"(?![\w])"
)
BILL_AFTER = re.compile(r"(?i:(?<![\w])(?:the|this|that|a|during|through|in|of)[ ]+)\Z")


def legislation_bill(text: str, start: int, end: int) -> bool:
    """The one-word PERSON "Bill" at `text[start:end]` is legislation: "during Bill passage",
    "the Bill's introduction", "this Bill", "Bill stage"."""
    if text[start:end] != "Bill":
        return False
    return (
        BILL_LEGISLATION.match(text, start) is not None
        or BILL_AFTER.search(text, max(0, start - 10), start) is not None
    )


@lru_cache(maxsize=1)
def _form_label_re() -> re.Pattern[str]:
    from reviewer.detect.names import form_labels

    body = "|".join(r"[ \t]+".join(re.escape(w) for w in label.split()) for label in form_labels())
    return re.compile(rf"(?i:{body})[ \t]*:")


def cut_at_form_label(text: str, start: int, end: int) -> int:
    """Where a name running into a form's next label ends: "John Kerr Job title: Head of ..."
    ends before "Job". `end` when no label with its colon starts inside the span."""
    for m in re.finditer(r"[ \t]+(?=\S)", text[start:end]):
        at = start + m.end()
        if _form_label_re().match(text, at):
            return start + m.start()
    return end


def institution_name(text: str, start: int, end: int) -> bool:
    """`text[start:end]` (a given name and what follows it) is part of an institution's name:
    an institution's head word inside it after the first word, or right after it ("Albert
    Museum", "Victoria and Albert Museum", "John Radcliffe Hospital")."""
    ws = [w.lower().strip(".,") for w in text[start:end].split()]
    if any(w in INSTITUTION_HEADS for w in ws[1:]):
        return True
    after = re.match(r"[ ]+([A-Z][a-z]+)(?![\w'\u2019-])", text[end : end + 30])
    return after is not None and after.group(1).lower() in INSTITUTION_HEADS


# A nation's name in its own language ends a body's name, never a person's: "Senedd Cymru",
# "Sianel Pedwar Cymru", "Raidió Teilifís Éireann".
NATIVE_NATIONS = frozenset({"Cymru", "Éireann", "Eireann", "Alba", "Kernow"})


def service_name(text: str, doc: DocWords) -> bool:
    """A model's PERSON of two words or more, no known given name, that names a service or
    body: it opens with a common word the document writes in lower case ("Local Healthwatch":
    "local" is no name) or ends with a nation, in English or its own language ("Healthwatch
    England", "Sport England", "Senedd Cymru", "Raidió Teilifís Éireann")."""
    ws = words(text)
    if len(ws) < 2 or any(doc.is_given(w) for w in ws):
        return False
    first = ws[0].lower()
    if first in doc.lower and first in common_words():
        return True
    return ws[-1] in NATIONS or text.split()[-1] in NATIVE_NATIONS


def ordinary_phrase(text: str, doc: DocWords) -> bool:
    """A model's PERSON of two words or more, no known given name, every word an ordinary
    English word: the shipped lists (`common_words.txt`, `english_words.txt`, not-names), or a
    word this text writes in lower case: "Sulphur Dioxide", "Pest Controller", "Fossil Fuel",
    "Advanced Learner". The caller keeps spans after a title ("Dr Green"); "John Green" and
    "Guy Pewter" keep their given name."""
    ws = [w.lower().strip(".,'\u2019()") for w in words(text)]
    if len(ws) < 2 or any(doc.is_given(w) for w in ws):
        return False
    return all(
        doc.is_common(w) or w in english_words() or w in not_names() or w in PLACE_WORDS for w in ws
    )


# A Latin epithet's ending ("menziesii", "sativa", "Maximus", "pseudoacacia", "officinalis").
LATIN_EPITHET = r"[a-z]{2,}(?:us|um|ae|ii|is|ensis|oides|a)"
SPECIES_AFTER = re.compile(rf"[ ]*\([A-Z][a-z]+[ ]+({LATIN_EPITHET})[),]")
SPECIES_IN_BRACKETS = re.compile(rf"[A-Z][a-z]+[ ]+(?i:{LATIN_EPITHET})")
# A common name, then its binomial in brackets: "African elephants (Loxdonta Africana)".
NAMED_SPECIES = re.compile(
    rf"(?<![\w])[a-z][a-z'\u2019-]+[ ]+\([A-Z][a-z]+[ ]+(?i:{LATIN_EPITHET})[),]"
)


def species_name(text: str, start: int, end: int, doc: DocWords) -> bool:
    """A species, not a person: `text[start:end]` is followed by its Latin binomial in
    brackets, the epithet in lower case and no English word ("Menzies Banksia (Banksia
    menziesii)"; "(Social media)" is English), or is itself a binomial in brackets after its
    common name where the text lists another such pair just before ("African elephants
    (Loxdonta Africana) and Asian elephants (Elephas Maximus)"). No word may be a known given
    name; "the chair (Jo Davis)" alone is no list of species."""
    if any(doc.is_given(w) for w in words(text[start:end])):
        return False
    after = SPECIES_AFTER.match(text, end)
    if after is not None:
        epithet = after.group(1)
        return epithet not in english_words() and epithet not in common_words()
    if text[start - 1 : start] != "(" or not SPECIES_IN_BRACKETS.fullmatch(text, start, end):
        return False
    here = NAMED_SPECIES.search(text, max(0, start - 40), end + 1)
    before = NAMED_SPECIES.search(text, max(0, start - 200), max(0, start - 1))
    return here is not None and before is not None


def title_misread(text: str, start: int, end: int, doc: DocWords, titles: frozenset[str]) -> bool:
    """A title rule's PERSON that is an ordinary word after a word that only looks like a title:
    "DC Counterfactual" (defined contribution), "Master Trust Authorisation".

    Refused when no word of the span is a known given name, every word is a common English
    word (the shipped list or the document's own lower-case words), and the text shows the
    "title" is no title here: the words between it and the span were trimmed as non-names
    ("Trust"), a word of the span is an abstract noun ("Authorisation"), or the document uses
    the title word itself elsewhere as a word or an acronym ("switched to DC if", "master").
    "DC Green" in a statement where DC is only ever a rank stays a person."""
    before = text[max(0, start - 60) : start]
    if not before.endswith((" ", "\t")):
        return False
    lead = before.split()[-4:]
    title, between = "", []
    for i in range(len(lead) - 1, -1, -1):
        if lead[i].rstrip(".").lower() in titles:
            title, between = lead[i].rstrip("."), lead[i + 1 :]
            break
    if not title or not all(w[:1].isupper() for w in between):
        return False
    low = [w.lower().strip(".,'\u2019()") for w in words(text[start:end])]
    if not low or any(doc.is_given(w) for w in low) or not all(doc.is_common(w) for w in low):
        return False
    if between and all(w.lower() in not_names() for w in between):
        return True
    if any(len(w) >= 8 and ABSTRACT_RE.search(w) for w in low):
        return True
    if title.lower() in doc.lower:
        return True
    alone = rf"(?<![\w]){re.escape(title)}(?![\w])(?!\.?[ ]+(?:\d|[A-Z]))"
    return re.search(alone, text) is not None


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
    if text.isupper() and not has_head:
        return min(base, 0.45)  # an all-caps heading: may name a body, often a title
    if all(doc.is_common(w) or w in PLACE_WORDS for w in low) and not has_head:
        return min(base, 0.45)
    return base


# Bodies a UK government record names by their short form, and the nations of the UK: found
# even where the small model misses them or the person guards drop them ("UK", "EU" are not
# names, but they are a place and a body). Written from the machinery of government, not
# from any evaluation passage.
KNOWN_BODIES = frozenset(
    """HMRC DWP FCDO FCO DFID DCMS BEIS DESNZ DSIT DBT DIT DHSC DfE DfT DLUHC MHCLG DCLG Defra
    DEFRA MoJ MOJ MoD MOD HMT HMPPS NOMS CPS SFO NCA HMCTS HMICFRS ONS NAO ICO FCA PRA CMA HSE
    EHRC Ofcom Ofgem Ofwat Ofsted Ofqual ORR CAA DVLA DVSA UKHSA MHRA CQC OfS RPC OBR UKRI
    IPO EU EC UN OECD NATO IMF WTO""".split()  # noqa: SIM905
)
KNOWN_BODY_NAMES = (
    "HM Treasury",
    "Home Office",
    "Cabinet Office",
    "European Union",
    "European Commission",
    "United Nations",
    "Environment Agency",
    "Scottish Government",
    "Welsh Government",
    "Northern Ireland Office",
)
NATIONS = (
    "England and Wales",
    "United Kingdom",
    "Great Britain",
    "Northern Ireland",
    "UK",
    "Britain",
    "England",
    "Scotland",
    "Wales",
)
_NAMES_RE = re.compile(
    r"(?<![\w&/-])(?:"
    + "|".join(
        re.escape(n)
        for n in sorted((*KNOWN_BODIES, *KNOWN_BODY_NAMES, *NATIONS), key=len, reverse=True)
    )
    + r")(?![\w&/-])(?![ ]+(?:[Rr]eference|[Nn]umber|No\b))"
)
# The tail of a longer name: "Department for Exiting the European Union", "… for England".
_NAME_TAIL_RE = re.compile(r"[A-Z][\w'\u2019-]*[ ]+(?:(?:for|of|on|the|and)[ ]+)+$")
# A parenthesised short form: "Independent Commission on Aid Impact (ICAI)", "(OfS)", "(“MoJ”)".
_DEFINED_RE = re.compile(r"\((?:the\s+)?[\"“']?([A-Z][A-Za-z]{1,7})[\"”']?\)")
_NAME_WORD_RE = re.compile(r"[A-Za-z][\w'\u2019-]*|&")
_LINKS = frozenset({"of", "for", "on", "and", "the", "in", "&"})
# "the Commission" for a body the text names in full; "Parliament"; "Government" alone.
SHORT_HEADS = frozenset(
    """Commission Association Authority Board Agency Council Committee Executive Inspectorate
    Ombudsman Regulator Department Ministry""".split()  # noqa: SIM905
)
_SHORT_RE = re.compile(
    r"(?<![\w-])(?:[Tt]he[ ]+(" + "|".join(sorted(SHORT_HEADS)) + r")|(Parliament|Government))"
    r"(?![\w-])(?![ ]+(?:[A-Z]|(?:of|for|on)[ ]+[A-Z]))"
)
_LINK_OR_CAP = r"(?:[A-Z][\w'\u2019-]*|of|for|on|and|the|&)"
_PREVIOUS_WORD_RE = re.compile(r"([A-Za-z][\w'\u2019-]*)[ ]+$")
# Party roles in proceedings: never a body or a place ("The Claimants", "the Appellant").
ROLE_WORDS = frozenset(
    """claimant claimants defendant defendants appellant appellants respondent respondents
    applicant applicants petitioner petitioners intervener interveners complainant
    complainants""".split()  # noqa: SIM905
)
# The last word of a document's title, not a body's: "the Open Government Licence".
DOCUMENT_TAILS = frozenset(
    """licence license regulations rules order act report guidance code strategy assessment
    memorandum directive""".split()  # noqa: SIM905
)
# A court's or body's name right before a judge's post: "Deputy High Court Judge".
POST_AFTER = re.compile(r"[ ]+(?:Judge|Justice|Master|Registrar|Recorder)\b")


def is_role(text: str) -> bool:
    """ "Claimants", "the Appellant": a party's role in proceedings, not a body or a place."""
    low = [w.lower().strip(".,'\u2019()") for w in text.split()]
    while low and low[0] in DETERMINERS:
        low = low[1:]
    return bool(low) and all(w in ROLE_WORDS for w in low)


def known_body_or_nation(text: str) -> bool:
    """A body from `KNOWN_BODIES`/`KNOWN_BODY_NAMES` or a nation of the UK, as written."""
    t = re.sub(r"\s+", " ", text).strip()
    return t in KNOWN_BODIES or t in KNOWN_BODY_NAMES or t in NATIONS


def _initials_match(long_form: list[str], short: str) -> bool:
    """`short`'s capitals are the initials of the capitalised words ending `long_form`."""
    caps = [c for c in short if c.isupper()]
    initials = [w[0] for w in long_form if w[0].isupper()]
    return len(caps) >= 2 and initials[-len(caps) :] == caps


# Head words that make a defined short form a body's ("Local Government Ombudsman (LGO)").
DEFINING_HEADS = ORG_HEADS | {"ombudsman", "network", "regulator", "organisation", "commissioner"}


def defined_bodies(text: str) -> dict[str, str]:
    """Short forms the text defines for a body: `{short: long form}`. The long form is a run
    of capitalised words (with "of", "for", "and" …) whose initials spell the short form, with
    an organisation's head word ("Commission", "Office", "Ombudsman") that ends it or is
    followed by "of"/"for"/"on" ("Office for Students"): "Free School Meals (FSM)", "Present
    Value (PV)" or "Securities Regulations 2001 (USR)" define no body."""
    found: dict[str, str] = {}
    for m in _DEFINED_RE.finditer(text):
        short = m.group(1)
        window = text[max(0, m.start() - 120) : m.start()]
        window = window[max(window.rfind("\n"), window.rfind("\t")) + 1 :]
        before = _NAME_WORD_RE.findall(window)
        run: list[str] = []
        for w in reversed(before):
            if w[0].isupper() or w.lower() in _LINKS:
                run.insert(0, w)
            else:
                break
        while run and run[0].lower() in _LINKS:
            run = run[1:]
        if not run or not _initials_match(run, short):
            continue
        # The long form starts at the capitalised word its short form's first capital spells.
        caps = sum(1 for c in short if c.isupper())
        firsts = [i for i, w in enumerate(run) if w[0].isupper()]
        run = run[firsts[-caps] :]
        low = [w.lower() for w in run]
        ok = low[-1] in DEFINING_HEADS or any(
            w in DEFINING_HEADS and i + 1 < len(low) and low[i + 1] in ("of", "for", "on")
            for i, w in enumerate(low)
        )
        if ok:
            found[short] = " ".join(run)
    return found


def named_bodies(text: str, blocked: list[tuple[int, int, str]]) -> list[Candidate]:
    """ORG and LOCATION candidates the model may miss: defined short forms of bodies wherever
    used, known public bodies and the UK's nations, and short forms of bodies named in full."""
    out: list[Candidate] = []

    def free(s: int, e: int) -> bool:
        return not any(bs <= s and e <= be for bs, be, what in blocked if what == "statute")

    for short, long_form in defined_bodies(text).items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
            if free(m.start(), m.end()):
                reason = f"short form the text defines for '{long_form}'"
                out.append(Candidate(m.start(), m.end(), "ORG", 0.6, reason))
    for m in _NAMES_RE.finditer(text):
        if not free(m.start(), m.end()) or POST_AFTER.match(text, m.end()):
            continue
        if _NAME_TAIL_RE.search(text, max(0, m.start() - 60), m.start()):
            continue  # part of a longer name the model reads whole
        name = m.group(0)
        label = "LOCATION" if name in NATIONS else "ORG"
        out.append(Candidate(m.start(), m.end(), label, 0.6, "known public body or nation"))
    for m in _SHORT_RE.finditer(text):
        head = m.group(1)
        if head:
            start, end = m.span(1)
            named = rf"(?<![\w-])(?!The )[A-Z][\w'\u2019-]+,? (?:{_LINK_OR_CAP},? ){{0,5}}{head}\b"
            if not re.search(named, text):
                continue  # "the Commission" only where the text names a "… Commission"
        else:
            start, end = m.span(2)
            prev = _PREVIOUS_WORD_RE.search(text, max(0, start - 40), start)
            if prev and prev.group(1)[0].isupper() and prev.group(1).lower() not in DETERMINERS:
                continue  # "Local Government", "Scottish Parliament": part of a longer name
        if free(start, end):
            out.append(Candidate(start, end, "ORG", 0.55, "short form of a named body"))
    return out
