"""readout's stages as spaCy components, all registered here, in one place.

Add them to any English pipeline that has a parser and entity recognizer::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("readout.structure.v1", first=True)
    nlp.add_pipe("readout.actors.v1")
    nlp.add_pipe("readout.times.v1")
    nlp.add_pipe("readout.statements.v1")
    record = nlp(text)._.readout          # a readout.model.Record

Each component reads and extends the Record in ``doc._.readout``; the structure component
starts one from the text when none is there. ``readout extract`` calls the same functions
directly (readout.pipeline) and does not need these wrappers.
"""

from __future__ import annotations

import hashlib

from spacy.language import Language
from spacy.tokens import Doc

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
    def __call__(self, doc: Doc) -> Doc:
        from readout.read.turns import turn_actors_and_statements

        record = _record(doc)
        if not record.actors and not record.statements:
            actors, statements = turn_actors_and_statements(
                record.document, doc._.readout_turns or []
            )
            record.actors, record.statements = actors, statements
        return doc


class _Actors:
    def __call__(self, doc: Doc) -> Doc:
        from readout.extract.actors import extract_actors

        record = _record(doc)
        record.actors = extract_actors(doc, record.document, seed=record.actors)
        return doc


class _Times:
    def __call__(self, doc: Doc) -> Doc:
        from readout.extract.times import extract_times

        record = _record(doc)
        record.times = extract_times(doc, record.document)
        return doc


class _Statements:
    def __call__(self, doc: Doc) -> Doc:
        from readout.extract.statements import extract_statements

        record = _record(doc)
        kept = [s for s in record.statements if s.kind == "turn"]
        record.statements = kept + extract_statements(
            doc,
            record.document,
            record.actors,
            record.times,
            doc._.readout_turns or [],
            first_id=len(kept) + 1,
        )
        return doc


@Language.factory("readout.structure.v1")
def make_structure(nlp: Language, name: str) -> _Structure:
    """Document structure (kind, dateline, body, turns) from the raw text."""
    return _Structure()


@Language.factory("readout.actors.v1")
def make_actors(nlp: Language, name: str) -> _Actors:
    """Actors: entities linked to the knowledge base, every mention tied to its actor."""
    return _Actors()


@Language.factory("readout.times.v1")
def make_times(nlp: Language, name: str) -> _Times:
    """Times: temporal expressions normalised to TIMEX3 values."""
    return _Times()


@Language.factory("readout.statements.v1")
def make_statements(nlp: Language, name: str) -> _Statements:
    """Statements: who said what to whom, and through whom."""
    return _Statements()
