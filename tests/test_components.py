"""readout's stages as spaCy components in a user's own pipeline."""

from __future__ import annotations

import spacy

from readout.model import Record
from readout.nlp import DEFAULT_MODEL


def test_components_add_to_a_pipeline_and_fill_a_record(fixtures) -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("readout_structure", first=True)
    for name in ("readout_actors", "readout_times", "readout_statements"):
        nlp.add_pipe(name)
    text = (fixtures / "kremlin_transcript.txt").read_text(encoding="utf-8")
    record = nlp(text)._.readout
    assert isinstance(record, Record)
    assert record.document.kind == "transcript"
    assert any(s.kind == "turn" for s in record.statements)
    assert record.actors and all(s.holds_in(text) for s in record.spans())


def test_factories_are_registered_by_entry_point() -> None:
    from spacy.util import registry

    # no import of readout.components here: spaCy finds the factories by entry point
    nlp = spacy.blank("en")
    nlp.add_pipe("readout_statements")
    assert nlp.get_pipe_config("readout_statements")["extract"] == {
        "@misc": "readout.statements.v1"
    }
    assert "readout.statements.v1" in registry.misc.get_all()
