"""The History tab: the current record's history, newest first, read-only.

It renders the `HistoryLine`s of the record's view (`reviewer.workview.history`), which the
window reloads after every save; it never reads the store and decides nothing. Times are shown
in local time; the What column wraps, and its full sentence is also the row's tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.workview import HistoryLine

COL_WHEN, COL_WHO, COL_WHAT = range(3)
HEADERS = ("When", "Who", "What")
EMPTY = "No history yet"
NO_RECORD = "No record open"
WHEN_FORMAT = "%d %b %Y %H:%M"


def when_text(line: HistoryLine) -> str:
    """The event's time in local time, as "03 Dec 2026 14:05"."""
    at = line.at if line.at.tzinfo is not None else line.at.replace(tzinfo=UTC)
    return at.astimezone().strftime(WHEN_FORMAT)


def who_text(line: HistoryLine) -> str:
    return f"{line.who} ({line.role})" if line.role else line.who


class _WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped in its column's present width (a tree view asks its
    delegate without telling it the column's width)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self._tree.header().sectionSize(index.column())
        style = self._tree.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._tree) + 1
        room = QRect(0, 0, max(1, width - 2 * margin), 1_000_000)
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        text = opt.fontMetrics.boundingRect(room, int(flags), opt.text)
        return QSize(width, text.height() + 2 * margin)


class HistoryPanel(QWidget):
    """`show_lines(lines)` draws a record's history; `clear()` when no record is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: tuple[HistoryLine, ...] | None = None
        self.empty = QLabel(NO_RECORD)
        self.empty.setObjectName("historyEmpty")
        self.tree = QTreeWidget()
        self.tree.setObjectName("historyTree")
        self.tree.setAccessibleName("Record history")
        self.tree.setColumnCount(len(HEADERS))
        self.tree.setHeaderLabels(list(HEADERS))
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setWordWrap(True)
        self.tree.setItemDelegate(_WrapDelegate(self.tree))
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(COL_WHEN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_WHO, QHeaderView.ResizeMode.Interactive)
        # Wrapped rows change height with their column's width.
        header.sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self._size_columns()
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        self.tree.hide()

    def _size_columns(self) -> None:
        """When fits the date (its time wraps under it when narrow); Who a short name."""
        fm = self.tree.fontMetrics()
        pad = 3 * fm.horizontalAdvance(" ") + 8
        self.tree.setColumnWidth(COL_WHEN, fm.horizontalAdvance("30 Sep 2026") + pad)
        self.tree.setColumnWidth(COL_WHO, fm.horizontalAdvance("Sam Sensitive") + pad)

    def clear(self) -> None:
        self._show((), NO_RECORD)

    def show_lines(self, lines: Sequence[HistoryLine]) -> None:
        self._show(tuple(lines), EMPTY)

    def _show(self, lines: tuple[HistoryLine, ...], empty_text: str) -> None:
        if lines == self._lines and (lines or self.empty.text() == empty_text):
            return  # the same history (a redraw after a save that did not change it)
        self._lines = lines
        self.tree.clear()
        self.empty.setText(empty_text)
        self.empty.setVisible(not lines)
        self.tree.setVisible(bool(lines))
        items = []
        for line in lines:
            when, who = when_text(line), who_text(line)
            item = QTreeWidgetItem([when, who, line.what])
            item.setToolTip(COL_WHEN, when)
            item.setToolTip(COL_WHO, who)
            item.setToolTip(COL_WHAT, line.what)
            item.setData(
                COL_WHAT, Qt.ItemDataRole.AccessibleTextRole, f"{when}, {who}: {line.what}"
            )
            for col in range(len(HEADERS)):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            items.append(item)
        self.tree.addTopLevelItems(items)
        if items:
            self.tree.setCurrentItem(items[0])

    def row_texts(self) -> list[tuple[str, str, str]]:
        """What each row shows (When, Who, What), top to bottom."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            assert item is not None
            out.append((item.text(COL_WHEN), item.text(COL_WHO), item.text(COL_WHAT)))
        return out
