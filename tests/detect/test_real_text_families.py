"""False-positive and miss families found on real text, one test per family.

Every text here is quoted from a real public document: the shared corpus of 121 UK legislation
documents (explanatory memoranda, impact assessments, codes of practice; Crown copyright, Open
Government Licence v3.0) or published judgments of the courts of England and Wales.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from reviewer.detect import detect_text
from tests.detect.conftest import flagged

# --- Precision: what is capitalised in government and legal text but is no person ----------


@pytest.mark.parametrize(
    ("text", "not_people"),
    [
        # Institutional words: the model and later mentions took "Ministers" for a name.
        (
            "Most regulations under the Bill that apply in relation to Wales, Scotland or Northern "
            "Ireland may be made only by, or with the consent of, the Welsh Ministers, Scottish "
            "Ministers or the Department of Agriculture. Welsh Ministers are accountable to the "
            "National Assembly for their decisions and actions.",
            {"Ministers", "Welsh Ministers", "Bill", "Welsh"},
        ),
        # Hansard references: "Col" is a column, not Colonel nor a name.
        (
            "Additional measures on flexible judicial deployment and related judicial matters "
            "were included in the Bill on introduction.\n"
            "Public Bill Committee\t4 December 2018\t1st sitting PBC (Bill 286) 2017 - 19 Col 1\n"
            "First Reading\t6 December 2023\tVol 742 Col 381\n",
            {"Col", "Bill", "Bill Committee"},
        ),
        # Titles of office after "Lord": "Lord Chancellor", "Lord Chief Justice".
        (
            "The Lord Chancellor must consult the Lord Chief Justice before making the rules.",
            {"Chancellor", "Chief", "Chief Justice"},
        ),
    ],
)
def test_institutional_words_are_not_people(nlp: Language, text: str, not_people: set[str]) -> None:
    assert not flagged(text, "PERSON") & not_people


def test_a_given_name_used_as_a_noun_is_no_person(nlp: Language) -> None:
    # "the Bill": a capitalised common noun after a determiner, though "Bill" is a given name.
    text = (
        "Additional measures on flexible judicial deployment were included in the Bill on "
        "introduction.\nBill Table\t40\nThe Bill Committee considered the Bill. Conor McGinn MP "
        "successfully amended the Bill at Commons Committee stage."
    )
    people = flagged(text, "PERSON")
    assert not people & {"Bill", "Bill Table", "Bill Committee"}
    assert "Conor McGinn" in people


@pytest.mark.parametrize(
    "text",
    [
        "Special Educational Needs (SEN): A child or young person has SEN if they have a "
        "learning difficulty. They must fulfil their statutory duties towards children and "
        "young people with SEN or disabilities. Changes from the SEN Code of Practice (2001)\t13",
        "Summary: Intervention and Options \tRPC Opinion: Green\nRPC Reference No: RPC-4329",
        "It explicitly banned the manipulation of benchmarks (such as LIBOR, the London "
        "Interbank Offered Rate). LIBOR Transition\t3\nThe role of the SENCO (SENCO) in early "
        "years provision\t88",
        "The Contracts for Difference (CfD) scheme is run by DESNZ (DESNZ). The CfD budget.",
        "Neutral Citation No: [2003] EWCA Civ 547\nIN THE SUPREME COURT OF JUDICATURE",
    ],
)
def test_acronyms_and_codes_are_not_people(nlp: Language, text: str) -> None:
    people = flagged(text, "PERSON")
    assert not people, people


def test_a_statute_is_never_a_later_mention_of_a_name(nlp: Language) -> None:
    text = (
        "OFCOM's powers are found in the Communications Act 2003 and the Wireless Telegraphy "
        "Act 2006. Wireless Telegraphy licences are granted by OFCOM. The CA 2003 (paragraph 3) "
        "and the Wireless Telegraphy Act 2006 (paragraph 4) add references to Tier 1 services."
    )
    assert "Wireless Telegraphy" not in flagged(text, "PERSON")


def test_law_firms_instructed_are_organisations(nlp: Language) -> None:
    # Cover page of R (B) v Ashworth Hospital Authority [2003] EWCA Civ 547.
    text = (
        "Mr Richard Gordon QC and Mr Hugh Southey (instructed by Messrs Roberts, Moore, Nicholas "
        "and Jones) for the Appellant\nMr Oliver Thorold (instructed by Leigh Day) for the "
        "Respondent\n"
    )
    people = flagged(text, "PERSON")
    assert {"Richard Gordon", "Hugh Southey", "Oliver Thorold"} <= people
    assert not people & {"Nicholas", "Jones", "Roberts, Moore", "Leigh Day"}
    assert "Leigh Day" in {s.text for s in detect_text(text) if s.label == "ORG"}


def test_authorities_cited_are_not_people(nlp: Language) -> None:
    text = (
        "The judge applied Lyfar v. Brighton and Sussex University Hospitals Trust [2006] EWCA "
        "Civ 1548 and Smith v Jones [1990] 1 WLR 1234 to the facts."
    )
    people = flagged(text, "PERSON")
    assert not people & {"Lyfar", "Brighton", "Smith", "Jones", "EWCA Civ"}


def test_headings_in_capitals_are_not_people(nlp: Language) -> None:
    text = "IMPACT ASSESSMENT\nINTELLECTUAL PROPERTY ENTERPRISE COURT\nBUSINESS AND PROPERTY COURTS"
    assert not flagged(text, "PERSON")


# --- Recall: names the detector missed on real judgments -----------------------------------


def test_speaker_labels_and_names_in_capitals(nlp: Language) -> None:
    text = "MR CLARKE: I do not accept that.\nLORD JUSTICE DYSON\nand\nMRS HARTLEY: Yes."
    assert {"CLARKE", "DYSON", "HARTLEY"} <= flagged(text, "PERSON")


def test_judges_before_their_post_nominals(nlp: Language) -> None:
    text = (
        "The point was decided by Sachs J and approved by Rix LJ. Rix and Phillips LJJ agreed "
        "with Cozens-Hardy M.R. in the earlier case. Before: Nicholas Caddick Q.C. (sitting as "
        "a Deputy High Court Judge). Alan Duncan MP answered. Annex J sets out the figures."
    )
    people = flagged(text, "PERSON")
    assert {"Sachs", "Rix", "Phillips", "Cozens-Hardy", "Nicholas Caddick", "Alan Duncan"} <= people
    assert not {p for p in people if "Annex" in p or "MP" in p}


def test_anonymised_initials_stand_for_a_person(nlp: Language) -> None:
    text = (
        "THE QUEEN ON THE APPLICATION OF \u201cB\u201d\nAppellant\n"
        "Save for certain brief interludes, B has been a patient at Ashworth Hospital since 1987. "
        "He is 47 years of age. "
        "Most of the clinicians who have had B under their care have been of the view that B "
        "also suffers from a psychopathic disorder. Annex B sets out the chronology. "
        "Counsel for the appellant, NJ, said that NJ had been unwell."
    )
    spans = [s for s in detect_text(text, min_score=0.5) if s.label == "PERSON"]
    b = [s for s in spans if s.text == "B"]
    assert len(b) == 4  # the title, "B has", "had B", "that B"; not "Annex B"
    assert [s.text for s in spans if s.text == "NJ"] == ["NJ", "NJ"]


@pytest.mark.parametrize(
    "text",
    [
        # A variable in a formula, a label's letter, "R&D", "S&S": no anonymised person.
        "The calculation, set out in paragraph 3, has a variable referred to as \u201cB\u201d. "
        "Unless a Treasury order is issued that says otherwise, B is the retail prices index "
        "for September. For the financial year beginning on 1st April 2015 B would be the index.",
        "A is an individual PSC and a director of Company A, and a director of Company B. "
        "Officer A is counted twice: once as a unique officer of Company B.",
        "A report commissioned by DESNZ in 2022 suggests that deployment and R&D could bring "
        "down the total capital cost. The UK's approach to S&S is in line with the WCO.",
        "19(1)\tInformation to be supplied by applicant ADR entity to its competent authority",
        "Annex B - Hansard References\nAnnex B \u2013 Hansard References",
    ],
)
def test_letters_that_are_no_anonymised_person(nlp: Language, text: str) -> None:
    assert not flagged(text, "PERSON")


def test_a_name_broken_across_lines_by_a_hyphen(nlp: Language) -> None:
    text = "The witness was Mr Quen-\nnell, a clerk of the court. Later Mr Quen-\nnell left."
    assert flagged(text, "PERSON") == {"Quen-\nnell"}


def test_peers_with_their_place(nlp: Language) -> None:
    text = (
        "Baroness Vere of Norbiton, Parliamentary Under Secretary of State at the Department "
        "for Transport can confirm that this explanatory memorandum meets the required standard."
    )
    assert "Vere of Norbiton" in flagged(text, "PERSON")


# --- Special category: shown only where the text ties it to a person -----------------------


def test_special_category_in_a_policy_paper_is_only_possible(nlp: Language) -> None:
    text = (
        "Special Educational Needs (SEN): A child or young person has SEN if they have a "
        "learning difficulty or disability which calls for special educational provision to be "
        "made for him or her. The measures reduce fraud and money laundering in the sector."
    )
    spans = [s for s in detect_text(text) if s.label == "SPECIAL_CATEGORY"]
    assert {"disability", "fraud"} <= {s.text for s in spans}
    assert all(s.score < 0.5 and "no person" in s.reason for s in spans)


def test_special_category_tied_to_a_person_is_flagged(nlp: Language) -> None:
    text = (
        "B has been a patient at Ashworth Hospital since 1987. He had been convicted of the "
        "manslaughter of his girlfriend. The mental illness specified by the court was "
        "schizophrenia."
    )
    shown = flagged(text, "SPECIAL_CATEGORY")
    assert {"convicted", "mental illness", "schizophrenia"} <= shown


def test_names_beside_their_post_or_office(nlp: Language) -> None:
    # Contact lines of explanatory memoranda and a judgment's cover (counsel before "instructed").
    text = (
        "Contact\nAlexis Petrou at the Northern Ireland Office Telephone: 0207 210 0817 can be "
        "contacted with any queries.\nHelen Martin & Jo Warner, Deputy Directors for BBC Policy "
        "at the Department for Culture, Media and Sport confirm.\nDuncan Gilchrist, Deputy "
        "Director for Child Maintenance Policy, can confirm.\nTIM AUSTEN (instructed by Browne "
        "Jacobson LLP) for the Claimants\nThe Financial Conduct Authority, the Chief Executive "
        "said."
    )
    people = flagged(text, "PERSON")
    assert {"Alexis Petrou", "Jo Warner", "Duncan Gilchrist", "TIM AUSTEN"} <= people
    assert not {p for p in people if "Authority" in p or "Browne" in p}


def test_a_lone_capitalised_word_in_a_policy_paper_is_only_possible(nlp: Language) -> None:
    text = (
        "Recycling performance is based on \u201cConsistency in Household and Business Recycling "
        "in England\u201d, Traverse, Pg. 104. HE providers are compared with alternative, "
        "further education options such as AHE Diplomas. Amongst them, Orkney, Shetland and "
        "Western Isles are entirely island authorities."
    )
    assert not flagged(text, "PERSON") & {"Traverse", "Diplomas", "Orkney"}


def test_a_bill_is_no_person(nlp: Language) -> None:
    text = (
        "The framework would become the Social Security (Scotland) Bill. This received more "
        "than 200 responses. Research briefings for the Islands (Scotland) Bill indicate that "
        "residents of islands rely on ferry services."
    )
    assert not {p for p in flagged(text, "PERSON") if "Bill" in p}


def test_abstract_nouns_styles_and_months_are_not_people(nlp: Language) -> None:
    text = (
        "2. Selflessness - Ministers when making appointments should act solely in terms of "
        "the public interest.\nG. Assurance \u2013 There should be established a system.\n"
        "that the scheme has an adequate continuity strategy\nAuthorisation Criteria\n"
        "Other benefits are Attendance Allowance and Carer\u2019s Allowance.\n"
        "Subsection 7 provides that His Majesty may by Order in Council extend it.\n"
        "Office for Budget Responsibility (March 2018): Economic and fiscal outlook\n"
        "Signed by the responsible: The Rt Hon Peter Kyle MP, Secretary of State\n"
    )
    people = flagged(text, "PERSON")
    assert "Peter Kyle" in people
    assert not people - {"Peter Kyle"}, people
