"""The centre of the window: the record's header, a toolbar (pages, zoom, find) and the view.

Shows a `RecordContent` with the view that suits it, draws marks over it and reports what the
reviewer selects (a text range or a drawn area) so the window can mark or redact it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.workview.content import (
    KIND_EMAIL,
    KIND_IMAGE,
    KIND_MEDIA,
    KIND_PDF,
    KIND_TABLE,
    RecordContent,
)
from reviewer.workview.geometry import find_all, page_of, range_in_rect, rects_for_range
from ui.viewer.image_view import ImageView
from ui.viewer.marks import FIND, FIND_COLOUR, Mark
from ui.viewer.media_view import MediaView
from ui.viewer.message_header import MessageHeader
from ui.viewer.metadata_pane import MetadataPane
from ui.viewer.pdf_view import PdfView
from ui.viewer.sheet_table_model import SheetTableModel
from ui.viewer.text_view import TextView
from ui.widgets.elided_label import ElidedLabel

log = logging.getLogger(__name__)
PAGE_PDF, PAGE_TEXT, PAGE_TABLE, PAGE_IMAGE, PAGE_MESSAGE, PAGE_MEDIA = range(6)


def _tool(text: str, tip: str) -> QToolButton:
    b = QToolButton()
    b.setText(text)
    b.setToolTip(tip)
    b.setAutoRaise(True)
    return b


class ViewerPanel(QWidget):
    """`range_selected(start, end)` and `area_drawn(page, rect)` come from the reviewer's mouse."""

    area_drawn = Signal(int, object)
    mark_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content: RecordContent | None = None
        self._marks: list[Mark] = []
        self._hits: list[tuple[int, int]] = []
        self._hit = -1
        self.title = ElidedLabel("No record open")
        self.title.setObjectName("recordTitle")
        self.detail = QLabel("")
        self.detail.setObjectName("recordDetail")
        self.detail.setOpenExternalLinks(False)
        self.detail.setWordWrap(True)
        self.pdf = PdfView()
        self.text = TextView()
        self.sheet_model = SheetTableModel(self)
        self.sheet = QTableView()
        self.sheet.setModel(self.sheet_model)
        self.sheet_tabs = QTabWidget()
        self.sheet_text = TextView()
        self.sheet_tabs.addTab(self.sheet, "Table")
        self.sheet_tabs.addTab(self.sheet_text, "Text and highlights")
        self.image = ImageView()
        self.message = QLabel("")
        self.message.setObjectName("viewerMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.setMinimumWidth(200)  # no view may widen the window (a media player's bar)
        self.media = MediaView()
        for w in (self.pdf, self.text, self.sheet_tabs, self.image, self.message, self.media):
            self.stack.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header = QVBoxLayout()
        header.setContentsMargins(10, 8, 10, 6)
        header.addWidget(self.title)
        header.addWidget(self.detail)
        self.metadata_pane = MetadataPane()
        header.addWidget(self.metadata_pane)
        self.message_header = MessageHeader()
        header.addWidget(self.message_header)
        layout.addLayout(header)
        layout.addWidget(self._toolbar())
        layout.addWidget(self.stack, 1)
        self.pdf.canvas.area_drawn.connect(self.area_drawn)
        self.pdf.canvas.mark_clicked.connect(self.mark_clicked)
        self.pdf.page_changed.connect(self._on_page)

    def _toolbar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("viewerToolbar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 3, 8, 3)
        self.prev_page = _tool("‹", "Previous page (PgUp)")  # noqa: RUF001
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.setMaximumWidth(64)
        self.page_of = QLabel("of 0")
        self.next_page = _tool("›", "Next page (PgDn)")  # noqa: RUF001
        self.zoom_out = _tool("−", "Zoom out (Ctrl+-)")  # noqa: RUF001
        self.zoom_label = QLabel("100%")
        self.zoom_in = _tool("+", "Zoom in (Ctrl++)")
        self.fit = _tool("Fit", "Fit the page to the width (Ctrl+0)")
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText("Find in record (Ctrl+F)")
        self.find_box.setClearButtonEnabled(True)
        self.find_box.setMaximumWidth(240)
        self.find_box.setMinimumWidth(90)
        self.find_prev = _tool("▲", "Previous hit (Shift+F3)")
        self.find_next = _tool("▼", "Next hit (F3)")
        self.find_count = QLabel("")
        self._pdf_tools = (
            self.prev_page,
            self.page_box,
            self.page_of,
            self.next_page,
            self.zoom_out,
            self.zoom_label,
            self.zoom_in,
            self.fit,
        )
        for w in (self.prev_page, self.page_box, self.page_of, self.next_page):
            row.addWidget(w)
        row.addSpacing(12)
        for w in (self.zoom_out, self.zoom_label, self.zoom_in, self.fit):
            row.addWidget(w)
        row.addStretch(1)
        for found in (self.find_box, self.find_prev, self.find_next, self.find_count):
            row.addWidget(found)
        self.prev_page.clicked.connect(lambda: self.step_page(-1))
        self.next_page.clicked.connect(lambda: self.step_page(1))
        self.page_box.valueChanged.connect(lambda v: self.pdf.go_to_page(v - 1))
        self.zoom_in.clicked.connect(lambda: self.zoom(1.2))
        self.zoom_out.clicked.connect(lambda: self.zoom(1 / 1.2))
        self.fit.clicked.connect(self.fit_width)
        self.find_box.returnPressed.connect(lambda: self.find_step(1))
        self.find_box.textChanged.connect(self.run_find)
        self.find_next.clicked.connect(lambda: self.find_step(1))
        self.find_prev.clicked.connect(lambda: self.find_step(-1))
        return bar

    # showing a record
    def show_record(self, content: RecordContent | None, data: bytes | None = None) -> None:
        """Show `content`; `data` are the original bytes when the view needs them."""
        self.content = content
        self._hits, self._hit = [], -1
        self.find_count.setText("")
        self.pdf.close_document()
        self.media.close_media()
        self.message_header.setVisible(False)
        self.metadata_pane.set_items(content.metadata if content is not None else ())
        if content is None:
            self.title.setText("No record open")
            self.detail.setText("")
            self._message("Choose a record in the queue.")
            return
        self.title.setText(content.path)
        bits = [content.format or "unknown format"]
        if content.page_texts and content.kind == KIND_PDF:
            bits.append(f"{len(content.page_texts)} page(s)")
        if content.status != "ok":
            bits.append(
                f"{content.status}: {content.message}" if content.message else content.status
            )
        elif content.message:  # a readable record's note (a misnamed extension)
            bits.append(content.message)
        read = [(i, c) for i, c in enumerate(content.ocr_confidence, 1) if c is not None]
        if read:
            shown = ", ".join(f"p.{i} {c:.0f}%" for i, c in read[:12])
            more = f" and {len(read) - 12} more pages" if len(read) > 12 else ""
            bits.append(f"OCR confidence: {shown}{more}")
        if content.children:
            links = ", ".join(f'<a href="rec:{c.id}">{c.name}</a>' for c in content.children[:20])
            more = f" and {len(content.children) - 20} more" if len(content.children) > 20 else ""
            label = "Attachments" if content.kind == KIND_EMAIL else "Contains"
            bits.append(f"{label} ({len(content.children)}): {links}{more}")
        self.detail.setText(" · ".join(bits))
        if content.kind == KIND_EMAIL:
            children = [(c.id, c.name) for c in content.children]
            self.message_header.show_message(content.text, children)
        self._show_view(content, data)
        self._sync_pages()

    def _show_view(self, content: RecordContent, data: bytes | None) -> None:
        if content.kind == KIND_MEDIA and self.media.open(data):
            self.stack.setCurrentIndex(PAGE_MEDIA)
            return
        if content.kind == KIND_PDF and (data is not None or content.source_file is not None):
            try:
                path = str(content.source_file) if data is None and content.source_file else None
                self.pdf.open(data, path, list(content.page_sizes))
                self.stack.setCurrentIndex(PAGE_PDF)
                return
            except Exception as exc:
                log.warning(
                    "record %s: PDF could not be opened (%s)", content.record_id, type(exc).__name__
                )
        if content.kind == KIND_IMAGE and self.image.set_image(data):
            self.stack.setCurrentIndex(PAGE_IMAGE)
            return
        text = content.text
        if not text.strip():
            why = content.message or "No text was found in this record."
            self._message(f"{why}\n\nThe record can still be appraised and reviewed.")
            return
        if content.kind == KIND_TABLE:
            self.sheet_model.set_text(text)
            self.sheet.resizeColumnsToContents()
            self.sheet_text.set_text(text)
            self.stack.setCurrentIndex(PAGE_TABLE)
            return
        self.text.set_text(text)
        self.stack.setCurrentIndex(PAGE_TEXT)

    def _message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentIndex(PAGE_MESSAGE)

    def showing_pdf(self) -> bool:
        return self.stack.currentIndex() == PAGE_PDF

    def text_view(self) -> TextView | None:
        if self.stack.currentIndex() == PAGE_TEXT:
            return self.text
        if self.stack.currentIndex() == PAGE_TABLE:
            return self.sheet_text
        return None

    # marks
    def marks(self) -> list[Mark]:
        """What is drawn over the record now (spans and redactions)."""
        return list(self._marks)

    def set_marks(self, marks: list[Mark]) -> None:
        """Spans and redactions; find hits are added here."""
        self._marks = marks
        self._redraw()

    def _redraw(self) -> None:
        marks = list(self._marks)
        for i, (s, e) in enumerate(self._hits):
            marks.append(self._hit_mark(i, s, e))
        active = self.text_view()
        self.pdf.canvas.set_marks(marks if self.showing_pdf() else [])
        for view in (self.text, self.sheet_text):
            view.set_marks(marks if view is active else [])

    def _hit_mark(self, i: int, start: int, end: int) -> Mark:
        page: int | None = None
        rects: tuple[tuple[float, float, float, float], ...] = ()
        if self.content is not None and self.showing_pdf():
            found = rects_for_range(self.content, start, end)
            if found:
                page = found[0][0]
                rects = tuple(r for p, r in found if p == page)
        return Mark(f"find:{i}", FIND, "find", FIND_COLOUR, start, end, page, rects)

    def set_hidden_labels(self, labels: set[str]) -> None:
        self.pdf.canvas.set_hidden_labels(labels)
        self.text.set_hidden_labels(labels)
        self.sheet_text.set_hidden_labels(labels)

    def show_mark(self, mark: Mark) -> None:
        """Scroll to a mark and draw it as the current one."""
        for view in (self.pdf.canvas, self.text, self.sheet_text):
            view.set_current(mark.key)
        if self.showing_pdf() and mark.page is not None and mark.rects:
            self.pdf.show_rect(mark.page, mark.rects[0])
        elif mark.start is not None and mark.end is not None:
            text_view = self.text_view()
            if text_view is not None:
                text_view.show_range(mark.start, mark.end)

    def selection_range(self) -> tuple[int, int] | None:
        """The selected text, else the find hit on screen: Ctrl+F a missed name, Enter, Esc, M
        marks it without the mouse (in a PDF too)."""
        view = self.text_view()
        selected = view.selection_range() if view is not None else None
        if selected is None and 0 <= self._hit < len(self._hits):
            return self._hits[self._hit]
        return selected

    def range_for_area(
        self, page: int, rect: tuple[float, float, float, float]
    ) -> tuple[int, int] | None:
        return range_in_rect(self.content, page, rect) if self.content else None

    # pages and zoom
    def step_page(self, delta: int) -> None:
        if self.showing_pdf():
            self.pdf.go_to_page(self.pdf.current_page() + delta)

    def zoom(self, factor: float) -> None:
        if self.showing_pdf():
            self.pdf.zoom_by(factor)
            self._sync_pages()

    def fit_width(self) -> None:
        if self.showing_pdf():
            self.pdf.fit_width()
            self._sync_pages()

    def _sync_pages(self) -> None:
        pdf = self.showing_pdf()
        count = self.pdf.page_count() if pdf else 0
        for w in self._pdf_tools:
            w.setVisible(pdf)
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(count, 1))
        self.page_box.setValue(self.pdf.current_page() + 1 if pdf else 1)
        self.page_box.blockSignals(False)
        self.page_of.setText(f"of {count}")
        self.zoom_label.setText(f"{round(self.pdf.canvas.zoom() * 100)}%" if pdf else "")

    def _on_page(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)

    # find
    def run_find(self, needle: str) -> None:
        self._hits = find_all(self.content.text, needle) if self.content and needle else []
        self._hit = -1
        self._redraw()
        self.find_count.setText(f"{len(self._hits)} found" if needle else "")
        if self._hits:
            self.find_step(1)

    def find_step(self, delta: int) -> None:
        if not self._hits:
            return
        self._hit = (self._hit + delta) % len(self._hits)
        start, end = self._hits[self._hit]
        self.find_count.setText(f"{self._hit + 1} of {len(self._hits)}")
        mark = self._hit_mark(self._hit, start, end)
        self.show_mark(mark)
        if self.showing_pdf() and mark.page is None and self.content is not None:
            self.pdf.go_to_page(page_of(self.content.page_starts(), start))

    def hit_index(self) -> int:
        return self._hit
