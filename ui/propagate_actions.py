"""Edit → Apply decision to copies and attachments: preview, confirm, apply.

The rules (what counts as a copy or an attachment, what may change) live in
`reviewer.decisions.propagate`; this module only asks the reviewer and reports.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox

from reviewer.decisions import Actor
from reviewer.decisions.propagate import (
    PropagationChange,
    apply_propagation,
    preview_propagation,
)

RELATION = {"duplicate": "exact copy", "attachment": "attachment", "member": "archive member"}


def describe(changes: list[PropagationChange]) -> str:
    """One line per record that would change, with what would change or why it cannot."""
    lines = []
    for change in changes:
        what = ", ".join(change.parts) or "nothing"
        line = f"{RELATION.get(change.relation, change.relation)}: {change.path} — {what}"
        if change.problems:
            line += " (cannot: " + "; ".join(change.problems) + ")"
        lines.append(line)
    return "\n".join(lines)


def refused_text(changes: list[PropagationChange]) -> str:
    """Each record that did not take the decision, with why (shown where the reviewer looks)."""
    refused = [c for c in changes if c.problems]
    items = "; ".join(f"{c.path}: {c.problems[0]}" for c in refused)
    return f"refused {len(refused)}: {items}" if refused else "refused 0"


def propagate_current(win: Any, *, confirm: Any = None) -> int:
    """Offer to copy the current record's decision to its copies and attachments.

    `confirm(text, details) -> bool` asks the reviewer (a message box unless a test passes one).
    Returns how many records were changed.
    """
    win.flush_edits()
    record_id = win._record_id()
    if record_id is None:
        return 0
    actor = Actor(win.identity.name, win.identity.role)
    with win.store.session() as session:
        changes = preview_propagation(session, record_id, actor)
    if not changes:
        win.status("No copies or attachments would change.")
        return 0
    ready = [c.record_id for c in changes if not c.problems]
    text = (
        f"Apply this record's decision to {len(ready)} of {len(changes)} related records?"
        if ready
        else "None of the related records can take this decision (see details)."
    )
    ask = confirm or _ask
    if not ready:
        ask(win, text, describe(changes))
        win.status(f"Decision applied to 0 related records; {refused_text(changes)}.")
        return 0
    if not ask(win, text, describe(changes)):
        return 0
    with win.store.session() as session:
        result = apply_propagation(session, record_id, actor, ready)
    paths = {c.record_id: c.path for c in changes}
    refused = [c for c in changes if c.problems] + [
        PropagationChange(rid, paths.get(rid, ""), "", changes[0].before, (), tuple(reasons))
        for rid, reasons in result.refused.items()
    ]
    tail = f"; {refused_text(refused)}" if refused else ""
    win.status(f"Decision applied to {len(result.applied)} related records{tail}.")
    win.reload_queue()
    return len(result.applied)


def _ask(win: Any, text: str, details: str) -> bool:
    box = QMessageBox(win)
    box.setWindowTitle("Apply decision to copies and attachments")
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(text)
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
