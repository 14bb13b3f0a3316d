"""readout's stages as spaCy components, registered here from :data:`readout.stages.STAGES`.

Add them to any English pipeline that has a parser and entity recognizer::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("readout_paragraph_breaks", before="parser")  # as readout.nlp loads it
    nlp.add_pipe("readout_structure")
    nlp.add_pipe("readout_actors")
    nlp.add_pipe("readout_times")
    nlp.add_pipe("readout_statements")
    doc = nlp(text)
    record = doc._.readout          # a readout.model.Record (None if a stage failed)
    error = doc._.readout_error     # the readout.model.ErrorRow when one did

Each factory's config names a versioned function (``readout.statements.v1``, ...) that
gives the stage's function, so a later ``v2`` can change behaviour without changing what an
existing config means. The components run the very stages ``readout extract`` runs, through
the same :func:`readout.stages.run_stage` (span rule and stage-failure error row included).

State lives in ``doc.user_data["readout"]`` as JSON-able data (the record's JSON form, the
context, an error row), so ``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and
``nlp.pipe(..., n_process=2)`` work; ``doc._.readout`` is a getter that builds a fresh
Record from it on each access (keep the result in a variable).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from readout.model import Document, ErrorRow, Producer, Record
from readout.stages import STAGES, Context, Stage, StageFunction, run_stage

_KEY = "readout"


def _record_of(doc: Doc) -> Record | None:
    state = doc.user_data.get(_KEY)
    if state is None or state.get("error") is not None:
        return None
    return Record.from_dict(state["record"])


def _error_of(doc: Doc) -> ErrorRow | None:
    state = doc.user_data.get(_KEY)
    if state is None or state.get("error") is None:
        return None
    return ErrorRow(**state["error"])


if not Doc.has_extension("readout"):
    Doc.set_extension("readout", getter=_record_of)
if not Doc.has_extension("readout_error"):
    Doc.set_extension("readout_error", getter=_error_of)


def _new_record(doc: Doc) -> Record:
    text = doc.text
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    document = Document(id=sha[:16], source="<doc>", text=text, chars=len(text), sha256=sha)
    return Record(document=document)


class StageComponent:
    """One readout stage as a pipeline component: loads the state, runs the stage, stores it.

    A document whose earlier readout stage failed is passed on untouched, so it keeps its
    error row; the components after a failure do not run on it.
    """

    def __init__(self, stage: Stage, function: StageFunction, producer: Producer) -> None:
        # the config's function runs under the declared stage's name and contract
        self.stage = dataclasses.replace(stage, run=function)
        self.producer = producer

    def __call__(self, doc: Doc) -> Doc:
        state: dict[str, Any] = doc.user_data.get(_KEY) or {}
        if state.get("error") is not None:
            return doc
        record = Record.from_dict(state["record"]) if "record" in state else _new_record(doc)
        context = Context.from_dict(state.get("context") or {"pipeline": self.producer.pipeline})
        error = run_stage(self.stage, doc, record, context)
        record.producer = self.producer
        doc.user_data[_KEY] = {
            "record": record.to_dict(),
            "context": context.to_dict(),
            "error": error.to_dict()["error"] if error is not None else None,
        }
        return doc


def _config_function(stage: Stage) -> Callable[[], StageFunction]:
    def function() -> StageFunction:
        return stage.run

    function.__doc__ = f"The {stage.name} stage's function, version 1."
    return function


def _factory(declared: Stage) -> Callable[..., StageComponent]:
    def make(nlp: Language, name: str, *, stage: StageFunction) -> StageComponent:
        from readout.nlp import producer

        return StageComponent(declared, stage, producer(nlp))

    make.__doc__ = declared.summary
    return make


# The versioned functions and the factories, one of each per declared stage. readout's
# ``spacy_factories`` entry points name this module: importing it registers them all.
for _stage in STAGES:
    registry.misc.register(_stage.function, func=_config_function(_stage))
    Language.factory(
        _stage.factory,
        default_config={"stage": {"@misc": _stage.function}},
        func=_factory(_stage),
    )


@Language.component("readout_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: set before the parser, so that it never parses a
    heading, a caption or the paragraph before into the sentence after ("Farms / Farmers
    were angry", "..., according to Hollande: / Hollande branded the attack")."""
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if prev.is_space and "\n" in prev.text and not doc[i].is_space:
            doc[i].is_sent_start = True
    return doc
