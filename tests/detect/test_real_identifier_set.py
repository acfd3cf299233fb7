"""The real identifier set (issue 13's identifier target) and the classes its dev split showed.

Data checks: offsets match, at least 40 passages, dev and test share no source document, and
each target label occurs on both splits. Classes (all sentences copied from dev passages):
sort codes written with spaces and followed by their account number are one BANK_ACCOUNT, and
day-month-year dates written with spaces ("born on 1 01 1951") are dates, so a birth date
written that way is DATE_OF_BIRTH.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from spacy.language import Language

from reviewer.detect import detect_text
from reviewer.detect.evaluate import load_gold

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "detection" / "real"
TARGETS = ("VEHICLE_REG", "PHONE", "BANK_ACCOUNT", "DATE_OF_BIRTH")


def rows(split: str) -> list[dict[str, object]]:
    path = REAL / f"identifiers_{split}.jsonl"
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def document(source: str) -> str:
    return source.split(" (")[0]


def labelled(text: str, min_score: float = 0.5) -> set[tuple[str, str]]:
    return {(s.text, s.label) for s in detect_text(text, min_score=min_score)}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_identifier_set_offsets_and_targets(split: str) -> None:
    load_gold(REAL / f"identifiers_{split}.jsonl")  # raises on a span whose text does not match
    counts = Counter(str(s["label"]) for r in rows(split) for s in r["spans"])  # type: ignore[attr-defined]
    assert all(counts[label] >= 5 for label in TARGETS), counts


def test_identifier_set_is_big_enough_and_split_by_document() -> None:
    dev, test = rows("dev"), rows("test")
    assert len(dev) + len(test) >= 40
    shared = {document(str(r["source"])) for r in dev} & {document(str(r["source"])) for r in test}
    assert not shared


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Sort code Account number Account name CHAPS instruction\n"
            "08 32 10 12001039 HMRC Cumbernauld CHAPS form",
            "08 32 10 12001039",
        ),
        (
            "Account type Sort code Account number\nUK 20 20 48 30944793\n",
            "20 20 48 30944793",
        ),
    ],
)
def test_a_spaced_sort_code_and_its_account_are_one_bank_account(
    nlp: Language, text: str, value: str
) -> None:
    found = labelled(text)
    assert (value, "BANK_ACCOUNT") in found
    assert not {t for t, lab in found if lab == "SORT_CODE"}


def test_day_month_year_with_spaces_is_a_date_and_a_birth_date_after_born(nlp: Language) -> None:
    text = (
        "On 15 07 2012 she claimed state pension credit. If she was born on 1 01 1951, as she "
        "stated, then she was entitled to the credit. If, on the balance of probabilities, she "
        "was born on or before 5 06 1951 then she could claim. Her passport gives her date of "
        "birth being 1 01 1951."
    )
    found = labelled(text)
    assert ("15 07 2012", "DATE") in found
    assert ("5 06 1951", "DATE") in found
    dobs = [s for s in detect_text(text, min_score=0.5) if s.label == "DATE_OF_BIRTH"]
    assert [s.text for s in dobs] == ["1 01 1951", "1 01 1951"]


def test_spaced_numbers_that_are_no_date_stay_what_they_are(nlp: Language) -> None:
    # A sort code, a phone number and a day-month pair without a four-digit year.
    text = "Sort code 30 00 03. Tel No: 020 7404 1400. Page 12 10 2012a and 31 13 1999."
    found = labelled(text, min_score=0.0)
    assert not {t for t, lab in found if lab in {"DATE", "DATE_OF_BIRTH"}}
