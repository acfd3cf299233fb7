"""Window commands on Ctrl keys work wherever the focus is, text fields included.

A text field takes some Ctrl keys for its own editing before any window shortcut sees them
(Qt's "shortcut override"): on Linux a line edit moves to the end of the line on Ctrl+E, so
Export did nothing while the find box had the focus. For the window's own Ctrl commands the
field's claim is dropped; the fields keep what they really need (undo and redo, copy, cut,
paste, select all), which the window's table does not bind.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from ui.shortcuts import SHORTCUTS

KEPT_BY_FIELDS = ("undo", "redo")  # a field's own undo is what a reviewer expects there


PORTABLE = QKeySequence.SequenceFormat.PortableText


def command_keys() -> frozenset[str]:
    """The window's Ctrl commands, as Qt spells key sequences ("Ctrl+Shift+L")."""
    return frozenset(
        QKeySequence(key).toString(PORTABLE)
        for sc in SHORTCUTS
        if sc.name not in KEPT_BY_FIELDS
        for key in sc.keys
        if "Ctrl+" in key
    )


class CommandKeys(QObject):
    """Installed on the application; acts only for key presses inside `window`."""

    def __init__(self, window: QWidget) -> None:
        # The window is only known as the Qt parent: a Python reference back to it would make
        # a cycle that the garbage collector may break on a worker thread, where deleting Qt
        # objects crashes.
        super().__init__(window)
        self.codes = command_keys()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self.parent()
            and QKeySequence(event.keyCombination()).toString(PORTABLE) in self.codes
        ):
            event.ignore()  # not the field's: the window's shortcut runs
            return True
        return False
