"""Help that fits: the shortcut sheet and the one-page workflow need no scrolling on a laptop."""

from __future__ import annotations

import html
from typing import Any

from ui.shortcuts import SHORTCUTS


def test_shortcut_sheet_lists_every_shortcut_and_fits_1366x768(qtbot: Any) -> None:
    from ui.dialogs.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    hint = dialog.sizeHint()
    assert hint.width() <= 1300
    assert hint.height() <= 680  # below the title bar and panel of a 768-pixel screen
    text = html.unescape(" ".join(label.text() for label in dialog.labels))
    for s in SHORTCUTS:
        assert s.text in text


def test_help_page_has_each_roles_workflow_without_scrolling(qtbot: Any) -> None:
    from ui.dialogs.help_dialog import HelpDialog

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.resize(1280, 620)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = dialog.view.toPlainText()
    for role in ("Appraiser", "Sensitivity reviewer", "Quality checker"):
        assert role in text
    assert dialog.view.verticalScrollBar().maximum() == 0
