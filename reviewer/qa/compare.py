"""Field-by-field comparison of the first decision and the checker's blind one."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.qa.overlap import AGREE_AT, redaction_overlap
from reviewer.qa.types import QaDecision


@dataclass(frozen=True)
class FieldDiff:
    """One line of the comparison: what each side said and whether they agree."""

    # closure_status | redacted | foi:<code> | title_closed | description_closed | redactions
    field: str
    label: str
    first: str
    checker: str
    agrees: bool


@dataclass(frozen=True)
class Comparison:
    fields: tuple[FieldDiff, ...]
    redaction_overlap: float

    @property
    def agrees(self) -> bool:
        """True when every compared field agrees."""
        return all(f.agrees for f in self.fields)

    @property
    def closure_agrees(self) -> bool:
        return next(f.agrees for f in self.fields if f.field == "closure_status")

    @property
    def differences(self) -> tuple[FieldDiff, ...]:
        return tuple(f for f in self.fields if not f.agrees)


def _yes(flag: bool, alternate: str = "") -> str:
    if not flag:
        return "No"
    return f"Yes ({alternate})" if alternate else "Yes"


def _exemption_rows(first: QaDecision, checker: QaDecision) -> list[FieldDiff]:
    a = dict(first.exemptions)
    b = dict(checker.exemptions)
    codes = list(dict.fromkeys([*a, *b]))
    rows = []
    for code in codes:
        pa, pb = a.get(code), b.get(code)
        rows.append(
            FieldDiff(
                field=f"foi:{code}",
                label=f"FOI {code}",
                first=f"{pa} years" if pa is not None else "not cited",
                checker=f"{pb} years" if pb is not None else "not cited",
                agrees=pa == pb,
            )
        )
    return rows


def compare(first: QaDecision, checker: QaDecision) -> Comparison:
    """Closure status, open-with-redactions, each FOI code and period, title and description
    closure, and redactions by overlap (agreeing from an IoU of `AGREE_AT`)."""
    overlap = redaction_overlap(first.redactions, checker.redactions)
    fields = [
        FieldDiff(
            "closure_status",
            "Closure status",
            first.closure_status or "",
            checker.closure_status or "",
            first.closure_status == checker.closure_status,
        ),
        FieldDiff(
            "redacted",
            "Open with redactions",
            _yes(first.redacted),
            _yes(checker.redacted),
            first.redacted == checker.redacted,
        ),
        *_exemption_rows(first, checker),
        FieldDiff(
            "title_closed",
            "Title closed",
            _yes(first.title_closed, first.title_alternate),
            _yes(checker.title_closed, checker.title_alternate),
            first.title_closed == checker.title_closed,
        ),
        FieldDiff(
            "description_closed",
            "Description closed",
            _yes(first.description_closed, first.description_alternate),
            _yes(checker.description_closed, checker.description_alternate),
            first.description_closed == checker.description_closed,
        ),
    ]
    if first.redactions or checker.redactions:
        fields.append(
            FieldDiff(
                "redactions",
                "Redactions",
                f"{len(first.redactions)} marks",
                f"{len(checker.redactions)} marks ({overlap:.0%} overlap)",
                overlap >= AGREE_AT,
            )
        )
    return Comparison(tuple(fields), overlap)
