"""The fictional people, places and references of R v Hartigan (2004) and the corporate files.

Names and street names are invented; postcodes have a real format (Leeds districts) but the
street addresses do not exist as written. Collar numbers, URN and court case number are invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Person:
    name: str  # as written in a statement heading, surname in capitals
    short: str  # as referred to in prose
    dob: str = ""
    street: str = ""
    district: str = ""
    postcode: str = ""
    email: str = ""

    @property
    def address(self) -> str:
        return f"{self.street}, {self.district}, Leeds"


DEFENDANT = Person(
    "Lee Anthony HARTIGAN", "HARTIGAN", "03/11/1979", "27 Brackenridge Walk", "Bramley", "LS13 2PJ"
)
VICTIM = Person(
    "Daniel Peter WHITCOMBE", "Daniel", "21/06/1976", "9 Larchfield Mews", "Kirkstall", "LS5 3HT"
)
KENDRICK = Person(
    "Sarah Louise KENDRICK",
    "Sarah",
    "12/02/1981",
    "41 Cobbler's Rise",
    "Headingley",
    "LS6 4QR",
    "sarah.kendrick81@example.com",
)
HUSSAIN = Person(
    "Imran Qadir HUSSAIN",
    "Mr Hussain",
    "07/09/1968",
    "112 Quarrymoor Close",
    "Harehills",
    "LS8 5NW",
)
DRANSFIELD = Person(
    "Kelly Marie DRANSFIELD", "DRANSFIELD", "19/04/1982", "6 Tanner's Fold", "Bramley", "LS13 3EZ"
)
OIC_NAME = "Michael FAIRBROTHER"
OIC = f"DC 2318 {OIC_NAME}"
OIC_EMAIL = "michael.fairbrother@police.example.com"
PC_NAME = "Rachel AMBERLEY"
PC = f"PC 4471 {PC_NAME}"
LAWYER = "Helen Marchbank"
LAWYER_EMAIL = "helen.marchbank@cps.example.com"
CASEWORKER = "Andrew Pickersgill"
MOTHER = "Joan Whitcombe"
DOCTOR = "Fiona Castleton"
LICENSEE = "Keith ORMEROD"

URN = "13LD0458204"
CASE_NO = "T20047123"
CROWN_COURT = "Leeds Crown Court"
MAGS_COURT = "Leeds Magistrates' Court"
PUB = "The Maltster's Arms"
PUB_ADDRESS = "3 Calder Row, Leeds LS1 6DQ"
OFFENCE = "section 18 of the Offences Against the Person Act 1861"

FOOTER = "FICTIONAL SAMPLE - Records Reviewer test data - no real person, case or number"

# Dates of the records (the file dates used for mtimes and document metadata).
D_KENDRICK = datetime(2004, 8, 15, 15, 5)
D_HUSSAIN = datetime(2004, 8, 16, 11, 30)
D_MG3 = datetime(2004, 8, 17, 16, 5)
D_FILE_NOTE = datetime(2004, 9, 2, 11, 58)
D_EMAIL = datetime(2004, 10, 4, 16, 42, 10)
D_THUMBS = datetime(2004, 10, 5, 9, 12)
D_MINUTES = datetime(2005, 3, 22, 10, 15)
D_POLICY = datetime(2005, 11, 21, 14, 40)
D_CLOSURE = datetime(2006, 6, 30, 12, 0)
