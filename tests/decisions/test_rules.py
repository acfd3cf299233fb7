"""TNA's TDR closure rules and the closure table, as a reviewer meets them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import resources
from reviewer.decisions import validate_sensitivity
from reviewer.decisions.exemptions import (
    allowed_codes,
    load_exemptions,
    suggest_closure_start,
    suggest_period,
)

TODAY = date(2026, 11, 25)
CLOSED: dict[str, Any] = {
    "closure_status": "Closed",
    "exemptions": [("40(2)", 84)],
    "closure_start_date": date(2004, 12, 31),
    "foi_schedule_date": date(2025, 3, 1),
    "title_closed": False,
    "title_alternate": "",
    "description_closed": False,
    "description_alternate": "",
}


def check(**changes: Any) -> list[str]:
    return validate_sensitivity(**{**CLOSED, **changes}, today=TODAY)


def test_open_with_no_closure_fields_is_valid() -> None:
    assert validate_sensitivity(closure_status="Open") == []


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("exemptions", [("40(2)", 84)], "no FOI exemption"),
        ("closure_start_date", date(2004, 12, 31), "no closure start date"),
        ("foi_schedule_date", date(2025, 1, 1), "no FOI schedule date"),
        ("title_closed", True, "title must not be closed"),
        ("description_alternate", "x", "description must not be closed"),
    ],
)
def test_open_refuses_any_closure_field(field: str, value: Any, words: str) -> None:
    problems = validate_sensitivity(closure_status="Open", **{field: value})
    assert any(words in p for p in problems), problems


def test_status_must_be_open_or_closed() -> None:
    problems = validate_sensitivity(closure_status="closed")
    assert problems == ["closure status must be Open or Closed"]


def test_a_complete_closure_is_valid() -> None:
    assert check() == []


def test_closed_needs_codes_start_and_schedule() -> None:
    problems = check(exemptions=[], closure_start_date=None, foi_schedule_date=None)
    assert any("at least one FOI exemption" in p for p in problems)
    assert any("needs a closure start date" in p for p in problems)
    assert any("needs the FOI schedule date" in p for p in problems)


@pytest.mark.parametrize("period", [0, 151, -5])
def test_period_is_1_to_150_years(period: int) -> None:
    assert any("1 to 150" in p for p in check(exemptions=[("27(1)", period)]))


def test_periods_1_and_150_are_allowed() -> None:
    assert check(exemptions=[("27(1)", 1), ("23", 150)]) == []


def test_only_tna_codes() -> None:
    assert any("not an FOI exemption code" in p for p in check(exemptions=[("40", 84)]))
    assert any("not an FOI exemption code" in p for p in check(exemptions=[("s.40(2)", 84)]))


def test_yes_flag_needs_alternate_and_alternate_forces_yes() -> None:
    assert any("needs an alternate title" in p for p in check(title_closed=True))
    assert check(title_closed=True, title_alternate="Letter to [name withheld]") == []
    assert any("must be closed (Yes)" in p for p in check(title_alternate="[title withheld]"))
    assert any("needs an alternate description" in p for p in check(description_closed=True))
    assert any("must be closed (Yes)" in p for p in check(description_alternate="[withheld]"))
    assert check(description_closed=True, description_alternate="[withheld]") == []


def test_alternate_title_limits() -> None:
    assert any("line breaks" in p for p in check(title_closed=True, title_alternate="a\nb"))
    assert any("255" in p for p in check(title_closed=True, title_alternate="x" * 256))


def test_schedule_date_rules() -> None:
    assert any("before 2000-01-01" in p for p in check(foi_schedule_date=date(1999, 12, 31)))
    assert check(foi_schedule_date=date(2000, 1, 1)) == []
    same = check(closure_start_date=date(2004, 12, 31), foi_schedule_date=date(2004, 12, 31))
    assert any("not the closure start date" in p for p in same)
    assert any("future" in p for p in check(foi_schedule_date=date(2027, 1, 1)))


def test_closure_start_must_match_record_date_or_its_year_end() -> None:
    ok = {"record_date": date(2004, 3, 9)}
    assert check(closure_start_date=date(2004, 3, 9), **ok) == []
    assert check(closure_start_date=date(2004, 12, 31), **ok) == []
    assert any("date of the record" in p for p in check(closure_start_date=date(2004, 6, 1), **ok))
    # Without a record date TDR compares with the date last modified.
    lm = {"date_last_modified": date(2010, 5, 5)}
    assert check(closure_start_date=date(2010, 12, 31), **lm) == []
    wrong = check(closure_start_date=date(2009, 12, 31), **lm)
    assert any("date last modified" in p for p in wrong)
    # TDR's one exception.
    assert check(closure_start_date=date(2006, 12, 31), **lm) == []


def test_closure_start_not_in_future() -> None:
    assert any("future" in p for p in check(closure_start_date=date(2027, 12, 31)))


def test_open_with_redactions_describes_the_closed_original() -> None:
    problems = validate_sensitivity(closure_status="Open", redacted=True)
    assert any("closes the original" in p for p in problems)
    assert check(redacted=True) == []


@pytest.mark.parametrize(
    "code", ["30(1)", "32", "33", "35(1)(a)", "35(1)(d)", "36", "42", "43(1)", "43(2)"]
)
def test_exemptions_that_cannot_apply_to_historical_records_are_refused(code: str) -> None:
    problems = check(exemptions=[(code, 20)])
    assert any(f"exemption {code} cannot apply to historical records" in p for p in problems)
    assert any("s.63" in p for p in problems)


def test_s31_lapses_after_100_years() -> None:
    assert check(exemptions=[("31", 100)]) == []
    assert any("lapses after 100 years" in p for p in check(exemptions=[("31", 101)]))


def test_s40_period_is_100_minus_youngest_age() -> None:
    assert suggest_period("40(2)") == 84
    assert suggest_period("40(2)", youngest_age=18) == 82
    assert suggest_period("40(2)", youngest_age=0) == 100
    assert suggest_period("27(1)") is None


def test_closure_start_suggestion() -> None:
    assert suggest_closure_start(date(2004, 3, 9), date(2010, 1, 1)) == date(2004, 3, 9)
    assert suggest_closure_start(None, date(2010, 5, 5)) == date(2010, 12, 31)
    assert suggest_closure_start(None, None) is None


def test_table_covers_exactly_tnas_codes() -> None:
    schema = Path(resources.__file__).parent / "tna/metadata-schema/definitionsSchema.schema.json"
    codes = json.loads(schema.read_text())["definitions"]["foi_codes"]["enum"]
    assert list(allowed_codes()) == codes
    table = load_exemptions()
    assert [e.code for e in table] == codes
    refused = {e.code for e in table if not e.historical_ok}
    assert refused == {
        "30(1)",
        "32",
        "33",
        "35(1)(a)",
        "35(1)(b)",
        "35(1)(c)",
        "35(1)(d)",
        "36",
        "42",
        "43(1)",
        "43(2)",
    }
    assert all(e.reason for e in table if not e.historical_ok)
