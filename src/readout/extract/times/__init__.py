"""Times: every date, time, duration and set in the article, normalised to a TIMEX3 value.

Detection is a scan of compiled regular expressions over the body text (and the dateline),
so the stage costs a small fraction of parsing; the parse is consulted only afterwards, for
the tense of the verb that governs an expression. Normalisation follows TIMEX3:
``2023-04-05``, ``2023-04-05T14:30``, ``2023-W14``, ``2023-06``, ``2023-Q2``, ``2022``,
``P2Y``, ``PT3H``, ``PRESENT_REF``, intervals ``2023-07-07/2023-07-08``, and ``XXXX-04-05``
where nothing anchors a relative expression.

Anchoring (the ``anchor`` field says which was used):

* ``absolute``: the value comes from the expression alone ("April 5, 2023", "P2Y",
  "PRESENT_REF", an unanchorable "XXXX-04-05").
* ``dateline`` / ``published``: deictic expressions ("yesterday", "last year", "Monday",
  "April 5") resolve against the dateline's date when there is one, else the publication
  date. Weekdays go to the nearest fitting day before the reference in past-tense reporting
  and after it in future-tense plans; year-less dates take the year the tense implies.
* ``previous``: anaphoric expressions ("the next day", "that evening", "the same day",
  "three days later", a bare clock time) resolve against the last day-level time earlier in
  the same passage, falling back to the reference when there is none.

MEANTIME conventions followed where they suit news: approximators ("almost two years",
"over a decade") and position modifiers ("early 2009", "the end of last year", "earlier
today") belong to the expression and keep the base value; "now", "currently", "recent(ly)"
and "later" are PRESENT_REF/PAST_REF/FUTURE_REF; the endpoints of "from 2009 to 2011" are
two expressions while a hyphenated range ("2009-2010", "July 7-8") is one interval.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from readout.extract.times.context import Context, boundaries, note, reference
from readout.extract.times.detect import merge, regions, scan, windows
from readout.extract.times.governs import TimeIndex, time_for
from readout.extract.times.rules import resolve
from readout.extract.times.tense import Annotations
from readout.model import Document, Span, Time


def extract_times(doc: Doc, document: Document) -> list[Time]:
    """The temporal expressions of ``document`` (body and dateline), in text order."""
    text = document.text
    ref, ref_anchor = reference(document)
    cands = merge(text, scan(text, windows(doc, text, regions(document))))
    if not cands:
        return []
    annotations = Annotations.of(doc)
    sents, paras = boundaries(doc, annotations, text)
    ctx = Context(doc, text, ref, ref_anchor, annotations, sents, paras)
    times: list[Time] = []
    for c in cands:
        try:
            v = resolve(c, ctx)
        except (ValueError, OverflowError):
            v = None  # a date the calendar does not have ("February 30"): no time, not no record
        if v is None:
            continue
        times.append(
            Time(
                id=f"t{len(times) + 1}",
                span=Span.of(text, c.start, c.end),
                type=v.type,
                value=v.value,
                anchor=v.anchor,
            )
        )
        note(ctx, c, v)
    return times


__all__ = ["TimeIndex", "extract_times", "time_for"]


def _debug(text: str, published: str | None = None) -> list[dict[str, Any]]:
    """Times of a text with a blank tokenizer: a quick look from a shell."""
    import spacy

    nlp = spacy.blank("en")
    doc = nlp(text)
    document = Document(id="debug", source="debug", text=text, published=published)
    return [
        {"text": t.span.text, "type": t.type, "value": t.value, "anchor": t.anchor}
        for t in extract_times(doc, document)
    ]
