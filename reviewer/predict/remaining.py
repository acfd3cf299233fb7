"""Elusion samples in the store: draw one, then estimate from the part reviewed so far.

The sample is drawn from the records not yet reviewed for the task, at random (seeded, so it can
be drawn again identically), and is meant to be read blind to the scores: `reviewer queue` and
the GUI never show a sampled record's score while its sample is open. What the team had found
when the sample was drawn is kept with it, so the estimate speaks of that moment.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.predict import ReviewSample
from reviewer.predict.collection import answers
from reviewer.predict.estimate import CONFIDENCE, Estimate, draw_sample, estimate
from reviewer.predict.tasks import Task


class NoSample(LookupError):
    """No elusion sample has been drawn for this collection and task."""


@dataclass(frozen=True)
class SampleView:
    id: int
    task: str
    seed: int
    record_ids: tuple[int, ...]
    unreviewed: int
    found: int
    reviewed: int


def _view(row: ReviewSample) -> SampleView:
    return SampleView(
        row.id, row.task, row.seed, tuple(row.record_ids), row.unreviewed, row.found, row.reviewed
    )


def draw(
    session: Session, cid: int, task: Task, size: int, seed: int | None = None, actor: str = ""
) -> SampleView:
    """Draw and keep a random sample of `size` records not yet reviewed for `task`."""
    if size < 1:
        raise ValueError("a sample needs at least one record")
    labels = answers(session, cid, task)
    unreviewed = [rid for rid, v in labels.items() if v is None]
    if not unreviewed:
        raise ValueError("every record is reviewed already: nothing is left to estimate")
    seed = secrets.randbelow(2**31) if seed is None else seed
    row = ReviewSample(
        collection_id=cid,
        task=task.name,
        seed=seed,
        drawn_by=actor,
        unreviewed=len(unreviewed),
        found=sum(1 for v in labels.values() if v),
        reviewed=sum(1 for v in labels.values() if v is not None),
        record_ids=draw_sample(unreviewed, size, seed),
    )
    session.add(row)
    session.flush()
    return _view(row)


def latest_sample(session: Session, cid: int, task: Task) -> SampleView:
    row = session.scalars(
        select(ReviewSample)
        .where(ReviewSample.collection_id == cid, ReviewSample.task == task.name)
        .order_by(ReviewSample.id.desc())
        .limit(1)
    ).first()
    if row is None:
        raise NoSample(f"no {task.name} sample drawn yet: run 'reviewer predict sample' first")
    return _view(row)


def sampled_ids(session: Session, cid: int, task: Task) -> set[int]:
    """Records of the latest sample still waiting for a decision (their scores stay hidden)."""
    try:
        sample = latest_sample(session, cid, task)
    except NoSample:
        return set()
    labels = answers(session, cid, task)
    return {rid for rid in sample.record_ids if labels.get(rid) is None}


def remaining(
    session: Session, cid: int, task: Task, confidence: float = CONFIDENCE
) -> tuple[SampleView, Estimate]:
    """The estimate from the latest sample's reviewed records."""
    sample = latest_sample(session, cid, task)
    labels = answers(session, cid, task)
    done = [bool(labels[r]) for r in sample.record_ids if labels.get(r) is not None]
    return sample, estimate(
        sample.unreviewed, len(sample.record_ids), done, sample.found, confidence
    )


def stopping_report(sample: SampleView, est: Estimate, task: Task) -> list[str]:
    """Plain sentences a team lead can put in a file note."""
    what = "closed or redacted" if task.name == "sensitivity" else "selected"
    pct = f"{est.confidence:.0%}"
    lines = [
        f"Sample {sample.id}: {est.sample_reviewed} of {est.sample_size} sampled records reviewed "
        f"(drawn from {est.unreviewed:,} not yet reviewed; seed {sample.seed}).",
    ]
    if est.sample_reviewed == 0:
        lines.append("No sampled record is reviewed yet: nothing can be said about what is left.")
        return lines
    lines.append(
        f"{est.sample_positives} of them were {what}: about {est.left:,.0f} such records among "
        f"those not reviewed when the sample was drawn ({pct} interval {est.left_low:,}-"
        f"{est.left_high:,})."
    )
    if est.recall is not None and est.recall_low is not None and est.recall_high is not None:
        lines.append(
            f"Recall reached: {est.recall:.0%} of the {what} records found "
            f"({pct} interval {est.recall_low:.0%}-{est.recall_high:.0%})."
        )
    if est.sample_reviewed < est.sample_size:
        lines.append("The sample is not fully reviewed: the interval narrows as it is finished.")
    return lines
