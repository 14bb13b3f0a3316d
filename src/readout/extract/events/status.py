"""Whether an event happened, is planned, is going on, did not happen or is only supposed,
read from the grammar of its predicate: "did not meet" (negated), "will meet", "plans to
meet", "agreed to meet" (planned), "are meeting" (ongoing), "if they meet", "could meet",
"Will they meet?" (hypothetical); otherwise occurred."""

from __future__ import annotations

from spacy.tokens import Token

from readout.labels import dep_role, is_negation
from readout.lexicon import words
from readout.model import EventStatus

_FUTURE_AUX = words("future_auxiliaries")
_FUTURE_HEADS = words("future_heads")
_CONDITIONS = words("condition_markers")
_MODALS = words("modal_auxiliaries")


def _chain(pred: Token) -> list[Token]:
    """The predicate and the verbs it complements or is coordinated with."""
    out = [pred]
    tok = pred
    while dep_role(tok.dep_) in ("open_complement", "conjunct") and tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    return out


def event_status(pred: Token) -> EventStatus:
    chain = _chain(pred)
    if any(is_negation(c.dep_, c.lower_) for v in chain[:2] for c in v.children):
        return "negated"
    if _reported_future(chain):
        return "planned"
    if _supposed(pred, chain):
        return "hypothetical"
    if _future(chain):
        return "planned"
    if _progressive(pred):
        return "ongoing"
    return "occurred"


def _reported_future(chain: list[Token]) -> bool:
    """ "said they would meet": "would" in reported speech is the future of the past."""
    top = chain[-1]
    if dep_role(top.dep_) != "clausal_complement":
        return False
    return any(c.lower_ == "would" and dep_role(c.dep_) == "auxiliary" for c in chain[0].children)


def _supposed(pred: Token, chain: list[Token]) -> bool:
    sent = pred.sent
    if sent.text.rstrip().endswith("?"):
        return True
    for v in chain:
        if any(c.lower_ in _MODALS and dep_role(c.dep_) == "auxiliary" for c in v.children):
            return True
        if _conditional(v):
            return True
        # "if they meet, they will discuss trade": the main clause rests on the condition
        if any(dep_role(c.dep_) == "adverbial_clause" and _conditional(c) for c in v.children):
            return True
    return False


def _conditional(verb: Token) -> bool:
    return any(dep_role(c.dep_) == "marker" and c.lower_ in _CONDITIONS for c in verb.children)


def _future(chain: list[Token]) -> bool:
    for v in chain:
        if any(c.lower_ in _FUTURE_AUX and dep_role(c.dep_) == "auxiliary" for c in v.children):
            return True
    pred = chain[0]
    if dep_role(pred.dep_) == "open_complement" and pred.head.lemma_.lower() in _FUTURE_HEADS:
        return True
    # "is to meet", "are going to meet"
    return any(c.lower_ == "to" for c in pred.children) and pred.head.lemma_.lower() in (
        "be",
        "go",
    )


def _progressive(pred: Token) -> bool:
    if pred.tag_ != "VBG":
        return False
    aux = [c for c in pred.children if dep_role(c.dep_) == "auxiliary"]
    return any(a.lower_ in ("is", "are", "am", "'re", "'s") for a in aux)
