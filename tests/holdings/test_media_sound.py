"""The viewer plays a recording's sound with its picture (QtMultimedia, loaded only when a
recording with a sound track is opened); with no audio device it plays silently and says so."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.holdings.clips import make_clip

ROOT = Path(__file__).resolve().parents[2]


def _audio_only(seconds: float) -> bytes:
    """An M4A-like MP4 with a tone and no pictures."""
    import av

    out = io.BytesIO()
    with av.open(out, mode="w", format="mp4") as container:
        sound = container.add_stream("aac", rate=16000)
        t = np.arange(int(seconds * 16000)) / 16000
        tone = (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
        for start in range(0, len(tone), 1024):
            frame = av.AudioFrame.from_ndarray(
                tone[start : start + 1024].reshape(1, -1), format="fltp", layout="mono"
            )
            frame.sample_rate = 16000
            for packet in sound.encode(frame):
                container.mux(packet)
        for packet in sound.encode():
            container.mux(packet)
    return out.getvalue()


def _audible_note(text: str) -> bool:
    from ui.viewer.media_sound import NO_DEVICE

    return text == NO_DEVICE or text.startswith("Sound plays on")


def test_the_sound_track_is_loaded_with_its_length(qtbot: Any) -> None:
    from ui.viewer.media_sound import MediaSound

    sound = MediaSound()
    with qtbot.waitSignal(sound.ready, timeout=15000):
        note = sound.load(make_clip(2.0))
    assert _audible_note(note)  # offscreen on CI: "No audio device: sound is not heard."
    assert sound.available and sound.loaded()
    assert sound.has_audio()
    assert abs(sound.duration() - 2.0) < 0.15
    sound.close()
    assert not sound.available and sound.position() == 0.0


def test_play_pause_and_seek_keep_sound_and_picture_together(qtbot: Any) -> None:
    from ui.viewer.media_view import MediaView

    view = MediaView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sound.ready, timeout=15000):
        assert view.open(make_clip(3.0))
    assert _audible_note(view.note.text())
    with qtbot.waitSignal(view.played, timeout=8000):
        view.toggle()
    assert view.sound.playing()
    qtbot.waitUntil(lambda: view.position() > 0.8, timeout=15000)
    # the picture follows the sound's clock: never more than a frame or two apart
    assert abs(view.position() - view.sound.position()) < 0.4
    view.toggle()  # pause: both stop where they are
    assert not view.sound.playing() and not view.timer.isActive()
    held = (view.position(), view.sound.position())
    qtbot.wait(300)
    assert (view.position(), view.sound.position()) == held
    view.seek(2.0)
    assert abs(view.position() - 2.0) < 0.11
    assert abs(view.sound.position() - view.position()) < 0.01
    view.step_back()
    assert abs(view.sound.position() - view.position()) < 0.01
    view.step_forward()
    assert abs(view.sound.position() - view.position()) < 0.01
    view.toggle()  # plays on from the seek, both together, to the end
    qtbot.waitUntil(lambda: not view.timer.isActive(), timeout=15000)
    assert view.position() > 2.8
    assert view.play.text() == "Play"


def test_a_silent_recording_says_it_has_no_sound_track(qtbot: Any) -> None:
    from ui.viewer.media_sound import NO_TRACK
    from ui.viewer.media_view import MediaView

    view = MediaView()
    qtbot.addWidget(view)
    assert view.open(make_clip(1.0, audio=False))
    assert view.note.text() == NO_TRACK
    assert not view.sound.available
    with qtbot.waitSignal(view.played, timeout=8000):
        view.toggle()  # the picture plays by its own clock
    qtbot.waitUntil(lambda: view.position() > 0.5, timeout=10000)
    view.toggle()
    view.close_media()
    assert view.note.text() == ""


def test_an_audio_recording_plays_by_the_sound_clock_and_seeks(qtbot: Any) -> None:
    from ui.viewer.media_view import MediaView

    view = MediaView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sound.ready, timeout=15000):
        assert view.open(_audio_only(2.0))
    assert view.picture.text() == "Audio recording: no pictures to show."
    with qtbot.waitSignal(view.played, timeout=8000):
        view.toggle()
    qtbot.waitUntil(lambda: view.position() > 0.5, timeout=15000)
    assert view.clock.text().endswith("/ 0:02")
    view.toggle()
    view.seek(1.5)
    assert view.position() == 1.5 and abs(view.sound.position() - 1.5) < 0.01
    view.toggle()
    qtbot.waitUntil(lambda: not view.timer.isActive(), timeout=15000)
    assert view.position() > 1.9


def test_without_qt_multimedia_the_recording_plays_silently_with_a_note(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Linux without libpulse0 the import fails: a note, never an error."""
    from ui.viewer.media_view import MediaView

    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import raises ImportError
    view = MediaView()
    qtbot.addWidget(view)
    assert view.open(make_clip(1.0))
    note = view.note.text()
    assert note.startswith("Sound cannot be played: Qt's multimedia module did not load")
    assert not view.sound.available
    with qtbot.waitSignal(view.played, timeout=8000):
        view.toggle()
    qtbot.waitUntil(lambda: view.position() > 0.5, timeout=10000)
    view.toggle()


def test_the_window_starts_without_loading_qt_multimedia() -> None:
    """QtMultimedia is imported only when a recording with sound is opened."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import ui.main_window\n"
        "from ui.viewer.media_view import MediaView\n"
        "from tests.holdings.clips import make_clip\n"
        "view = MediaView()\n"
        "assert view.open(make_clip(0.5, audio=False))\n"
        "assert 'PySide6.QtMultimedia' not in sys.modules, 'loaded too early'\n"
        "assert view.open(make_clip(0.5))\n"
        "assert 'PySide6.QtMultimedia' in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**_env(), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]


def _env() -> dict[str, str]:
    return dict(os.environ)


def test_playing_from_where_the_sound_already_is_does_not_seek_it_again(qtbot: Any) -> None:
    """Each seek makes Qt's player buffer again (with PulseAudio about 2 s of stillness)."""
    from ui.viewer.media_view import MediaView

    view = MediaView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sound.ready, timeout=15000):
        assert view.open(make_clip(2.0))
    view.seek(1.0)
    player = view.sound._player
    calls: list[int] = []
    player.setPosition = calls.append  # the instance's, not the class's
    view.toggle()
    assert calls == [] and view.sound.playing()
    view.toggle()
    view.seek(0.5)
    assert calls == [500]


def test_a_sound_clock_that_stands_still_does_not_hold_the_picture(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.viewer import media_view
    from ui.viewer.media_sound import STALLED

    monkeypatch.setattr(media_view, "STALL_SECONDS", 0.3)
    view = media_view.MediaView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sound.ready, timeout=15000):
        assert view.open(make_clip(2.0))
    monkeypatch.setattr(view.sound, "position", lambda: 0.0)  # a player that never starts
    view.toggle()
    qtbot.waitUntil(lambda: view.note.text() == STALLED, timeout=10000)
    assert not view.sound.available and not view.sound.playing()
    qtbot.waitUntil(lambda: view.position() > 0.5, timeout=10000)  # the picture plays on
