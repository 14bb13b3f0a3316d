"""Which time governs a verb: the statements stage asks for the time of each statement."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from readout.extract.times.tense import governor, token_span
from readout.labels import dep_role
from readout.model import Time

# a time and the tokens it covers
_Placed = tuple[Time, SpacySpan]


class TimeIndex:
    """The times of one document placed in its parse once, so that finding the time of each
    verb costs a lookup rather than a pass over all the times."""

    def __init__(self, times: list[Time], doc: Doc) -> None:
        self._by_governor: dict[int, list[_Placed]] = {}
        self._by_sentence: dict[int, list[_Placed]] = {}
        self._parsed = doc.has_annotation("DEP")
        self._sentences = not self._parsed and doc.has_annotation("SENT_START")
        for t in times:
            sp = token_span(doc, t.span.start, t.span.end)
            if sp is None:
                continue
            if self._parsed:
                gov = governor(sp.root)
                if gov is not None:
                    self._by_governor.setdefault(gov.i, []).append((t, sp))
            elif self._sentences:
                sent = doc[sp.start].sent
                if sp.end <= sent.end:
                    self._by_sentence.setdefault(sent.start, []).append((t, sp))

    def time_for(self, token_or_span: Token | SpacySpan) -> str | None:
        """The id of the time that governs a verb or clause, or None: as :func:`time_for`."""
        if isinstance(token_or_span, SpacySpan):
            if len(token_or_span) == 0:
                return None
            anchor_tok = token_or_span.root
        else:
            anchor_tok = token_or_span
        if self._parsed:
            verb = governor(anchor_tok) or anchor_tok
            chain = [verb]
            if dep_role(verb.dep_) in ("conjunct", "open_complement") and verb.head.i != verb.i:
                chain.append(verb.head)
            for v in chain:
                hits = self._by_governor.get(v.i)
                if hits:
                    return _best(hits, v.i)
            return None
        if self._sentences:
            hits = self._by_sentence.get(anchor_tok.sent.start)
            return _best(hits, anchor_tok.i) if hits else None
        return None


def time_for(token_or_span: Token | SpacySpan, times: list[Time], doc: Doc) -> str | None:
    """The id of the time that governs a verb or clause, or None.

    A time governs a verb when the verb is the nearest verb above the expression in the
    parse ("met on Monday", "the talks on Monday were held"). Failing that, a verb shares the
    time of the verb it is coordinated with or complements ("met and agreed on Monday",
    "plans to meet on Monday"). Dates and times are preferred to durations and sets; among
    equals, the nearest. Without a parse, the nearest date or time in the same sentence.

    Each call places all the times anew: for the verbs of one document, build one
    :class:`TimeIndex` and ask it.
    """
    if not times:
        return None
    return TimeIndex(times, doc).time_for(token_or_span)


def _best(hits: Iterable[_Placed], i: int) -> str:
    def key(item: _Placed) -> tuple[int, int]:
        t, sp = item
        weak = t.type in ("DURATION", "SET") or t.value.endswith("_REF")
        return (1 if weak else 0, min(abs(sp.start - i), abs(sp.end - 1 - i)))

    return min(hits, key=key)[0].id
