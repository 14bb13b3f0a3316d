"""Names that are page furniture, section headings or headline fragments, not actors.

Taggers read capitalised chrome as names: "Enlarge this image" and "Caption" (page
furniture, listed in the lexicon's ``page_furniture``), a one-word section heading alone on
its line ("Energy", "Healthcare"), and all-caps headline fragments ("MINISTER BLAMES",
"NAVY SHOOTS DOWN"). Such an actor is dropped unless the knowledge base links it or an
earlier stage (a transcript's speaker labels) gave it.
"""

from __future__ import annotations

from readout.extract.actors.context import ActorState, Context, lower_words
from readout.lexicon import words


def is_junk(ctx: Context, a: ActorState) -> bool:
    if a.entry is not None:
        return False
    name = a.actor.name.strip()
    if name.lower() in words("page_furniture"):
        return True
    if " " not in name and _every_mention_is_a_heading(ctx, a):
        return True
    return _headline_fragment(ctx, name)


def _every_mention_is_a_heading(ctx: Context, a: ActorState) -> bool:
    text = ctx.text
    for m in a.actor.mentions:
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if line.strip().rstrip(":") != m.text:
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
