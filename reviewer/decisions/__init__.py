"""Appraisal and sensitivity decisions, closure rules, legal holds and propagation.

Every change goes through this package and appends a hash-chained audit event (`reviewer.audit`)
in the same transaction. Functions take an open `Session` and return frozen views, never rows.
"""

from __future__ import annotations

from reviewer.decisions.dates import transfer_due_year
from reviewer.decisions.folder_check import RecordConflict, folder_sensitivity_conflicts
from reviewer.decisions.holds import (
    HoldView,
    active_holds,
    active_holds_for,
    create_hold,
    destroy_conflicts,
    lift_hold,
    list_holds,
)
from reviewer.decisions.propagate import (
    PropagationChange,
    PropagationResult,
    apply_propagation,
    preview_propagation,
)
from reviewer.decisions.rules import validate_sensitivity
from reviewer.decisions.save import (
    clear_decision,
    save_appraisal,
    save_folder_appraisal,
    save_folder_sensitivity,
    save_sensitivity,
)
from reviewer.decisions.store import (
    all_decisions,
    collection_id_of,
    decision_summaries,
    folder_decision,
    folder_decisions,
    get_decision,
    set_description,
    set_record_date,
)
from reviewer.decisions.types import (
    APPRAISALS,
    CLOSURE_START_RULES,
    ROLES,
    Actor,
    DecisionError,
    DecisionView,
)

__all__ = [
    "APPRAISALS",
    "CLOSURE_START_RULES",
    "ROLES",
    "Actor",
    "DecisionError",
    "DecisionView",
    "HoldView",
    "PropagationChange",
    "PropagationResult",
    "RecordConflict",
    "active_holds",
    "active_holds_for",
    "all_decisions",
    "apply_propagation",
    "clear_decision",
    "collection_id_of",
    "create_hold",
    "decision_summaries",
    "destroy_conflicts",
    "folder_decision",
    "folder_decisions",
    "folder_sensitivity_conflicts",
    "get_decision",
    "lift_hold",
    "list_holds",
    "preview_propagation",
    "save_appraisal",
    "save_folder_appraisal",
    "save_folder_sensitivity",
    "save_sensitivity",
    "set_description",
    "set_record_date",
    "transfer_due_year",
    "validate_sensitivity",
]
