"""Every keyboard shortcut in one table: the window binds them and the `?` dialog lists them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Shortcut:
    name: str
    keys: tuple[str, ...]
    text: str
    group: str


SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("next_record", ("J",), "Next record", "Move"),
    Shortcut("prev_record", ("K",), "Previous record", "Move"),
    Shortcut("next_span", ("N",), "Next highlight", "Move"),
    Shortcut("prev_span", ("Shift+N",), "Previous highlight", "Move"),
    Shortcut("next_page", ("PgDown",), "Next page", "Move"),
    Shortcut("prev_page", ("PgUp",), "Previous page", "Move"),
    Shortcut("find", ("Ctrl+F",), "Find in record", "Move"),
    Shortcut("find_next", ("F3",), "Next find hit", "Move"),
    Shortcut("find_prev", ("Shift+F3",), "Previous find hit", "Move"),
    Shortcut("focus_queue", ("Ctrl+L",), "Go to the queue filter", "Move"),
    Shortcut("back_to_queue", ("Esc",), "Leave a field, back to the queue", "Move"),
    Shortcut(
        "queue_order",
        ("Ctrl+Shift+K",),
        "Queue order: file / most likely sensitive / most likely selected",
        "Move",
    ),
    Shortcut("zoom_in", ("Ctrl++", "Ctrl+="), "Zoom in", "View"),
    Shortcut("zoom_out", ("Ctrl+-",), "Zoom out", "View"),
    Shortcut("fit_width", ("Ctrl+0",), "Fit page width", "View"),
    Shortcut(
        "criterion",
        ("1", "2", "3", "4", "5", "6", "7", "8", "9"),
        "Tick or untick criterion 1–9",  # noqa: RUF001
        "Appraise",
    ),
    Shortcut("outcome_select", ("S",), "Outcome: select for transfer", "Appraise"),
    Shortcut("outcome_retain", ("R",), "Outcome: retain in department", "Appraise"),
    Shortcut("outcome_destroy", ("X",), "Outcome: destroy", "Appraise"),
    Shortcut("outcome_defer", ("D",), "Outcome: defer", "Appraise"),
    Shortcut("rationale", ("Ctrl+Shift+R",), "Write the rationale", "Appraise"),
    Shortcut("closure_open", ("O",), "Closure: Open", "Sensitivity"),
    Shortcut("closure_redacted", ("W",), "Closure: Open with redactions", "Sensitivity"),
    Shortcut("closure_closed", ("C",), "Closure: Closed", "Sensitivity"),
    Shortcut("exemptions", ("E",), "Go to the FOI exemptions (Space ticks the row)", "Sensitivity"),
    Shortcut("propagate", ("Ctrl+Shift+P",), "Apply to copies and attachments…", "Sensitivity"),
    Shortcut("dismiss", ("Del",), "Dismiss the current highlight", "Personal data"),
    Shortcut("restore", ("U",), "Restore the current highlight", "Personal data"),
    Shortcut("mark", ("M",), "Mark the selected text as personal data", "Personal data"),
    Shortcut("redact", ("B",), "Redact the current highlight or selection", "Personal data"),
    Shortcut("undo", ("Ctrl+Z",), "Undo", "Edit"),
    Shortcut("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo", "Edit"),
    Shortcut("open_folder", ("Ctrl+O",), "Ingest a folder", "Collection"),
    Shortcut("add_files", ("Ctrl+Shift+O",), "Ingest files", "Collection"),
    Shortcut("open_collection", ("Ctrl+Shift+L",), "Open another collection…", "Collection"),
    Shortcut("reload", ("F5",), "Reload the queue (others' saves)", "Collection"),
    Shortcut("export", ("Ctrl+E",), "Export transfer…", "Collection"),
    Shortcut("blind_review", ("Ctrl+Shift+Q",), "Blind second review (QA)…", "Collection"),
    Shortcut("workflow_help", ("Shift+F1",), "How to work (each role's day)", "Help"),
    Shortcut("help", ("?", "F1"), "Show these shortcuts", "Help"),
    Shortcut("quit", ("Ctrl+Q",), "Quit", "Collection"),
)


def shortcut(name: str) -> Shortcut:
    return next(s for s in SHORTCUTS if s.name == name)


def menu_text(text: str, name: str) -> str:
    """A menu item's text with its first key shown on the right. Qt draws what follows the
    tab as the item's shortcut; the key itself is bound once, by the window's shortcut table,
    so menus and the `?` sheet can never disagree."""
    return f"{text}\t{shortcut(name).keys[0]}"
