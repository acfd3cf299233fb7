"""The `?` sheet: every shortcut, grouped in columns so the whole sheet fits a laptop screen
(1366x768) without scrolling. Built from `ui.shortcuts.SHORTCUTS`, the table the window binds."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.shortcuts import SHORTCUTS

COLUMNS = 3


def grouped() -> dict[str, list[tuple[str, str]]]:
    """(keys, what they do) by group, in the table's order."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for s in SHORTCUTS:
        keys = " / ".join(s.keys if len(s.keys) < 4 else (s.keys[0], "…", s.keys[-1]))
        groups.setdefault(s.group, []).append((keys, s.text))
    return groups


def group_html(name: str, rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding-right:10px'><b>{escape(k)}</b></td><td>{escape(t)}</td></tr>"
        for k, t in rows
    )
    return f"<h4 style='margin:0 0 4px 0'>{escape(name)}</h4><table>{cells}</table>"


def shortcuts_html() -> str:
    return "".join(group_html(g, rows) for g, rows in grouped().items())


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(12)
        self.labels: list[QLabel] = []
        # Groups fill columns top to bottom, balanced by their number of rows.
        groups = list(grouped().items())
        total = sum(len(rows) + 2 for _g, rows in groups)
        column, used = 0, 0
        row = 0
        for name, rows in groups:
            size = len(rows) + 2
            if used and used + size > total / COLUMNS + 3 and column < COLUMNS - 1:
                column, used, row = column + 1, 0, 0
            label = QLabel(group_html(name, rows))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(label, row, column)
            self.labels.append(label)
            used += size
            row += 1
        grid.setRowStretch(row + 20, 1)
        intro = QLabel(
            "Single keys act wherever you are except while typing in a field; "
            "Esc leaves a field and returns to the queue."
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
