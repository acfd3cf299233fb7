"""Continuous-scroll PDF pages rendered with PyMuPDF, with marks drawn over them.

Only pages in view are rendered, and a small cache of page images is kept, so a 1,000-page PDF
costs a few page images of memory. PyMuPDF is imported when the first PDF opens.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QScrollArea, QWidget

from reviewer.workview.content import Rect
from ui.viewer.marks import FIND, REDACTION, SELECTION, SPAN, Mark

GAP = 12  # pixels between pages
CACHE_PAGES = 10
MIN_ZOOM, MAX_ZOOM = 0.25, 5.0
FIND_RGB = "#c98a00"


class PdfCanvas(QWidget):
    """The tall widget holding every page, painted lazily."""

    area_drawn = Signal(int, object)  # page index, Rect in PDF points
    mark_clicked = Signal(str)  # Mark.key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: Any = None
        self._sizes: list[tuple[float, float]] = []
        self._tops: list[int] = []
        self._zoom = 1.0
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self._marks: dict[int, list[Mark]] = {}
        self._hidden_labels: set[str] = set()
        self._current_key: str | None = None
        self._drag_from: QPoint | None = None
        self._drag_to: QPoint | None = None
        self._pending: QRect | None = None  # a drawn area kept on screen while its menu is open
        self.pages_painted = 0
        self.setMouseTracking(False)
        self.setCursor(Qt.CursorShape.CrossCursor)

    # document and layout
    def set_document(self, doc: Any, sizes: list[tuple[float, float]]) -> None:
        self._doc = doc
        self._sizes = sizes
        self._cache.clear()
        self._relayout()

    def clear(self) -> None:
        self._doc = None
        self._sizes = []
        self._cache.clear()
        self._marks = {}
        self._relayout()

    def page_count(self) -> int:
        return len(self._sizes)

    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._relayout()

    def max_page_width(self) -> float:
        return max((w for w, _ in self._sizes), default=595.0)

    def _relayout(self) -> None:
        tops, y = [], GAP
        for _w, h in self._sizes:
            tops.append(y)
            y += round(h * self._zoom) + GAP
        self._tops = tops
        width = round(self.max_page_width() * self._zoom) + 2 * GAP
        self.setFixedSize(QSize(width, max(y, 1)))
        self.update()

    def page_rect(self, index: int) -> QRect:
        w, h = self._sizes[index]
        pw, ph = round(w * self._zoom), round(h * self._zoom)
        x = (self.width() - pw) // 2
        return QRect(x, self._tops[index], pw, ph)

    def page_at(self, y: int) -> int:
        for i in range(len(self._tops) - 1, -1, -1):
            if self._tops[i] <= y:
                return i
        return 0

    def to_widget(self, index: int, rect: Rect) -> QRectF:
        origin = self.page_rect(index).topLeft()
        z = self._zoom
        x0, y0, x1, y1 = rect
        return QRectF(origin.x() + x0 * z, origin.y() + y0 * z, (x1 - x0) * z, (y1 - y0) * z)

    def to_page(self, index: int, rect: QRect) -> Rect:
        origin = self.page_rect(index).topLeft()
        z = self._zoom
        r = rect.normalized()
        return (
            (r.left() - origin.x()) / z,
            (r.top() - origin.y()) / z,
            (r.right() - origin.x()) / z,
            (r.bottom() - origin.y()) / z,
        )

    # marks
    def set_marks(self, marks: list[Mark]) -> None:
        by_page: dict[int, list[Mark]] = {}
        for m in marks:
            if m.page is not None:
                by_page.setdefault(m.page, []).append(m)
        self._marks = by_page
        self.update()

    def set_hidden_labels(self, labels: set[str]) -> None:
        self._hidden_labels = set(labels)
        self.update()

    def set_current(self, key: str | None) -> None:
        self._current_key = key
        self.update()

    # rendering
    def _image(self, index: int) -> QImage:
        dpr = self.devicePixelRatioF()
        key = (index, round(self._zoom * dpr * 1000))
        img = self._cache.get(key)
        if img is not None:
            self._cache.move_to_end(key)
            return img
        import pymupdf

        scale = self._zoom * dpr
        pix = self._doc.load_page(index).get_pixmap(
            matrix=pymupdf.Matrix(scale, scale),  # type: ignore[no-untyped-call]
            alpha=False,
        )
        fmt = QImage.Format.Format_RGB888
        img = QImage(pix.samples, pix.width, pix.height, pix.stride, fmt).copy()
        img.setDevicePixelRatio(dpr)
        self._cache[key] = img
        while len(self._cache) > CACHE_PAGES:
            self._cache.popitem(last=False)
        return img

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#e4e6ea"))
        if self._doc is None:
            return
        area = event.rect()
        first = self.page_at(area.top())
        for i in range(first, len(self._sizes)):
            rect = self.page_rect(i)
            if rect.top() > area.bottom():
                break
            if not rect.intersects(area):
                continue
            painter.fillRect(rect.translated(2, 3), QColor("#c5c8cf"))
            try:
                painter.drawImage(rect.topLeft(), self._image(i))
            except Exception:
                painter.fillRect(rect, QColor("white"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "This page could not be drawn")
            self._paint_marks(painter, i)
            self.pages_painted += 1
        area_drawn = self._pending
        if self._drag_from is not None and self._drag_to is not None:
            area_drawn = QRect(self._drag_from, self._drag_to).normalized()
        if area_drawn is not None:
            painter.setPen(QPen(QColor("#1f5fbf"), 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(31, 95, 191, 50))
            painter.drawRect(area_drawn)

    def pending_area(self) -> QRect | None:
        """The area just drawn, shown until the reviewer has chosen what to do with it."""
        return self._pending

    def clear_pending_area(self) -> None:
        self._pending = None
        self.update()

    def _paint_marks(self, painter: QPainter, index: int) -> None:
        for m in self._marks.get(index, []):
            if m.kind == SPAN and m.label in self._hidden_labels:
                continue
            colour = QColor(m.colour)
            current = m.key == self._current_key
            for r in m.rects:
                box = self.to_widget(index, r).adjusted(-1, -1, 1, 1)
                if m.kind == REDACTION:  # filled dark: never mistaken for a highlight
                    painter.setPen(QPen(QColor("#000000"), 2.5 if current else 1.5))
                    painter.setBrush(QBrush(QColor(17, 17, 17, 205)))
                elif m.kind == FIND:
                    painter.setPen(QPen(QColor(FIND_RGB), 2 if current else 1))
                    painter.setBrush(QColor(242, 169, 0, 90 if current else 45))
                elif m.kind == SELECTION:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(31, 95, 191, 60))
                elif m.dismissed:
                    painter.setPen(QPen(QColor("#8a8f98"), 1, Qt.PenStyle.DotLine))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                else:
                    fill = QColor(colour)
                    fill.setAlpha(70)
                    painter.setPen(QPen(colour.darker(130), 2.5 if current else 1))
                    painter.setBrush(fill)
                painter.drawRect(box)

    # mouse: drag draws an area, a click picks a mark
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.position().toPoint()
            self._drag_to = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            self._drag_to = event.position().toPoint()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        start, end = self._drag_from, event.position().toPoint()
        self._drag_from = self._drag_to = None
        self.update()
        if start is None or self._doc is None:
            return
        index = self.page_at(start.y())
        if (end - start).manhattanLength() < 6:
            self._click(index, start)
            return
        self._pending = QRect(start, end).normalized()
        self.update()
        self.area_drawn.emit(index, self.to_page(index, QRect(start, end)))

    def _click(self, index: int, point: QPoint) -> None:
        for m in self._marks.get(index, []):
            if m.kind not in (SPAN, REDACTION):
                continue
            if any(self.to_widget(index, r).contains(point.toPointF()) for r in m.rects):
                self.mark_clicked.emit(m.key)
                return


class PdfView(QScrollArea):
    """Scrolling, zoom, fit width and page navigation around a `PdfCanvas`."""

    page_changed = Signal(int)  # 0-based page at the top of the view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = PdfCanvas()
        self.setWidget(self.canvas)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidgetResizable(False)
        self._fit_width = True
        self._doc: Any = None
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)

    def open(
        self, data: bytes | None, path: str | None, sizes: list[tuple[float, float] | None]
    ) -> None:
        """Open from `path` (read-only) or `data`; `sizes` are stored page sizes, if known."""
        import pymupdf

        self.close_document()
        doc = (
            pymupdf.open(path)  # type: ignore[no-untyped-call]
            if path
            else pymupdf.open(stream=data, filetype="pdf")  # type: ignore[no-untyped-call]
        )
        known = list(sizes)[: doc.page_count]
        known += [None] * (doc.page_count - len(known))
        full: list[tuple[float, float]] = []
        for i, s in enumerate(known):
            if s is None:
                r = doc.page_cropbox(i)  # type: ignore[no-untyped-call]
                s = (float(r.width), float(r.height))
            full.append(s)
        self._doc = doc
        self.canvas.set_document(doc, full)
        if self._fit_width:
            self.fit_width()
        self.verticalScrollBar().setValue(0)

    def close_document(self) -> None:
        self.canvas.clear()
        if self._doc is not None:
            self._doc.close()
            self._doc = None

    def page_count(self) -> int:
        return self.canvas.page_count()

    def current_page(self) -> int:
        return self.canvas.page_at(self.verticalScrollBar().value() + self.viewport().height() // 3)

    def go_to_page(self, index: int) -> None:
        if 0 <= index < self.page_count():
            self.verticalScrollBar().setValue(self.canvas.page_rect(index).top() - 6)

    def show_rect(self, index: int, rect: Rect) -> None:
        """Scroll so a mark on page `index` is in view, a little below the top."""
        if not 0 <= index < self.page_count():
            return
        box = self.canvas.to_widget(index, rect)
        self.ensureVisible(round(box.center().x()), round(box.center().y()), 50, 120)

    def set_zoom(self, zoom: float) -> None:
        self._fit_width = False
        page = self.current_page()
        self.canvas.set_zoom(zoom)
        self.go_to_page(page)

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.canvas.zoom() * factor)

    def fit_width(self) -> None:
        self._fit_width = True
        available = self.viewport().width() - 2 * GAP - 4
        self.canvas.set_zoom(max(available, 100) / self.canvas.max_page_width())

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._fit_width and self.page_count():
            self.fit_width()

    def _on_scroll(self, _value: int) -> None:
        self.page_changed.emit(self.current_page())
