"""Parse-tree helpers: token ranges of subtrees, noun phrases and names, subjects and agents,
and per-token facts read as plain lists for the hot loops."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import numpy as np
from spacy.attrs import (  # type: ignore[import-not-found]  # compiled, no stubs
    IDX,
    IS_PUNCT,
    IS_QUOTE,
    IS_SPACE,
    LENGTH,
    SENT_START,
)
from spacy.tokens import Doc, Token

from readout.doccache import cached
from readout.labels import dep_role, is_name_part, is_passive_subject, is_subject
from readout.lexicon import words


def role_of(tok: Token) -> str:
    """The parser-neutral role of a token's dependency label (see :func:`dep_role`)."""
    return dep_role(tok.dep_)


class TokenFlags:
    """Per-token facts as plain lists: creating spaCy Token objects dominates this stage's
    cost, so the hot loops read these instead."""

    __slots__ = (
        "ends",
        "punct",
        "quote",
        "quotes_before",
        "sent_end",
        "sent_start",
        "space",
        "starts",
    )

    def __init__(self, doc: Doc) -> None:
        arr = doc.to_array([IDX, LENGTH, IS_SPACE, IS_QUOTE, IS_PUNCT, SENT_START]).astype("int64")
        n = len(arr)
        self.starts = arr[:, 0].tolist()
        self.ends = (arr[:, 0] + arr[:, 1]).tolist()
        self.space = (arr[:, 2] != 0).tolist()
        self.quote = (arr[:, 3] != 0).tolist()
        self.punct = (arr[:, 4] != 0).tolist()
        self.quotes_before = [0, *np.cumsum(arr[:, 3] != 0).tolist()]
        # each token's sentence as token bounds (``Token.sent`` walks the sentence per call)
        firsts = np.flatnonzero(arr[:, 5] == 1)
        firsts = firsts[firsts > 0]
        k = np.searchsorted(firsts, np.arange(n), side="right")
        self.sent_start = np.concatenate([[0], firsts])[k].tolist()
        self.sent_end = np.concatenate([firsts, [n]])[k].tolist()


def token_flags(doc: Doc) -> TokenFlags:
    """The doc's :class:`TokenFlags`, computed once per document (and again should its
    tokens change)."""
    return cached(doc, f"statements.flags.{len(doc)}", lambda: TokenFlags(doc))


def token_at_or_after(doc: Doc, char: int) -> int:
    """The index of the first token starting at or after character ``char``."""
    return bisect.bisect_left(token_flags(doc).starts, char)


