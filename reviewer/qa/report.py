"""The QA figures: agreement and Cohen's kappa (closure status, per exemption), per reviewer and
overall; the estimated error rate with its 95% Wilson interval; accept or return.

The sampled records are every sample of the collection (or one sample, or one batch's); when no
sample was drawn, every record with a second review counts. An error is a disagreement that was
not upheld: overturned, or still waiting for the checker's outcome.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.qa import QaBatchRecord, QaSample, QaSampleRecord
from reviewer.qa.outcomes import ReviewView, list_reviews, sync_imported
from reviewer.qa.stats import cohen_kappa, percent_agreement, wilson_interval

DEFAULT_THRESHOLD = 0.05


@dataclass(frozen=True)
class Figures:
    sample_size: int
    reviewed: int
    agreement: float | None
    kappa: float | None
    type_agreement: float | None
    type_kappa: float | None
    full_agreement: float | None
    disagreements: int
    overturned: int
    upheld: int
    pending: int
    errors: int
    error_rate: float | None
    error_interval: tuple[float, float] | None

    def to_json(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["error_interval"] = list(self.error_interval) if self.error_interval else None
        return out


@dataclass(frozen=True)
class QaReport:
    collection: str
    figures: Figures
    per_reviewer: dict[str, Figures]
    per_exemption: dict[str, dict[str, Any]]
    threshold: float
    recommendation: str  # accept | return | none
    confident: bool
    reason: str
    overturns_over_time: tuple[tuple[str, int], ...]
    reviews: tuple[ReviewView, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The contract's keys first (`sample_size`, `reviewed`, `agreement`, `kappa`,
        `per_reviewer`), then the rest."""
        return {
            "collection": self.collection,
            **self.figures.to_json(),
            "per_reviewer": {k: v.to_json() for k, v in sorted(self.per_reviewer.items())},
            "per_exemption": self.per_exemption,
            "threshold": self.threshold,
            "recommendation": self.recommendation,
            "confident": self.confident,
            "reason": self.reason,
            "overturns_over_time": [
                {"date": d, "overturned": n} for d, n in self.overturns_over_time
            ],
        }


def is_error(review: ReviewView) -> bool:
    return not review.comparison.agrees and review.outcome != "uphold"


def figures(sample_size: int, reviews: Sequence[ReviewView]) -> Figures:
    closure = [(r.first.closure_status, r.second.closure_status) for r in reviews]
    types = [(r.first.decision_type, r.second.decision_type) for r in reviews]
    disagree = [r for r in reviews if not r.comparison.agrees]
    errors = sum(1 for r in reviews if is_error(r))
    n = len(reviews)
    return Figures(
        sample_size=sample_size,
        reviewed=n,
        agreement=percent_agreement(closure),
        kappa=cohen_kappa(closure),
        type_agreement=percent_agreement(types),
        type_kappa=cohen_kappa(types),
        full_agreement=(n - len(disagree)) / n if n else None,
        disagreements=len(disagree),
        overturned=sum(1 for r in disagree if r.outcome == "overturn"),
        upheld=sum(1 for r in disagree if r.outcome == "uphold"),
        pending=sum(1 for r in disagree if r.outcome is None),
        errors=errors,
        error_rate=errors / n if n else None,
        error_interval=wilson_interval(errors, n),
    )


def per_exemption(reviews: Sequence[ReviewView]) -> dict[str, dict[str, Any]]:
    """For each FOI code either side cited: agreement and kappa on citing it, period agreement."""
    codes = sorted({c for r in reviews for c, _ in (*r.first.exemptions, *r.second.exemptions)})
    out: dict[str, dict[str, Any]] = {}
    for code in codes:
        pairs = [
            (code in dict(r.first.exemptions), code in dict(r.second.exemptions)) for r in reviews
        ]
        both = [
            r
            for r in reviews
            if code in dict(r.first.exemptions) and code in dict(r.second.exemptions)
        ]
        same_period = sum(
            1 for r in both if dict(r.first.exemptions)[code] == dict(r.second.exemptions)[code]
        )
        out[code] = {
            "first": sum(1 for a, _ in pairs if a),
            "checker": sum(1 for _, b in pairs if b),
            "both": len(both),
            "agreement": percent_agreement(pairs),
            "kappa": cohen_kappa(pairs),
            "period_agreement": same_period / len(both) if both else None,
        }
    return out


