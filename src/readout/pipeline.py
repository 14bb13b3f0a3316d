"""From a read Document to a Record: structure, parse, then each extraction stage in order.

The spaCy Doc is always made from the full ``document.text``, so ``token.idx`` and
``span.start_char`` are document offsets and no stage does offset arithmetic. Stages that
should ignore page chrome look at ``document.body``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from readout.errors import STAGE_FAILED
from readout.extract.actors import extract_actors
from readout.extract.statements import extract_statements
from readout.extract.times import extract_times
from readout.model import Document, ErrorRow, Record, Span, iter_spans
from readout.nlp import pipeline_info
from readout.read.structure import analyse_structure
from readout.read.turns import Turn, find_turns, turn_actors_and_statements


def prepare(document: Document) -> list[Turn]:
    """Text-only stages: fill in the document's structure and return its transcript turns."""
    analyse_structure(document)
    turns = find_turns(document) if document.kind == "transcript" else []
    return turns


def build_record(
    document: Document, doc: Doc, turns: list[Turn], pipeline: str | None = None
) -> Record:
    """Run the extraction stages over one parsed document; ``pipeline`` names the spaCy
    pipeline that parsed it (see :func:`readout.nlp.pipeline_info`)."""
    actors, turn_statements = turn_actors_and_statements(document, turns)
    actors = extract_actors(doc, document, seed=actors)
    times = extract_times(doc, document)
    statements = turn_statements + extract_statements(
        doc,
        document,
        actors,
        times,
        turns,
        first_id=len(turn_statements) + 1,
        pipeline=pipeline,
    )
    return Record(document=document, actors=actors, times=times, statements=statements)


def run(
    nlp: Language, documents: Iterable[Document], batch_size: int = 16
) -> Iterator[Record | ErrorRow]:
    """One Record or ErrorRow per document, in input order, parsing in batches with ``nlp.pipe``.

    A failure in any stage turns that one document into an error row; the others go on.
    """
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= batch_size:
            yield from _run_batch(nlp, batch)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch)


def _run_batch(nlp: Language, batch: list[Document]) -> list[Record | ErrorRow]:
    results: list[Record | ErrorRow | None] = [None] * len(batch)
    todo: list[tuple[int, Document, list[Turn]]] = []
    for i, document in enumerate(batch):
        try:
            todo.append((i, document, prepare(document)))
        except Exception as exc:  # a bug on odd input must not stop the run
            results[i] = _stage_error(document, "structure", exc)
    docs: list[Doc | Exception]
    try:
        docs = list(nlp.pipe([d.text for _, d, _ in todo], batch_size=len(todo) or 1))
    except Exception:
        # find the one document the parser chokes on, keep the rest
        docs = []
        for _, document, _ in todo:
            try:
                docs.append(nlp(document.text))
            except Exception as exc:
                docs.append(exc)
    name = pipeline_info(nlp)
    for (i, document, turns), doc in zip(todo, docs, strict=True):
        if isinstance(doc, Exception):
            results[i] = _stage_error(document, "parse", doc)
            continue
        try:
            results[i] = keep_valid_spans(build_record(document, doc, turns, name))
        except Exception as exc:
            results[i] = _stage_error(document, "extract", exc)
    return [r for r in results if r is not None]


def _stage_error(document: Document, stage: str, exc: Exception) -> ErrorRow:
    return ErrorRow(
        source=document.source,
        id=document.id,
        line=document.meta.get("line") if isinstance(document.meta.get("line"), int) else None,
        code=STAGE_FAILED,
        message=(
            f"readout's {stage} stage failed on this document ({type(exc).__name__}: "
            f"{str(exc)[:200]}); the input was readable, so please report it with the document"
        ),
    )


def keep_valid_spans(record: Record) -> Record:
    """Provenance or nothing: drop any fact whose evidence does not match the text.

    Stages are tested to emit only valid spans; this is the last guard so that a bug
    loses one fact rather than publishing a wrong offset.
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
    for name in ("times", "statements", "events", "claims"):
        items = getattr(record, name)
        setattr(record, name, [x for x in items if all(s.holds_in(text) for s in iter_spans(x))])
    return record
