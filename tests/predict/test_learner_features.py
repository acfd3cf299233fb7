"""Pieces of words as features: records that share no whole word can still share evidence."""

from __future__ import annotations

import numpy as np

from reviewer.predict.features import CHAR_HEAD, N_FEATURES, Document, Featuriser
from reviewer.predict.learner import Learner


def _cosine(x: np.ndarray, i: int, j: int) -> float:
    return float(x[i] @ x[j])


def test_records_sharing_only_word_stems_are_alike() -> None:
    docs = [
        Document(1, "an unfunny, tedious comedy"),
        Document(2, "funniest film; tediously long"),
        Document(3, "quarterly budget report"),
    ]
    x = Featuriser().fit_transform(docs).toarray()
    assert x.shape == (3, 2 * N_FEATURES)
    assert np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    # no whole word in common, yet "funn" and "tedious" are shared pieces
    assert _cosine(x, 0, 1) > 0.05
    assert _cosine(x, 0, 1) > 5 * _cosine(x, 0, 2)


def test_character_pieces_come_from_the_head_only() -> None:
    tail = "x" * CHAR_HEAD + " zebra"
    x = Featuriser().fit_transform([Document(1, tail), Document(2, "zebra")]).toarray()
    words, chars = x[:, :N_FEATURES], x[:, N_FEATURES:]
    assert words[0] @ words[1] > 0  # the word "zebra" counts wherever it is
    assert chars[0] @ chars[1] == 0  # its pieces only within the first CHAR_HEAD characters


def test_reasons_name_words_not_pieces_of_words() -> None:
    docs = [Document(i, t) for i, t in enumerate(["dull and tedious", "tedious and dull", "a joy"])]
    featuriser = Featuriser()
    x = featuriser.fit_transform(docs)
    learner = Learner.fit(featuriser, x, [True, True, False])
    reasons = learner.reasons(docs[0].text, x[0])
    assert reasons and all(r.startswith('"') and r.strip('"') in docs[0].text for r in reasons)


def test_word_pieces_are_scikit_learns_char_wb_columns() -> None:
    from sklearn.feature_extraction.text import HashingVectorizer

    from reviewer.predict.features import CHAR_NGRAMS

    texts = ["A dull, dull film.", "I ok -- x", "Über-long  and\tsilly!", "", "dull " * 300]
    docs = [Document(i, t) for i, t in enumerate(texts)]
    standard = HashingVectorizer(
        n_features=N_FEATURES,
        alternate_sign=False,
        norm=None,
        analyzer="char_wb",
        ngram_range=CHAR_NGRAMS,
        dtype=np.float32,
    ).transform(t[:CHAR_HEAD] for t in texts)
    assert (Featuriser().char_counts(docs) != standard).nnz == 0


def test_records_without_words_have_no_pieces() -> None:
    x = Featuriser().fit_transform([Document(1, ""), Document(2, "  \n")])
    assert x.shape == (2, 2 * N_FEATURES)
    assert x[:, N_FEATURES:].nnz == 0
