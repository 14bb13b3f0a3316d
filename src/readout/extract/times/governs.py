"""Which time governs a verb: the statements stage asks for the time of each statement."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from readout.extract.times.tense import governor, token_span
from readout.labels import dep_role
from readout.model import Time


def time_for(token_or_span: Token | SpacySpan, times: list[Time], doc: Doc) -> str | None:
    """The id of the time that governs a verb or clause, or None.

    A time governs a verb when the verb is the nearest verb above the expression in the
    parse ("met on Monday", "the talks on Monday were held"). Failing that, a verb shares the
    time of the verb it is coordinated with or complements ("met and agreed on Monday",
    "plans to meet on Monday"). Dates and times are preferred to durations and sets; among
    equals, the nearest. Without a parse, the nearest date or time in the same sentence.
    """
    if not times:
        return None
    if isinstance(token_or_span, SpacySpan):
        if len(token_or_span) == 0:
            return None
        anchor_tok = token_or_span.root
    else:
        anchor_tok = token_or_span
    placed = [(t, token_span(doc, t.span.start, t.span.end)) for t in times]
    if doc.has_annotation("DEP"):
        verb = governor(anchor_tok) or anchor_tok
        chain = [verb]
        if dep_role(verb.dep_) in ("conjunct", "open_complement") and verb.head.i != verb.i:
            chain.append(verb.head)
        for v in chain:
            hits = [(t, sp) for t, sp in placed if sp is not None and _same(governor(sp.root), v)]
            if hits:
                return _best(hits, v.i)
        return None
    if doc.has_annotation("SENT_START"):
        sent = anchor_tok.sent
        hits = [
            (t, sp)
            for t, sp in placed
            if sp is not None and sent.start <= sp.start and sp.end <= sent.end
        ]
        return _best(hits, anchor_tok.i) if hits else None
    return None


def _same(a: Token | None, b: Token) -> bool:
    return a is not None and a.i == b.i


def _best(hits: Iterable[tuple[Time, SpacySpan | None]], i: int) -> str:
    def key(item: tuple[Time, SpacySpan | None]) -> tuple[int, int]:
        t, sp = item
        weak = t.type in ("DURATION", "SET") or t.value.endswith("_REF")
        dist = min(abs(sp.start - i), abs(sp.end - 1 - i)) if sp is not None else 10**6
        return (1 if weak else 0, dist)

    return min(hits, key=key)[0].id
