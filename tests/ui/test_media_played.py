"""Playing a recording in the window is put in the record's history under the reviewer's name:
it is what lets an unscannable recording go Open (reviewer.export.scan_check)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reviewer.audit import record_history
from reviewer.ingest.pipeline import ingest_paths
from reviewer.team.identity import WrongPerson
from tests.holdings.clips import make_clip


def _media_window(make_window: Any, ui_store: Any, tmp_path: Path) -> Any:
    folder = tmp_path / "recordings"
    folder.mkdir()
    (folder / "interview.mp4").write_bytes(make_clip(1.0))
    ingest_paths(ui_store, [folder], "media")
    return make_window("media")


def _played(store: Any, record_id: int) -> list[Any]:
    with store.session() as s:
        return [e for e in record_history(s, record_id) if e.kind == "media_played"]


def test_playing_a_recording_is_noted_in_its_history(
    make_window: Any, ui_store: Any, tmp_path: Path, qtbot: Any
) -> None:
    win = _media_window(make_window, ui_store, tmp_path)
    rid = win.state.content.record_id
    assert _played(ui_store, rid) == []
    with qtbot.waitSignal(win.edits.saved, timeout=5000):
        win.viewer.media.step_forward()
    assert [(e.actor, e.role) for e in _played(ui_store, rid)] == [("Test Reviewer", "appraiser")]
    assert "history" in win.statusBar().currentMessage()


def test_a_refused_playing_is_one_line(
    make_window: Any,
    ui_store: Any,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In team mode the store refuses a playing under another person's name: the window says
    so in one line and notes nothing."""
    win = _media_window(make_window, ui_store, tmp_path)
    rid = win.state.content.record_id

    def refuse(*_a: Any, **_k: Any) -> int:
        raise WrongPerson("you are logged in as sam (reviewer); a change cannot be recorded")

    monkeypatch.setattr("reviewer.viewings.record_played", refuse)
    with qtbot.waitSignal(win.edits.refused, timeout=5000):
        win.viewer.media.step_forward()
    assert win.statusBar().currentMessage().startswith("Not saved: you are logged in as sam")
    assert _played(ui_store, rid) == []
