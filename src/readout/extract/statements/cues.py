"""Cues: the lexicon of cue words (``readout/lexicon/cues.txt``), and the cues the words
around a quotation give it ("..., X said."; "X said:"; "― Name"; "Caddell continued:" closing
the paragraph before; "Name:" opening a line), with the speaker next to such a cue."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from readout.extract.statements.quotes import Quote
from readout.extract.statements.syntax import role_of, token_at_or_after
from readout.lexicon import entries

if TYPE_CHECKING:  # the context holds the lexicon; these functions only read it
    from readout.extract.statements.context import Context

# ---------------------------------------------------------------------------------------------
# lexicon


@functools.cache
def load_cues() -> dict[str, frozenset[str]]:
    """The cue lexicon shipped with the package (``readout/lexicon/cues.txt``): lemma -> its
    classes."""
    out: dict[str, set[str]] = {}
    for line in entries("cues"):
        lemma, classes = line.split(None, 1)
        out.setdefault(lemma.replace("_", " "), set()).update(c.strip() for c in classes.split(","))
    return {k: frozenset(v) for k, v in out.items()}


NO_CLASSES: frozenset[str] = frozenset()


@functools.cache
def phrasal_heads() -> frozenset[str]:
    """Verbs that head a multi-word lexicon entry ("point" of "point out")."""
    return frozenset(k.split(" ", 1)[0] for k in load_cues() if " " in k)


def word_classes(cues: dict[str, frozenset[str]], tok: Token) -> frozenset[str]:
    """The lexicon classes of a word ("point out" as a whole when it has the particle)."""
    lemma = tok.lemma_.lower()
    found = cues.get(lemma, NO_CLASSES)
    if lemma in phrasal_heads():
        for c in tok.children:
            if c.dep_ in ("prt", "compound:prt"):
                found = cues.get(f"{lemma} {c.lower_}", found)
                break
    return found


# ---------------------------------------------------------------------------------------------
# a quotation's frame


_SENT_END = frozenset(".!?")
_DASHES = frozenset(("―", "—", "–", "-"))


def frame_cue(ctx: Context, q: Quote) -> Token | None:
    """The cue of a quotation from the words around it: "..., X said." after it,
    "X said:" before it, or "― Name" after it."""
    cue = _cue_after(ctx, q)
    if cue is not None:
        return cue
    before = _words_before(ctx, q)
    if before:
        return _cue_before(ctx, before)
    return _colon_lead_in(ctx, q)


def _words_after(ctx: Context, q: Quote) -> list[Token]:
    """The words after a quotation, up to the end of the sentence, the next quotation or the
    paragraph's end."""
    doc = ctx.doc
    out: list[Token] = []
    first = token_at_or_after(doc, q.end)
    if first > 0 and doc[first - 1].idx < q.end < doc[first - 1].idx + len(doc[first - 1].text):
        first -= 1  # the closing mark glued to what follows ("”―" as one token)
    for i in range(first, len(doc)):
        t = doc[i]
        if "\n" in t.text or (ctx.quote_at(t.idx) is not None and t.i != first):
            break
        if t.is_space:
            continue
        out.append(t)
        # a long subject ("..., Scott Pruitt, the attorney general of Oklahoma, said") still
        # frames the quote
        if (t.text in _SENT_END and len(out) > 1) or len(out) > 30:
            break
    return out


def _cue_after(ctx: Context, q: Quote) -> Token | None:
    """ "'...,' X said" and "'...' ― Name": the cue after a quotation that ends a clause."""
    after = _words_after(ctx, q)
    # the quotation must end a clause ("...,” he said"), not sit in one ("“quack” cures")
    inner = ctx.text[q.start : q.end].rstrip("\"'”’»›")
    inner_end = inner[-1:] if len(inner) > 1 else ""
    boundary = inner_end in (",", ".", "!", "?", "—", "–", "-", "…") or (
        bool(after) and after[0].text in (",", ".", ";", "―", "—", "–", "-")
    )
    if not (boundary and after):
        return None
    if dash_cue(after[0]) and len(after) > 1:
        nxt = after[1]
        if nxt.pos_ == "PROPN" or nxt.is_title:
            return after[0]
    for k, t in enumerate(after):
        classes = ctx.classes(t)
        if t.pos_ in ("VERB", "AUX") and ("speech" in classes or "relay" in classes):
            return t
        if t.pos_ == "VERB" and not (
            # a verb inside the speaker's noun phrase ("the states suing the EPA", "who
            # helmed the DNC") does not end the frame
            role_of(t) in ("relative_clause", "clausal_modifier")
            and k > 0
            and t.head.i >= after[0].i
        ):
            break
        if k >= 12 and t.text in (".", ";"):
            break
    return None


def _words_before(ctx: Context, q: Quote) -> list[Token]:
    """The words right before a quotation within its sentence and paragraph, nearest first."""
    doc = ctx.doc
    out: list[Token] = []
    i = token_at_or_after(doc, q.start) - 1
    while i >= 0:
        t = doc[i]
        if "\n" in t.text:
            break
        if ctx.quote_at(t.idx) is not None:
            break
        if t.text in _SENT_END:
            break
        out.append(t)
        i -= 1
        if len(out) > 25:
            break
    return out


def _cue_before(ctx: Context, before: list[Token]) -> Token | None:
    """ "X said:" or "X said," right before the quotation."""
    if before[0].text in (":", ","):
        for t in before:
            if t.pos_ in ("VERB", "AUX") and "speech" in ctx.classes(t):
                return t
    return None


