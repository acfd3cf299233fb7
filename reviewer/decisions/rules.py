"""TNA's TDR rules for a sensitivity decision, checked as the reviewer types and before saving.

Mirrors `closureSchemaOpen/Closed`, `baseSchema` and TDR's custom checks (start date matches the
record's date or last-modified date or their 31 December; schedule date from 2000 and not the
start date; neither in the future), plus the closure table's limits and historical refusals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from reviewer.decisions.exemptions import allowed_codes, exemption, settings
from reviewer.decisions.types import CLOSURE_START_RULES

TITLE_MAX = 255
DESCRIPTION_MAX = 8000


def _start_date_problems(
    start: date, record_date: date | None, date_last_modified: date | None
) -> list[str]:
    if start.isoformat() == settings()["start_date_exception"]:
        return []
    base = record_date or date_last_modified
    if base is None:
        return []
    if start in (base, date(base.year, 12, 31)):
        return []
    which = "date of the record" if record_date else "date last modified"
    return [
        f"closure start date must be the {which} ({base.isoformat()}) "
        f"or 31 December of its year ({base.year}-12-31)"
    ]


JUSTIFICATION_MIN = 15  # characters: a reason, not a tick
JUSTIFICATION_WORDS = 3  # words of two letters or more: "xxxxxxxxxxxxxxx" is not a reason


def is_reason(text: str) -> bool:
    """Whether `text` reads as a written reason at all (it cannot judge a reason's worth)."""
    text = text.strip()
    words = re.findall(r"[^\W\d_]{2,}", text)
    return len(text) >= JUSTIFICATION_MIN and len(words) >= JUSTIFICATION_WORDS


def _exemption_problems(
    exemptions: Sequence[tuple[str, int]], justification: str = ""
) -> list[str]:
    problems: list[str] = []
    if not exemptions:
        problems.append("a closed record needs at least one FOI exemption code with its period")
    allowed = set(allowed_codes())
    for code, period in exemptions:
        if code not in allowed:
            problems.append(f"{code!r} is not an FOI exemption code TNA accepts")
            continue
        if isinstance(period, bool) or not isinstance(period, int) or not 1 <= period <= 150:
            problems.append(f"closure period for {code} must be whole years from 1 to 150")
            continue
        ex = exemption(code)
        if ex is None:
            continue
        if not ex.historical_ok:
            problems.append(f"exemption {code} cannot apply to historical records: {ex.reason}")
        if ex.max_period is not None and period > ex.max_period:
            problems.append(f"exemption {code} lapses after {ex.max_period} years")
        elif not ex.usual(period) and not is_reason(justification):
            hint = " (state the youngest person's age at the record's date)" if ex.lifetime else ""
            problems.append(
                f"a closure period of {period} years for {code} is outside its usual periods "
                f"({ex.usual_text()} years): give a written justification{hint}"
            )
    return problems


def _alternate_problems(what: str, closed: bool, alternate: str, limit: int) -> list[str]:
    problems: list[str] = []
    if closed and not alternate.strip():
        problems.append(f"a closed {what} needs an alternate {what}")
    if alternate.strip() and not closed:
        problems.append(f"an alternate {what} is given, so the {what} must be closed (Yes)")
    if len(alternate) > limit:
        problems.append(f"alternate {what} is longer than {limit} characters")
    if what == "title" and ("\n" in alternate or "\r" in alternate):
        problems.append("alternate title must not contain line breaks")
    return problems


def validate_sensitivity(
    *,
    closure_status: str | None,
    redacted: bool = False,
    exemptions: Sequence[tuple[str, int]] = (),
    closure_start_date: date | None = None,
    foi_schedule_date: date | None = None,
    title_closed: bool = False,
    title_alternate: str = "",
    description_closed: bool = False,
    description_alternate: str = "",
    record_date: date | None = None,
    date_last_modified: date | None = None,
    today: date | None = None,
    closure_start_rule: str | None = None,
    description: str | None = None,
    period_justification: str = "",
) -> list[str]:
    """Every rule the decision breaks, in plain words; empty when TNA would accept it.

    `record_date`/`date_last_modified` (when known) check the closure start date as TDR does.
    "Open with redactions" (`redacted`) describes the original's closure, so it must be Closed.
    `closure_start_rule` ("record_date"|"year_end") stands for a start date taken from each
    record's own date. `description` (when known) is the record's description, which a closed
    description with an alternate needs (TNA's relationship schema). A period outside the code's
    usual periods (`resources/closure/closure_rules.csv`) needs `period_justification`.
    """
    today = today or date.today()
    if closure_status not in ("Open", "Closed"):
        return ["closure status must be Open or Closed"]
    if closure_start_rule is not None and closure_start_rule not in CLOSURE_START_RULES:
        return [f"closure start rule must be one of {', '.join(CLOSURE_START_RULES)}"]
    if closure_status == "Open":
        problems = []
        if closure_start_rule is not None:
            problems.append("an open record must have no closure start date")
        if redacted:
            problems.append(
                "open with redactions closes the original: give closure status Closed with its "
                "exemptions (the redacted copy is opened)"
            )
        if exemptions:
            problems.append("an open record must have no FOI exemption codes or closure periods")
        if closure_start_date is not None:
            problems.append("an open record must have no closure start date")
        if foi_schedule_date is not None:
            problems.append("an open record must have no FOI schedule date")
        if title_closed or title_alternate:
            problems.append("an open record's title must not be closed or have an alternate")
        if description_closed or description_alternate:
            problems.append("an open record's description must not be closed or have an alternate")
        return problems
    problems = _exemption_problems(exemptions, period_justification)
    if closure_start_rule is not None:
        if closure_start_date is not None:
            problems.append("give a closure start date or a rule to take it from, not both")
    elif closure_start_date is None:
        problems.append("a closed record needs a closure start date")
    else:
        if closure_start_date > today:
            problems.append("closure start date is in the future")
        problems += _start_date_problems(closure_start_date, record_date, date_last_modified)
    if foi_schedule_date is None:
        problems.append("a closed record needs the FOI schedule date (Advisory Council approval)")
    else:
        earliest = date.fromisoformat(settings()["earliest_foi_schedule_date"])
        if foi_schedule_date < earliest:
            problems.append(f"FOI schedule date cannot be before {earliest.isoformat()}")
        if foi_schedule_date > today:
            problems.append("FOI schedule date is in the future")
        if closure_start_date is not None and foi_schedule_date == closure_start_date:
            problems.append(
                "FOI schedule date is the date of the approval schedule, not the closure start date"
            )
    problems += _alternate_problems("title", title_closed, title_alternate, TITLE_MAX)
    problems += _alternate_problems(
        "description", description_closed, description_alternate, DESCRIPTION_MAX
    )
    if description is not None and description_alternate.strip() and not description.strip():
        problems.append("a closed description needs the record's description itself (set it first)")
    return problems
