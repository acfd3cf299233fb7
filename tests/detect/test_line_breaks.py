"""Names and identifiers wrapped across one line break are found whole (issue 15, item 5).

Laid-out text (a PDF page, an e-mail wrapped at 72 columns) breaks "Jonathan Pemberton-Whitley"
as "Jonathan\\nPemberton-Whitley" and "LS1 6DQ" as "LS1\\n6DQ". Each half alone was weak or
missing, so a redacted copy kept the second half. Lists, tables and headings stay apart.
"""

from __future__ import annotations

import pytest

from reviewer.detect import detect_text
from reviewer.detect.linebreaks import single_breaks, unwrapped

HOSTILE = (
    "The meeting was held at the office in Leeds LS1\n6DQ on Tuesday. Present were Jonathan\n"
    "Pemberton-Whitley and Margaret\nThornton from the department.\n"
)


def spans(text: str, label: str, min_score: float = 0.5) -> dict[str, float]:
    return {s.text: s.score for s in detect_text(text, min_score=min_score) if s.label == label}


def test_given_name_and_surname_across_a_line_break_are_one_flagged_span() -> None:
    people = spans(HOSTILE, "PERSON")
    assert "Jonathan\nPemberton-Whitley" in people
    assert "Margaret\nThornton" in people
    assert people["Jonathan\nPemberton-Whitley"] >= 0.75  # a full name's score, not 0.45
    assert not {"Jonathan", "Pemberton-Whitley", "Margaret", "Thornton"} & set(people)


def test_postcode_across_a_line_break_is_found() -> None:
    assert "LS1\n6DQ" in spans(HOSTILE, "POSTCODE")


def test_later_mention_of_a_wrapped_name_is_found() -> None:
    text = HOSTILE + "The chair thanked Pemberton-Whitley for the paper.\n"
    people = spans(text, "PERSON")
    assert "Pemberton-Whitley" in people


def test_a_name_in_blanks_around_the_break_is_still_one_span() -> None:
    text = "The decision letter was signed by Rebecca  \n   Hollingworth on behalf of the team."
    people = spans(text, "PERSON")
    assert any(t.startswith("Rebecca") and t.endswith("Hollingworth") for t in people), people


def test_title_at_a_line_end_and_surname_on_the_next_line() -> None:
    text = "The complaint was passed to the case officer, Mrs\nHetherington, who replied in May."
    people = spans(text, "PERSON")
    assert "Hetherington" in people
    assert people["Hetherington"] >= 0.8


def test_surname_first_list_entry_wrapped_after_its_comma() -> None:
    text = (
        "The panel heard evidence from the witnesses HARGREAVES, Paul; ODUYA,\nMartin; and others."
    )
    people = spans(text, "PERSON")
    assert "ODUYA,\nMartin" in people


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (
            "Her National Insurance number is AB 12\n34 56 C and she lives in Hull.",
            "AB 12\n34 56 C",
            "NINO",
        ),
        (
            "Please telephone the officer on 0113 496\n0000 before Friday.",
            "0113 496\n0000",
            "PHONE",
        ),
        (
            "Pay the refund to her bank, sort code and account 20-45-77\n12345678, as agreed.",
            "20-45-77\n12345678",
            "BANK_ACCOUNT",
        ),
        (
            "Reply to the office at 1 High Street, Bradford BD1\n1AA within a week.",
            "BD1\n1AA",
            "POSTCODE",
        ),
    ],
)
def test_identifiers_wrapped_across_one_line_break(text: str, value: str, label: str) -> None:
    found = spans(text, label)
    assert value in found, found


def test_sort_code_wrapped_inside_is_found() -> None:
    text = "The bank details given were sort code 20 45\n77 and the account in her name."
    assert "20 45\n77" in spans(text, "SORT_CODE", min_score=0.2)


# --- Precision: lines that are separate things stay apart ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Staff list\nJonathan\nPayroll\nMargaret\nFinance\n",  # a list: one item a line
        "Name\tDepartment\nJonathan\tPayroll\nMargaret\tHR\n",  # a table
        "The posts were filled by the payroll team and Jonathan\nPayroll staff were told.",
    ],
)
def test_separate_lines_do_not_merge_into_a_name(text: str) -> None:
    people = spans(text, "PERSON", min_score=0.3)
    assert not any("\n" in t for t in people), people


def test_heading_line_then_a_name_do_not_merge() -> None:
    text = "Notes of the meeting with Alice\nBob Smith opened the meeting at ten.\n"
    people = spans(text, "PERSON", min_score=0.3)
    assert not any("Alice\nBob" in t for t in people), people
    title_case = "Minutes Of Review Meeting Rose\nHardcastle said the file was complete.\n"
    assert not any("\n" in t for t in spans(title_case, "PERSON", min_score=0.3))


def test_a_title_like_acronym_ending_a_sentence_is_no_title() -> None:
    # Seen on the shared corpus (an impact assessment): "DC" is defined contribution.
    text = (
        "This would deliver a higher level of overall pensions than individual DC.\n"
        "Converting DC pots into an income stream for members is costly."
    )
    assert not any("Converting" in t for t in spans(text, "PERSON", min_score=0.3))


def test_a_blank_line_is_never_bridged() -> None:
    text = "The report was written by Jonathan\n\nPemberton-Whitley Road is closed this week."
    assert not any("\n" in t for t in spans(text, "PERSON", min_score=0.3))
    assert not any("\n" in t for t in spans("Leeds LS1\n\n6DQ is the code.", "POSTCODE"))


def test_column_of_numbers_does_not_become_a_phone_number() -> None:
    text = "Totals by year\n01132\n496000\n2023\n"
    assert not spans(text, "PHONE", min_score=0.3)


def test_unwrapped_maps_offsets_back() -> None:
    text = "ab LS1 \n  6DQ cd\n\nx"
    assert single_breaks(text) == [(6, 10)]
    flat = unwrapped(text)
    assert flat is not None
    assert flat.text == "ab LS1 6DQ cd\n\nx"
    j = flat.text.index("LS1")
    start, end = flat.original(j), flat.original(j + len("LS1 6DQ"), end=True)
    assert text[start:end] == "LS1 \n  6DQ"
    assert flat.crosses(j, j + 7) and not flat.crosses(j, j + 3)
