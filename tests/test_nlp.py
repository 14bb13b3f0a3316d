"""readout's own pipeline as shipped: what downstream stages rely on."""

from __future__ import annotations

import pytest

from readout import labels
from readout.errors import ReadoutError
from readout.nlp import load_pipeline


def test_missing_pipeline_is_a_coded_error() -> None:
    with pytest.raises(ReadoutError) as info:
        load_pipeline("en_no_such_pipeline_xyz")
    assert "R101" in str(info.value)


def test_news_abbreviations_stay_one_token(nlp) -> None:
    doc = nlp("Lt. Col. Anna Kovacs met Sgt. Brown on Elm Ave. in Tex. on Monday.")
    words = [t.text for t in doc]
    for abbreviation in ("Lt.", "Col.", "Sgt.", "Ave.", "Tex."):
        assert abbreviation in words


def test_parse_and_entities_map_to_readout_roles(nlp) -> None:
    doc = nlp("Vladimir Putin told reporters in Moscow that the talks had gone well.")
    kinds = {ent.text: labels.entity_kind(ent.label_) for ent in doc.ents}
    assert kinds.get("Vladimir Putin") == "person"
    assert kinds.get("Moscow") == "place"
    told = next(t for t in doc if t.text == "told")
    # UD heads a flat name on its first word, ClearNLP on its last: ask for the subtree.
    assert any(
        labels.is_subject(c.dep_) and "Putin" in [t.text for t in c.subtree] for c in told.children
    )
    assert any(labels.dep_role(c.dep_) == "clausal_complement" for c in told.children)


def test_news_abbreviations_do_not_end_a_sentence(nlp) -> None:
    doc = nlp(
        "Maj. Gen. Qassem Soleimani was killed. Sens. Lindsey Graham and Chuck Schumer spoke."
    )
    assert [t.text for t in doc[:2]] == ["Maj.", "Gen."]
    assert len(list(doc.sents)) == 2


def test_a_line_break_ends_a_sentence(nlp) -> None:
    doc = nlp("These are terrorists, according to Francois Hollande:\n\nHollande branded it.")
    assert nlp.pipe_names.index("readout_paragraph_breaks") < nlp.pipe_names.index("parser")
    starts = [s.start_char for s in doc.sents]
    assert doc.text.index("Hollande branded") in starts
