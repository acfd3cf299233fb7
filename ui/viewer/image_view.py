"""Image records shown scaled to fit, or at full size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget


class ImageView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel()
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self._label)
        self.setWidgetResizable(True)
        self._pixmap = QPixmap()

    def set_image(self, data: bytes | None) -> bool:
        """Show the image in `data`; False (and a message) if Qt cannot decode it."""
        image = QImage.fromData(data) if data else QImage()
        if image.isNull():
            self._pixmap = QPixmap()
            self._label.setText("This image cannot be shown.")
            return False
        self._pixmap = QPixmap.fromImage(image)
        self._rescale()
        return True

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._rescale()

    def _rescale(self) -> None:
        if self._pixmap.isNull():
            return
        size = self.viewport().size()
        if self._pixmap.width() > size.width() or self._pixmap.height() > size.height():
            scaled = self._pixmap.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            self._label.setPixmap(scaled)
        else:
            self._label.setPixmap(self._pixmap)
