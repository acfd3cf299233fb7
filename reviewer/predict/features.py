"""Features of a record: the words of its text and the personal data detected in it.

Words are hashed (no vocabulary to store or drift: the same text always gives the same columns),
weighted by sublinear TF-IDF fitted on the whole collection. Detected spans enter as pseudo-words
(`_pd_person`, `_pd_nino`...) so "names a person" and "has a National Insurance number" weigh like
any other evidence and can be given as reasons.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

N_FEATURES = 2**18
MAX_CHARS = 20_000  # the head of a long record says enough; bounds the cost per record
SPAN_PREFIX = "_pd_"


@dataclass(frozen=True)
class Document:
    """What the learner sees of one record."""

    record_id: int
    text: str
    span_labels: tuple[str, ...] = ()
    # Only the spans shown by default (no ORG, places, dates or low scores): the cold start's
    # "personal data per 1,000 characters" counts what a reviewer would see highlighted.
    shown_labels: tuple[str, ...] = ()


def span_tokens(labels: Iterable[str]) -> str:
    """Detected labels as pseudo-words, one per span (counts matter, sublinearly)."""
    return " ".join(SPAN_PREFIX + lab.lower() for lab in labels)


def _analysed(doc: Document) -> str:
    return doc.text[:MAX_CHARS] + "\n" + span_tokens(doc.span_labels)


@dataclass
class Featuriser:
    """Hashing + TF-IDF, fitted once per collection snapshot."""

    vectoriser: HashingVectorizer = field(
        default_factory=lambda: HashingVectorizer(
            n_features=N_FEATURES,
            alternate_sign=False,
            norm=None,
            ngram_range=(1, 2),
            token_pattern=r"(?u)\b\w[\w'-]*\w\b|\b\w\b",
            lowercase=True,
            dtype=np.float32,
        )
    )
    tfidf: TfidfTransformer = field(
        default_factory=lambda: TfidfTransformer(sublinear_tf=True, norm="l2")
    )

    def counts(self, docs: Sequence[Document]) -> sparse.csr_matrix:
        return self.vectoriser.transform(_analysed(d) for d in docs)

    def fit_transform(self, docs: Sequence[Document]) -> sparse.csr_matrix:
        """Columns for every document; IDF learnt from all of them (labelled or not)."""
        counts = self.counts(docs)
        return self.tfidf.fit_transform(counts).tocsr()

    def terms(self, text: str) -> list[str]:
        """The distinct terms (words, word pairs, pseudo-words) the vectoriser sees in `text`."""
        analyse = self.vectoriser.build_analyzer()
        return list(dict.fromkeys(analyse(text)))

    def columns(self, terms: Sequence[str]) -> np.ndarray:
        """The hashed column of each term."""
        if not terms:
            return np.zeros(0, dtype=np.int64)
        single = HashingVectorizer(
            n_features=N_FEATURES,
            alternate_sign=False,
            norm=None,
            analyzer=lambda t: [t],
            dtype=np.float32,
        )
        m = single.transform(terms).tocsr()
        return np.asarray(m.indices, dtype=np.int64)
