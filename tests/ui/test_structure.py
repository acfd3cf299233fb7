"""Actions get what they need, never the whole window: nothing imports ui.main_window back."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
# The window imports these; importing the window from them (even for type hints) made a circle.
ACTIONS = sorted(
    [*UI.glob("*_actions.py"), UI / "export" / "actions.py", UI / "qa" / "qa_window.py"]
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_action_modules_never_import_the_main_window() -> None:
    offenders = [p.relative_to(UI).as_posix() for p in ACTIONS if "ui.main_window" in _imports(p)]
    assert ACTIONS and not offenders, offenders
