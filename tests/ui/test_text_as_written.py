"""Text files keep their writer's lines; paragraphs on one line wrap to the pane."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPlainTextEdit

LETTER = "\n".join(
    [
        "Dear Sir,",
        "Further to our telephone conversation of 12 March I enclose the statements",
        "of the two witnesses, together with the custody record and the officer's",
        "notebook entries for the night in question.",
        "Yours faithfully,",
    ]
)
PARAGRAPHS = ("This paragraph was typed without line breaks. " * 12 + "\n") * 3


def test_text_written_in_lines_is_not_rewrapped(qtbot: Any) -> None:
    from ui.viewer.text_view import TextView

    view = TextView()
    qtbot.addWidget(view)
    view.resize(300, 400)  # narrower than the letter's lines
    view.set_text(LETTER)
    assert view.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    assert view.document().lineCount() == 5
    view.set_text(PARAGRAPHS)
    assert view.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
