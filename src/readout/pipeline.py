"""From a read Document to a Record: parse, then each stage of :data:`readout.stages.STAGES`.

The spaCy Doc is always made from the full ``document.text``, so ``token.idx`` and
``span.start_char`` are document offsets and no stage does offset arithmetic. Stages that
should ignore page chrome look at ``document.body``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from readout.model import Document, ErrorRow, Record
from readout.nlp import pipeline_info, producer
from readout.stages import STAGES, Context, keep_valid_spans, run_stage, stage_error

__all__ = ["build_record", "keep_valid_spans", "run"]


def build_record(document: Document, doc: Doc, pipeline: str | None = None) -> Record | ErrorRow:
    """Run every stage over one parsed document; ``pipeline`` names the spaCy pipeline that
    parsed it (see :func:`readout.nlp.pipeline_info`). A failing stage gives an error row."""
    record = Record(document=document)
    context = Context(pipeline=pipeline)
    for stage in STAGES:
        error = run_stage(stage, doc, record, context)
        if error is not None:
            return error
    return record


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
    name = pipeline_info(nlp)
    stamp = producer(nlp)
    results: list[Record | ErrorRow] = []
    for document, doc in zip(batch, _parse(nlp, batch), strict=True):
        if isinstance(doc, Exception):
            results.append(stage_error(document, "parse", doc))
            continue
        result = build_record(document, doc, name)
        if isinstance(result, Record):
            result.producer = stamp
        results.append(result)
    return results


def _parse(nlp: Language, batch: list[Document]) -> list[Doc | Exception]:
    try:
        return list(nlp.pipe([d.text for d in batch], batch_size=len(batch) or 1))
    except Exception:
        # find the one document the parser chokes on, keep the rest
        docs: list[Doc | Exception] = []
        for document in batch:
            try:
                docs.append(nlp(document.text))
            except Exception as exc:
                docs.append(exc)
        return docs
