"""The redaction verification report of a bag, shown read-only after an export.

The text is the bag's own `redaction-verification.txt` (read through the core), so the reviewer
sees exactly what travels with the transfer: per copy, the words compared and kept in place and
the places searched for the redacted strings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class VerificationDialog(QDialog):
    """Read-only view of `bag`'s verification report (or why there is none)."""

    def __init__(self, bag: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from reviewer.export.verification_file import NoReport, read_report

        self.setObjectName("verificationDialog")
        self.setWindowTitle("Redaction verification")
        try:
            text = read_report(bag)
            heading = f"Report kept in the bag: {bag / 'redaction-verification.txt'}"
        except NoReport as exc:
            text, heading = "", str(exc)
        except (OSError, UnicodeDecodeError):
            text, heading = "", "The verification report cannot be read."
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.text = QPlainTextEdit(text)
        self.text.setObjectName("verificationText")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(760, 480)