def char_range(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """The characters of tokens [lo, hi) (an empty range at token ``lo`` when hi <= lo)."""
    fl = token_flags(doc)
    if hi <= lo:
        return fl.starts[lo], fl.starts[lo]
    return fl.starts[lo], fl.ends[hi - 1]


def trim(doc: Doc, start: int, end: int, keep_quotes: bool = True) -> tuple[int, int]:
    """Token range [start, end) without surrounding punctuation and space (quotation marks
    kept when ``keep_quotes`` and they belong to the range)."""
    fl = token_flags(doc)
    space, punct, quote = fl.space, fl.punct, fl.quote

    def skip(i: int, keep: bool) -> bool:
        return space[i] or (punct[i] and not (keep and quote[i]))

    while start < end and skip(start, keep_quotes):
        start += 1
    while end > start and skip(end - 1, keep_quotes):
        end -= 1
    if keep_quotes and start < end:
        # a lone quotation mark at either edge belongs to an enclosing quote, not to us
        inner = fl.quotes_before[end] - fl.quotes_before[start]
        if inner % 2 == 1:
            if quote[start]:
                start += 1
            elif quote[end - 1]:
                end -= 1
        while start < end and skip(start, False):
            start += 1
        while end > start and skip(end - 1, False) and not quote[end - 1]:
            end -= 1
    return start, end


def subtree_range(tok: Token, stop: Iterable[Token] = ()) -> tuple[int, int]:
    """Token range of ``tok``'s subtree, cut short before any token in ``stop`` that it
    would otherwise swallow (the cue inside a content clause, a clause inside a subject)."""
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    for s in stop:
        if lo <= s.i < hi and s.i != tok.i:
            if s.i < tok.i:
                lo = max(lo, s.right_edge.i + 1 if s.right_edge.i < tok.i else s.i + 1)
            else:
                hi = min(hi, s.left_edge.i if s.left_edge.i > tok.i else s.i)
    return lo, hi


def dependents(tok: Token, *roles: str) -> list[Token]:
    """The children of ``tok`` in one of ``roles``, less spaces and punctuation."""
    return [c for c in tok.children if role_of(c) in roles and not (c.is_space or c.is_punct)]


def subject_of(tok: Token) -> tuple[Token | None, bool]:
    """The subject a predicate talks about, and whether it is a passive subject; climbs
    through conjuncts, open complements, participle clauses and relative clauses."""
    seen = 0
    cur: Token | None = tok
    while cur is not None and seen < 6:
        for c in cur.children:
            if is_subject(c.dep_) and not (c.is_space or c.is_punct):
                # a relative pronoun is kept: it is the words that name the speaker here,
                # and the actor is found through it (see antecedent)
                return c, is_passive_subject(c.dep_)
        role = role_of(cur)
        if role == "relative_clause":
            return cur.head, False
        if role in ("conjunct", "open_complement", "adverbial_clause", "clausal_modifier"):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            seen += 1
            continue
        break
    return None, False


def is_passive_subject_child(tok: Token) -> bool:
    """Whether ``tok`` has a passive subject."""
    return any(is_passive_subject(c.dep_) for c in tok.children)


def antecedent(tok: Token) -> Token:
    """What a relative pronoun stands for ("Fieldstone, who said" -> Fieldstone)."""
    if tok.lower_ in ("who", "which", "that") and role_of(tok.head) == "relative_clause":
        return tok.head.head
    return tok


def agent_of(tok: Token) -> Token | None:
    """The "by" phrase of a passive verb (UD obl:agent or obl+by; ClearNLP agent->pobj)."""
    for c in tok.children:
        role = role_of(c)
        if role == "agent":
            objs = [g for g in c.children if role_of(g) == "prepositional_object"]
            return objs[0] if objs else c
        if role == "oblique" and any(role_of(g) == "case" and g.lower_ == "by" for g in c.children):
            return c
    return None


def obj_of_prep(tok: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of a prepositional dependent headed by one of ``preps`` ("of", "on")."""
    for c in tok.children:
        role = role_of(c)
        if role == "preposition" and c.lower_ in preps:
            objs = [g for g in c.children if role_of(g) in ("prepositional_object", "object")]
            if objs:
                return objs[0]
        elif c.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and any(
            role_of(g) == "case" and g.lower_ in preps for g in c.children
        ):
            return c
    return None


def is_nominal(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or tok.ent_type_ != ""


def has_mark(tok: Token, words: tuple[str, ...] = ("that",)) -> bool:
    """Whether ``tok`` has a marker child among ``words`` ("that it ended")."""
    return any(role_of(c) == "marker" and c.lower_ in words for c in tok.children)


BAD_MARKS = words("adverbial_markers")


def is_content_clause(c: Token) -> bool:
    """Whether a clausal complement is something said ("that it ended", "it ended") rather
    than a misattached adverbial ("as he left", "referring to the debate")."""
    marks = [g.lower_ for g in c.children if role_of(g) == "marker"]
    if any(m in BAD_MARKS for m in marks):
        return False
    if any(m in ("that", "whether", "if") for m in marks):
        return True
    if any(is_subject(g.dep_) for g in c.children):
        return True
    return c.tag_ not in ("VBG", "VBN") and c.pos_ not in ("NOUN", "PROPN")


def name_range(head: Token) -> tuple[int, int]:
    """The head and its name parts ("Pat Caddell" in "pollster Pat Caddell")."""
    lo = hi = head.i
    for c in head.children:
        if is_name_part(c.dep_) and c.i < head.i and c.pos_ == "PROPN":
            lo = min(lo, c.i)
        if is_name_part(c.dep_) and c.i > head.i:
            hi = max(hi, c.right_edge.i)
    if head.ent_iob_ in ("B", "I"):
        doc = head.doc
        start = head.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = head.i
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
        lo, hi = min(lo, start), max(hi, end)
    return lo, hi + 1


def np_range(head: Token, cue: Token | None = None) -> tuple[int, int]:
    """The noun phrase headed by ``head``, without surrounding punctuation, kept inside its
    line and clear of the cue; a phrase the parser let sprawl is cut back to its head and the
    words before it ("the 46-year-old", not the rest of the sentence)."""
    doc = head.doc
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    if cue is not None:
        if lo <= cue.i < hi:
            if cue.i > head.i:
                hi = cue.i
            else:
                lo = cue.i + 1
    for i in range(head.i - 1, lo - 1, -1):
        if "\n" in doc[i].text:
            lo = i + 1
            break
    for i in range(head.i + 1, hi):
        if "\n" in doc[i].text:
            hi = i
            break
    if hi - lo > 14:
        hi = max(name_range(head)[1], head.i + 1)
        lo = max(lo, head.i - 8)
    return trim(doc, lo, hi, keep_quotes=False)


def cue_chars(doc: Doc, tok: Token) -> tuple[int, int]:
    """The characters of a cue word, with its particle ("point out") or "to" ("according
    to")."""
    lo = hi = tok.i
    for c in tok.children:
        if c.dep_ in ("prt", "compound:prt") and c.i == hi + 1:
            hi = c.i
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        hi = tok.i + 1
    return char_range(doc, lo, hi + 1)
