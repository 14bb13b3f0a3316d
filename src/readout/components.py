"""readout's stages as spaCy components, all registered here, in one place.

Add them to any English pipeline that has a parser and entity recognizer::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("readout_structure", first=True)
    nlp.add_pipe("readout_actors")
    nlp.add_pipe("readout_times")
    nlp.add_pipe("readout_statements")
    record = nlp(text)._.readout          # a readout.model.Record

Each factory's config names a versioned function (``readout.statements.v1``, ...) that
does the work. Each component reads and extends the Record in ``doc._.readout``; the
structure component starts one from the text when none is there. ``readout extract``
calls the same functions directly (readout.pipeline) and does not need these wrappers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from readout.model import Document, Record

if not Doc.has_extension("readout"):
    Doc.set_extension("readout", default=None)
if not Doc.has_extension("readout_turns"):
    Doc.set_extension("readout_turns", default=None)


def _record(doc: Doc) -> Record:
    record = doc._.readout
    if record is None:
        text = doc.text
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        document = Document(id=sha[:16], source="<doc>", text=text, chars=len(text), sha256=sha)
        from readout.pipeline import prepare

        doc._.readout_turns = prepare(document)
        record = Record(document=document)
        doc._.readout = record
    return record


class _Structure:
    def __init__(self, extract: Callable) -> None:
        self.extract = extract

    def __call__(self, doc: Doc) -> Doc:
        record = _record(doc)
        if not record.actors and not record.statements:
            record.actors, record.statements = self.extract(
                record.document, doc._.readout_turns or []
            )
        return doc


class _Actors:
    def __init__(self, extract: Callable) -> None:
        self.extract = extract

    def __call__(self, doc: Doc) -> Doc:
        record = _record(doc)
        record.actors = self.extract(doc, record.document, seed=record.actors)
        return doc


class _Times:
    def __init__(self, extract: Callable) -> None:
        self.extract = extract

    def __call__(self, doc: Doc) -> Doc:
        record = _record(doc)
        record.times = self.extract(doc, record.document)
        return doc


class _Statements:
    def __init__(self, extract: Callable, pipeline: str) -> None:
        self.extract = extract
        self.pipeline = pipeline

    def __call__(self, doc: Doc) -> Doc:
        record = _record(doc)
        kept = [s for s in record.statements if s.kind == "turn"]
        record.statements = kept + self.extract(
            doc,
            record.document,
            record.actors,
            record.times,
            doc._.readout_turns or [],
            first_id=len(kept) + 1,
            pipeline=self.pipeline,
        )
        return doc


# The versioned functions: a config names one of these, so a later readout.statements.v2 can
# change behaviour without changing what an existing config means.
@registry.misc("readout.structure.v1")
def structure_v1() -> Callable:
    from readout.read.turns import turn_actors_and_statements

    return turn_actors_and_statements


@registry.misc("readout.actors.v1")
def actors_v1() -> Callable:
    from readout.extract.actors import extract_actors

    return extract_actors


@registry.misc("readout.times.v1")
def times_v1() -> Callable:
    from readout.extract.times import extract_times

    return extract_times


@registry.misc("readout.statements.v1")
def statements_v1() -> Callable:
    from readout.extract.statements import extract_statements

    return extract_statements


@Language.factory(
    "readout_structure", default_config={"extract": {"@misc": "readout.structure.v1"}}
)
def make_structure(nlp: Language, name: str, *, extract: Callable) -> _Structure:
    """Document structure (kind, dateline, body, turns) from the raw text."""
    return _Structure(extract)


@Language.factory("readout_actors", default_config={"extract": {"@misc": "readout.actors.v1"}})
def make_actors(nlp: Language, name: str, *, extract: Callable) -> _Actors:
    """Actors: entities linked to the knowledge base, every mention tied to its actor."""
    return _Actors(extract)


@Language.factory("readout_times", default_config={"extract": {"@misc": "readout.times.v1"}})
def make_times(nlp: Language, name: str, *, extract: Callable) -> _Times:
    """Times: temporal expressions normalised to TIMEX3 values."""
    return _Times(extract)


@Language.factory(
    "readout_statements", default_config={"extract": {"@misc": "readout.statements.v1"}}
)
def make_statements(nlp: Language, name: str, *, extract: Callable) -> _Statements:
    """Statements: who said what to whom, and through whom."""
    from readout.nlp import pipeline_info

    return _Statements(extract, pipeline_info(nlp))
