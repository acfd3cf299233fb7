"""Conflicts in a decisions import: a row whose decision changed since the file was exported.

The export writes each record's decision `version`; an import row that carries one is applied
only if the stored decision still has it, and every row is applied with the version this import
read (the GUI's check: `expected_version`), so a decision changed meanwhile — by another import
running at the same time, or a reviewer — is reported with both values and kept, never silently
overwritten. Free text (rationale, alternates, description) is named by the values shown, never
quoted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reviewer.team.conflicts import DecisionConflict

if TYPE_CHECKING:
    from reviewer.decisions.table_import import _Importer

__all__ = ["DecisionConflict", "changed_since_export", "conflict_values", "given"]

SHOWN = ("appraisal", "criteria", "closure_status", "foi_exemption_code", "closure_period")


def changed_since_export(row: dict[str, str], current: int) -> bool:
    """True when the row says which version it was exported at and the store has moved on."""
    cell = (row.get("version") or "").strip()
    return cell.isdigit() and int(cell) != current


def conflict_values(importer: _Importer, record_id: int) -> dict[str, Any]:
    """What the store holds now (as committed, not as this import first read it)."""
    from reviewer.decisions.store import get_decision

    v = get_decision(importer.session, record_id)
    return {
        "version": v.version,
        "appraisal": v.appraisal or "",
        "criteria": ";".join(v.criteria),
        "closure_status": v.closure_status or "",
        "foi_exemption_code": ";".join(c for c, _ in v.exemptions),
        "closure_period": ";".join(str(p) for _, p in v.exemptions),
        "changed_by": v.reviewed_by or v.appraised_by,
    }


def given(row: dict[str, str]) -> dict[str, Any]:
    """What the file's row says, in the same terms."""
    cell = (row.get("version") or "").strip()
    out: dict[str, Any] = {"version": int(cell) if cell.isdigit() else None}
    out.update({name: (row.get(name) or "").strip() for name in SHOWN})
    return out
