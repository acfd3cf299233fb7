"""An e-mail shown as a message: its headers as a card above the text, attachments listed.

The text view below still holds the whole text (header lines included), so highlights and
redactions keep their offsets; the card reads the header block the e-mail readers write
(`From:`, `To:`, `Cc:`, `Date:`, `Subject:` lines before the first blank line).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QWidget

FIELDS = ("From", "To", "Cc", "Date", "Subject")


def header_fields(text: str) -> dict[str, str]:
    """The message's header lines, as the e-mail readers wrote them (empty if none)."""
    head = text.split("\n\n", 1)[0]
    found: dict[str, str] = {}
    for line in head.splitlines():
        name, sep, value = line.partition(": ")
        if not sep or name not in FIELDS:
            return {}  # not a header block: an MBOX index, a note
        found[name] = value
    return found


class MessageHeader(QFrame):
    """`link_activated("rec:ID")` when an attachment's link is followed (as the header's)."""

    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(10, 6, 10, 6)
        self.values: dict[str, QLabel] = {}
        for name in (*FIELDS, "Attachments"):
            value = QLabel("")
            value.setWordWrap(True)
            self.values[name] = value
            self.form.addRow(f"<b>{name}</b>", value)
        self.values["Attachments"].linkActivated.connect(self.link_activated)
        self.setVisible(False)

    def show_message(self, text: str, children: list[tuple[int, str]]) -> bool:
        """Fill the card from the record's text; hidden (False) when it is not a message."""
        fields = header_fields(text)
        if not fields:
            self.setVisible(False)
            return False
        for name in FIELDS:
            self.values[name].setText(fields.get(name, ""))
            self.form.setRowVisible(self.values[name], bool(fields.get(name)))
        links = ", ".join(f'<a href="rec:{cid}">{escape(name)}</a>' for cid, name in children)
        self.values["Attachments"].setText(links or "none")
        self.setVisible(True)
        return True
