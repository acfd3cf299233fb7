"""Third-round precision classes: what was still highlighted as a person on the 121 documents.

Each text is quoted from a document of the shared corpus (`../shared/corpus/uk-gov-docs/`,
Crown copyright, Open Government Licence v3.0); the file is named above each test. A recall
guard beside each class keeps a real name in a similar construction.
"""

from __future__ import annotations

from spacy.language import Language

from reviewer.detect import detect_text
from tests.detect.conftest import flagged

# Class 1: the model alone reads two ordinary English words as a name.
ORDINARY_PAIRS = {
    # ia/ukia_20150171_en.docx
    "Sulphur Dioxide": (
        "Health and Safety Executive data indicates respectively that  5, 1, and 2 sites holding "
        "substances in combination may out of scope of regulation as a result of changes in the "
        "tonnage threshold for Sulphur Dioxide,  Cellulose Nitrate and Carbon Disulphide."
    ),
    # ia/ukia_20250008_en.docx (an occupations table)
    "Pest Controller": (
        "01 Crop and animal production, hunting and related service activities\tFarmer, Game "
        "Keeper, Pest Controller, Deer Stalker\n02 Forestry and logging\tForester\n"
    ),
    # ia/ukia_20250017_en.docx
    "Fossil Fuel": (
        "*For simplicity, we merged Oil, LPG and Coal fuel households into a combined Fossil Fuel "
        "off gas grid total and we excluded installations whose fuel type displaced is “None”, "
        "“Other” or “Unknown”."
    ),
    # ia/ukia_20250013_en.docx
    "Advanced Learner": (
        "The £5,760 lower fee limit was chosen to align with the highest standard funding rate for "
        "AHE Diplomas, which are functionally similar to foundation years. AHE Diplomas are priced "
        "at five different rates and can be funded via grant funding or Advanced Learner Loans. "
        "The department considered aligning the lower fee limit with the lowest base funding rate."
    ),
    # em/uksiem_20221377_en.docx
    "Deputies Report": (
        "The Association\u2019s Governors adopted the Twentieth Replenishment Resolution "
        "(Resolution No. 248) on 31 March 2022. A copy of Resolution No. 248 alongside the final "
        "twentieth replenishment Deputies Report has been laid in the House of Commons library."
    ),
}


def test_ordinary_english_words_read_as_a_name_by_the_model_alone(nlp: Language) -> None:
    for name, text in ORDINARY_PAIRS.items():
        people = flagged(text, "PERSON")
        assert not any(name.split()[0] in p for p in people), (name, people)


def test_a_surname_that_is_an_english_word_stays_with_its_given_name(nlp: Language) -> None:
    # cop/uksicop_20160518_en.docx, the working group of the code: "Guy" is a given name that is
    # also a word (never an ordinary word for this rule), "Pewter" and "Rich" are words.
    text = (
        "Working group\nGerry Fox FRICS FIRPM (RICS)\nMartin Green (CIH)\nNicholas Kissen "
        "(Leasehold Advisory Service)\nMartin Perry MIRPM (ARMA)\nGuy Pewter FRICS (RICS)\n"
        "Shula Rich (FPRA)\n"
    )
    people = flagged(text, "PERSON")
    assert {"Martin Green", "Guy Pewter", "Shula Rich", "Nicholas Kissen"} <= people, people
    # A title keeps a surname that is a word: "Dr Green", and "John Green" by his given name.
    text = "The panel was chaired by Dr Fossil Green, and John Green gave evidence."
    people = flagged(text, "PERSON")
    assert "John Green" in people and any("Green" in p for p in people - {"John Green"}), people


# Class 2: a body named in Welsh or Irish, ending with the nation's own name.
# en/ukpgaen_2023_0050_en.docx (Online Safety Act 2023 explanatory notes)
SENEDD = (
    "The UK Parliament does not normally legislate with regard to matters that are within the "
    "legislative competence of the Scottish Parliament, Senedd Cymru or the Northern Ireland "
    "Assembly without the consent of the legislature concerned."
)
S4C = (
    "Subsection (1)(a) to (c) provides that the British Broadcasting Corporation, Sianel Pedwar "
    "Cymru, and any entity that holds a licence under the Broadcasting Act 1990 or 1996 and which "
    "publishes news-related content under that licence will qualify as a recognised news publisher."
)
# en/ukpgaen_20240015_en.docx (Media Act 2024 explanatory notes)
RTE = (
    "The Secretary of State intends to specify Ireland as a qualifying country with the effect "
    "that Raidió Teilifís Éireann (the Irish national broadcaster) and other Irish commercial and "
    "community radio station operators can apply for digital licences for their radio services."
)


