"""Speed of detection: what the pipeline runs on (issue 13's speed targets)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from thinc.api import NumpyOps

from reviewer.detect.pipeline import BARE_TOKENIZER, MODEL


def test_ner_multiplies_matrices_with_numpys_blas_not_blis(nlp: Language) -> None:
    # The NER's own tok2vec spends about a quarter of `reviewer detect` in matrix products.
    # BLIS ran them on its generic reference kernel here (3x slower than numpy's OpenBLAS on
    # one thread), so every layer of the NER model uses numpy's BLAS.
    ner: Any = nlp.get_pipe("ner")
    layers = list(ner.model.walk())
    assert layers
    for layer in layers:
        assert isinstance(layer.ops, NumpyOps)
        assert layer.ops.use_blis is False, layer.name


def test_the_tokenizer_is_the_models_own(nlp: Language) -> None:
    # The pipeline starts from an empty tokenizer (building English's default rules only for
    # `from_disk` to reset them cost start-up time); every setting of the model's own
    # tokenizer must still be loaded, so tokens are what the model was trained on.
    import spacy
    from spacy.util import get_package_path

    (folder,) = {p.parent for p in get_package_path(MODEL).glob("*/config.cfg")}
    blank: Any = spacy.blank("en").tokenizer
    model = blank.from_disk(folder / "tokenizer")
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == BARE_TOKENIZER
    ours: Any = nlp.tokenizer
    assert ours.rules == model.rules
    assert len(ours.rules) > 1000
    for attr in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        assert getattr(ours, attr).__self__.pattern == getattr(model, attr).__self__.pattern
    assert ours.token_match is None
    assert model.token_match is None
    assert ours.faster_heuristics == model.faster_heuristics
    text = "Mr O'Neill's e-mail (j.o-neill@example.gov.uk) can't wait: see https://x.gov.uk/a."
    assert [t.text for t in ours(text)] == [t.text for t in model(text)]