def _colon_lead_in(ctx: Context, q: Quote) -> Token | None:
    """A colon lead-in that closes the previous paragraph ("Caddell continued:", "At the
    rally, the president made these claims:")."""
    doc = ctx.doc
    j = token_at_or_after(doc, q.start) - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j].text != ":" or ctx.text[doc[j].idx + 1 : q.start].strip() != "":
        return None
    k = j - 1
    while k >= 0 and not doc[k].is_space and "\n" not in doc[k].text:
        t = doc[k]
        if t.text in _SENT_END:
            break
        if t.pos_ in ("VERB", "AUX") and "speech" in ctx.classes(t):
            return t
        if t.pos_ == "NOUN" and "nominal" in ctx.classes(t) and "weak" not in ctx.classes(t):
            # "the president made these claims:", "issued the following statement:": the
            # light verb that carries the noun is the cue, the noun where there is none
            head = t.head
            return head if head.pos_ == "VERB" and "express" in ctx.classes(head) else t
        k -= 1
    return None


def dash_cue(tok: Token) -> bool:
    """A dash before a name ("― Sonya Herridge"), possibly glued to the closing mark."""
    return tok.text.lstrip("\"'”’»›") in _DASHES


def colon_speaker(doc: Doc, colon: Token) -> tuple[int, int] | None:
    """The token range of a name opening its line before a colon ("Pat Caddell: ..."),
    for headlines and interview lines; None when the colon follows anything else."""
    i = colon.i - 1
    while (
        i >= 0
        and (doc[i].pos_ == "PROPN" or (doc[i].is_upper and doc[i].is_alpha))
        and "\n" not in doc[i].text
        and colon.i - i <= 4
    ):
        i -= 1  # transcripts write the name in capitals ("WALLACE:"), parsed as a noun
    start = i + 1
    if start == colon.i:
        return None
    if i >= 0 and doc[i].is_quote and (i == 0 or "\n" in doc[i - 1].text):
        i -= 1  # a transcript line opened with a quotation mark ('"PENCE: Well, ...')
    if i >= 0 and "\n" not in doc[i].text:
        return None
    if colon.i + 1 >= len(doc) or "\n" in doc[colon.i + 1].text:
        return None
    return start, colon.i


def frame_subject(ctx: Context, cue: Token) -> Token | None:
    """The speaker next to a quotation's cue when the parse did not give it a subject:
    the noun phrase between quotation and cue (", Mr. Hedge said") or right after the cue
    (", said Robert Antonacci")."""
    doc = ctx.doc

    def nominal(t: Token) -> bool:
        return t.pos_ in ("PROPN", "NOUN", "PRON") and ctx.quote_at(t.idx) is None

    i = cue.i - 1
    before: list[Token] = []
    while i >= 0 and not doc[i].is_punct and "\n" not in doc[i].text and len(before) < 8:
        before.append(doc[i])
        i -= 1
    heads = [t for t in before if nominal(t) and not (before and t.head.i in {b.i for b in before})]
    if heads:
        return heads[0]
    for t in doc[cue.i + 1 : min(len(doc), cue.i + 8)]:
        if t.is_punct or "\n" in t.text:
            break
        if nominal(t):
            if t.head.i == cue.i and role_of(t) in ("object", "indirect_object"):
                return None  # "thank you": what the cue acts on, not who speaks
            while t.head.i != t.i and t.head.i > cue.i and nominal(t.head):
                t = t.head
            return t
    return None


# ---------------------------------------------------------------------------------------------
# runs of quotations one cue introduces


def quote_runs(ctx: Context) -> dict[int, list[Quote]]:
    """Cue token -> the quotations it introduces: the ones its frame names, and the
    ones after them in the same paragraph that have no cue of their own
    ("'A,' she said. 'B.'" is one statement)."""
    runs: dict[int, list[Quote]] = {}
    frame = ctx.frame_cues()
    owner: int | None = None
    for q in ctx.quotes:
        cue = frame.get(q)
        if cue is not None:
            owner = cue.i
            runs.setdefault(owner, []).append(q)
            continue
        if owner is None:
            continue
        last = runs[owner][-1]
        gap = ctx.text[last.end : q.start]
        if "\n" in gap:
            if not _next_paragraph_quote(ctx.text, last, q):
                owner = None
                continue
        elif not _gap_is_frame(ctx.doc, last.end, q.start, owner):
            owner = None
            continue
        runs[owner].append(q)
    return runs


def _next_paragraph_quote(text: str, last: Quote, q: Quote) -> bool:
    """Whether ``q`` is a whole paragraph of quotation, with no frame of its own, right
    after the paragraph of ``last``: news writing carries one speaker's words on across
    paragraphs that way ("'A,' she said in an interview. / 'B.'")."""
    gap = text[last.end : q.start]
    # only the rest of last's paragraph (its frame) and one paragraph break in between
    if gap.strip(" \t\n\r\u00a0") != gap.split("\n", 1)[0].strip(" \t\u00a0"):
        return False
    if text[text.rfind("\n", 0, q.start) + 1 : q.start].strip():
        return False
    p_hi = text.find("\n", q.end)
    rest = text[q.end : len(text) if p_hi < 0 else p_hi]
    return not rest.strip(" \t\r\u00a0.,")


def _gap_is_frame(doc: Doc, lo: int, hi: int, cue_i: int) -> bool:
    """Whether the words between two quotations are only the first one's attribution
    (no verb other than its cue)."""
    cue = doc[cue_i]
    inside = range(cue.left_edge.i, cue.right_edge.i + 1)
    for t in doc[token_at_or_after(doc, lo) : token_at_or_after(doc, hi)]:
        # words hanging off the cue ("he said, looking at them"; "said Ms. Leon, who
        # works as a secretary") still frame it
        if t.pos_ == "VERB" and t.i != cue_i and not (t.i in inside and cue.is_ancestor(t)):
            return False
    return True
