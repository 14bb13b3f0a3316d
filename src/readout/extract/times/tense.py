"""The tense of the clause an expression sits in: from the verb that governs it in the parse,
from the nearest verb before it where there is no parse, and from cue words where there are
no tags at all."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from readout.extract.times.lexicon import (
    FUTURE_HEADS,
    FUTURE_WORDS,
    LEXICAL_PAST,
    PAST_AUX,
    PERFECT_AUX,
    SCHEDULE_VERBS,
)
from readout.labels import dep_role

# "perfect" is a past that reaches the present ("has continued ... until Friday")
Tense = Literal["past", "perfect", "future", "present"] | None


def token_span(doc: Doc, start: int, end: int) -> SpacySpan | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span


def _is_verb(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") or t.tag_ == "MD"


def governor(t: Token) -> Token | None:
    """The nearest verb above ``t`` (``t`` itself if it is one)."""
    seen = 0
    while seen < 10:
        if _is_verb(t) and dep_role(t.dep_) not in ("auxiliary", "passive_auxiliary"):
            return t
        if t.head.i == t.i:
            return t if _is_verb(t) else None
        t = t.head
        seen += 1
    return None


def verb_tense(v: Token, depth: int = 0) -> Tense:
    """past, future or present for the clause ``v`` heads; None when it cannot tell."""
    kids = list(v.children)
    aux = [
        c for c in kids if dep_role(c.dep_) in ("auxiliary", "passive_auxiliary") or c.tag_ == "MD"
    ]
    for c in aux:
        if c.lower_ in FUTURE_WORDS:
            return "future"
        if c.lower_ in ("would", "could", "might", "may", "should", "must", "can"):
            # "would"/"may" look forward from their clause; "should"/"must" are not tense
            return "future" if c.lower_ in ("would", "may", "might", "could") else None
    if v.lemma_.lower() in SCHEDULE_VERBS:
        return "future"  # what is scheduled, slated or due lies ahead
    if any(c.lower_ in FUTURE_HEADS and dep_role(c.dep_) == "marker" for c in kids):
        return "future"  # "are due to arrive", parsed with "due to" as one marker
    head = v.head
    has_head = head.i != v.i and depth < 4
    role = dep_role(v.dep_)
    # "to be held": the passive "be" does not make a tensed clause
    tensed = [c for c in aux if c.lower_ not in ("be", "been", "being", "to")]
    infinitive = any(c.lower_ == "to" for c in kids) or "Inf" in v.morph.get("VerbForm", [])
    if infinitive and not tensed and has_head:
        return _infinitive_tense(head, role, depth)
    if role == "open_complement" and not tensed and has_head and _is_verb(head):
        return verb_tense(head, depth + 1)  # "remain closed", "kept rising"
    for c in aux:
        if c.lower_ in ("going", "gon"):
            return "future"
        if c.lower_ in PAST_AUX or "Past" in c.morph.get("Tense", []):
            return "past"
        if c.lower_ in PERFECT_AUX:
            return "perfect"  # the present perfect reports what has happened
    return _form_tense(v, aux, bool(tensed), role, has_head, depth)


def _infinitive_tense(head: Token, role: str, depth: int) -> Tense:
    """The tense of an untensed infinitive, from what it complements."""
    if head.lemma_.lower() in FUTURE_HEADS or head.lower_ in FUTURE_HEADS:
        return "future"  # "plans to meet", "is due to sign"
    if head.lower_ in ("is", "are", "am", "'s", "'re"):
        return "future"  # "is to meet"
    if head.pos_ in ("NOUN", "PROPN"):
        # what is still to happen: "an event to be held on October 12", and the headline
        # future, "Russian markets to remain closed until Friday"
        return "future"
    if _is_verb(head) and role != "adverbial_clause":
        return verb_tense(head, depth + 1)
    return None


def _form_tense(
    v: Token, aux: list[Token], tensed: bool, role: str, has_head: bool, depth: int
) -> Tense:
    """The tense the verb's own form shows, where no auxiliary tells."""
    tense = v.morph.get("Tense", [])
    form = v.morph.get("VerbForm", [])
    if v.tag_ == "VBD" or ("Past" in tense and "Part" not in form):
        return "past"
    if v.tag_ == "VBN" or ("Past" in tense and "Part" in form):
        if tensed:
            return None
        if role in ("clausal_modifier", "adjective") and has_head:
            # a reduced relative shares the time of its clause ("kept markets closed until
            # Friday"), though what it reports happened before any plan ("the deal signed
            # on Monday will take effect")
            head = v.head
            outer = governor(head.head) if head.head.i != head.i else None
            inner = verb_tense(outer, depth + 1) if outer is not None else None
            return "past" if inner in (None, "future") else inner
        return "past"  # a headline: "Markets closed on Monday"
    if v.tag_ == "VBG" or "Ger" in form or ("Pres" in tense and "Part" in form):
        if any(c.lower_ in ("was", "were") for c in aux):
            return "past"
        # "is meeting on Monday" may be a plan or what goes on now: not tense enough
        return None
    if v.tag_ in ("VBZ", "VBP") or "Pres" in tense:
        return "present"
    return None


@dataclass(frozen=True, slots=True)
class Annotations:
    """What the document's parse holds, asked once: ``Doc.has_annotation`` walks all the
    tokens when the answer is no."""

    dep: bool
    tags: bool
    sents: bool

    @classmethod
    def of(cls, doc: Doc) -> Annotations:
        tags = doc.has_annotation("TAG") or doc.has_annotation("MORPH")
        return cls(doc.has_annotation("DEP"), tags, doc.has_annotation("SENT_START"))


def tense_at(doc: Doc, annotations: Annotations, text: str, start: int, end: int) -> Tense:
    span = token_span(doc, start, end)
    if span is None:
        return _lexical_tense(text, start)
    if annotations.dep:
        gov = governor(span.root)
        if gov is not None:
            return verb_tense(gov)
    if annotations.tags:
        return _window_tense(doc, span, annotations.sents)
    return _lexical_tense(text, start)


def _window_tense(doc: Doc, span: SpacySpan, sents: bool) -> Tense:
    """Without a usable parse: the tense of the nearest verb before the expression."""
    lo = max(0, span.start - 12)
    if sents:
        lo = max(lo, span.sent.start)
    for t in reversed(doc[lo : span.start]):
        if t.lower_ in FUTURE_WORDS:
            return "future"
        if _is_verb(t):
            tense = verb_tense(t)
            if tense is not None:
                return tense
    return None


_FUTURE_LEX = re.compile(
    r"\b(?:will|shall|won't|going\s+to|plans?\s+to|planned\s+to|expects?\s+to|expected\s+to"
    r"|scheduled|set\s+to|due\s+to|is\s+to|are\s+to|intends?\s+to|would)\b|['’]ll\b",
    re.IGNORECASE,
)


def _lexical_tense(text: str, start: int) -> Tense:
    """No tags at all: cue words in the clause before the expression."""
    lo = max(0, start - 80)
    window = text[lo:start]
    cut = max(window.rfind(". "), window.rfind("\n"))
    if cut >= 0:
        window = window[cut + 1 :]
    if _FUTURE_LEX.search(window):
        return "future"
    words = re.findall(r"[a-z]+", window.lower())
    if any(w in LEXICAL_PAST or w in PAST_AUX or w in PERFECT_AUX for w in words):
        return "past"
    return None
