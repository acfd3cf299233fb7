"""Features of a record: the words of its text, pieces of its words, and the personal data
detected in it.

Words are hashed (no vocabulary to store or drift: the same text always gives the same columns),
weighted by sublinear TF-IDF fitted on the whole collection. Detected spans enter as pseudo-words
(`_pd_person`, `_pd_nino`...) so "names a person" and "has a National Insurance number" weigh like
any other evidence and can be given as reasons.

Beside the words, the character 3- to 5-grams inside each word of the record's head (its first
`CHAR_HEAD` characters) form a second block of columns: "unfunny", "funniest" and "fun" then share
evidence, as do a misspelling and its word, which whole words cannot do when a reviewer has read
only a few records. The two blocks are weighted by TF-IDF apart and each counts for half of a
row's length. Reasons are named from the word block only (a piece of a word is no reason).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, HashingVectorizer, TfidfTransformer

N_FEATURES = 2**18
MAX_CHARS = 20_000  # the head of a long record says enough; bounds the cost per record
SPAN_PREFIX = "_pd_"
CHAR_HEAD = 1_000  # character n-grams of the head only: bounded cost, long records have words
CHAR_NGRAMS = (3, 5)


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


def word_pieces(word: str) -> list[str]:
    """The character n-grams of one (lower-cased) word padded with a space each side, as
    scikit-learn's `char_wb` cuts them: a word shorter than n gives itself once."""
    padded = f" {word} "
    out: list[str] = []
    for n in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
        if len(padded) <= n:
            out.append(padded)
            break
        out.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


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
    char_tfidf: TfidfTransformer = field(
        default_factory=lambda: TfidfTransformer(sublinear_tf=True, norm="l2")
    )

    def counts(self, docs: Sequence[Document]) -> sparse.csr_matrix:
        """Word (and pseudo-word) counts: the first `N_FEATURES` columns."""
        return self.vectoriser.transform(_analysed(d) for d in docs)

    def char_counts(self, docs: Sequence[Document]) -> sparse.csr_matrix:
        """Counts of the character n-grams within the words of each head: the next block.

        The same columns as scikit-learn's `char_wb` analyser (a text's pieces are the sum of its
        whitespace-separated words' pieces), computed as (record x word counts) @ (word x piece
        counts) so that each distinct word is cut and hashed once, not once per occurrence."""
        heads = [d.text[:CHAR_HEAD] for d in docs]
        words = CountVectorizer(
            tokenizer=str.split, token_pattern=None, lowercase=True, dtype=np.float32
        )
        try:
            per_record = words.fit_transform(heads)
        except ValueError:  # no word at all in any head
            return sparse.csr_matrix((len(docs), N_FEATURES), dtype=np.float32)
        vocabulary = words.get_feature_names_out()
        per_word = HashingVectorizer(
            n_features=N_FEATURES,
            alternate_sign=False,
            norm=None,
            analyzer=word_pieces,
            dtype=np.float32,
        ).transform(vocabulary)
        return (per_record @ per_word).tocsr()

    def fit_transform(self, docs: Sequence[Document]) -> sparse.csr_matrix:
        """Columns for every document; IDF learnt from all of them (labelled or not).

        Words first (columns 0 to N_FEATURES-1, where `columns` finds a term), then the pieces
        of words; each block has unit length, scaled so that a row has unit length."""
        words = self.tfidf.fit_transform(self.counts(docs))
        chars = self.char_tfidf.fit_transform(self.char_counts(docs))
        both = sparse.hstack([words, chars], format="csr", dtype=np.float32)
        return (both * np.float32(np.sqrt(0.5))).tocsr()

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
