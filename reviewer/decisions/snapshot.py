"""Plain-JSON snapshots of decision, hold and redaction rows: the `before`/`after` of events.

`reviewer.audit.verify` compares each live row with the `after` of its last event, so every
field that matters is here.
"""

from __future__ import annotations

from typing import Any

from models.decisions import Decision, Hold, Redaction


def _d(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def appraisal_state(row: Decision) -> dict[str, Any]:
    return {
        "appraisal": row.appraisal,
        "criteria": list(row.criteria or []),
        "rationale": row.rationale or "",
        "appraised_by": row.appraised_by or "",
        "appraised_role": row.appraised_role or "",
    }


def sensitivity_state(row: Decision) -> dict[str, Any]:
    return {
        "closure_status": row.closure_status,
        "redacted": bool(row.redacted),
        "redact_labels": list(row.redact_labels or []),
        "exemptions": [[str(c), int(p)] for c, p in (row.exemptions or [])],
        "closure_start_date": _d(row.closure_start_date),
        "closure_start_rule": row.closure_start_rule,
        "period_justification": row.period_justification or "",
        "foi_schedule_date": _d(row.foi_schedule_date),
        "title_closed": bool(row.title_closed),
        "title_alternate": row.title_alternate or "",
        "description_closed": bool(row.description_closed),
        "description_alternate": row.description_alternate or "",
        "reviewed_by": row.reviewed_by or "",
        "reviewed_role": row.reviewed_role or "",
    }


# Fields added after events were first written, with the value an older event implies.
LATER_FIELDS: dict[str, Any] = {
    "description": "",
    "closure_start_rule": None,
    "period_justification": "",
    "looked_at_by": "",
}


def decision_state(row: Decision) -> dict[str, Any]:
    """Everything a decision row holds except bookkeeping (ids, times, last event)."""
    return {
        "record_id": row.record_id,
        "scope_path": row.scope_path,
        "version": row.version,
        "record_date": _d(row.record_date),
        "description": row.description or "",
        "looked_at_by": row.looked_at_by or "",
        **appraisal_state(row),
        **sensitivity_state(row),
    }


def hold_state(row: Hold) -> dict[str, Any]:
    return {
        "name": row.name,
        "reason": row.reason or "",
        "keywords": list(row.keywords or []),
        "date_from": _d(row.date_from),
        "date_to": _d(row.date_to),
        "created_by": row.created_by or "",
        "lifted_by": row.lifted_by,
        "lifted": row.lifted_at is not None,
        "lift_reason": row.lift_reason or "",
    }


def redaction_state(row: Redaction) -> dict[str, Any]:
    return {
        "record_id": row.record_id,
        "entity_id": row.entity_id,
        "page": row.page,
        "rect": [row.x0, row.y0, row.x1, row.y1] if row.x0 is not None else None,
        "start": row.start,
        "end": row.end,
        "label": row.label or "",
    }
