"""Stored detection results and reviewers' corrections (the API other areas call).

Every function takes an open `Session` (or the `Store` for scans) and returns frozen views.
"""

from __future__ import annotations

from reviewer.detect.entities.corrections import (
    SCOPES,
    add_allow_term,
    add_deny_term,
    add_manual_entity,
    deny_terms,
    dismiss_entity,
    list_terms,
    remove_allow_term,
    remove_deny_term,
    remove_manual_entity,
    restore_entity,
)
from reviewer.detect.entities.scan import ScanSummary, scan_collection, scan_records
from reviewer.detect.entities.views import (
    EntityView,
    is_scanned,
    list_entities,
    records_with_personal_data,
)

__all__ = [
    "SCOPES",
    "EntityView",
    "ScanSummary",
    "add_allow_term",
    "add_deny_term",
    "add_manual_entity",
    "deny_terms",
    "dismiss_entity",
    "is_scanned",
    "list_entities",
    "list_terms",
    "records_with_personal_data",
    "remove_allow_term",
    "remove_deny_term",
    "remove_manual_entity",
    "restore_entity",
    "scan_collection",
    "scan_records",
]
