"""Names that are page furniture, section headings or headline fragments, not actors.

Taggers read capitalised chrome as names: "Enlarge this image" and "Caption" (page
furniture, listed in the lexicon's ``page_furniture``), a one-word section heading alone on
its line ("Energy", "Healthcare"), and all-caps headline fragments ("MINISTER BLAMES",
"NAVY SHOOTS DOWN"), a capitalised sentence opener the tagger reads as no noun ("Earlier
Thursday, ..."). Such an actor is dropped unless the knowledge base links it or an
earlier stage (a transcript's speaker labels) gave it.

Credits are not mentions: a photographer and agency joined by a slash ("REUTERS/Ann Wang",
"Andrew Harnik/AP"), names in a line or bracket a credit word opens ("(Photo: Eduardo
Verdugo, AP)", "( Also on POLITICO: ...)", ``credit_leads``), and the agency of a dateline
("WASHINGTON (Reuters) -").
"""

from __future__ import annotations

from readout.extract.actors.context import ActorState, Context, lower_words
from readout.lexicon import words


def drop_credits(ctx: Context, a: ActorState) -> None:
    """Take the mentions that are credits or a dateline's agency out of ``a``."""
    a.actor.mentions = [m for m in a.actor.mentions if not _credit(ctx, m.start, m.end)]


def _credit(ctx: Context, start: int, end: int) -> bool:
    text = ctx.text
    if text[end : end + 1] == "/" or text[start - 1 : start] == "/":
        return True
    dateline = ctx.document.dateline
    if dateline is not None and dateline.span.start <= start and end <= dateline.span.end:
        return dateline.place is None or not (
            dateline.place.start <= start and end <= dateline.place.end
        )
    line_start = text.rfind("\n", 0, start) + 1
    opener = max(text.rfind("(", line_start, start), text.rfind("[", line_start, start))
    leads = [text[line_start:start]]
    if opener >= 0:
        leads.append(text[opener + 1 : start])
    return any(_opens_with_credit(lead) for lead in leads)


def _opens_with_credit(lead: str) -> bool:
    head, colon, _rest = lead.partition(":")
    if colon:
        return head.strip(" ([|").lower() in words("credit_leads")
    low = " ".join(lead.lower().split())
    # "Video provided by AFP", "photo by Jane Doe": the lead ends with the credit words
    return any(low == e or low.endswith(f" {e}") for e in words("credit_leads") if " by" in e)


def is_junk(ctx: Context, a: ActorState) -> bool:
    if a.entry is not None:
        return False
    name = a.actor.name.strip()
    if name.lower() in words("page_furniture"):
        return True
    if " " not in name and _every_mention_is_a_heading(ctx, a):
        return True
    if " " not in name and _never_a_noun(ctx, a):
        return True
    return _headline_fragment(ctx, name)


def _every_mention_is_a_heading(ctx: Context, a: ActorState) -> bool:
    """Each mention a line of its own ("Energy"), or an item of a menu line ("Hotels / Real
    Estate / Entertainment / Retail")."""
    text = ctx.text
    for m in a.actor.mentions:
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
        if line.rstrip(":") != m.text and not _menu_item(line, m.text):
            return False
    return bool(a.actor.mentions)


def _menu_item(line: str, name: str) -> bool:
    items = [item.strip() for item in line.split(" / ")]
    return len(items) >= 3 and name in items


def _never_a_noun(ctx: Context, a: ActorState) -> bool:
    """A one-word name the tagger reads as no noun wherever it stands ("Earlier Thursday,",
    "Sounds about right."): a capitalised sentence opener, not someone."""
    for m in a.actor.mentions:
        span = ctx.doc.char_span(m.start, m.end)
        # an untagged word (no part of speech: a pipeline without a tagger) says nothing
        if span is None or len(span) != 1 or span[0].pos_ in ("", "PROPN", "NOUN", "X", "SYM"):
            return False
    return bool(a.actor.mentions)


def _headline_fragment(ctx: Context, name: str) -> bool:
    """An all-caps name of several words, one of them a word the document also writes in
    lower case ("shoots", "down", "blames"): people's names are not written so."""
    parts = name.split()
    if len(parts) < 2 or not name.isupper():
        return False
    lower = lower_words(ctx.doc)
    return any(p.lower() in lower or p.lower() in words("small_words") for p in parts)
