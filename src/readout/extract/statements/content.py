"""Content options: every stretch the parse (and the speech tagger) offers as what a cue word
reports, typed by how it attaches, with shorter readings of each; the model's content
ranker picks among them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Token

from readout.extract.statements import tagger
from readout.extract.statements.context import Context
from readout.extract.statements.rules import according_candidate, head_content
from readout.extract.statements.syntax import (
    BAD_MARKS,
    dependents,
    is_content_clause,
    is_nominal,
    role_of,
    subject_of,
    subtree_range,
    token_at_or_after,
    token_flags,
)
from readout.labels import is_subject
from readout.lexicon import words

TEMPORAL = words("weekdays") | words("months") | words("time_nouns")
WH = words("clause_openers")
CONTENT_PREPS = words("content_prepositions")


class Option(NamedTuple):
    """A stretch the parse offers as a cue's content: how it attaches, its characters, and
    its head word's index (-1 when it has none)."""

    typ: str
    rng: tuple[int, int]
    head: int = -1


def content_options(ctx: Context, tok: Token) -> list[Option]:
    """Every stretch the parse offers as what ``tok`` reports, typed by how it attaches, and
    with the speech tagger, the stretches it reads as reported right after and right before
    the word ("tag>", "tag<"): they reach where no parse option does (held-out content F1
    +0.009 over the tagger's features alone)."""
    opts = _parse_options(ctx, tok)
    if ctx.speech is None:
        return opts
    have = {o.rng for o in opts}
    for step, typ in ((1, "tag>"), (-1, "tag<")):
        rng = _speech_run(ctx, tok.i, step)
        if rng is not None and rng not in have:
            opts.append(Option(typ, rng))
            have.add(rng)
    return opts


def _speech_run(ctx: Context, i: int, step: int) -> tuple[int, int] | None:
    """The characters of the run of tokens the tagger labels content that starts within
    five words of token ``i`` in direction ``step`` (+1 after, -1 before), bridging single
    non-cue words; it never crosses a line break."""
    sums = ctx.speech_sums()
    labels, newline, n = sums.labels, sums.newline, sums.n
    content, cue = tagger.CONTENT, tagger.CUE
    j, skipped = i + step, 0
    while 0 <= j < n and labels[j] != content and skipped < 4:
        if newline[j]:
            return None
        j, skipped = j + step, skipped + 1
    if not 0 <= j < n or labels[j] != content:
        return None
    first = j
    while 0 <= j + step < n and not newline[j + step]:
        nxt = labels[j + step]
        if nxt != content and (
            nxt == cue or not 0 <= j + 2 * step < n or labels[j + 2 * step] != content
        ):
            break
        j += step
    fl = token_flags(ctx.doc)
    lo, hi = (first, j) if step > 0 else (j, first)
    return fl.starts[lo], fl.ends[hi]


# ---------------------------------------------------------------------------------------------
# the parse's options


def _parse_options(ctx: Context, tok: Token) -> list[Option]:
    """The stretches the parse offers as what ``tok`` reports (see :func:`content_options`),
    each once, in the order they are found."""
    if tok.text == ":":
        return _colon_options(ctx, tok)
    if tok.lower_ == "according":
        return _according_options(ctx, tok)
    opts: list[Option] = []
    _add_dependent_options(ctx, tok, opts)
    if tok.pos_ in ("VERB", "AUX", "ADJ"):
        _add_subject_option(ctx, tok, opts)
        _add_args_options(ctx, tok, opts)
    if role_of(tok) in ("parataxis", "clausal_complement", "adverbial_clause"):
        rng = head_content(ctx, tok)
        if rng[1] > rng[0]:
            rng, _ = ctx.snap_to_quotes(*rng)
            opts.append(Option("head", rng, tok.head.i))
    wrap = _wrap_range(ctx, tok, opts)
    if wrap is not None:
        opts.append(Option("wrap", wrap))
    _add_quote_options(ctx, tok, opts)
    if tok.pos_ == "VERB":
        _add_sentence_options(ctx, tok, opts)
    seen: set[tuple[int, int]] = set()
    out = []
    for o in opts:
        if o.rng not in seen:
            seen.add(o.rng)
            out.append(o)
    return out


def _colon_options(ctx: Context, tok: Token) -> list[Option]:
    """A colon's option: the rest of its line ("Pat Caddell: ...")."""
    doc = ctx.doc
    p_hi = ctx.text.find("\n", tok.idx)
    rng = ctx.clip(tok, tok.i + 1, len(doc) if p_hi < 0 else token_at_or_after(doc, p_hi))
    if rng[1] > rng[0]:
        return [Option("colon>", ctx.snap_to_quotes(*rng)[0])]
    return []


