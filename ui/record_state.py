"""The current record as the window draws it: the core's frozen view plus its marks in colour.

Everything here converts: the view is built in `reviewer.workview` from the store, and this
module only turns its spans and redactions into the viewer's coloured `Mark`s.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from reviewer.decisions import DecisionView
from reviewer.workview import RecordContent, RecordWorkView, WorkRedaction, WorkSpan, load_work_view
from ui.viewer.marks import REDACTION, REDACTION_COLOUR, SPAN, Mark, colour_for, label_colours


def span_mark(span: WorkSpan, colours: dict[str, str]) -> Mark:
    return Mark(
        f"entity:{span.entity_id}",
        SPAN,
        span.label,
        colour_for(span.label, colours),
        span.start,
        span.end,
        span.page,
        span.rects,
        span.dismissed,
        span.entity_id,
        span.text,
        span.score,
    )


def redaction_mark(red: WorkRedaction) -> Mark:
    return Mark(
        f"redaction:{red.redaction_id}",
        REDACTION,
        red.label,
        REDACTION_COLOUR,
        red.start,
        red.end,
        red.page,
        red.rects,
        False,
        red.entity_id,
    )


def span_marks(spans: tuple[WorkSpan, ...]) -> tuple[Mark, ...]:
    colours = label_colours()
    return tuple(span_mark(s, colours) for s in spans)


def redaction_marks(redactions: tuple[WorkRedaction, ...]) -> tuple[Mark, ...]:
    return tuple(redaction_mark(r) for r in redactions)


@dataclass(frozen=True)
class RecordState:
    """The core's view of the current record and the marks drawn from it. Never edited: new
    data makes a new view in the core, drawn into a new state by `render`."""

    view: RecordWorkView
    span_marks: tuple[Mark, ...]
    redaction_marks: tuple[Mark, ...]

    @property
    def content(self) -> RecordContent:
        return self.view.content

    @property
    def data(self) -> bytes | None:
        return self.view.data

    @property
    def decision(self) -> DecisionView | None:
        return self.view.decision

    @property
    def suggested(self) -> tuple[str, ...]:
        return self.view.suggested

    @property
    def holds(self) -> tuple[str, ...]:
        return self.view.holds

    @property
    def scanned(self) -> bool:
        return self.view.scanned


def render(view: RecordWorkView) -> RecordState:
    """The state drawn from `view`."""
    return RecordState(view, span_marks(view.spans), redaction_marks(view.redactions))


def load_record_state(
    session: Session, record_id: int, kind: str, *, with_marks: bool = True
) -> RecordState | None:
    """The core's view of the record (`reviewer.workview.load_work_view`), drawn."""
    view = load_work_view(session, record_id, kind, with_marks=with_marks)
    return None if view is None else render(view)