def test_a_welsh_or_irish_body_is_no_person(nlp: Language) -> None:
    for text in (SENEDD, S4C, RTE):
        people = flagged(text, "PERSON")
        assert not people, people


def test_a_welsh_name_stays_a_person(nlp: Language) -> None:
    # en/ukpgaen_20240015_en.docx: the review of S4C and its author.
    text = (
        "Building an S4C for the future: An independent review by Euryn Ogwen Williams; and the "
        "Government response to the review, 2018."
    )
    assert "Euryn Ogwen Williams" in flagged(text, "PERSON")


# Class 3: a body's acronym before "Forename Surname" is no part of the name.
# ia/ukia_20250016_en.docx (a signature line of an impact assessment)
DBT = (
    "I have read the Impact Assessment and I am satisfied that, given the available evidence, it "
    "represents a reasonable view of the likely costs, benefits and impact of the leading "
    "options.\nSigned by the responsible Minister of State, DBT, Kevin Hollinrake\t\t\xa0Date:\t"
    "21/05/2024\n"
)


def test_an_acronym_before_a_comma_is_cut_off_the_name(nlp: Language) -> None:
    people = [s for s in detect_text(DBT, min_score=0.5) if s.label == "PERSON"]
    assert [s.text for s in people] == ["Kevin Hollinrake"], people


def test_a_surname_in_capitals_before_its_forename_stays_whole(nlp: Language) -> None:
    text = DBT.replace("DBT, Kevin Hollinrake", "HOLLINRAKE, Kevin")
    assert "HOLLINRAKE, Kevin" in flagged(text, "PERSON")


def test_professional_post_nominals_are_trimmed_off_a_name(nlp: Language) -> None:
    # cop/uksicop_20160518_en.docx: the Institute of Residential Property Management's grades
    # (FIRPM, MIRPM) after a member's name; "FRICS" was already trimmed.
    text = (
        "Working group\nGerry Fox FRICS FIRPM (RICS)\nMartin Green (CIH)\nMartin Perry MIRPM "
        "(ARMA)\nGuy Pewter FRICS (RICS)\n"
    )
    people = flagged(text, "PERSON")
    assert {"Gerry Fox", "Martin Perry", "Guy Pewter"} <= people, people


# Class 4: a species' name beside its Latin binomial in brackets.
# en/ukpgaen_20180030_en.docx (Ivory Act 2018 explanatory notes)
IVORY = (
    "the use for commercial sale which would mean any form of sale (this includes sale for money "
    "and sales in kind such as exchange or bartering) of ivory from African elephants (Loxdonta "
    "Africana) and Asian elephants (Elephas Maximus).\n"
)
# tn/uksitn_20151348_en.docx (honey regulations transposition note)
HONEY = (
    "Annex II, fourth paragraph, point 1.2, second indent\tFalse acacia (Robinia pseudoacacia), "
    "alfalfa (Medicago sativa), Menzies Banksia (Banksia menziesii), French honeysuckle "
    "(Hedysarum), red gum (Eucalyptus camadulensis), leatherwood (Eucryphia lucida, Eucryphia "
    "milliganii), Citrus spp.\tEntry 1(2)(b) of the paragraph 12 table in Schedule 1\n"
)


def test_a_species_and_its_latin_name_are_no_person(nlp: Language) -> None:
    for text in (IVORY, HONEY):
        people = flagged(text, "PERSON")
        assert not people, people


def test_a_name_in_brackets_after_a_word_stays_a_person(nlp: Language) -> None:
    # Names beside brackets, as contact lines and reference lists write them: a surname with a
    # Latin-looking ending ("Davis") in brackets after a word is no species without a list of
    # them, and "(Centre for Health Economics)" after a name is no binomial.
    text = (
        "The review was led by an economist (Nada Balasingham) and a statistician (Marcus "
        "Antonius), with Eldon Spackman (Centre for Health Economics) as adviser."
    )
    people = flagged(text, "PERSON")
    assert {"Nada Balasingham", "Marcus Antonius", "Eldon Spackman"} <= people, people
    text = "The panel was chaired by Nada Balasingham (Social media) and Nada Davis."
    assert "Nada Davis" in flagged(text, "PERSON")


def test_the_english_word_list_reads_every_word_and_no_comment() -> None:
    from reviewer.detect.names import first_names
    from reviewer.detect.plausibility import english_words
    from reviewer.detect.resources import read_lines

    listed = {w.lower() for w in read_lines("english_words.txt")} - first_names()
    assert english_words() == listed
    assert "sulphur" in english_words() and "dioxide" in english_words()
    # Mostly surnames, and given names that are also words, are never ordinary words here.
    assert not {"smith", "baker", "guy", "grant", "will"} & english_words()
