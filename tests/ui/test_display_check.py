"""First run without a screen: one line naming the headless command, exit 2, never a core dump."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reviewer.cli import main
from reviewer.cli.display_check import HEADLESS, display_problem


@pytest.mark.parametrize(
    ("env", "platform", "blocked"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"DISPLAY": ":4242"}, "linux", True),  # no X server listens there
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"DISPLAY": "remote:10.0"}, "linux", False),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_display_problem(env: dict[str, str], platform: str, blocked: bool) -> None:
    problem = display_problem(env, platform)
    assert (problem is not None) is blocked
    if problem is not None:
        assert HEADLESS in problem
        assert "\n" not in problem


def test_reviewer_without_display_says_one_line_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: Any, tmp_path: Path
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    code = main(["--db", f"sqlite:///{tmp_path / 'store.sqlite'}"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1
    assert "QT_QPA_PLATFORM=offscreen reviewer gui --screenshot" in err


def test_screenshot_without_display_falls_back_to_offscreen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`--screenshot` needs no screen: it is not refused (the picture is made offscreen)."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert display_problem() is not None
    import os

    from reviewer.cli import gui_cmd

    seen: dict[str, str] = {}

    class FakeApp:
        @staticmethod
        def run(_store: Any, _collection: Any, _shot: Any) -> int:
            seen["qpa"] = os.environ.get("QT_QPA_PLATFORM", "")
            return 0

    monkeypatch.setattr(gui_cmd.importlib, "import_module", lambda _n: FakeApp)
    args = type("A", (), {"collection": None, "screenshot": Path("shot.png")})()
    ctx = type("C", (), {"store": None})()
    assert gui_cmd.run(args, ctx) == 0
    assert seen["qpa"] == "offscreen"