def _according_options(ctx: Context, tok: Token) -> list[Option]:
    """ "according to X": the rule's reading, and the sentence on either side of the
    phrase."""
    cand = according_candidate(ctx, tok)
    if cand is None:
        return []
    doc = ctx.doc
    fl = token_flags(doc)
    sent_start, sent_end = fl.sent_start[tok.i], fl.sent_end[tok.i]
    opts = [Option("rest", cand.content)]
    src_end = token_at_or_after(doc, cand.source[1]) if cand.source else tok.i + 2
    for typ, lo, hi in (("rest<", sent_start, tok.i), ("rest>", src_end, sent_end)):
        rng = ctx.clip(tok, lo, hi)
        if rng[1] - rng[0] > 1 and rng != cand.content:
            opts.append(Option(typ, ctx.snap_to_quotes(*rng)[0]))
    return opts


def _dependent_type(tok: Token, c: Token) -> tuple[str, Token] | None:
    """How dependent ``c`` of ``tok`` attaches as content, and the head of that content (the
    object of a preposition); None when it is no content."""
    role = role_of(c)
    if role == "clausal_complement":
        return "ccomp", c
    if role == "open_complement":
        return "xcomp", c
    if role in ("adverbial_clause", "parataxis") and c.pos_ in ("VERB", "AUX", "ADJ"):
        return ("advcl" if role == "adverbial_clause" else "para"), c
    if role == "object":
        return "obj", c
    if role == "clausal_modifier" and tok.pos_ == "NOUN":
        return "acl", c
    if role == "preposition" and c.lower_ in CONTENT_PREPS:
        objs = [g for g in c.children if role_of(g) in ("prepositional_object", "object")]
        if objs:
            return f"pp:{c.lower_}", objs[0]
    elif is_nominal(c) or c.pos_ == "VERB":
        cases = [g for g in c.children if role_of(g) in ("case", "marker") and g.i < c.i]
        if cases and cases[0].lower_ in CONTENT_PREPS and role != "subject":
            return f"pp:{cases[0].lower_}", c
    return None


def _add_dependent_options(ctx: Context, tok: Token, opts: list[Option]) -> None:
    """The subtree of each dependent that attaches as content, with its shorter readings."""
    doc = ctx.doc
    for c in tok.children:
        if c.is_space or c.is_punct:
            continue  # the parser sometimes hangs a line break on a verb as its subject
        found = _dependent_type(tok, c)
        if found is None:
            continue
        typ, head = found
        if head.lemma_.lower() in TEMPORAL:
            continue
        lo, hi = subtree_range(head, stop=[tok])
        if typ.startswith("pp:") and head.i == c.i:
            while lo < hi and role_of(doc[lo]) in ("case", "marker") and doc[lo].i < c.i:
                lo += 1
        rng = ctx.clip(tok, lo, hi)
        if rng[1] <= rng[0]:
            continue
        rng, _ = ctx.snap_to_quotes(*rng)
        if typ == "ccomp" and not is_content_clause(c):
            typ = "ccomp-"
        opts.append(Option(typ, rng, head.i))
        _add_cuts(ctx, tok, opts, typ, head, lo, hi, rng)


def _add_subject_option(ctx: Context, tok: Token, opts: list[Option]) -> None:
    """What a passive or a verb of seeming is about: "Sanders' stridency was echoed by"."""
    subj, passive = subject_of(tok)
    if subj is not None and subj.i < tok.i and subj.pos_ != "PRON":
        lo, hi = subtree_range(subj, stop=[tok])
        rng = ctx.clip(tok, lo, hi)
        if rng[1] > rng[0]:
            opts.append(Option("psubj" if passive else "subj", rng, subj.i))


def _add_args_options(ctx: Context, tok: Token, opts: list[Option]) -> None:
    """The run of the word's arguments after it (see :func:`_args_range`)."""
    args = _args_range(tok)
    if args is None:
        return
    lo, hi, last = args
    rng = ctx.clip(tok, lo, hi)
    if rng[1] > rng[0]:
        rng = ctx.snap_to_quotes(*rng)[0]
        opts.append(Option("args", rng, last.i))
        _add_cuts(ctx, tok, opts, "args", last, lo, hi, rng)


