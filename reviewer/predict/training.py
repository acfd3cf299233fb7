"""Training a collection's model for a task and keeping its scores, so rankings can be reproduced.

A new model version is stored only when what it would learn from changed (the snapshot's
fingerprint: records, texts' hashes, detected labels and decisions); otherwise the latest version
and its stored scores stand. Before the collection has decisions of both kinds the ranking starts
from what the record itself shows ("cold start"): personal data found for sensitivity, matches of
the long-term-interest criteria for appraisal.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from models.predict import Prediction, PredictionModel
from models.records import Collection
from reviewer.decisions.criteria import load_criteria, suggest_criteria
from reviewer.predict.collection import Snapshot, load
from reviewer.predict.features import Document, Featuriser, span_tokens
from reviewer.predict.learner import PARAMS, Learner, NotEnoughDecisions
from reviewer.predict.tasks import Task

COLD_START = {"model": "cold-start"}
TOP_REASONS = 5


@dataclass(frozen=True)
class ModelInfo:
    """A stored model version, as reports show it."""

    id: int
    task: str
    version: int
    kind: str
    n_records: int
    n_labelled: int
    n_positive: int
    fingerprint: str
    reused: bool = False


def _info(row: PredictionModel, reused: bool = False) -> ModelInfo:
    return ModelInfo(
        row.id,
        row.task,
        row.version,
        row.kind,
        row.n_records,
        row.n_labelled,
        row.n_positive,
        row.fingerprint,
        reused,
    )


def latest_model(session: Session, cid: int, task: Task) -> PredictionModel | None:
    return session.scalars(
        select(PredictionModel)
        .where(PredictionModel.collection_id == cid, PredictionModel.task == task.name)
        .order_by(PredictionModel.version.desc())
        .limit(1)
    ).first()


def _cold_sensitivity(doc: Document) -> tuple[float, list[str]]:
    """Personal data shown by default per 1,000 characters, squashed to 0-1 (a list of
    organisations and dates, e.g. a case system's metadata.csv, is not personal data)."""
    counts = Counter(doc.shown_labels)
    density = 1000 * len(doc.shown_labels) / max(len(doc.text), 500)
    reasons = [
        f"detected: {lab.replace('_', ' ').capitalize()} x{n}" for lab, n in counts.most_common(3)
    ]
    return density / (1 + density), ["no decisions of both kinds yet", *reasons]


def _cold_appraisal(doc: Document, kind: str) -> tuple[float, list[str]]:
    """Long-term-interest criteria the text matches, squashed to 0-1."""
    ids = suggest_criteria(doc.text, kind)
    names = {c.id: c.title for c in load_criteria(kind)}
    return len(ids) / (1 + len(ids)), [
        "no decisions of both kinds yet",
        *[f"criterion: {names.get(i, i)}" for i in ids[:3]],
    ]


def _score(snap: Snapshot, task: Task, kind: str) -> tuple[str, list[tuple[int, float, list[str]]]]:
    """("model"|"cold-start", [(record id, score, reasons)])."""
    featuriser = Featuriser()
    labelled = snap.labelled
    if labelled:
        x = featuriser.fit_transform(snap.docs)
        index = {d.record_id: i for i, d in enumerate(snap.docs)}
        rows = [index[r] for r in labelled]
        try:
            learner = Learner.fit(featuriser, x[rows], [bool(snap.labels[r]) for r in labelled])
        except NotEnoughDecisions:
            pass
        else:
            scores = learner.scores(x)
            out = []
            for i, doc in enumerate(snap.docs):
                analysed = doc.text + "\n" + span_tokens(doc.span_labels)
                out.append(
                    (doc.record_id, float(scores[i]), learner.reasons(analysed, x[i], TOP_REASONS))
                )
            return "model", out
    cold = []
    for doc in snap.docs:
        if task.name == "sensitivity":
            score, reasons = _cold_sensitivity(doc)
        else:
            score, reasons = _cold_appraisal(doc, kind)
        cold.append((doc.record_id, score, reasons))
    return "cold-start", cold


def train(
    session: Session, cid: int, task: Task, actor: str = "", snap: Snapshot | None = None
) -> ModelInfo:
    """The collection's current model for `task`: reused when nothing it learns from changed."""
    if snap is None:
        snap = load(session, cid, task)
    latest = latest_model(session, cid, task)
    if latest is not None and latest.fingerprint == snap.fingerprint:
        return _info(latest, reused=True)
    kind = session.scalar(select(Collection.kind).where(Collection.id == cid)) or "case"
    model_kind, scored = _score(snap, task, kind)
    labels = [v for v in snap.labels.values() if v is not None]
    version = (
        session.scalar(
            select(func.max(PredictionModel.version)).where(
                PredictionModel.collection_id == cid, PredictionModel.task == task.name
            )
        )
        or 0
    ) + 1
    row = PredictionModel(
        collection_id=cid,
        task=task.name,
        version=version,
        trained_by=actor,
        kind=model_kind,
        params=dict(PARAMS) if model_kind == "model" else dict(COLD_START),
        n_records=len(snap.docs),
        n_labelled=len(labels),
        n_positive=sum(labels),
        fingerprint=snap.fingerprint,
    )
    session.add(row)
    session.flush()
    if scored:
        session.execute(
            insert(Prediction),
            [
                {"model_id": row.id, "record_id": rid, "score": _finite(s), "reasons": reasons}
                for rid, s, reasons in scored
            ],
        )
    return _info(row)


def _finite(value: float) -> float:
    return value if math.isfinite(value) else 0.0


def stored_scores(session: Session, model_id: int) -> dict[int, tuple[float, list[str]]]:
    """A stored model version's scores, by record id."""
    rows = session.execute(
        select(Prediction.record_id, Prediction.score, Prediction.reasons).where(
            Prediction.model_id == model_id
        )
    )
    return {rid: (score, list(reasons or [])) for rid, score, reasons in rows}


def model_version(session: Session, cid: int, task: Task, version: int) -> PredictionModel | None:
    return session.scalars(
        select(PredictionModel).where(
            PredictionModel.collection_id == cid,
            PredictionModel.task == task.name,
            PredictionModel.version == version,
        )
    ).first()


def versions(session: Session, cid: int, task: Task) -> Sequence[ModelInfo]:
    rows = session.scalars(
        select(PredictionModel)
        .where(PredictionModel.collection_id == cid, PredictionModel.task == task.name)
        .order_by(PredictionModel.version)
    )
    return [_info(r) for r in rows]
