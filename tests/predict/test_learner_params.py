"""The parameters stored with a model version are the ones it was fitted with."""

from __future__ import annotations

from reviewer.predict.features import Document, Featuriser
from reviewer.predict.learner import PARAMS, Learner


def test_stored_parameters_describe_the_fitted_model() -> None:
    docs = [Document(i, t) for i, t in enumerate(["dull and tedious", "a joy", "tedious"])]
    featuriser = Featuriser()
    x = featuriser.fit_transform(docs)
    fitted = Learner.fit(featuriser, x, [True, False, True]).model.get_params()
    assert PARAMS["dual"] is True  # many more columns than decisions: liblinear's dual is faster
    assert PARAMS["C"] == 1.0
    for key in ("solver", "dual", "C", "class_weight"):
        assert fitted[key] == PARAMS[key], key
    assert fitted["random_state"] == 0


def test_same_inputs_give_the_same_scores() -> None:
    docs = [Document(i, t) for i, t in enumerate(["dull and tedious", "a joy", "tedious", "fun"])]
    labels = [True, False, True, False]
    runs = []
    for _ in range(2):
        featuriser = Featuriser()
        x = featuriser.fit_transform(docs)
        runs.append(Learner.fit(featuriser, x, labels).scores(x).tolist())
    assert runs[0] == runs[1]
