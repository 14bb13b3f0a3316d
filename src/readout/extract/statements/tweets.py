"""Embedded tweets: a paragraph that a page's tweet embed ends with the author's name,
handle and date ("... #DrainTheSwamp — Donald J. Trump (@realDonaldTrump) March 17, 2018").

News pages paste the embed's text inline with no reporting verb, so neither the rules nor
the model see a statement there; on news-4k nine in ten such tweets had none. Each becomes
a direct statement whose speaker is the named author and whose cue is the dash before the
name (the same "― Name" attribution a quotation's frame may have).
"""

from __future__ import annotations

import re

from readout.extract.statements.context import Candidate, Context
from readout.extract.statements.syntax import token_at_or_after

_TWEET = re.compile(
    r"^[ \t]*(?P<content>[^\n]*?\S)[ \t]*(?P<dash>[—–―]|--?)[ \t]*"
    r"(?P<name>[^()\n—–―]{2,60}?)[ \t]*\(@\w{1,15}\)[ \t]*"
    r"(?:[A-Z][a-z]+\.?[ \t]+\d{1,2},?[ \t]+\d{4})?[ \t]*$",
    re.M,
)


def tweet_candidates(ctx: Context, lo: int, hi: int, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with a statement for each embedded tweet in ``[lo, hi)`` that no candidate
    already reports (a frame such as "Trump tweeted:" names the tweet it introduces)."""
    doc, text = ctx.doc, ctx.text
    out = list(cands)
    for m in _TWEET.finditer(text, lo, hi):
        c_lo, c_hi = m.span("content")
        if len(text[c_lo:c_hi].split()) < 3 or _reported(out, c_lo, c_hi):
            continue
        n_lo, n_hi = m.span("name")
        name_last = token_at_or_after(doc, n_hi) - 1
        dash = token_at_or_after(doc, m.start("dash"))
        if (
            not (0 <= name_last < len(doc) and dash < len(doc))
            or not doc[name_last].text[:1].isupper()
        ):
            continue
        out.append(
            Candidate(
                cue=m.span("dash"),
                cue_tok=dash,
                content=(c_lo, c_hi),
                source=(n_lo, n_hi),
                source_head=name_last,
                direct=True,
                origin="tweet",
            )
        )
    return out


def _reported(cands: list[Candidate], lo: int, hi: int) -> bool:
    """Whether a candidate framed outside the tweet ("Trump tweeted: ...") reports most of
    ``[lo, hi)`` already; one whose cue is inside the tweet's words is a report the tweet
    makes, nested in it."""
    for c in cands:
        overlap = min(hi, c.content[1]) - max(lo, c.content[0])
        if overlap > 0.6 * (hi - lo) and not lo <= c.cue[0] < hi:
            return True
    return False
