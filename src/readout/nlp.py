"""Loading the spaCy pipeline that readout stands on.

The default is readout's own ``en_readout_core``, trained from open data and installed with
readout; any installed spaCy English pipeline (``en_core_web_sm`` ... ``_trf``) or a pipeline
directory can be named instead. Nothing is downloaded.
"""

from __future__ import annotations

import functools
from pathlib import Path

import spacy
from spacy.language import Language

from readout.errors import PIPELINE_MISSING, ReadoutError
from readout.lexicon import entries
from readout.model import Producer

DEFAULT_MODEL = "en_readout_core"

# Components readout never reads; disabling them saves time on every document.
_UNUSED = ("textcat", "textcat_multilabel", "entity_linker")


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None, max_length: int = 6_000_000) -> Language:
    """Load a spaCy pipeline by package name or path, with a clear error when it is missing."""
    name = name or DEFAULT_MODEL
    try:
        nlp = spacy.load(name, exclude=[c for c in _UNUSED])
    except OSError as exc:
        hint = (
            "run `make env` in the readout checkout to install readout's own pipeline"
            if name == DEFAULT_MODEL
            else "install that spaCy pipeline into this environment, or pass a pipeline "
            "directory, or leave --model out to use readout's own en_readout_core"
        )
        where = "directory" if Path(name).exists() else "package"
        raise ReadoutError(
            PIPELINE_MISSING, f"cannot load the spaCy pipeline {where} {name!r}: {hint}."
        ) from exc
    # Documents are capped by the readers' size limit; spaCy's own 1M-character guard would
    # otherwise reject long but legitimate transcripts.
    nlp.max_length = max(nlp.max_length, max_length)
    _add_abbreviations(nlp)
    _add_paragraph_breaks(nlp)
    return nlp


def _add_paragraph_breaks(nlp: Language) -> None:
    """Line breaks end sentences (:func:`readout.components.paragraph_breaks`), set before
    whichever component first splits sentences."""
    import readout.components  # noqa: F401  (registers the component)

    first = next((p for p in nlp.pipe_names if p in ("parser", "senter", "sentencizer")), None)
    if first is not None and "readout_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("readout_paragraph_breaks", before=first)


def _add_abbreviations(nlp: Language) -> None:
    """News abbreviations the pipeline's tokenizer may split ("Maj.", "Sens."), each kept one
    token so that it does not end a sentence before the name it titles."""
    tokenizer = nlp.tokenizer
    rules = getattr(tokenizer, "rules", None)
    if rules is None or not hasattr(tokenizer, "add_special_case"):
        return  # a custom tokenizer: it has its own idea of abbreviations
    for abbreviation in entries("abbreviations"):
        if abbreviation not in rules:
            tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])


def pipeline_info(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def producer(nlp: Language) -> Producer:
    """The stamp for records this pipeline makes: readout's version, the pipeline, the
    knowledge base build."""
    from readout import __version__
    from readout.kb.lookup import default_kb

    kb = default_kb()
    return Producer(
        readout=__version__, pipeline=pipeline_info(nlp), kb=kb.build_id if kb else None
    )
