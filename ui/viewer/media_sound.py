"""A recording's sound, played by QtMultimedia beside the frames PyAV draws (ui/viewer/media_view).

QtMultimedia (PySide6's add-on wheel, with its own FFmpeg) is imported only when a recording with
a sound track is opened, so the window starts as fast as before. The player plays the bytes from
memory (a QBuffer), its position is the clock the picture follows, and it keeps running with no
audio device (CI, a server without a sound card): the recording then plays silently and `note`
says so in one line. Nothing here raises: a module that will not load (on Linux, libpulse0
missing) or a sound track the player cannot decode leaves `available` False and a note.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QObject, Signal

NO_TRACK = "No sound track in this recording."
NO_DEVICE = "No audio device: sound is not heard."
NO_MODULE = "Sound cannot be played: Qt's multimedia module did not load ({reason})."
BROKEN = "The sound track cannot be played ({reason}); the picture plays without it."
STALLED = "The sound did not start; the picture plays without it."


def sound_note(device: str) -> str:
    return f"Sound plays on {device}." if device else "Sound plays on the default output."


class MediaSound(QObject):
    """Plays one recording's sound; `ready` once the player knows the track and its length,
    `failed(note)` when it cannot be played."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player: Any = None
        self._output: Any = None
        self._buffer: Any = None
        self.available = False
        self.note = ""
        self._announced = False
        self._pending: float | None = None

    def load(self, data: bytes) -> str:
        """Start loading a recording that has a sound track; returns the one-line note."""
        self.close()
        from PySide6.QtCore import QBuffer, QIODevice, QLoggingCategory

        # Qt's FFmpeg backend prints the file's streams and every library it looked for on
        # stderr; errors still reach the note through errorOccurred.
        QLoggingCategory.setFilterRules("qt.multimedia.*=false")
        try:
            from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
        except ImportError as exc:  # e.g. libpulse.so.0 missing on Linux
            self.note = NO_MODULE.format(reason=_short(str(exc)))
            return self.note
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._player = QMediaPlayer(self)
        self._output = QAudioOutput(self)
        self._player.setAudioOutput(self._output)
        self._player.errorOccurred.connect(self._error)
        self._player.mediaStatusChanged.connect(self._status)
        self._player.setSourceDevice(self._buffer)
        self.available = True
        device = QMediaDevices.defaultAudioOutput()
        if not QMediaDevices.audioOutputs() or device.isNull():
            self.note = NO_DEVICE
        else:
            self.note = sound_note(device.description())
        return self.note

    def close(self) -> None:
        """Let go of the player. It is stopped and deleted by the event loop, never from Python:
        stopping it tears down its audio thread, which calls back into Python (PySide's
        disconnectNotify) and would wait forever for the interpreter lock a Python caller holds."""
        if self._player is not None:
            self._player.errorOccurred.disconnect(self._error)
            self._player.mediaStatusChanged.disconnect(self._status)
            self._output.setMuted(True)
            self._player.deleteLater()
            self._output.deleteLater()
            self._buffer.deleteLater()
        self._player = self._output = self._buffer = None
        self.available = False
        self.note = ""
        self._announced = False
        self._pending = None

    # what the player knows
    def loaded(self) -> bool:
        if self._player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        status = self._player.mediaStatus()
        return status not in (
            QMediaPlayer.MediaStatus.NoMedia,
            QMediaPlayer.MediaStatus.LoadingMedia,
            QMediaPlayer.MediaStatus.InvalidMedia,
        )

    def has_audio(self) -> bool:
        return self._player is not None and bool(self._player.hasAudio())

    def duration(self) -> float:
        return self._player.duration() / 1000 if self._player is not None else 0.0

    def position(self) -> float:
        if self._player is None:
            return 0.0
        if self._pending is not None:
            return self._pending
        return float(self._player.position() / 1000)

    def playing(self) -> bool:
        if self._player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return bool(self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState)

    def ended(self) -> bool:
        if self._player is None:
            return True
        from PySide6.QtMultimedia import QMediaPlayer

        return bool(self._player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia)

    # playing
    def play(self, at: float) -> None:
        if self.available and self._player is not None:
            if abs(self.position() - at) > 0.02:  # each seek makes the player buffer again
                self._place(at)
            self._player.play()

    def pause(self) -> None:
        if self._player is not None and self.playing():
            self._player.pause()

    def seek(self, seconds: float) -> None:
        """Pause at `seconds`, so the next play starts with the picture."""
        if self._player is not None:
            self._player.pause()
            self._place(seconds)

    def _place(self, seconds: float) -> None:
        """The player ignores a position set while it is still reading the file: keep it for
        when it has read it."""
        self._pending = None if self.loaded() else seconds
        self._player.setPosition(round(seconds * 1000))

    def abandon(self, note: str) -> None:
        """Stop relying on the sound (its clock stood still): paused, `failed(note)`."""
        if not self.available:
            return
        self.pause()
        self.available = False
        self.note = note
        self.failed.emit(note)

    def _status(self, status: Any) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status == QMediaPlayer.MediaStatus.LoadedMedia and not self._announced:
            self._announced = True
            if self._pending is not None and self._player is not None:
                self._player.setPosition(round(self._pending * 1000))
                self._pending = None
            self.ready.emit()

    def _error(self, _error: Any, message: str) -> None:
        if not self.available:
            return
        self.available = False
        if self._player is not None:
            self._player.stop()
        self.note = BROKEN.format(reason=_short(message) or "unknown error")
        self.failed.emit(self.note)


def _short(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:120]
