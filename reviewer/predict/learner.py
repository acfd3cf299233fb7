"""The model: logistic regression on a record's features, with the terms that weigh most as reasons.

Deterministic by construction (liblinear with a fixed seed, hashed features), so the same decisions
over the same texts always give the same scores: a stored ranking can be reproduced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from reviewer.predict.features import SPAN_PREFIX, Featuriser
from reviewer.predict.labels_text import label_phrase

PARAMS: dict[str, str | float | bool] = {
    "model": "logistic-regression",
    "solver": "liblinear",
    # The dual problem: far more columns (words and pieces of words) than decisions, so it is
    # the faster of liblinear's two ways to the same optimum.
    "dual": True,
    "C": 1.0,
    "class_weight": "balanced",
    "features": "words 1-2 + char_wb 3-5 (head 1,000 chars)",
}


class NotEnoughDecisions(ValueError):
    """A model needs at least one record of each kind (yes and no) to learn from."""


@dataclass
class Learner:
    """A fitted model over one featurised collection."""

    model: LogisticRegression
    featuriser: Featuriser

    @classmethod
    def fit(cls, featuriser: Featuriser, x: sparse.csr_matrix, y: Sequence[bool]) -> Learner:
        labels = np.asarray(y, dtype=bool)
        if labels.all() or not labels.any():
            raise NotEnoughDecisions("needs at least one yes and one no among the decisions")
        model = LogisticRegression(
            solver="liblinear",
            dual=bool(PARAMS["dual"]),
            C=float(PARAMS["C"]),
            class_weight="balanced",
            random_state=0,
        )
        model.fit(x, labels)
        return cls(model, featuriser)

    def scores(self, x: sparse.csr_matrix) -> np.ndarray:
        """Probability-like score (0-1) of "yes" for each row."""
        return np.asarray(self.model.predict_proba(x)[:, 1], dtype=np.float64)

    def reasons(self, analysed_text: str, row: sparse.csr_matrix, top: int = 5) -> list[str]:
        """The terms of this record that push its score up most (weight x their value here)."""
        terms = self.featuriser.terms(analysed_text)
        if not terms:
            return []
        cols = self.featuriser.columns(terms)
        values = row.toarray().ravel()[cols]
        weights = self.model.coef_[0][cols] * values
        order = np.argsort(-weights, kind="stable")
        out: list[str] = []
        seen: set[str] = set()
        for i in order:
            if weights[i] <= 0 or len(out) >= top:
                break
            name = describe(terms[i])
            if name not in seen:
                seen.add(name)
                out.append(name)
        return out


def describe(term: str) -> str:
    """A term as a reviewer reads it: words as they are, detected labels named."""
    if term.startswith(SPAN_PREFIX):
        return label_phrase(term[len(SPAN_PREFIX) :])
    return f'"{term}"'
