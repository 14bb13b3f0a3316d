"""Whether a report says something was said: asserted, negated or hypothetical.

A cue can stand in a sentence that reports no saying at all: "X did not say whether C"
and "X declined to say whether C" (negated), "Did X tell Y that C?" and "it would only be
accurate if X told Y that C" (hypothetical). Such statements keep their spans — the words
are still about a report — but carry the status, so that a reader of the record, and the
events and claims built on it, do not take them as said.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from readout.labels import dep_role
from readout.lexicon import words
from readout.model import StatementStatus

_CONDITIONS = words("condition_markers")
_WITHHOLDING = words("withholding_verbs")
_NEGATIONS = words("negations")
_QUOTES = "\"'“”‘’«»"


def statement_status(doc: Doc, cue: Token) -> StatementStatus:
    """The status of the statement whose cue word is ``cue``."""
    if _negated(cue):
        return "negated"
    if _conditional(cue) or _asked(doc, cue):
        return "hypothetical"
    return "asserted"


def _negated(cue: Token) -> bool:
    if any(_is_negation(c) for c in cue.children):
        return True
    # "declined to say whether ..." read with "declined" as the cue
    if cue.lemma_.lower() in _WITHHOLDING and any(
        dep_role(c.dep_) == "open_complement" for c in cue.children
    ):
        return True
    # "declined to say", "did not want to say": the saying is the complement of a verb that
    # withholds it, or of a negated one
    head = cue.head
    if dep_role(cue.dep_) == "open_complement" and head.i != cue.i:
        if head.lemma_.lower() in _WITHHOLDING:
            return True
        return any(_is_negation(c) for c in head.children)
    return False


def _is_negation(token: Token) -> bool:
    return dep_role(token.dep_) in ("negation", "adverb") and token.lower_ in _NEGATIONS


def _conditional(cue: Token) -> bool:
    """A cue that heads an "if" or "unless" clause, or is coordinated inside one."""
    token = cue
    for _ in range(3):
        if any(dep_role(c.dep_) == "marker" and c.lower_ in _CONDITIONS for c in token.children):
            return True
        if dep_role(token.dep_) != "conjunct" or token.head.i == token.i:
            return False
        token = token.head
    return False


def _asked(doc: Doc, cue: Token) -> bool:
    """A question about the saying itself: the cue is its sentence's main verb and the
    sentence, outside quotation marks, ends with a question mark ("Did X tell Y ...?")."""
    sent = cue.sent
    if cue.i != sent.root.i and not (
        dep_role(cue.dep_) == "conjunct" and cue.head.i == sent.root.i
    ):
        return False
    last = sent.end - 1
    while last > sent.start and (doc[last].is_space or doc[last].text in _QUOTES):
        last -= 1
    if doc[last].text != "?":
        return False
    # a question quoted inside the sentence ("'Why?' she asked") ends in a quote mark, and
    # the mark was skipped above: only count a question that is not itself quoted
    return not any(doc[i].text in _QUOTES for i in range(last + 1, sent.end))
