"""Predictive review: trained models, the scores they gave, and elusion samples.

A model row records exactly what it learnt from (the decisions' fingerprint and count), so a
ranking can be reproduced; its scores are kept per record. Samples are the random draws of
unreviewed records used to estimate how many target records are left.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow


class PredictionModel(Base):
    """One training of a task's model for a collection; `version` counts per (collection, task)."""

    __tablename__ = "prediction_models"
    __table_args__ = (Index("ix_prediction_models_coll_task", "collection_id", "task", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    task: Mapped[str] = mapped_column(String(20))  # sensitivity|appraisal
    version: Mapped[int] = mapped_column(Integer)
    trained_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    trained_by: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20))  # model|cold-start
    params: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    n_records: Mapped[int] = mapped_column(Integer)
    n_labelled: Mapped[int] = mapped_column(Integer)
    n_positive: Mapped[int] = mapped_column(Integer)
    # SHA-256 of the (record id, label) pairs and texts it learnt from: same inputs, same model.
    fingerprint: Mapped[str] = mapped_column(String(64))

    def __repr__(self) -> str:
        return f"PredictionModel(id={self.id!r}, task={self.task!r}, version={self.version!r})"


class Prediction(Base):
    """A model's score for one record and the terms that weighed most."""

    __tablename__ = "predictions"
    __table_args__ = (Index("ix_predictions_model_record", "model_id", "record_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    model_id: Mapped[int] = mapped_column(ForeignKey("prediction_models.id", ondelete="CASCADE"))
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)

    def __repr__(self) -> str:
        return f"Prediction(model_id={self.model_id!r}, record_id={self.record_id!r})"


class ReviewSample(Base):
    """A random draw of unreviewed records, to be reviewed blind to the scores."""

    __tablename__ = "review_samples"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    task: Mapped[str] = mapped_column(String(20))
    seed: Mapped[int] = mapped_column(Integer)
    drawn_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    drawn_by: Mapped[str] = mapped_column(String(200), default="")
    unreviewed: Mapped[int] = mapped_column(Integer)  # N when drawn
    found: Mapped[int] = mapped_column(Integer)  # targets already found when drawn
    reviewed: Mapped[int] = mapped_column(Integer)  # records already reviewed when drawn
    record_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self) -> str:
        return f"ReviewSample(id={self.id!r}, task={self.task!r}, n={len(self.record_ids)!r})"
