"""Build the labelled evaluation set: fictional case-file texts with exact gold offsets.

Every value is fictional: Ofcom drama phone numbers, example.com/.org emails, documentation IP
ranges, and random identifiers that pass their format and checksum rules. `dev` is what the rules
were tuned on; `heldout` uses other templates, other name pools (many names absent from
`first_names.txt`) and other phrasings, and was not used for tuning.

    uv run python benchmarks/data/detection/generate.py   # rewrites dev.jsonl and heldout.jsonl
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CHECK = "ZABCDEFGHJKLMNPQRTUVWXY"


class Doc:
    """Text built piece by piece, recording gold spans as it goes."""

    def __init__(self) -> None:
        self.text = ""
        self.spans: list[tuple[int, int, str]] = []

    def add(self, s: str) -> Doc:
        self.text += s
        return self

    def ent(self, s: str, label: str) -> Doc:
        self.spans.append((len(self.text), len(self.text) + len(s), label))
        self.text += s
        return self

    def address(self, r: random.Random, sep: str, with_postcode: bool = True) -> None:
        start = len(self.text)
        num = str(r.randint(1, 240)) + r.choice(["", "", "", "A", "B"])
        flat = r.choice(["", "", "", f"Flat {r.randint(1, 30)}, "])
        self.add(f"{flat}{num} {r.choice(STREETS)} {r.choice(STREET_TYPES)}{sep}{r.choice(TOWNS)}")
        if with_postcode:
            self.add(sep if r.random() < 0.6 else " ")
            self.ent(postcode(r), "POSTCODE")
        self.spans.append((start, len(self.text), "ADDRESS"))


FIRST_DEV = [
    "Sarah",
    "John",
    "Mohammed",
    "Olivia",
    "Daniel",
    "Priya",
    "Tomasz",
    "Grace",
    "Liam",
    "Aisha",
    "Connor",
    "Fatima",
    "Jack",
    "Emily",
    "Kwame",
    "Megan",
    "Harjit",
    "Chloe",
    "Piotr",
    "Ruth",
]
FIRST_HELD = [
    "Ngozi",
    "Tobias",
    "Wiktoria",
    "Farhan",
    "Eilidh",
    "Kofi",
    "Rhiannon",
    "Mateusz",
    "Anjali",
    "Declan",
    "Oluwaseun",
    "Bartosz",
    "Saoirse",
    "Tendai",
    "Ffion",
    "Kasia",
    "Jagdeep",
    "Marnie",
    "Ilyas",
    "Beatriz",
]
SUR_DEV = [
    "Jones",
    "Smith",
    "Khan",
    "Patel",
    "Brown",
    "Wilson",
    "Kowalski",
    "Okafor",
    "Taylor",
    "Hussain",
    "Evans",
    "Murphy",
    "Clarke",
    "Begum",
    "Nowak",
    "Walker",
]
SUR_HELD = [
    "Adeyemi",
    "Pritchard",
    "Wiśniewski",
    "Chaudhry",
    "MacLeod",
    "Okonkwo",
    "Fairbairn",
    "Sandhu",
    "Lindqvist",
    "Mbeki",
    "O'Sullivan",
    "Trelawney",
    "Gorecki",
    "Ashworth",
    "Mensah",
    "Rafiq",
]
STREETS = [
    "Acacia",
    "Mill",
    "Station",
    "Church",
    "Victoria",
    "Park",
    "Albert",
    "Chapel",
    "Windsor",
    "Queens",
    "Manor",
    "Beech",
    "Oak",
    "Ash",
    "Meadow",
    "Kingsway",
]
STREET_TYPES = [
    "Road",
    "Street",
    "Avenue",
    "Lane",
    "Close",
    "Drive",
    "Way",
    "Crescent",
    "Terrace",
    "Grove",
    "Gardens",
    "Place",
]
TOWNS = [
    "Leeds",
    "Bradford",
    "Wakefield",
    "Halifax",
    "Huddersfield",
    "Sheffield",
    "Manchester",
    "Salford",
    "Bolton",
    "Cardiff",
    "Swansea",
    "Norwich",
    "Ipswich",
    "Derby",
]
OUTWARD = [
    "LS1",
    "LS6",
    "LS11",
    "BD7",
    "BD1",
    "WF1",
    "HX3",
    "HD1",
    "S11",
    "S2",
    "M14",
    "M1",
    "BL1",
    "CF10",
    "CF24",
    "SA1",
    "NR2",
    "IP4",
    "DE1",
    "SW1A",
    "EC1A",
    "B33",
    "NE6",
    "G12",
    "EH3",
]
FORCES = [
    "West Yorkshire Police",
    "South Yorkshire Police",
    "Greater Manchester Police",
    "Norfolk Constabulary",
    "South Wales Police",
]
COURTS = [
    "Leeds Crown Court",
    "Bradford Magistrates' Court",
    "Sheffield Crown Court",
    "Cardiff Crown Court",
    "Manchester Magistrates' Court",
]
HOSPITALS = [
    "St James's University Hospital",
    "Bradford Royal Infirmary",
    "Northern General Hospital",
    "University Hospital of Wales",
]
STATUTES = [
    "s.18 Offences Against the Person Act 1861",
    "section 47 of the Offences Against the Person Act 1861",
    "s.1 Theft Act 1968",
    "section 4 of the Public Order Act 1986",
    "s.5 Misuse of Drugs Act 1971",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def postcode(r: random.Random) -> str:
    return f"{r.choice(OUTWARD)} {r.randint(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"


def nino(r: random.Random) -> str:
    while True:
        a, b = r.choice("ABCEGHJKLMNOPRSTWXYZ"), r.choice("ABCEGHJKLMNPRSTWXYZ")
        if a + b not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    d = f"{r.randint(0, 999999):06d}"
    s = r.choice("ABCD")
    return r.choice([f"{a}{b} {d[:2]} {d[2:4]} {d[4:]} {s}", f"{a}{b}{d}{s}"])


def nhs(r: random.Random) -> str:
    while True:
        d = [r.randint(0, 9) for _ in range(9)]
        c = 11 - sum(x * w for x, w in zip(d, range(10, 1, -1), strict=True)) % 11
        c = 0 if c == 11 else c
        if c != 10:
            s = "".join(map(str, d)) + str(c)
            return r.choice([f"{s[:3]} {s[3:6]} {s[6:]}", s, f"{s[:3]}-{s[3:6]}-{s[6:]}"])


def phone(r: random.Random) -> str:
    n = r.randint(0, 999)
    return r.choice(
        [
            f"07700 900{n:03d}",
            f"07700900{n:03d}",
            f"+44 7700 900{n:03d}",
            f"0113 496 0{n:03d}",
            f"(0113) 496 0{n:03d}",
            f"020 7946 0{n:03d}",
            f"0161 496 0{n:03d}",
            f"0121 496 0{n:03d}",
        ]
    )


def vrm(r: random.Random) -> str:
    letters = "ABCDEFGHJKLMNOPRSTUVWXY"
    age = r.choice([r.randint(2, 24), r.randint(51, 74)])
    tail = "".join(r.choice("ABCDEFGHJKLMNOPRSTUVWXYZ") for _ in range(3))
    return f"{r.choice('ABCDEFGHKLMNPRSVWY')}{r.choice(letters)}{age:02d} {tail}"


def luhn_card(r: random.Random) -> str:
    d = [4] + [r.randint(0, 9) for _ in range(14)]
    total = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 0:
            x *= 2
            x = x - 9 if x > 9 else x
        total += x
    d.append((10 - total % 10) % 10)
    s = "".join(map(str, d))
    return " ".join(s[i : i + 4] for i in range(0, 16, 4))


def pnc(r: random.Random) -> str:
    y, s = r.randint(80, 99), r.randint(1, 999999)
    return f"{y}/{s}{CHECK[int(f'{y:02d}{s:07d}') % 23]}"


def cro(r: random.Random) -> str:
    y, s = r.randint(80, 99), r.randint(1, 999999)
    return f"{s}/{y}{CHECK[int(f'{y:02d}{s:06d}') % 23]}"


def date(r: random.Random, year: tuple[int, int]) -> str:
    d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(*year)
    return r.choice(
        [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} {MONTHS[m - 1]} {y}",
            f"{d}.{m}.{y}",
            f"{d}th {MONTHS[m - 1]} {y}",
        ]
    )


def licence(r: random.Random, surname: str) -> str:
    sur = (surname.upper().replace("'", "").replace("Ś", "S") + "99999")[:5]
    y, m, d = r.randint(50, 99), r.randint(1, 12) + r.choice([0, 50]), r.randint(1, 28)
    return f"{sur}{str(y)[0]}{m:02d}{d:02d}{str(y)[1]}{r.choice('ABCDJMS')}{r.choice('9ABJ')}9{r.choice('ABCDEFGHJK')}{r.choice('ABCDEFGHJK')}"


def person(r: random.Random, first: list[str], sur: list[str]) -> tuple[str, str]:
    return r.choice(first), r.choice(sur)


def witness_statement(r: random.Random, F: list[str], S: list[str]) -> Doc:
    f, s = person(r, F, S)
    d = Doc().add("WITNESS STATEMENT (CJ Act 1967, s.9; MC Act 1980, s.5B)\nURN: ")
    d.add(f"{r.randint(10, 99)}XY{r.randint(1000000, 9999999)}\nStatement of: ").ent(
        f"{f} {s.upper()}", "PERSON"
    )
    d.add("\nAge if under 18: Over 18   Date of birth: ").ent(
        date(r, (1950, 2004)), "DATE_OF_BIRTH"
    )
    d.add("\nAddress: ")
    d.address(r, ", ")
    d.add("\nTelephone: ").ent(phone(r), "PHONE").add("   Email: ")
    d.ent(f"{f.lower()}.{s.lower().replace(chr(39), '')}@example.com", "EMAIL")
    d.add("\n\nOn ").ent(date(r, (2015, 2023)), "DATE").add(" I was at home in ").ent(
        r.choice(TOWNS), "LOCATION"
    )
    f2, s2 = person(r, F, S)
    d.add(". I saw ").ent(f"{f2} {s2}", "PERSON").add(
        " get out of a silver car, registration "
    ).ent(vrm(r), "VEHICLE_REG")
    d.add(". He shouted at me and I was frightened. ").ent(s2, "PERSON").add(" has been ")
    d.ent("arrested", "SPECIAL_CATEGORY").add(" before for ").ent(
        r.choice(["assault", "burglary", "harassment"]), "SPECIAL_CATEGORY"
    )
    oic = r.choice(S)
    d.add(f".\nI gave this statement to PC {r.randint(1000, 9999)} ").ent(oic, "PERSON").add(
        " of "
    ).ent(r.choice(FORCES), "ORG")
    d.add(f". Case reference {r.randint(10, 99)}AB{r.randint(1000000, 99999999)}.\nSigned: ").ent(
        f"{f[0]}. {s}", "PERSON"
    ).add("\n")
    return d


def custody_record(r: random.Random, F: list[str], S: list[str]) -> Doc:
    f, s = person(r, F, S)
    d = Doc().add(
        f"CUSTODY RECORD  Custody no. {r.choice('BCDHLW')}{r.randint(100000, 999999)}\nDetained person: "
    )
    d.ent(f"{s.upper()}, {f}", "PERSON").add("\nDOB: ").ent(date(r, (1960, 2005)), "DATE_OF_BIRTH")
    d.add("   PNC ID: ").ent(pnc(r), "PNC_ID").add("   CRO: ").ent(cro(r), "CRO_NUMBER")
    d.add("\nNI number: ").ent(nino(r), "NINO").add("\nHome address:\n")
    d.address(r, "\n")
    d.add("\nOffence: ").ent(r.choice(STATUTES), "STATUTE")
    d.add("\nHealth: detainee states he has ").ent(
        r.choice(["epilepsy", "diabetes", "depression", "asthma"]), "SPECIAL_CATEGORY"
    )
    d.add(" and takes ").ent("medication", "SPECIAL_CATEGORY").add(". NHS number ").ent(
        nhs(r), "NHS_NUMBER"
    )
    d.add(
        f".\nInterpreter booked. Property bag ref {r.randint(1000000000, 9999999999)} sealed.\nCustody officer: PS {r.randint(1000, 9999)} "
    )
    d.ent(r.choice(S), "PERSON").add("\n")
    return d


def incident_report(r: random.Random, F: list[str], S: list[str]) -> Doc:
    f, s = person(r, F, S)
    v1, v2 = person(r, F, S)
    d = Doc().add("Incident report\n\nAt 22:40 on ").ent(date(r, (2016, 2023)), "DATE")
    d.add(" officers attended ")
    d.address(r, ", ", with_postcode=r.random() < 0.7)
    d.add(" following a call from ").ent(f"Mrs {v1} {v2}".split(" ", 1)[1], "PERSON")
    d.text = d.text.replace(f"from {v1} {v2}", f"from Mrs {v1} {v2}")
    d.spans[-1] = (d.spans[-1][0] + 4, d.spans[-1][1] + 4, "PERSON")
    d.add(" on ").ent(phone(r), "PHONE").add(". The suspect, ").ent(f"{f} {s}", "PERSON")
    d.add(", was found in possession of a ").ent("knife", "SPECIAL_CATEGORY").add(". ").ent(
        s, "PERSON"
    )
    d.add(" was taken to ").ent(r.choice(HOSPITALS), "ORG").add(" with a head ").ent(
        "injury", "SPECIAL_CATEGORY"
    )
    d.add(". Matter to be heard at ").ent(r.choice(COURTS), "ORG").add(" under ").ent(
        r.choice(STATUTES), "STATUTE"
    )
    d.add(f". Exhibits {r.choice(S)[:2].upper()}/1 to {r.choice(S)[:2].upper()}/4 seized.\n")
    return d


def email_thread(r: random.Random, F: list[str], S: list[str]) -> Doc:
    f, s = person(r, F, S)
    g, t = person(r, F, S)
    d = (
        Doc()
        .add("From: ")
        .ent(f"{f} {s}", "PERSON")
        .add(" <")
        .ent(f"{f[0].lower()}{s.lower().replace(chr(39), '')}@example.org", "EMAIL")
    )
    d.add(">\nTo: ").ent(f"{g} {t}", "PERSON").add("\nSent: ").ent(
        date(r, (2017, 2023)), "DATE"
    ).add(" 09:14\nSubject: Disclosure\n\nHi ")
    d.ent(g, "PERSON").add(",\n\nThe victim's bank details were used: sort code ").ent(
        f"{r.randint(10, 99)}-{r.randint(10, 99)}-{r.randint(10, 99)}", "SORT_CODE"
    )
    d.add(", account number ").ent(f"{r.randint(10000000, 99999999)}", "BANK_ACCOUNT").add(
        ". The card used was "
    ).ent(luhn_card(r), "PAYMENT_CARD")
    d.add(". Logins came from IP address ").ent(f"203.0.113.{r.randint(1, 254)}", "IP_ADDRESS")
    d.add(f". Please quote job number {r.randint(1000000000, 9999999999)}.\n\nRegards\n").ent(
        f, "PERSON"
    ).add("\n")
    return d


def medical_note(r: random.Random, F: list[str], S: list[str]) -> Doc:
    f, s = person(r, F, S)
    d = (
        Doc()
        .add("Medical statement\nPatient: ")
        .ent(f"{f} {s}", "PERSON")
        .add("   D.O.B. ")
        .ent(date(r, (1940, 2010)), "DATE_OF_BIRTH")
    )
    d.add("\nNHS No: ").ent(nhs(r), "NHS_NUMBER").add("\nI examined the patient at ").ent(
        r.choice(HOSPITALS), "ORG"
    ).add(" on ").ent(date(r, (2018, 2023)), "DATE")
    d.add(". She disclosed she had been ").ent(
        r.choice(["raped", "sexually assaulted"]), "SPECIAL_CATEGORY"
    )
    d.add(" and has a history of ").ent(
        r.choice(["self-harm", "anxiety", "depression"]), "SPECIAL_CATEGORY"
    )
    d.add(". Passport number ").ent(f"{r.randint(100000000, 999999999)}", "PASSPORT").add(
        " was used to confirm identity.\n"
    )
    d.add("Dr ").ent(r.choice(S), "PERSON").add(", GMC ").add(f"{r.randint(1000000, 9999999)}\n")
    return d


def solicitor_letter(r: random.Random, F: list[str], S: list[str]) -> Doc:
    f, s = person(r, F, S)
    d = (
        Doc()
        .add("Our ref: ")
        .add(
            f"{r.choice('ABCDEFGH')}{r.choice('ABCDEFGH')}/{r.randint(100, 999)}/{r.randint(10, 99)}\n"
        )
    )
    d.add("Dear Sir or Madam\n\nRe: our client ").ent(f"{f} {s}", "PERSON").add(" (born ").ent(
        date(r, (1955, 2003)), "DATE_OF_BIRTH"
    )
    d.add(")\n\nWe act for the above-named, who resides at ")
    d.address(r, ", ")
    d.add(". Our client's National Insurance number is ").ent(nino(r), "NINO").add(
        " and his driving licence number is "
    )
    d.ent(licence(r, s), "DRIVING_LICENCE").add(". He was convicted of ").ent(
        "dangerous driving", "SPECIAL_CATEGORY"
    )
    d.add(" at ").ent(r.choice(COURTS), "ORG").add(" on ").ent(date(r, (2012, 2022)), "DATE")
    d.add(". Please contact the writer, ").ent(f"{r.choice(F)} {r.choice(S)}", "PERSON").add(
        ", on "
    ).ent(phone(r), "PHONE")
    d.add(" or by email to ").ent(
        f"casework@{r.choice(['example.com', 'example.org', 'example.net'])}", "EMAIL"
    ).add(".\n\nYours faithfully\n")
    return d


def phone_log(r: random.Random, F: list[str], S: list[str]) -> Doc:
    d = Doc().add("CALL LOG EXTRACT\n")
    for _ in range(r.randint(3, 6)):
        f, s = person(r, F, S)
        d.add(f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}  ").ent(phone(r), "PHONE").add(
            "  ->  "
        ).ent(phone(r), "PHONE")
        d.add("  subscriber: ").ent(f"{f} {s}", "PERSON").add(f"  ({r.randint(1, 59)} sec)\n")
    d.add("Handset seized from vehicle ").ent(vrm(r), "VEHICLE_REG").add(" registered to ").ent(
        f"{r.choice(F)} {r.choice(S)}", "PERSON"
    ).add(".\n")
    return d


def social_work_note(r: random.Random, F: list[str], S: list[str]) -> Doc:
    f, s = person(r, F, S)
    child = r.choice(F)
    d = (
        Doc()
        .add("Strategy discussion, ")
        .ent(date(r, (2016, 2023)), "DATE")
        .add("\nPresent: ")
        .ent(f"{r.choice(F)} {r.choice(S)}", "PERSON")
    )
    d.add(" (social worker), DS ").ent(r.choice(S), "PERSON").add(" (").ent(
        r.choice(FORCES), "ORG"
    ).add(")\n\n")
    d.ent(f"{child} {s}", "PERSON").add(", date of birth ").ent(
        date(r, (2008, 2016)), "DATE_OF_BIRTH"
    )
    d.add(", lives with her mother ").ent(f"{f} {s}", "PERSON").add(" at ")
    d.address(r, ", ")
    d.add(". The family are ").ent(
        r.choice(["Muslim", "Catholic", "Sikh", "Jehovah's Witnesses"]), "SPECIAL_CATEGORY"
    )
    d.add(". Mother has a diagnosis of ").ent(
        r.choice(["bipolar disorder", "schizophrenia", "PTSD"]).split(" ")[0], "SPECIAL_CATEGORY"
    )
    d.add(" and is ").ent("pregnant", "SPECIAL_CATEGORY").add(". Contact mother on ").ent(
        phone(r), "PHONE"
    ).add(".\n")
    return d


def intel_report(r: random.Random, F: list[str], S: list[str]) -> Doc:
    f, s = person(r, F, S)
    d = (
        Doc()
        .add(
            f"INTELLIGENCE REPORT 5x5x5 ref {r.randint(100000, 999999)}/{r.randint(10, 99)}\nSubject: "
        )
        .ent(f"{s.upper()} {f}", "PERSON")
    )
    d.add(' aka "').ent(r.choice(["Smudge", "Bunny", "Tiny"]), "PERSON").add(
        '"\nIt is reported that the subject is supplying '
    ).ent("cocaine", "SPECIAL_CATEGORY")
    d.add(" from ")
    d.address(r, ", ", with_postcode=r.random() < 0.5)
    d.add(" using a black Audi ").ent(vrm(r), "VEHICLE_REG").add(". He associates with ").ent(
        f"{r.choice(F)} {r.choice(S)}", "PERSON"
    )
    d.add(" (PNC ").ent(pnc(r), "PNC_ID").add("). Subject uses mobile ").ent(phone(r), "PHONE").add(
        " and IP "
    )
    d.ent(f"2001:db8:{r.randint(1, 9999):x}::{r.randint(1, 999):x}", "IP_ADDRESS").add(
        ". Not to be disclosed. Operation "
    ).add(r.choice(["Kestrel", "Tundra", "Lantern"])).add(".\n")
    return d


DEV_TEMPLATES = [witness_statement, custody_record, incident_report, email_thread, medical_note]
HELD_TEMPLATES = [
    solicitor_letter,
    phone_log,
    social_work_note,
    intel_report,
    incident_report,
    witness_statement,
]


def build(
    name: str, templates: list[Any], first: list[str], sur: list[str], n: int, seed: int
) -> None:
    r = random.Random(seed)
    with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as out:
        for i in range(n):
            t = templates[i % len(templates)]
            d = t(r, first, sur)
            # STATUTE marks text that must NOT be labelled: kept out of gold, used by the guard check.
            spans = sorted((s, e, lab) for s, e, lab in d.spans if lab != "STATUTE")
            for s, e, _lab in spans:
                assert d.text[s:e] and d.text[s:e] == d.text[s:e].strip(), (t.__name__, d.text[s:e])
            out.write(
                json.dumps(
                    {
                        "id": f"{name}-{i:03d}",
                        "template": t.__name__,
                        "text": d.text,
                        "spans": spans,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )


if __name__ == "__main__":
    build("dev", DEV_TEMPLATES, FIRST_DEV, SUR_DEV, 100, 1)
    build("heldout", HELD_TEMPLATES, FIRST_HELD, SUR_HELD, 90, 2)
