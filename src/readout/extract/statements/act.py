"""What a statement reports: words said (speech), a thought, or something else.

The cue tagger is trained on PolNeAR, which draws every attribution: "X believes C", "X
expects to", "the video shows", "X agreed to sign" as well as "X said C". Users asking who
said what want the reports of speech; the others keep their spans and are marked, so a
reader of the record, and the events and claims built on it, can tell them apart:

- ``speech``: said, written, announced, asked, tweeted; any quotation.
- ``thought``: a belief, feeling, stance, intention or perception ("X hopes", "X opposes",
  "X is skeptical that", "was expected to").
- ``other``: an action, an appearance or an event ("X decided to", "it seems", "X filed").

The act is read from the cue's lemma (``lexicon/cue_acts.txt``, then the cognition class of
``lexicon/cues.txt``) and, for findings and agreement, from the shape of the content.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from readout.extract.statements.cues import load_cues, word_classes
from readout.lexicon import table, words
from readout.model import StatementAct

_QUOTES = "\"'“”‘’«»"
_CLAUSE_OPENERS = words("clause_openers")


@functools.cache
def _cues() -> dict[str, frozenset[str]]:
    return load_cues()


def statement_act(doc: Doc, cue: Token, content: tuple[int, int], direct: bool) -> StatementAct:
    """The act reported by the statement whose cue word is ``cue`` and whose content is the
    characters ``content``; a quotation is always speech."""
    if direct:
        return "speech"
    act = table("cue_acts").get(cue.lemma_.lower())
    if act == "clause":
        return "speech" if _is_clause(doc, content) else "other"
    if act in ("thought", "other"):
        return act  # type: ignore[return-value]
    classes = word_classes(_cues(), cue)
    if "cognition" in classes and "speech" not in classes:
        return "thought"
    return "speech"


def _is_clause(doc: Doc, content: tuple[int, int]) -> bool:
    """Whether the content reads as a clause or quotation ("that C", "C" with a verb at its
    root), not a noun phrase or a to-infinitive."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = span[0]
    if first.text[:1] in _QUOTES or first.lower_ in _CLAUSE_OPENERS:
        return True
    if first.lower_ == "to":
        return False
    root = span.root
    return root.pos_ in ("VERB", "AUX") and not any(c.lower_ == "to" for c in root.children)
