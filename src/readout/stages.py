"""readout's extraction stages: one protocol, declared once, in the order they run.

A stage is a callable ``(doc, record, context) -> None`` that fills its part of the
:class:`~readout.model.Record`, reading only what earlier stages put in the record or in
the typed :class:`Context`. Both ``readout extract`` (:mod:`readout.pipeline`) and the
spaCy components (:mod:`readout.components`) run the stages of :data:`STAGES` through
:func:`run_stage`, so both apply the span rule after every stage and turn a stage's failure
into the document's error row the same way.

Adding a stage: write its package with a ``run(doc, record, context)`` function, add one
line to :data:`STAGES`, and one ``spacy_factories`` entry point (``readout_<name>``) in
pyproject.toml. The component, its versioned config function (``readout.<name>.v1``) and
the record counts follow from the declaration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from readout.errors import STAGE_FAILED
from readout.extract.actors import extract_actors
from readout.extract.events import extract_events
from readout.extract.statements import extract_statements
from readout.extract.times import extract_times
from readout.model import Document, ErrorRow, Record, Span, iter_spans
from readout.read.structure import analyse_structure
from readout.read.turns import Turn, find_turns, turn_actors_and_statements


@dataclass(slots=True)
class Context:
    """What a stage may know of a document besides the record: the transcript turns the
    structure stage found and the name of the spaCy pipeline that parsed the text."""

    turns: list[Turn] = field(default_factory=list)
    pipeline: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form, so that a Doc carrying it still serialises."""
        return {
            "pipeline": self.pipeline,
            "turns": [
                {
                    "label": _span_dict(t.label),
                    "name": t.name,
                    "content": _span_dict(t.content),
                    "generic": t.generic,
                }
                for t in self.turns
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Context:
        turns = [
            Turn(
                label=Span(**t["label"]),
                name=t["name"],
                content=Span(**t["content"]),
                generic=t["generic"],
            )
            for t in data.get("turns", [])
        ]
        return cls(turns=turns, pipeline=data.get("pipeline"))


def _span_dict(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


StageFunction = Callable[[Doc, Record, Context], None]


@dataclass(frozen=True, slots=True)
class Stage:
    """One declared stage. ``reads`` and ``writes`` name the record's parts (and the
    context's) it uses and fills: they document the order's reasons and are checked by a
    test that no stage reads what no earlier stage writes."""

    name: str
    run: StageFunction
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    summary: str

    @property
    def factory(self) -> str:
        """The spaCy component's name."""
        return f"readout_{self.name}"

    @property
    def function(self) -> str:
        """The versioned config function that gives the component its stage function."""
        return f"readout.{self.name}.v1"


# --- the stages' run functions ----------------------------------------------------------------
# Each adapts one package's extraction function to the protocol; the packages themselves
# stay plain functions over Doc and record types.


def run_structure(doc: Doc, record: Record, context: Context) -> None:
    analyse_structure(record.document)
    context.turns = find_turns(record.document) if record.document.kind == "transcript" else []
    actors, statements = turn_actors_and_statements(record.document, context.turns)
    record.actors = actors + record.actors
    record.statements = statements + record.statements


def run_actors(doc: Doc, record: Record, context: Context) -> None:
    record.actors = extract_actors(doc, record.document, seed=record.actors)


def run_times(doc: Doc, record: Record, context: Context) -> None:
    record.times = extract_times(doc, record.document)


def run_statements(doc: Doc, record: Record, context: Context) -> None:
    # the stage also adds actors for speakers the actors stage did not list ("officials")
    record.statements = record.statements + extract_statements(
        doc,
        record.document,
        record.actors,
        record.times,
        context.turns,
        first_id=len(record.statements) + 1,
        pipeline=context.pipeline,
    )


def run_events(doc: Doc, record: Record, context: Context) -> None:
    # the stage also adds actors for agents the earlier stages did not list ("Police")
    record.events = extract_events(
        doc, record.document, record.actors, record.times, record.statements, context.turns
    )


STAGES: tuple[Stage, ...] = (
    Stage(
        "structure",
        run_structure,
        reads=("document.text",),
        writes=("document", "context.turns", "actors", "statements"),
        summary="Document structure (kind, dateline, body, transcript turns and their speakers).",
    ),
    Stage(
        "actors",
        run_actors,
        reads=("document", "actors"),
        writes=("actors",),
        summary="Actors: entities linked to the knowledge base, every mention tied to its actor.",
    ),
    Stage(
        "times",
        run_times,
        reads=("document",),
        writes=("times",),
        summary="Times: temporal expressions normalised to TIMEX3 values.",
    ),
    Stage(
        "statements",
        run_statements,
        reads=("document", "actors", "times", "statements", "context.turns", "context.pipeline"),
        writes=("statements", "actors"),
        summary="Statements: who said what to whom, and through whom.",
    ),
    Stage(
        "events",
        run_events,
        reads=("document", "actors", "times", "statements", "context.turns"),
        writes=("events", "actors"),
        summary="Events: who met whom, when and where, and what else they did, in PLOVER.",
    ),
)


def stage_named(name: str) -> Stage:
    for stage in STAGES:
        if stage.name == name:
            return stage
    raise KeyError(name)


# --- running one stage --------------------------------------------------------------------------


def run_stage(stage: Stage, doc: Doc, record: Record, context: Context) -> ErrorRow | None:
    """Run one stage on one document; its failure becomes the document's error row.

    After the stage, the span rule is enforced, so that a bug loses one fact rather than
    publishing a wrong offset, on every path that runs stages.
    """
    try:
        stage.run(doc, record, context)
    except Exception as exc:  # a bug on odd input must not stop the run
        return stage_error(record.document, stage.name, exc)
    keep_valid_spans(record)
    return None


def stage_error(document: Document, stage: str, exc: Exception) -> ErrorRow:
    line = document.meta.get("line")
    return ErrorRow(
        source=document.source,
        id=document.id,
        line=line if isinstance(line, int) else None,
        code=STAGE_FAILED,
        message=(
            f"readout's {stage} stage failed on this document ({type(exc).__name__}: "
            f"{str(exc)[:200]}); the input was readable, so please report it with the document"
        ),
    )


def keep_valid_spans(record: Record) -> Record:
    """Provenance or nothing: drop any fact whose evidence does not match the text.

    Stages are tested to emit only valid spans; this is the last guard.
    """
    text = record.document.text
    doc_spans = [record.document.body]
    if record.document.dateline is not None:
        doc_spans += [record.document.dateline.span, record.document.dateline.place]
    if any(s is not None and not s.holds_in(text) for s in doc_spans):
        record.document.body = Span.of(text, 0, len(text))
        record.document.dateline = None
    for actor in record.actors:
        actor.mentions = [m for m in actor.mentions if m.holds_in(text)]
    record.times = [x for x in record.times if _holds(x, text)]
    record.statements = [x for x in record.statements if _holds(x, text)]
    record.events = [x for x in record.events if _holds(x, text)]
    record.claims = [x for x in record.claims if _holds(x, text)]
    return record


def _holds(item: object, text: str) -> bool:
    return all(s.holds_in(text) for s in iter_spans(item))
