"""The side list of a record's personal-data spans, grouped by label with counts.

Top-level rows are labels (checkable: the per-label toggle, with the legend colour); children
are the spans. Built on QStandardItemModel with named roles.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap, QStandardItem, QStandardItemModel

from ui.viewer.marks import Mark

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # Mark.key of a span row
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2  # the label of a label row or span row
ENTITY_ID_ROLE = Qt.ItemDataRole.UserRole + 3
DISMISSED_ROLE = Qt.ItemDataRole.UserRole + 4


def swatch(colour: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(colour))
    return QIcon(pix)


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 48 else text[:45] + "…"


class SpansTreeModel(QStandardItemModel):
    """Emits `toggled(label, visible)` when a label's check box changes."""

    toggled = Signal(str, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Personal data"])
        self._hidden: set[str] = set()
        self._building = False
        self.itemChanged.connect(self._on_item_changed)

    def hidden_labels(self) -> set[str]:
        return set(self._hidden)

    def set_spans(self, marks: Sequence[Mark]) -> None:
        self._building = True
        self.removeRows(0, self.rowCount())
        groups: dict[str, list[Mark]] = {}
        for m in marks:
            groups.setdefault(m.label, []).append(m)
        for label in sorted(groups, key=lambda lb: (-len(groups[lb]), lb)):
            spans = groups[label]
            live = sum(1 for m in spans if not m.dismissed)
            head = QStandardItem(swatch(spans[0].colour), f"{label}  ({live})")
            head.setData(label, LABEL_ROLE)
            head.setEditable(False)
            head.setCheckable(True)
            head.setCheckState(
                Qt.CheckState.Unchecked if label in self._hidden else Qt.CheckState.Checked
            )
            head.setToolTip(f"{live} {label} highlight(s); untick to hide them")
            for m in sorted(spans, key=lambda m: m.start or 0):
                page = f"p.{m.page + 1}  " if m.page is not None else ""
                item = QStandardItem(f"{page}{_snippet(m.text or m.label)}")
                item.setEditable(False)
                item.setData(m.key, KEY_ROLE)
                item.setData(label, LABEL_ROLE)
                item.setData(m.entity_id, ENTITY_ID_ROLE)
                item.setData(m.dismissed, DISMISSED_ROLE)
                if m.dismissed:
                    font = QFont()
                    font.setStrikeOut(True)
                    item.setFont(font)
                    item.setForeground(QColor("#8a8f98"))
                    item.setToolTip("dismissed: not personal data")
                head.appendRow(item)
            self.appendRow(head)
        self._building = False

    def index_of_key(self, key: str) -> QModelIndex:
        for r in range(self.rowCount()):
            head = self.item(r)
            for c in range(head.rowCount()):
                if head.child(c).data(KEY_ROLE) == key:
                    return head.child(c).index()
        return QModelIndex()

    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._building or not item.isCheckable():
            return
        label = str(item.data(LABEL_ROLE))
        visible = item.checkState() == Qt.CheckState.Checked
        if visible:
            self._hidden.discard(label)
        else:
            self._hidden.add(label)
        self.toggled.emit(label, visible)
