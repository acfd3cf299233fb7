"""Playing a video or audio record in the viewer: frames decoded by PyAV, a thumbnail strip,
play/pause, frame stepping and a position slider.

Frames are decoded with PyAV (already used at ingest) and drawn in a label, so no Qt add-on
module is needed and the window starts as fast as before. Sound is not played: QtMultimedia
lives in PySide6's add-on package, which this build does not install (the header says so).
The first time a recording is played, `played` is emitted so the window can note who played it.
"""

from __future__ import annotations

import io
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

NO_SOUND = "Sound is not played in this build (Qt's multimedia add-on is not installed)."


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
        self.note = QLabel(NO_SOUND)
        self.note.setObjectName("panelHint")
        self.screen = QLabel("")
        self.screen.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.screen.setMinimumHeight(200)
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
        layout.addWidget(self.screen, 1)
        layout.addLayout(self.strip)
        layout.addLayout(controls)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.next_frame)
        self.play.clicked.connect(self.toggle)
        self.step.clicked.connect(self.step_forward)
        self.back.clicked.connect(self.step_back)
        self.slider.sliderReleased.connect(lambda: self.seek(self._slider_seconds()))

    # loading
    def open(self, data: bytes | None) -> bool:
        """Load a recording; False (with a message on screen) when it cannot be decoded."""
        self.close_media()
        if not data:
            self.screen.setText("The recording's bytes are not available.")
            return False
        try:
            import av

            self._container = av.open(io.BytesIO(data), mode="r")
            videos = self._container.streams.video
            self._stream = videos[0] if videos else None
            self._duration = (self._container.duration or 0) / 1_000_000
        except Exception:
            self.close_media()
            self.screen.setText("This recording cannot be played: it is damaged.")
            return False
        self._show_strip(data)
        self._frames = self._decoder()
        if self._stream is None:
            self.screen.setText("Audio recording: no pictures to show.")
        else:
            self.next_frame(report=False)
        self._tick()
        return True

    def close_media(self) -> None:
        self.timer.stop()
        self.play.setText("Play")
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
    def toggle(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.play.setText("Play")
            return
        if self._stream is None:
            self._report()
            return
        rate = float(self._stream.average_rate or 25)
        self.timer.start(max(10, int(1000 / rate)))
        self.play.setText("Pause")
        self._report()

    def next_frame(self, report: bool = True) -> bool:
        """Show the next frame; False at the end."""
        if self._frames is None:
            return False
        try:
            frame = next(self._frames)
        except (StopIteration, Exception):
            self.timer.stop()
            self.play.setText("Play")
            return False
        image = frame.to_ndarray(format="rgb24")
        height, width, _ = image.shape
        qimage = QImage(image.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
        self.screen.setPixmap(QPixmap.fromImage(qimage))
        if frame.time is not None:
            self._position = float(frame.time)
        self._tick()
        if report:
            self._report()
        return True

    def step_forward(self) -> None:
        self.timer.stop()
        self.play.setText("Play")
        self.next_frame()

    def step_back(self) -> None:
        """One frame back: seek to the previous frame's time and decode up to it."""
        if self._stream is None:
            return
        rate = float(self._stream.average_rate or 25)
        self.seek(max(0.0, self._position - 1.0 / rate))

    def seek(self, seconds: float) -> None:
        if self._container is None or self._stream is None:
            return
        self.timer.stop()
        self.play.setText("Play")
        try:
            self._container.seek(int(seconds * 1_000_000), backward=True, any_frame=False)
        except Exception:
            return
        self._frames = self._decoder()
        while self.next_frame(report=False) and self._position + 1e-6 < seconds:
            pass
        self._report()

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