def _add_quote_options(ctx: Context, tok: Token, opts: list[Option]) -> None:
    """The quotations the word's frame introduces."""
    quotes = ctx.quote_runs().get(tok.i)
    if not quotes:
        return
    opts.append(Option("quote", (quotes[0].start, quotes[-1].end)))
    # a frame between the quotations may start a report of its own ("'A,' she said,
    # adding that B is 'C.'"): the quotations before the cue are an option of their own
    before = [q for q in quotes if q.end <= tok.idx]
    if before and len(before) < len(quotes):
        opts.append(Option("quote<", (before[0].start, before[-1].end)))


def _add_sentence_options(ctx: Context, tok: Token, opts: list[Option]) -> None:
    """The rest of the sentence, for the parses that lose the complement: from the first
    wh-word or "that" after the verb, all of it after the verb, and all of it before the
    verb and its subject."""
    doc = ctx.doc
    fl = token_flags(doc)
    sent_start, sent_end = fl.sent_start[tok.i], fl.sent_end[tok.i]
    for j in range(tok.i + 1, min(sent_end, tok.i + 15)):
        if doc[j].lower_ in WH:
            rng = ctx.clip(tok, j, sent_end)
            if rng[1] > rng[0]:
                opts.append(Option("wh>", ctx.snap_to_quotes(*rng)[0], j))
            break
    rng = ctx.clip(tok, tok.i + 1, sent_end)
    if rng[1] - rng[0] > 1:
        opts.append(Option("sent>", ctx.snap_to_quotes(*rng)[0]))
    subj, _ = subject_of(tok)
    start = min(tok.i, subj.left_edge.i) if subj is not None else tok.i
    rng = ctx.clip(tok, sent_start, start)
    if rng[1] - rng[0] > 1:
        opts.append(Option("sent<", ctx.snap_to_quotes(*rng)[0]))


# ---------------------------------------------------------------------------------------------
# wider and shorter readings


def _wrap_range(ctx: Context, tok: Token, opts: Sequence[Option]) -> tuple[int, int] | None:
    """A frame set off inside what it reports ("If it rains, the campaign said, it will
    wait"; "The talks were long, she said, lasting into the night"), or a verb of seeming
    between its subject and complement: the whole stretch around it, frame included. Such
    content is one attribution in two pieces on both sides of the frame, and the stretch
    over both fits it far better than either piece."""
    if tok.pos_ not in ("VERB", "AUX", "ADJ") or not opts:
        return None
    subj = next((c for c in tok.children if is_subject(c.dep_)), None)
    xcomp = next((c for c in dependents(tok, "open_complement") if c.i > tok.i), None)
    if subj is not None and subj.i < tok.i and xcomp is not None:
        # a verb of seeming or expecting between its subject and complement ("The deal
        # seemed to collapse", "He is expected to win"): the subject and the complement
        rng = ctx.clip(tok, subj.left_edge.i, xcomp.right_edge.i + 1)
        if rng[0] < tok.idx < rng[1]:
            return ctx.snap_to_quotes(*rng)[0]
        return None
    if tok.pos_ == "ADJ":
        return None
    return _frame_wrap(ctx, tok, subj)


def _frame_wrap(ctx: Context, tok: Token, subj: Token | None) -> tuple[int, int] | None:
    """The stretch around a frame set off by a comma or dash inside what it reports."""
    doc = ctx.doc
    f_lo = min(tok.i, subj.left_edge.i) if subj is not None else tok.i
    if f_lo < 2 or doc[f_lo - 1].text not in (",", "—", "–"):
        return None
    after = [
        c
        for c in tok.children
        if c.i > tok.i
        and role_of(c) in ("clausal_complement", "parataxis", "adverbial_clause")
        and not c.is_punct
    ]
    if after:
        lo, hi = tok.left_edge.i, max(c.right_edge.i for c in after) + 1
    elif role_of(tok) in ("parataxis", "adverbial_clause") and tok.head.i != tok.i:
        h = tok.head
        lo = min(h.left_edge.i, tok.left_edge.i)
        hi = max(h.right_edge.i, tok.right_edge.i) + 1
    else:
        return None
    # words on both sides of the frame, the later ones past a comma after the cue
    if lo >= f_lo - 1 or not any(doc[j].text == "," for j in range(tok.i + 1, hi - 1)):
        return None
    rng = ctx.clip(tok, lo, hi)
    if rng[1] <= rng[0] or rng[0] >= doc[f_lo].idx or rng[1] <= tok.idx + len(tok.text):
        return None
    return ctx.snap_to_quotes(*rng)[0]


