"""readout's stages as spaCy components in a user's own pipeline: the same records as
`readout extract`, and Docs that still serialise."""

from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.tokens import DocBin

from readout.model import Document, ErrorRow, Record
from readout.nlp import DEFAULT_MODEL
from readout.pipeline import build_record
from readout.stages import STAGES

NAMES = [stage.factory for stage in STAGES]


@pytest.fixture(scope="module")
def nlp_with_readout():
    nlp = spacy.load(DEFAULT_MODEL)
    for name in NAMES:
        nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="module")
def transcript(fixtures) -> str:
    return (fixtures / "kremlin_transcript.txt").read_text(encoding="utf-8")


def test_components_add_to_a_pipeline_and_fill_a_record(nlp_with_readout, transcript) -> None:
    record = nlp_with_readout(transcript)._.readout
    assert isinstance(record, Record)
    assert record.document.kind == "transcript"
    assert any(s.kind == "turn" for s in record.statements)
    assert record.actors and all(s.holds_in(transcript) for s in record.spans())


def test_components_give_what_readout_extract_gives(nlp_with_readout, nlp, transcript) -> None:
    from readout.nlp import pipeline_info

    via_components = nlp_with_readout(transcript)._.readout
    document = Document(id="x", source="<doc>", text=transcript, chars=len(transcript))
    direct = build_record(document, nlp(transcript), pipeline_info(nlp))
    assert isinstance(direct, Record) and via_components is not None
    assert via_components.to_dict()["actors"] == direct.to_dict()["actors"]
    assert via_components.to_dict()["statements"] == direct.to_dict()["statements"]
    assert via_components.to_dict()["times"] == direct.to_dict()["times"]


def test_a_doc_with_a_record_serialises(nlp_with_readout, transcript) -> None:
    doc = nlp_with_readout(transcript)
    before = doc._.readout.to_dict()
    again = spacy.tokens.Doc(nlp_with_readout.vocab).from_bytes(doc.to_bytes())
    assert again._.readout.to_dict() == before
    assert pickle.loads(pickle.dumps(doc))._.readout.to_dict() == before
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    (restored,) = DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp_with_readout.vocab)
    assert restored._.readout.to_dict() == before


def test_two_processes_give_the_same_records(nlp_with_readout) -> None:
    texts = [
        "Dmitry Peskov told reporters that Putin and Lukashenko met on Wednesday.",
        "The minister said on Monday that talks would go on.",
        "Putin: We will meet again in July.",
    ]
    one = [d._.readout.to_dict() for d in nlp_with_readout.pipe(texts)]
    two = [d._.readout.to_dict() for d in nlp_with_readout.pipe(texts, n_process=2)]
    assert one == two


def test_a_stage_failure_becomes_an_error_row_on_the_doc() -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    for name in NAMES:
        nlp.add_pipe(name, config={"stage": {"@misc": "test.broken.v1"}} if "times" in name else {})
    doc = nlp("Putin spoke on Monday.")
    assert doc._.readout is None
    error = doc._.readout_error
    assert isinstance(error, ErrorRow) and error.code == "E100" and "times stage" in error.message


@spacy.registry.misc("test.broken.v1")
def _broken_stage():
    def broken(doc, record, context):
        raise RuntimeError("boom")

    return broken


def test_factories_are_registered_by_entry_point() -> None:
    from spacy.util import registry

    # no import of readout.components here: spaCy finds the factories by entry point
    nlp = spacy.blank("en")
    nlp.add_pipe("readout_statements")
    assert nlp.get_pipe_config("readout_statements")["stage"] == {"@misc": "readout.statements.v1"}
    assert "readout.statements.v1" in registry.misc.get_all()


def test_every_stage_has_a_factory_an_entry_point_and_help() -> None:
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    entry_points = pyproject["project"]["entry-points"]["spacy_factories"]
    for stage in STAGES:
        assert stage.factory in entry_points
        assert spacy.language.Language.has_factory(stage.factory)
        assert stage.summary
