"""The speech tagger: serialisation, and when the statements stage uses it."""

from __future__ import annotations

import numpy as np
import pytest
import spacy

from readout.extract.statements import extract_statements, find_quotes, load_model, tagger
from readout.extract.statements.features import Context, speech_rows
from readout.extract.statements.learned import speech_probs
from readout.model import Document

TEXT = (
    "Peskov told reporters on Wednesday that Putin had told Lukashenko that relations had "
    'improved. "It ended well past midnight," Peskov was quoted by the agency TASS.'
)


def _tiny(n_in: int = 7):
    model = tagger.build(n_in, width=8, depth=2, window=1)
    model.initialize(X=[np.zeros((2, n_in), dtype="float32")])
    return model


def test_round_trip_keeps_the_probabilities() -> None:
    model = _tiny()
    rows = np.random.default_rng(0).normal(size=(11, 7)).astype("float32")
    settings = {"n_in": 7, "width": 8, "depth": 2, "window": 1}
    again, got = tagger.from_bytes(tagger.to_bytes(model, settings))
    assert got == settings
    probs = tagger.probabilities(again, rows)
    assert probs.shape == (11, len(tagger.LABELS))
    assert np.allclose(probs, tagger.probabilities(model, rows))
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)


def test_an_empty_document_has_no_rows() -> None:
    assert tagger.probabilities(_tiny(), np.zeros((0, 7), "float32")).shape == (0, 4)


@pytest.fixture(scope="module")
def parsed():
    try:
        nlp = spacy.load("en_readout_core")
    except OSError:
        pytest.skip("en_readout_core is not installed")
    doc = nlp(TEXT)
    return doc, Document(id="t", source="t.txt", text=TEXT)


def _tagged_model() -> dict:
    model = load_model()
    if model is None or "tagged" not in model or tagger.load() is None:
        pytest.skip("no speech tagger shipped")
    return model


def test_rows_are_the_token_vectors_and_three_flags(parsed) -> None:
    doc, document = parsed
    ctx = Context(doc, document, find_quotes(TEXT))
    rows = speech_rows(ctx)
    assert rows is not None
    assert rows.shape == (len(doc), doc.tensor.shape[1] + tagger.N_EXTRA)
    quoted = next(t.i for t in doc if t.text == "ended")
    assert rows[quoted, -3] == 1.0  # in a quotation
    assert rows[next(t.i for t in doc if t.text == "told"), -2] == 1.0  # a lexicon cue


def test_no_token_vectors_no_rows(parsed) -> None:
    doc, document = parsed
    bare = doc.copy()
    bare.tensor = np.zeros((0,), dtype="float32")
    assert speech_rows(Context(bare, document, [])) is None


def test_the_tagged_models_run_only_with_their_pipeline(parsed) -> None:
    doc, document = parsed
    model = _tagged_model()
    # thresholds and a veto the tagged models can never pass: with them nothing the models
    # judge is stated, so the result shows which models ran
    never = {"threshold": 2.0, "threshold_combined": 2.0, "veto": 2.0}
    blocked = dict(model, tagged=dict(model["tagged"], **never))

    def contents(**kw) -> list[str]:
        out = extract_statements(doc, document, [], [], [], model=blocked, **kw)
        return [s.content.text for s in out]

    plain = contents(pipeline="en_core_web_sm-3.8.0")
    assert len(plain) >= 2
    assert len(contents(pipeline=model["pipeline"])) < len(plain)
    assert contents(pipeline=None) == contents(pipeline=model["pipeline"])


def test_the_shipped_tagger_reads_a_quotation_as_content(parsed) -> None:
    doc, document = parsed
    model = _tagged_model()
    ctx = Context(doc, document, find_quotes(TEXT))
    probs = speech_probs(ctx, model, model["pipeline"])
    assert probs is not None
    ended = next(t.i for t in doc if t.text == "ended")
    assert probs[ended].argmax() == tagger.CONTENT
    assert speech_probs(ctx, model, "en_core_web_sm-3.8.0") is None


def test_a_word_the_tagger_rules_out_as_a_cue_is_judged_only_when_a_rule_proposes_it(
    parsed,
) -> None:
    doc, document = parsed
    model = _tagged_model()
    ctx = Context(doc, document, find_quotes(TEXT))
    probs = speech_probs(ctx, model, model["pipeline"])
    assert probs is not None
    told = next(t for t in doc if t.text == "told")
    told_at = (told.idx, told.idx + len(told.text))
    muted = probs.copy()
    muted[told.i] = 0.0
    muted[told.i, tagger.OUTSIDE] = 1.0

    def cues(speech: np.ndarray, use_rules: bool) -> list[tuple[int, int]]:
        out = extract_statements(
            doc, document, [], [], [], speech=speech, use_rules=use_rules, model=model
        )
        return [(s.cue.start, s.cue.end) for s in out if s.cue]

    assert told_at in cues(probs, use_rules=False)
    assert told_at not in cues(muted, use_rules=False)
    # the rule's reading of "told reporters that" is judged by the model all the same
    assert told_at in cues(muted, use_rules=True)
