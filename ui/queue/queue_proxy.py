"""Filtering of the queue by status, decision, personal data, reviewer and path text.

The filter is evaluated once per change over the source rows into a bytearray, so the per-row
callback Qt makes is a single lookup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from reviewer.queue import QueueRow
from ui.queue.queue_table_model import QueueTableModel

ANY = ""
UNDECIDED = "(undecided)"


@dataclass(frozen=True)
class QueueFilter:
    """Empty strings mean "any"."""

    status: str = ANY
    appraisal: str = ANY  # select|retain|destroy|defer|UNDECIDED
    personal: str = ANY  # "yes" | "no"
    reviewer: str = ANY
    text: str = ""

    def accepts(self, row: QueueRow) -> bool:
        if self.status and row.status != self.status:
            return False
        if self.appraisal:
            wanted = None if self.appraisal == UNDECIDED else self.appraisal
            if row.appraisal != wanted:
                return False
        if self.personal and row.has_personal_data != (self.personal == "yes"):
            return False
        if self.reviewer and row.reviewer != self.reviewer:
            return False
        return not self.text or self.text.lower() in row.path.lower()


class QueueProxy(QSortFilterProxyModel):
    """Passes the source model's own order through and hides rows the filter rejects.

    A row whose decision changes stays visible until the filter changes, so a record never
    vanishes from under the reviewer while they work on it.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = QueueFilter()
        self._accept = bytearray()
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model: Any) -> None:
        super().setSourceModel(model)
        model.modelReset.connect(self._recompute)
        model.layoutChanged.connect(self._recompute)
        self._recompute()

    def queue_model(self) -> QueueTableModel:
        model = self.sourceModel()
        assert isinstance(model, QueueTableModel)
        return model

    def current_filter(self) -> QueueFilter:
        return self._filter

    def set_filter(self, flt: QueueFilter) -> None:
        self._filter = flt
        self._recompute()

    def _recompute(self) -> None:
        model = self.sourceModel()
        if not isinstance(model, QueueTableModel):
            return
        accepts = self._filter.accepts
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self._accept = bytearray(accepts(r) for r in model.rows())
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._accept = bytearray(accepts(r) for r in model.rows())
            self.invalidateRowsFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        return source_row < len(self._accept) and bool(self._accept[source_row])

    def sort(self, column: int, order: Any = None) -> None:
        """Sorting is done by the source model (fast key sort), then the filter re-applies."""
        from PySide6.QtCore import Qt

        self.queue_model().sort(column, order if order is not None else Qt.SortOrder.AscendingOrder)
