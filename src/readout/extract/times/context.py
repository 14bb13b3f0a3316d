"""What resolution works from: the reference date (dateline, else publication date), the
sentences and paragraphs of the text, and the last time named, which anaphora count from."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from readout.extract.times.candidate import Candidate, prev_word
from readout.extract.times.dates import DAY_VALUE, parse_iso_date, value_date
from readout.extract.times.lexicon import REL_SIGNS
from readout.extract.times.tense import Annotations, Tense, tense_at
from readout.model import Document, TimeAnchor, TimeType


@dataclass(slots=True)
class Value:
    """What a resolver makes of a candidate: the fields of its Time."""

    type: TimeType
    value: str
    anchor: TimeAnchor


@dataclass(slots=True)
class Previous:
    """A time named earlier in the text, where anaphora that follow count from."""

    day: date
    value: str
    start: int
    sentence: int
    paragraph: int
    absolute: bool = False  # named with its year ("April 2013"), not counted from a reference


@dataclass
class Context:
    """What the resolvers of one document read, and the times they have resolved so far."""

    doc: Doc
    text: str
    ref: date | None
    ref_anchor: TimeAnchor
    annotations: Annotations
    sent_starts: list[int] = field(default_factory=list)
    para_starts: list[int] = field(default_factory=list)
    prev: Previous | None = None
    prev_any: Previous | None = None  # the last time at any granularity
    _tense_cache: dict[tuple[int, int], Tense] = field(default_factory=dict)

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.sent_starts, pos)

    def paragraph_of(self, pos: int) -> int:
        return bisect_right(self.para_starts, pos)

    def previous(self, start: int, max_sentences: int = 3, coarse: bool = False) -> Previous | None:
        """The last day-level time before ``start`` in the same passage: at most a few
        sentences back, in this paragraph or the one before. ``coarse``: the last time of any
        granularity anywhere before ("the following year" follows the last year named)."""
        p = self.prev_any if coarse else self.prev
        if p is None:
            return None
        if coarse:
            return p
        if self.paragraph_of(start) - p.paragraph > 1:
            return None
        if self.sentence_of(start) - p.sentence > max_sentences:
            return None
        return p

    def tense(self, start: int, end: int) -> Tense:
        key = (start, end)
        if key not in self._tense_cache:
            self._tense_cache[key] = tense_at(self.doc, self.annotations, self.text, start, end)
        return self._tense_cache[key]


def boundaries(doc: Doc, annotations: Annotations, text: str) -> tuple[list[int], list[int]]:
    """Where the sentences and the paragraphs of the text start."""
    paras = [0] + [m.end() for m in re.finditer(r"\n\s*", text)]
    if annotations.sents:
        sents = [s.start_char for s in doc.sents]
    else:
        sents = [0] + [m.end() for m in re.finditer(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])", text)]
    return sents, paras


def reference(document: Document) -> tuple[date | None, TimeAnchor]:
    """The date deictic expressions count from: the dateline's, else the publication date."""
    dl = document.dateline
    if dl is not None and dl.date:
        d = parse_iso_date(dl.date)
        if d is not None:
            return d, "dateline"
    if document.published:
        d = parse_iso_date(document.published)
        if d is not None:
            return d, "published"
    return None, "published"


def relative_base(
    ctx: Context, c: Candidate, source: str, coarse: bool = False
) -> tuple[date | None, TimeAnchor]:
    """The day a relative expression counts from: the previous time or the reference.

    ``coarse`` expressions ("the previous year", "the same month") may count from a previous
    time of any granularity; day-level ones ("the next day") only from a previous day."""
    if source == "prev":
        p = ctx.previous(c.start, coarse=coarse)
        if p is not None:
            return p.day, "previous"
    return ctx.ref, ctx.ref_anchor


def direction_of(ctx: Context, c: Candidate) -> Tense:
    """Which way from the reference an expression lies ("past", "future" or None), from the
    tense of its clause and the preposition before it."""
    tense = ctx.tense(c.start, c.end)
    prev = prev_word(ctx.text, c.start)
    if prev == "since":
        return "past"
    if prev in ("until", "till", "through", "by", "before", "to"):
        # the date is an end point, not the event: "was delayed until July 2" may look
        # forward from a past report; "has kept markets closed until Friday" does
        if tense in ("perfect", "present"):
            return "future"
        if tense == "past":
            return None
    if tense == "perfect":
        return "past"
    if tense == "present":
        return None
    return tense


def rel_sign(rel: str, unit: str = "") -> tuple[int, str]:
    """Offset and what it counts from for a relative determiner."""
    rel = re.sub(r"\s+", " ", rel.lower().strip())
    if rel.startswith(("a ", "an ")):
        return 0, "prev"
    if rel == "the" and unit == "day":
        return 0, "prev"  # "ended the day higher": the day the passage is about
    return REL_SIGNS.get(rel, (0, "ref"))


def note(ctx: Context, c: Candidate, v: Value) -> None:
    """Remember the time as the reference for anaphora that follow."""
    if v.type in ("DURATION", "SET") or v.value.endswith("_REF"):
        return
    if v.value.startswith(("XXXX", "FY")):
        return
    para = ctx.paragraph_of(c.start)
    first = v.value.split("/")[0]
    start_day = value_date(first)
    if start_day is not None:
        ctx.prev_any = Previous(
            start_day, first, c.start, ctx.sentence_of(c.start), para, v.anchor == "absolute"
        )
    m = DAY_VALUE.match(v.value)
    if m:
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return
        ctx.prev = Previous(d, v.value, c.start, ctx.sentence_of(c.start), para)
