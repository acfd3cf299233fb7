"""FOI exemptions and closure periods from the editable table in `resources/closure/`.

The allowed codes are TNA's own list (`resources/tna/.../definitionsSchema.schema.json`); a code
in the table that TNA does not accept is an error in the table, refused at load.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import resources

RESOURCES = Path(resources.__file__).resolve().parent
RULES_CSV = RESOURCES / "closure" / "closure_rules.csv"
SETTINGS_JSON = RESOURCES / "closure" / "settings.json"
DEFINITIONS = RESOURCES / "tna" / "metadata-schema" / "definitionsSchema.schema.json"


@dataclass(frozen=True)
class Exemption:
    """One FOI exemption as the reviewer sees it; `reason` says why it is refused when it is."""

    code: str
    title: str
    guidance: str
    suggested_period: int | None
    historical_ok: bool
    reason: str
    max_period: int | None = None
    lifetime: bool = False
    # The periods TNA's guidance expects, as inclusive (low, high) ranges; () = case by case.
    usual_periods: tuple[tuple[int, int], ...] = ()
    source: str = ""

    def usual(self, period: int) -> bool:
        """Whether `period` is one TNA's guidance expects for this code (always, when none)."""
        return not self.usual_periods or any(lo <= period <= hi for lo, hi in self.usual_periods)

    def usual_text(self) -> str:
        """The usual periods in words, e.g. '82-100 years'."""
        return ", ".join(f"{lo}-{hi}" if lo != hi else str(lo) for lo, hi in self.usual_periods)


@cache
def allowed_codes() -> tuple[str, ...]:
    """TNA's FOI exemption codes, exact strings, in TNA's order."""
    data = json.loads(DEFINITIONS.read_text(encoding="utf-8"))
    return tuple(data["definitions"]["foi_codes"]["enum"])


@cache
def settings() -> dict[str, Any]:
    """Lifetime years, default youngest ages and TDR date limits."""
    data: dict[str, Any] = json.loads(SETTINGS_JSON.read_text(encoding="utf-8"))
    return data


def _int_or_none(value: str) -> int | None:
    return int(value) if value.strip() else None


def _ranges(value: str) -> tuple[tuple[int, int], ...]:
    """'82-100;120' -> ((82, 100), (120, 120))."""
    out = []
    for part in (p.strip() for p in (value or "").split(";")):
        if part:
            lo, _, hi = part.partition("-")
            out.append((int(lo), int(hi or lo)))
    return tuple(out)


@cache
def _table() -> dict[str, Exemption]:
    allowed = set(allowed_codes())
    out: dict[str, Exemption] = {}
    with RULES_CSV.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["code"].strip()
            if code not in allowed:
                raise ValueError(f"{RULES_CSV.name}: {code!r} is not a TNA FOI exemption code")
            lifetime = row["period_rule"].strip() == "lifetime"
            suggested = _int_or_none(row["suggested_period"])
            if lifetime:
                suggested = lifetime_period(settings()["adult_youngest_age"])
            out[code] = Exemption(
                code=code,
                title=row["title"].strip(),
                guidance=row["guidance"].strip(),
                suggested_period=suggested,
                historical_ok=row["historical_ok"].strip().lower() in ("yes", "true", "1"),
                reason=row["reason"].strip(),
                max_period=_int_or_none(row["max_period"]),
                lifetime=lifetime,
                usual_periods=_ranges(row.get("usual_periods") or ""),
                source=(row.get("source") or "").strip(),
            )
    return out


def load_exemptions() -> list[Exemption]:
    """Every exemption in the table, in TNA's code order."""
    table = _table()
    return [table[c] for c in allowed_codes() if c in table]


def exemption(code: str) -> Exemption | None:
    return _table().get(code)


def lifetime_period(youngest_age: int) -> int:
    """Closure for a person's assumed lifetime: 100 - youngest assumed age, within TDR's 1-150."""
    years = int(settings()["lifetime_years"]) - int(youngest_age)
    return max(1, min(150, years))


def suggest_period(code: str, youngest_age: int = 16) -> int | None:
    """Years to suggest for `code`: lifetime codes (40(2), 38, 41) use `youngest_age`.

    s.40(2) with adults "aged at least 16" gives 84, at least 18 gives 82, children (0) give 100.
    None when the table suggests nothing for the code (set case by case).
    """
    ex = exemption(code)
    if ex is None:
        return None
    if ex.lifetime:
        return lifetime_period(youngest_age)
    return ex.suggested_period


def suggest_closure_start(record_date: date | None, date_last_modified: date | None) -> date | None:
    """TDR's closure start: the date of the record, else 31 December of the last-modified year."""
    if record_date is not None:
        return record_date
    if date_last_modified is not None:
        return date(date_last_modified.year, 12, 31)
    return None
