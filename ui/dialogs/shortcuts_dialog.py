"""The `?` dialog: every shortcut, grouped, from `ui.shortcuts.SHORTCUTS`."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui.shortcuts import SHORTCUTS


def shortcuts_html() -> str:
    groups: dict[str, list[str]] = {}
    for s in SHORTCUTS:
        keys = " / ".join(
            f"<b>{escape(k)}</b>" for k in (s.keys if len(s.keys) < 4 else ("1", "…", "9"))
        )
        groups.setdefault(s.group, []).append(
            f"<tr><td width='140'>{keys}</td><td>{escape(s.text)}</td></tr>"
        )
    parts = [
        f"<h3>{escape(g)}</h3><table cellspacing='3'>{''.join(rows)}</table>"
        for g, rows in groups.items()
    ]
    return "".join(parts)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(460, 620)
        view = QTextBrowser()
        view.setHtml(shortcuts_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
