"""Playing a video or audio record in the viewer: frames decoded by PyAV, a thumbnail strip,
play/pause, frame stepping, a position slider, and the sound.

Frames are decoded with PyAV (already used at ingest) and drawn in a label. The sound is played by
QtMultimedia (ui/viewer/media_sound.py), imported only when a recording with a sound track is
opened, so the window starts as fast as before. While both play, the picture follows the sound's
clock; pause, stepping and seeking put the sound where the picture is. With no audio device the
recording plays silently and the header says so in one line; a silent recording says it has no
sound track. The first time a recording is played, `played` is emitted so the window can note
who played it.
"""

from __future__ import annotations

import io
import time
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ui.viewer.media_sound import NO_TRACK, STALLED, MediaSound

# Seconds the sound's clock may stand still while playing before the picture goes on without it
# (Qt's player takes 1.5-2 s to start sounding on PulseAudio).
STALL_SECONDS = 6.0


class MediaView(QWidget):
    """`played(seconds)` when the reviewer first plays or steps through the recording."""

    played = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._container: Any = None
        self._stream: Any = None
        self._frames: Any = None
        self._position = 0.0
        self._duration = 0.0
        self._reported = False
        self._clock_seen = (0.0, 0.0)  # the sound's clock when last seen moving, and when
        self.sound = MediaSound(self)
        self.sound.failed.connect(self._sound_failed)
        self.note = QLabel("")
        self.note.setObjectName("panelHint")
        self.picture = QLabel("")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumHeight(200)
        self.strip = QHBoxLayout()
        self.play = QPushButton("Play")
        self.back = QPushButton("◀ Frame")
        self.step = QPushButton("Frame ▶")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 1000)
        self.clock = QLabel("0:00 / 0:00")
        controls = QHBoxLayout()
        for w in (self.play, self.back, self.step, self.slider, self.clock):
            controls.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.picture, 1)
        layout.addLayout(self.strip)
        layout.addLayout(controls)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._advance)
        self.play.clicked.connect(self.toggle)
        self.step.clicked.connect(self.step_forward)
        self.back.clicked.connect(self.step_back)
        self.slider.sliderReleased.connect(lambda: self.seek(self._slider_seconds()))

    # loading
    def open(self, data: bytes | None) -> bool:
        """Load a recording; False (with a message on screen) when it cannot be decoded."""
        self.close_media()
        if not data:
            self.picture.setText("The recording's bytes are not available.")
            return False
        try:
            import av

            self._container = av.open(io.BytesIO(data), mode="r")
            videos = self._container.streams.video
            self._stream = videos[0] if videos else None
            self._duration = (self._container.duration or 0) / 1_000_000
            audible = bool(self._container.streams.audio)
        except Exception:
            self.close_media()
            self.picture.setText("This recording cannot be played: it is damaged.")
            return False
        self.note.setText(self.sound.load(data) if audible else NO_TRACK)
        self._show_strip(data)
        self._frames = self._decoder()
        if self._stream is None:
            self.picture.setText("Audio recording: no pictures to show.")
        else:
            self.next_frame(report=False)
        self._tick()
        return True

    def close_media(self) -> None:
        self._halt()
        self.sound.close()
        self.note.setText("")
        if self._container is not None:
            self._container.close()
        self._container = self._stream = self._frames = None
        self._position = self._duration = 0.0
        self._reported = False
        while self.strip.count():
            item = self.strip.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _show_strip(self, data: bytes) -> None:
        from reviewer.ingest.extract.media import thumbnails

        try:
            pictures = thumbnails(data, count=6, width=120)
        except Exception:
            pictures = []
        for png in pictures:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(QImage.fromData(png)))
            self.strip.addWidget(label)
        self.strip.addStretch(1)

    def _decoder(self) -> Any:
        if self._container is None or self._stream is None:
            return iter(())
        return self._container.decode(self._stream)

    # playing
    def _halt(self) -> None:
        """Stop the picture and the sound where they are."""
        self.timer.stop()
        self.sound.pause()
        self.play.setText("Play")

    def _frame_seconds(self) -> float:
        return 1.0 / float(self._stream.average_rate or 25) if self._stream is not None else 0.04

    def toggle(self) -> None:
        if self.timer.isActive():
            self._halt()
            return
        if self._stream is None and not self.sound.available:
            self._report()
            return
        if self.sound.available:
            self.sound.play(self._position)
            self._clock_seen = (self.sound.position(), time.monotonic())
        self.timer.start(max(10, int(1000 * self._frame_seconds())))
        self.play.setText("Pause")
        self._report()

    def _advance(self) -> None:
        """One tick of playing: the picture catches up with the sound's clock, or (with no
        sound) shows the next frame."""
        if not (self.sound.available and self.sound.playing()):
            if self._stream is None:  # the sound ended or failed: nothing more to show
                if self.sound.ended():
                    self._position = self._duration
                self._halt()
                self._tick()
                return
            self.next_frame()
            return
        clock = self.sound.position()
        if clock != self._clock_seen[0]:
            self._clock_seen = (clock, time.monotonic())
        elif time.monotonic() - self._clock_seen[1] > STALL_SECONDS:
            self.sound.abandon(STALLED)
            self._advance()
            return
        if self._stream is None:
            self._position = clock
            self._tick()
            return
        while self._position + self._frame_seconds() <= clock + 1e-6:
            if not self.next_frame():
                break

    def next_frame(self, report: bool = True) -> bool:
        """Show the next frame; False at the end."""
        if self._frames is None:
            return False
        try:
            frame = next(self._frames)
        except (StopIteration, Exception):
            self._halt()
            return False
        image = frame.to_ndarray(format="rgb24")
        height, width, _ = image.shape
        qimage = QImage(image.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
        self.picture.setPixmap(QPixmap.fromImage(qimage))
        if frame.time is not None:
            self._position = float(frame.time)
        self._tick()
        if report:
            self._report()
        return True

    def step_forward(self) -> None:
        self._halt()
        self.next_frame()
        self.sound.seek(self._position)

    def step_back(self) -> None:
        """One frame back: seek to the previous frame's time and decode up to it."""
        if self._stream is None:
            return
        self.seek(max(0.0, self._position - self._frame_seconds()))

    def seek(self, seconds: float) -> None:
        """Picture and sound paused at `seconds` (the picture at the frame showing then)."""
        if self._container is None:
            return
        self._halt()
        if self._stream is None:
            self._position = max(0.0, min(seconds, self._duration))
            self.sound.seek(self._position)
            self._tick()
            self._report()
            return
        try:
            self._container.seek(int(seconds * 1_000_000), backward=True, any_frame=False)
        except Exception:
            return
        self._frames = self._decoder()
        while self.next_frame(report=False) and self._position + 1e-6 < seconds:
            pass
        self.sound.seek(self._position)
        self._report()

    def _sound_failed(self, note: str) -> None:
        self.note.setText(note)

    def _slider_seconds(self) -> float:
        return self._duration * self.slider.value() / 1000

    def _tick(self) -> None:
        def clock(s: float) -> str:
            return f"{int(s) // 60}:{int(s) % 60:02d}"

        self.clock.setText(f"{clock(self._position)} / {clock(self._duration)}")
        if self._duration and not self.slider.isSliderDown():
            self.slider.setValue(int(1000 * self._position / self._duration))

    def _report(self) -> None:
        if not self._reported:
            self._reported = True
            self.played.emit(self._position)

    def position(self) -> float:
        return self._position
