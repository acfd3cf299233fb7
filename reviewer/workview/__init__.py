"""The current record as the workstation shows it: one frozen view built from the store.

`content` loads a record's pages and word boxes, `geometry` maps text offsets to page boxes and
back, `history` puts the record's audit log in words, `record` builds the `RecordWorkView` every
panel renders and folds reloaded parts into a new view after an edit. Qt-free like the rest of
the core.
"""

from reviewer.workview.content import RecordContent, load_content, record_bytes
from reviewer.workview.history import HistoryLine, history_lines
from reviewer.workview.record import (
    Decided,
    RecordMarks,
    RecordWorkView,
    WorkRedaction,
    WorkSpan,
    load_decided,
    load_marks,
    load_suggestions,
    load_work_view,
    with_decided,
    with_marks,
    with_suggestions,
)

__all__ = [
    "Decided",
    "HistoryLine",
    "RecordContent",
    "RecordMarks",
    "RecordWorkView",
    "WorkRedaction",
    "WorkSpan",
    "history_lines",
    "load_content",
    "load_decided",
    "load_marks",
    "load_suggestions",
    "load_work_view",
    "record_bytes",
    "with_decided",
    "with_marks",
    "with_suggestions",
]
