"""The review queue in an order: file order, or most likely sensitive / selected first.

Records not yet reviewed for the task come first, best score first; reviewed ones follow (they
need no reading for this task), so a reviewer who follows the queue reads the likeliest next.
Scores are shown, never used to fill in a decision.

The records of the blind sample (`reviewer.predict.remaining`) that are still undecided come
before all others, in path order, with no score or reason: hiding the score alone is not
blind, since a record's place in a ranked list says how likely the model thinks it is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from reviewer.predict.collection import collection_id, load
from reviewer.predict.remaining import sampled_ids
from reviewer.predict.tasks import BY_ORDER, TASKS
from reviewer.predict.training import (
    ModelInfo,
    _info,
    model_version,
    stored_scores,
    train,
)

ORDERS = ("file", *BY_ORDER)


class UnknownOrder(ValueError):
    """Not one of ORDERS."""


class UnknownVersion(LookupError):
    """No stored model of that version."""


@dataclass(frozen=True)
class QueueItem:
    """One record in the ordered queue."""

    record_id: int
    path: str
    score: float | None
    reasons: tuple[str, ...]
    reviewed: bool

    def as_dict(self) -> dict[str, object]:
        return {
            "record_id": self.record_id,
            "path": self.path,
            "score": None if self.score is None else round(self.score, 6),
            "reasons": list(self.reasons),
            "reviewed": self.reviewed,
        }


def hide_score(item: QueueItem) -> QueueItem:
    """The item as a blind sample shows it: no score, no reasons."""
    return replace(item, score=None, reasons=("in the blind sample: score hidden",))


def ordered_queue(
    session: Session,
    collection: str,
    order: str,
    *,
    actor: str = "",
    version: int | None = None,
    blind: bool = True,
) -> tuple[list[QueueItem], ModelInfo | None]:
    """The queue in `order`; for a likely-* order the model is brought up to date first, unless a
    stored `version` is asked for (to reproduce an earlier ranking). `blind`: the undecided
    records of the task's blind sample come first, in path order, their scores hidden."""
    if order not in ORDERS:
        raise UnknownOrder(order)
    cid = collection_id(session, collection)
    if order == "file":
        snap = load(session, cid, TASKS["sensitivity"], texts=False)
        items = [
            QueueItem(
                d.record_id, snap.paths[d.record_id], None, (), snap.labels[d.record_id] is not None
            )
            for d in snap.docs
        ]
        return items, None
    task = BY_ORDER[order]
    if version is None:
        snap = load(session, cid, task)
        info = train(session, cid, task, actor, snap)
    else:
        row = model_version(session, cid, task, version)
        if row is None:
            raise UnknownVersion(f"no {task.name} model version {version}")
        info = _info(row, reused=True)
        snap = load(session, cid, task, texts=False)
    scores = stored_scores(session, info.id)
    items = []
    for doc in snap.docs:
        rid = doc.record_id
        score, reasons = scores.get(rid, (0.0, []))
        reviewed = snap.labels.get(rid) is not None
        items.append(QueueItem(rid, snap.paths[rid], score, tuple(reasons), reviewed))
    hidden = sampled_ids(session, cid, task) if blind else set()
    items = [hide_score(it) if it.record_id in hidden else it for it in items]
    items.sort(
        key=lambda it: (
            it.record_id not in hidden,
            it.reviewed,
            0.0 if it.record_id in hidden else -(it.score or 0.0),
            it.path,
            it.record_id,
        )
    )
    return items, info
