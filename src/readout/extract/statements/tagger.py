"""A token tagger for reported speech: for every token, how likely it lies in what someone
reported, is the word that reports it, or names who did (PolNeAR's Content, Cue, Source).

It reads the token vectors the parse already computed (``doc.tensor`` from
``en_readout_core``'s tok2vec) and sees about 20 tokens either side, so it knows what the
parse's local features do not: whether a stretch reads like something said. Its
probabilities are features for the statements stage's cue and content models, never
statements on their own. The weights fit one pipeline's token vectors; the stage uses them
only with the pipeline they were trained on (see ``statements_model.json.gz``'s
``tagger_pipeline``). The weights ship beside this module as ``speech_tagger.bin.gz``.
"""

from __future__ import annotations

import functools
import gzip
from importlib import resources
from typing import Any

import numpy as np
from thinc.api import Maxout, Model, Softmax, chain, clone, expand_window, residual, with_array

LABELS = ("O", "CONTENT", "CUE", "SOURCE")
OUTSIDE, CONTENT, CUE, SOURCE = range(4)
N_EXTRA = 3  # in a quotation, a lexicon cue word, first word of a sentence

_FILE = "speech_tagger.bin.gz"


def build(n_in: int, width: int = 32, depth: int = 6, window: int = 2) -> Model:
    """Maxout input layer, ``depth`` residual convolutions over ``window`` tokens each side,
    softmax over :data:`LABELS`; one array of token rows per document in, one out."""
    conv: Model = chain(
        expand_window(window_size=window),
        Maxout(width, width * (2 * window + 1), nP=2, normalize=True, dropout=0.1),
    )
    return with_array(
        chain(
            Maxout(width, n_in, nP=2, normalize=True),
            clone(residual(conv), depth),
            Softmax(len(LABELS), width),
        )
    )


def inputs(tensor: np.ndarray, extra: np.ndarray) -> np.ndarray:
    """One row per token: the parse's token vector and the stage's flags for it."""
    return np.hstack([tensor.astype("float32"), extra.astype("float32")])


@functools.cache
def load() -> tuple[Model, dict[str, Any]] | None:
    """The shipped tagger and its settings, or None when the package has none."""
    path = resources.files("readout.extract.statements").joinpath(_FILE)
    if not path.is_file():
        return None
    return from_bytes(gzip.decompress(path.read_bytes()))


def to_bytes(model: Model, settings: dict[str, Any]) -> bytes:
    import srsly

    return srsly.msgpack_dumps({"settings": settings, "weights": model.to_bytes()})


def from_bytes(data: bytes) -> tuple[Model, dict[str, Any]]:
    import srsly

    msg = srsly.msgpack_loads(data)
    settings = msg["settings"]
    model = build(settings["n_in"], settings["width"], settings["depth"], settings["window"])
    model.initialize(X=[np.zeros((2, settings["n_in"]), dtype="float32")])
    model.from_bytes(msg["weights"])
    return model, settings


def probabilities(model: Model, rows: np.ndarray) -> np.ndarray:
    """Per-token probabilities over :data:`LABELS` for one document's input rows."""
    if len(rows) == 0:
        return np.zeros((0, len(LABELS)), dtype="float32")
    return np.asarray(model.predict([rows])[0])