_SET_OFF = frozenset((",", "—", "–", "-", ";", "("))
_ARG_ROLES = frozenset(
    (
        "object",
        "indirect_object",
        "open_complement",
        "clausal_complement",
        "oblique",
        "preposition",
        "adverbial_clause",
    )
)
_ARG_STOP = frozenset(("conjunct", "coordinator", "parataxis", "relative_clause"))
_TAIL_ROLES = frozenset(
    ("adverbial_clause", "parataxis", "relative_clause", "clausal_modifier", "apposition")
)


def _add_cuts(
    ctx: Context,
    tok: Token,
    opts: list[Option],
    typ: str,
    head: Token,
    lo: int,
    hi: int,
    rng: tuple[int, int],
) -> None:
    """Shorter readings of the option ``typ`` over tokens [lo, hi): without a trailing
    clause of its head set off by punctuation ("<"), without a coordinated clause of its
    head ("&": "that he would not X[, and Y ...]"), and without the first trailing clause
    set off anywhere inside it ("<<": "to give me a fair sentence[, which ...]")."""
    seen = {rng}
    for suffix, end in (
        ("<", _core_end(head, lo, hi)),
        ("&", _conj_end(head, lo, hi)),
        ("<<", _deep_end(head, lo, hi)),
    ):
        if end is None:
            continue
        crng = ctx.clip(tok, lo, end)
        if crng[1] <= crng[0]:
            continue
        crng = ctx.snap_to_quotes(*crng)[0]
        if crng not in seen:
            seen.add(crng)
            opts.append(Option(typ + suffix, crng, head.i))


def _conj_end(head: Token, lo: int, hi: int) -> int | None:
    """Where ``head``'s phrase ends before its first coordinated clause (a verb conjunct),
    or None when it has none inside [lo, hi)."""
    for c in head.children:
        if c.i <= head.i or role_of(c) != "conjunct" or c.pos_ not in ("VERB", "AUX"):
            continue
        start = c.left_edge.i
        if lo < start < hi and start > head.i:
            return start
    return None


def _deep_end(head: Token, lo: int, hi: int) -> int | None:
    """The start of the first clause set off by punctuation that hangs anywhere after
    ``head`` in [lo, hi) (a relative clause on the object's noun, an apposition), or None."""
    doc = head.doc
    for t in doc[head.i + 1 : hi]:
        if role_of(t) not in _TAIL_ROLES or t.head.i < lo or t.head.i >= hi:
            continue
        start = t.left_edge.i
        if start <= head.i or start >= hi:
            continue
        if doc[start].text in _SET_OFF or (start > lo and doc[start - 1].text in _SET_OFF):
            return start
    return None


def _core_end(head: Token, lo: int, hi: int) -> int | None:
    """Where ``head``'s phrase ends without a trailing clause set off by a comma or dash
    ("all staffers sign NDAs[, though she did not ...]"; "a letter of apology[ that he ...]"),
    or None when it has no such tail."""
    doc = head.doc
    for c in head.children:
        if c.i <= head.i or role_of(c) not in _TAIL_ROLES:
            continue
        start = c.left_edge.i
        if start <= head.i or start >= hi:
            continue
        if (
            role_of(c) == "relative_clause"
            or doc[start].text in _SET_OFF
            or (start > lo and doc[start - 1].text in _SET_OFF)
        ):
            return start
    return None


def _args_range(tok: Token) -> tuple[int, int, Token] | None:
    """The run of a verb's arguments after it, up to the first one set off by punctuation or
    a coordinated clause: "accused [Holt of being a Democrat], though ...", "described
    [Mr. Obama as a climate evangelist] when ..."; None with fewer than two arguments (one
    is an option of its own)."""
    doc = tok.doc
    lo = hi = -1
    last: Token | None = None
    n = 0
    for c in tok.children:
        if c.i <= tok.i or c.is_space:
            continue
        role = role_of(c)
        if c.is_punct or role in _ARG_STOP:
            if n:
                break
            continue
        if role not in _ARG_ROLES or c.lemma_.lower() in TEMPORAL:
            if n:
                break
            continue
        if role == "adverbial_clause" and any(
            role_of(g) == "marker" and g.lower_ in BAD_MARKS for g in c.children
        ):
            break
        start = max(c.left_edge.i, tok.i + 1)
        if n and doc[start - 1].text in _SET_OFF:
            break
        if not n:
            lo = start
        hi = c.right_edge.i + 1
        last = c
        n += 1
    if n < 2 or last is None:
        return None
    return lo, hi, last