def _sampled(
    session: Session, collection_id: int, sample_id: int | None, batch_id: int | None
) -> dict[int, str] | None:
    """Sampled record id -> first reviewer at draw time; None when no sample applies."""
    stmt = (
        select(QaSampleRecord.record_id, QaSampleRecord.first_reviewer)
        .join(QaSample, QaSample.id == QaSampleRecord.sample_id)
        .where(QaSample.collection_id == collection_id)
        .order_by(QaSampleRecord.id)
    )
    if sample_id is not None:
        stmt = stmt.where(QaSample.id == sample_id)
    rows = [(int(a), str(b)) for a, b in session.execute(stmt)]
    if batch_id is not None:
        in_batch = set(
            session.scalars(
                select(QaBatchRecord.record_id).where(QaBatchRecord.batch_id == batch_id)
            )
        )
        rows = [r for r in rows if r[0] in in_batch]
    if not rows and sample_id is None:
        return None
    return {int(rid): str(who) for rid, who in rows}


def recommend(
    error_rate: float | None, interval: tuple[float, float] | None, threshold: float
) -> tuple[str, bool, str]:
    if error_rate is None or interval is None:
        return "none", False, "no second reviews yet"
    lo, hi = interval
    if error_rate <= threshold:
        sure = hi <= threshold
        why = f"estimated error rate {error_rate:.1%} is within the {threshold:.1%} threshold"
        if not sure:
            why += f", but the 95% interval reaches {hi:.1%}: consider a larger sample"
        return "accept", sure, why
    sure = lo > threshold
    why = f"estimated error rate {error_rate:.1%} is above the {threshold:.1%} threshold"
    if not sure:
        why += f", but the 95% interval starts at {lo:.1%}: consider a larger sample"
    return "return", sure, why


def build_report(
    session: Session,
    collection_id: int,
    collection_name: str,
    *,
    sample_id: int | None = None,
    batch_id: int | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    sync: bool = True,
) -> QaReport:
    """The report; with `sync`, checkers' imported decisions become second reviews first
    (a write: a read-only login, e.g. a team reviewer's, passes False)."""
    if sync:
        sync_imported(session, collection_id)
    all_reviews = list_reviews(session, collection_id)
    latest: dict[int, ReviewView] = {}
    for r in sorted(all_reviews, key=lambda r: (r.submitted_at is not None, r.submitted_at, r.id)):
        latest[r.record_id] = r
    sampled = _sampled(session, collection_id, sample_id, batch_id)
    if sampled is None:
        keep = set(latest)
        if batch_id is not None:
            keep &= set(
                session.scalars(
                    select(QaBatchRecord.record_id).where(QaBatchRecord.batch_id == batch_id)
                )
            )
        sampled = {rid: latest[rid].first_reviewer for rid in keep}
    reviews = [latest[rid] for rid in sampled if rid in latest]
    who = {
        rid: (latest[rid].first_reviewer if rid in latest else name)
        for rid, name in sampled.items()
    }
    per_reviewer = {
        name: figures(
            sum(1 for w in who.values() if w == name),
            [r for r in reviews if r.first_reviewer == name],
        )
        for name in sorted(set(who.values()))
    }
    overall = figures(len(sampled), reviews)
    rec, sure, why = recommend(overall.error_rate, overall.error_interval, threshold)
    overturns = Counter(
        r.outcome_at.date().isoformat() for r in reviews if r.outcome == "overturn" and r.outcome_at
    )
    return QaReport(
        collection=collection_name,
        figures=overall,
        per_reviewer=per_reviewer,
        per_exemption=per_exemption(reviews),
        threshold=threshold,
        recommendation=rec,
        confident=sure,
        reason=why,
        overturns_over_time=tuple(sorted(overturns.items())),
        reviews=tuple(sorted(reviews, key=lambda r: (r.path, r.record_id))),
    )
