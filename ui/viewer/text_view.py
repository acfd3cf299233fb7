"""Formatted plain text of non-PDF records, with marks drawn as coloured backgrounds.

Offsets from the store count code points; Qt counts UTF-16 units, so positions are converted
when the text holds characters outside the Basic Multilingual Plane.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ui.viewer.marks import FIND, REDACTION, SELECTION, SPAN, Mark

WRITTEN_LINE = 100  # characters: longer lines are paragraphs the writer let wrap


def written_in_lines(text: str) -> bool:
    """True when nearly every line is short: a typed note, a letter, a fixed-width report."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 3:
        return False
    long = sum(1 for line in lines if len(line) > WRITTEN_LINE)
    return long <= len(lines) // 20


class TextView(QPlainTextEdit):
    """Read-only, selectable text; `selection_range` gives the selection as code-point offsets."""

    mark_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() + 1)
        self.setFont(font)
        self._text = ""
        self._wide = False
        self._marks: list[Mark] = []
        self._hidden: set[str] = set()
        self._current: str | None = None

    def set_text(self, text: str) -> None:
        # Form feeds and carriage returns become newlines of the same length, keeping offsets.
        shown = text.replace("\f", "\n").replace("\r", "\n")
        self._text = shown
        self._wide = any(ord(c) > 0xFFFF for c in shown)
        # Text broken into lines by its writer is shown as written (re-wrapping its lines at
        # the pane's width made ragged half-lines); paragraphs on one line wrap to the pane.
        self.setLineWrapMode(
            QPlainTextEdit.LineWrapMode.NoWrap
            if written_in_lines(shown)
            else QPlainTextEdit.LineWrapMode.WidgetWidth
        )
        self.document().setUndoRedoEnabled(False)
        self.setPlainText(shown)
        self._marks = []
        self._apply()

    def qt_pos(self, offset: int) -> int:
        offset = max(0, min(offset, len(self._text)))
        if not self._wide:
            return offset
        return len(self._text[:offset].encode("utf-16-le")) // 2

    def py_pos(self, qt_offset: int) -> int:
        if not self._wide:
            return qt_offset
        units = 0
        for i, c in enumerate(self._text):
            if units >= qt_offset:
                return i
            units += 2 if ord(c) > 0xFFFF else 1
        return len(self._text)

    def selection_range(self) -> tuple[int, int] | None:
        cur = self.textCursor()
        if not cur.hasSelection():
            return None
        return self.py_pos(cur.selectionStart()), self.py_pos(cur.selectionEnd())

    def set_marks(self, marks: list[Mark]) -> None:
        self._marks = [m for m in marks if m.start is not None and m.end is not None]
        self._apply()

    def set_hidden_labels(self, labels: set[str]) -> None:
        self._hidden = set(labels)
        self._apply()

    def set_current(self, key: str | None) -> None:
        self._current = key
        self._apply()

    def show_range(self, start: int, end: int) -> None:
        cur = QTextCursor(self.document())
        cur.setPosition(self.qt_pos(end))
        self.setTextCursor(cur)
        cur.setPosition(self.qt_pos(start))
        self.setTextCursor(cur)
        self.centerCursor()

    def _apply(self) -> None:
        """Paint marks as character formats on the (read-only) document.

        Formats are merged into the document rather than set as ExtraSelections: PySide6's
        ExtraSelection setters mishandle reference counts when used thousands of times.
        """
        doc = self.document()
        cur = QTextCursor(doc)
        cur.beginEditBlock()
        cur.select(QTextCursor.SelectionType.Document)
        cur.setCharFormat(QTextCharFormat())
        for m in self._marks:
            if m.kind == SPAN and m.label in self._hidden:
                continue
            if m.start is None or m.end is None:
                continue
            cur.setPosition(self.qt_pos(m.start))
            cur.setPosition(self.qt_pos(m.end), QTextCursor.MoveMode.KeepAnchor)
            cur.mergeCharFormat(self._format(m))
        cur.endEditBlock()

    def _format(self, m: Mark) -> QTextCharFormat:
        fmt = QTextCharFormat()
        current = m.key == self._current
        if m.kind == REDACTION:
            fmt.setBackground(QColor("#111111"))  # filled dark, text still legible to review
            fmt.setForeground(QColor("#f2f2f2"))
        elif m.kind == FIND:
            fmt.setBackground(QColor(242, 169, 0, 170 if current else 90))
        elif m.kind == SELECTION:
            fmt.setBackground(QColor(31, 95, 191, 60))
        elif m.dismissed:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor("#8a8f98"))
        else:
            colour = QColor(m.colour)
            colour.setAlpha(150 if current else 80)
            fmt.setBackground(colour)
            if current:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        return fmt
