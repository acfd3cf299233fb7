"""Saving the reviewer's changes at once, each as an undoable step.

A change is a pair of plain functions on a session: `do` and `undo`. `Edits.apply` runs `do` in
its own short transaction; if the store accepts it, a command goes on the QUndoStack whose undo and
redo run the functions again, so undo and redo are saved changes too (with who and when).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from models import Store

log = logging.getLogger(__name__)
Step = Callable[[Any], Any]  # takes a Session


class _Command(QUndoCommand):
    def __init__(self, edits: Edits, text: str, record_id: int, do: Step, undo: Step) -> None:
        super().__init__(text)
        self._edits, self._record_id, self._do, self._undo = edits, record_id, do, undo
        self._first = True

    def redo(self) -> None:
        if self._first:  # already applied by Edits.apply
            self._first = False
            return
        self._edits.run(self._do, self._record_id)

    def undo(self) -> None:
        self._edits.run(self._undo, self._record_id)


class Edits(QObject):
    """`saved(record_id)` after every stored change; `refused(problems)` when the store says no."""

    saved = Signal(int)
    refused = Signal(list)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.stack = QUndoStack(self)
        self.read_only = False  # `reviewer gui --screenshot`: show, never save

    def run(self, step: Step, record_id: int) -> Any:
        """Run one step in its own transaction; None (and `refused`) if the store refuses it."""
        from reviewer.decisions import DecisionError

        if self.read_only:
            return None
        try:
            with self.store.session() as session:
                result = step(session)
        except DecisionError as exc:
            self.refused.emit(list(exc.problems))
            return None
        except PermissionError as exc:  # WrongPerson: another person's name in team mode
            self.refused.emit([str(exc)])
            return None
        except Exception as exc:
            log.exception("record %s: change not saved", record_id)
            self.refused.emit([f"the change could not be saved ({type(exc).__name__})"])
            return None
        self.saved.emit(record_id)
        return result if result is not None else True

    def apply(self, text: str, record_id: int, do: Step, undo: Step) -> Any:
        """Save `do` now and make it undoable; returns its result, or None when refused."""
        result = self.run(do, record_id)
        if result is not None:
            self.stack.push(_Command(self, text, record_id, do, undo))
        return result
