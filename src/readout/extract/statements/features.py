"""The learned half's inputs: the words the model judges (:func:`model_tokens`), their
content options (:func:`content_options`), the features of a cue word
(:func:`cue_features`) and of a (cue, option) pair (:func:`content_features`), and the
speech tagger's input rows (:func:`speech_rows`). Training (``training/statements``)
builds its examples from these names only, over a :class:`Context`."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np
from spacy.attrs import IDX, LEMMA, LOWER, POS, SENT_START  # type: ignore[import-not-found]
from spacy.symbols import ADJ, NOUN, VERB  # type: ignore[import-not-found]
from spacy.tokens import Doc, Token

from readout.extract.statements import tagger
from readout.extract.statements.content import CONTENT_PREPS, WH, Option, content_options
from readout.extract.statements.context import Context, fifths
from readout.extract.statements.cues import colon_speaker, phrasal_heads
from readout.extract.statements.quotes import QUOTE_CHARS
from readout.extract.statements.speakers import PERSON_NOUNS
from readout.extract.statements.syntax import (
    dependents,
    has_mark,
    is_nominal,
    role_of,
    subject_of,
    token_at_or_after,
    token_flags,
)
from readout.labels import entity_kind
from readout.lexicon import words

__all__ = [
    "Context",
    "Option",
    "content_features",
    "content_options",
    "cue_features",
    "model_tokens",
    "speech_rows",
]

_JUDGED_POS = np.array([VERB, NOUN, ADJ], dtype="uint64")


def model_tokens(ctx: Context, lo: int, hi: int) -> list[Token]:
    """The words the model judges: verbs, nouns that take a clause or an "of" phrase, and
    "according"."""
    doc = ctx.doc
    out = []
    arr = doc.to_array([POS, LOWER, IDX])
    strings = doc.vocab.strings
    maybe = (
        (
            np.isin(arr[:, 0], _JUDGED_POS)
            | (arr[:, 1] == strings.add("according"))
            | (arr[:, 1] == strings.add(":"))
        )
        & (arr[:, 2] >= lo)
        & (arr[:, 2] < hi)
    )
    for i in np.flatnonzero(maybe).tolist():  # Token objects only for the few that may count
        tok = doc[i]
        if tok.pos_ == "VERB" or tok.lower_ == "according":
            out.append(tok)
        elif tok.pos_ in ("NOUN", "ADJ") and (
            "nominal" in ctx.classes(tok) or any(_takes_content(c) for c in tok.children)
        ):
            # "the claim that", "support for", "swipes at", "eager to", "critical of"
            out.append(tok)
        elif tok.text == ":" and colon_speaker(doc, tok) is not None:
            out.append(tok)
    return out


def _takes_content(c: Token) -> bool:
    role = role_of(c)
    if role in ("clausal_complement", "clausal_modifier", "open_complement"):
        return True
    if role == "preposition":
        return c.lower_ in CONTENT_PREPS
    return is_nominal(c) and any(
        role_of(g) == "case" and g.lower_ in CONTENT_PREPS and g.i < c.i for g in c.children
    )


# ---------------------------------------------------------------------------------------------
# the cue model


def _subject_kind(tok: Token) -> tuple[Token | None, str, bool]:
    subj, passive = subject_of(tok)
    if subj is None:
        return None, "none", passive
    if subj.pos_ == "PRON":
        return subj, "pron:" + subj.lower_, passive
    if subj.ent_type_:
        return subj, "ent:" + entity_kind(subj.ent_type_), passive
    if subj.lemma_.lower() in PERSON_NOUNS:
        return subj, "person", passive
    return subj, subj.pos_.lower(), passive


def cue_features(ctx: Context, tok: Token, opts: Sequence[Option]) -> list[str]:
    """Features of one candidate cue word for the linear cue model."""
    lemma = tok.lemma_.lower()
    classes = sorted(ctx.classes(tok)) or ["none"]
    role = role_of(tok)
    f = _word_features(tok, lemma, classes, role)
    f += _dependent_features(tok, lemma, classes, opts)
    f += _child_features(tok, lemma)
    f += _neighbour_features(ctx.doc, tok, lemma, role)
    f += _place_features(ctx, tok, lemma, classes)
    if ctx.speech is not None:
        f += _speech_cue_features(ctx, tok.i)
    return f


def _word_features(tok: Token, lemma: str, classes: list[str], role: str) -> list[str]:
    """The word itself, its lexicon classes, and the kind of its subject."""
    f = ["bias", f"l={lemma}", f"pos={tok.pos_}", f"dep={role}", f"suf={tok.lower_[-3:]}"]
    f += [f"c={c}" for c in classes]
    f.append(f"tag={tok.tag_}")
    _, sk, passive = _subject_kind(tok)
    f += [f"subj={sk.split(':')[0]}", f"subjx={sk}", f"l={lemma}|subj={sk.split(':')[0]}"]
    if passive:
        f += ["passive", f"l={lemma}|passive"]
    return f


def _dependent_features(
    tok: Token, lemma: str, classes: list[str], opts: Sequence[Option]
) -> list[str]:
    """The roles of the word's dependents and the kinds of content option it has."""
    f: list[str] = []
    roles = sorted({role_of(c) for c in tok.children} - {"other"})
    for r in roles:
        f.append(f"ch={r}")
        f.append(f"l={lemma}|ch={r}")
        f += [f"c={c}|ch={r}" for c in classes]
    for typ in sorted({o.typ for o in opts}):
        f += [f"has={typ}", f"l={lemma}|has={typ}", f"pos={tok.pos_}|has={typ}"]
        f += [f"c={c}|has={typ}" for c in classes]
    if not opts:
        f.append("noopt")
    return f


def _child_features(tok: Token, lemma: str) -> list[str]:
    """The words of the word's dependents: auxiliaries, markers, particles, objects,
    prepositions."""
    f: list[str] = []
    for c in tok.children:
        r = role_of(c)
        if r in ("auxiliary", "passive_auxiliary"):
            f.append(f"aux={c.lower_}")
        elif r == "marker":
            f.append(f"mark={c.lower_}")
        elif c.dep_ in ("prt", "compound:prt"):
            f.append(f"prt={lemma}_{c.lower_}")
        elif r == "object":
            f += [f"l={lemma}|obj={c.lemma_.lower()}", f"obj={c.lemma_.lower()}"]
        elif r == "open_complement":
            f.append(f"l={lemma}|xc={c.lemma_.lower()}")
        elif r == "preposition" or (r in ("oblique", "other") and c.i > tok.i):
            case = (
                c.lower_
                if r == "preposition"
                else next((g.lower_ for g in c.children if role_of(g) == "case"), "")
            )
            if case:
                f.append(f"l={lemma}|pp={case}")
    if any(has_mark(c) for c in tok.children):
        f.append("that")
    return f


def _neighbour_features(doc: Doc, tok: Token, lemma: str, role: str) -> list[str]:
    """The word's head, and the two words on either side of it."""
    f: list[str] = []
    if tok.head.i != tok.i:
        f += [f"hl={tok.head.lemma_.lower()}", f"dep={role}|hpos={tok.head.pos_}"]
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else "<s>"
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "</s>"
    prev2 = doc[tok.i - 2].lower_ if tok.i > 1 else "<s>"
    nxt2 = doc[tok.i + 2].lower_ if tok.i + 2 < len(doc) else "</s>"
    f += [f"p1={prev}", f"n1={nxt}", f"l={lemma}|n1={nxt}", f"p2={prev2}", f"n2={nxt2}"]
    f += [f"l={lemma}|p1={prev}"]
    return f


def _place_features(ctx: Context, tok: Token, lemma: str, classes: list[str]) -> list[str]:
    """Where the word stands: in a quotation, framing one, first of its sentence, a colon
    after a name, under another report."""
    doc = ctx.doc
    f: list[str] = []
    if ctx.in_quote(tok):
        f += ["inq", f"c={classes[0]}|inq"]
    if tok.i in ctx.quote_runs():
        f += ["frame", f"l={lemma}|frame"]
    if tok.is_sent_start:
        f.append("first")
    if tok.text == ":":
        # "Lynch: No outside influence ...": a person's name before a colon in the headline
        # is a claim; later in the text such colons also open lists and labels
        sp = colon_speaker(doc, tok)
        where = "head" if "\n" not in ctx.text[: tok.idx] else "body"
        ent = entity_kind(doc[sp[1] - 1].ent_type_) if sp and doc[sp[1] - 1].ent_type_ else "-"
        f += [f"colon={where}", f"colon={where}|ent={ent}"]
    under = _reported_under(ctx, tok)
    if under is not None and not ctx.classes(tok) & _SPEECH_CLASSES:
        # a plain verb inside what a speech verb reports ("insisted that he refuses to
        # divulge"): part of the report, not a report of its own; speech words keep nesting
        f += [f"under={under}", f"under={under}|pos={tok.pos_}"]
    return f


_SPEECH_CLASSES = frozenset(("speech", "cognition", "addressee", "weak"))


def _reported_under(ctx: Context, tok: Token) -> str | None:
    """How ``tok`` hangs below the nearest lexicon cue among its ancestors (within three
    steps): the role of the path's top word ("clausal_complement"), or None."""
    x = tok
    for _ in range(3):
        if x.head.i == x.i:
            return None
        role = role_of(x)
        x = x.head
        if ctx.classes(x) & _SPEECH_CLASSES:
            return role
    return None


# ---------------------------------------------------------------------------------------------
# the content model


def content_features(ctx: Context, tok: Token, opt: Option, opts: Sequence[Option]) -> list[str]:
    """Features of one (cue, content option) pair for the linear content model; ``opts``
    are all the options of the cue, so that options can be weighed against each other."""
    lemma = tok.lemma_.lower()
    f = _span_features(ctx, tok, opt, opts, lemma)
    if opt.head >= 0:
        f += _head_features(ctx.doc[opt.head], opt.typ, lemma)
    f += _shape_features(ctx, tok, opt)
    f += _rival_features(opt, opts)
    if ctx.speech is not None:
        f += _speech_content_features(ctx, opt)
    return f


def _span_features(
    ctx: Context, tok: Token, opt: Option, opts: Sequence[Option], lemma: str
) -> list[str]:
    """The option's type with the cue word, its length, side, first word and quotation."""
    typ, rng = opt.typ, opt.rng
    classes = sorted(ctx.classes(tok)) or ["none"]
    length = rng[1] - rng[0]
    bucket = "s" if length < 20 else "m" if length < 80 else "l" if length < 250 else "xl"
    side = "after" if rng[0] >= tok.idx else "before"
    q = ctx.text[rng[0] : rng[0] + 1] in QUOTE_CHARS
    f = [
        f"t={typ}",
        f"t={typ}|l={lemma}",
        f"t={typ}|pos={tok.pos_}",
        f"t={typ}|len={bucket}",
        f"t={typ}|l={lemma}|len={bucket}",
        f"t={typ}|side={side}",
        f"t={typ}|l={lemma}|side={side}",
        f"t={typ}|q={q}",
        f"t={typ}|n={min(len(opts), 5)}",
        f"t={typ}|dep={role_of(tok)}",
    ]
    f += [f"t={typ}|c={c}" for c in classes]
    first = ctx.text[rng[0] : rng[0] + 12].split(" ", 1)[0].lower()
    first = "Q" if first[:1] in QUOTE_CHARS else first if first in WH or first == "to" else "-"
    f += [f"t={typ}|first={first}", f"first={first}|l={lemma}"]
    return f


def _head_features(h: Token, typ: str, lemma: str) -> list[str]:
    """The option's head word: its tag, whether it has a subject, how it attaches."""
    kids = {role_of(g) for g in h.children}
    clause = "subj" if kids & {"subject", "passive_subject"} else "nosubj"
    f = [
        f"t={typ}|hpos={h.pos_}",
        f"t={typ}|htag={h.tag_}",
        f"t={typ}|{clause}",
        f"t={typ}|l={lemma}|{clause}",
        f"t={typ}|hl={h.lemma_.lower()}",
    ]
    if h.ent_type_:
        f.append(f"t={typ}|hent={entity_kind(h.ent_type_)}")
    # how the head attaches: "accused X [of] ...", "described X [as] ...", "[to] come"
    case = next(
        (g.lower_ for g in h.children if role_of(g) in ("case", "marker") and g.i < h.i),
        role_of(h),
    )
    f += [f"t={typ}|hcase={case}", f"t={typ}|l={lemma}|hcase={case}"]
    return f


def _ratio_bucket(ratio: float) -> str:
    if ratio < 0.5:
        return "<.5"
    if ratio < 0.9:
        return "<.9"
    if ratio < 1.1:
        return "~1"
    return "<2" if ratio < 2 else "<4" if ratio < 4 else ">4"


def _rival_features(opt: Option, opts: Sequence[Option]) -> list[str]:
    """The option against the cue's other options: their types, relative lengths, and
    which of them cover nearly the same stretch."""
    typ, rng = opt.typ, opt.rng
    length = rng[1] - rng[0]
    f: list[str] = []
    longer = 0
    for o in opts:
        if o.rng == rng and o.typ == typ:
            continue
        f.append(f"t={typ}|other={o.typ}")
        olen = max(1, o.rng[1] - o.rng[0])
        longer += olen > length
        f.append(f"t={typ}|vs={o.typ}|r={_ratio_bucket(length / olen)}")
        inter = min(o.rng[1], rng[1]) - max(o.rng[0], rng[0])
        if inter > 0.8 * max(length, o.rng[1] - o.rng[0]):
            f.append(f"t={typ}|same={o.typ}")
    f.append(f"t={typ}|longer={min(longer, 3)}")
    return f


_AFTER_WORDS = words("words_after_content")


def _shape_features(ctx: Context, tok: Token, opt: Option) -> list[str]:
    """How an option is built and where it stops: which other dependents of the cue it
    swallows (a coordinated verb, an adverbial clause), what follows it, how much of it is
    quoted. These tell a tight span from one that runs on."""
    typ, (lo, hi) = opt.typ, opt.rng
    f: list[str] = []
    swallowed = sorted(
        {
            role_of(c)
            for c in tok.children
            if c.i != opt.head and lo <= c.idx < hi and not (c.is_punct or c.is_space)
        }
    )
    f.append(f"t={typ}|cuedeps={min(len(swallowed), 2)}")
    f += [f"t={typ}|cuedep={r}" for r in swallowed]
    after = _word_after(ctx.doc, hi)
    f += [f"t={typ}|after={after}", f"after={after}"]
    qb = _quoted_share(ctx, lo, hi)
    commas = ctx.text.count(",", lo, hi)
    f += [f"t={typ}|quoted={qb}", f"t={typ}|commas={min(commas, 3)}"]
    if opt.head >= 0:
        f += _conjunct_features(ctx, ctx.doc[opt.head], typ, hi)
    return f


def _word_after(doc: Doc, hi: int) -> str:
    """What follows character ``hi``: the end of the paragraph or sentence, a joining word
    or punctuation (with the word after a comma or dash), else the next word's tag."""
    fl = token_flags(doc)
    j = token_at_or_after(doc, hi)
    while j < len(doc) and fl.space[j] and "\n" not in doc[j].text:
        j += 1
    if j >= len(doc) or "\n" in doc[j].text:
        return "EOP"
    nxt = doc[j]
    if nxt.is_sent_start:
        return "EOS"
    if not (nxt.is_punct or nxt.lower_ in _AFTER_WORDS):
        return nxt.tag_
    after = nxt.lower_
    if nxt.text in (",", "—", "–", "-") and j + 1 < len(doc):
        after += "+" + (doc[j + 1].lower_ if doc[j + 1].lower_ in _AFTER_WORDS else doc[j + 1].tag_)
    return after


def _quoted_share(ctx: Context, lo: int, hi: int) -> str:
    """How much of [lo, hi) lies in quotations: "0", "some", "most" or "all"."""
    quoted = 0
    # top-level quotations are ordered and apart: start from the last one opening before lo
    for q in ctx.quotes[max(0, bisect.bisect_right(ctx.quote_starts, lo) - 1) :]:
        if q.start >= hi:
            break
        if q.end > lo:
            quoted += min(hi, q.end) - max(lo, q.start)
    share = quoted / max(1, hi - lo)
    return "0" if share == 0 else "all" if share > 0.95 else "most" if share > 0.6 else "some"


def _conjunct_features(ctx: Context, h: Token, typ: str, hi: int) -> list[str]:
    """A coordinated clause of the option's head: more of what was said ("and that ..."),
    or a report of its own that the parse hung inside ("that X misspoke but noted that")."""
    for c in h.children:
        if c.i > h.i and role_of(c) == "conjunct" and c.pos_ in ("VERB", "AUX"):
            kind = (
                "cue"
                if ctx.classes(c)
                else "that"
                if has_mark(c)
                else "subj"
                if dependents(c, "subject", "passive_subject")
                else "bare"
            )
            inside = "in" if c.idx < hi else "out"
            return [f"t={typ}|conj={kind}|{inside}", f"conj={kind}|{inside}"]
    return []


# ---------------------------------------------------------------------------------------------
# the speech tagger


def _speech_cue_features(ctx: Context, i: int) -> list[str]:
    """The tagger's belief that the word is a cue, and that the words after and before it
    are reported content (bucketed: the models are linear over indicators)."""
    sums = ctx.speech_sums()
    return [f"tc={sums.cue[i]}", f"tna={sums.after[i]}", f"tnb={sums.before[i]}"]


def _speech_content_features(ctx: Context, opt: Option) -> list[str]:
    """How much of an option the tagger reads as reported words, and whether it reads the
    words just outside as reported too (the option then stops short)."""
    sums = ctx.speech_sums()
    a = token_at_or_after(ctx.doc, opt.rng[0])
    b = min(max(token_at_or_after(ctx.doc, opt.rng[1]), a + 1), sums.n)
    if b <= a:
        return []
    share = (sums.inside[b] - sums.inside[a]) / (b - a)
    low = (sums.low[b] - sums.low[a]) / (b - a)
    typ, b10 = opt.typ, min(int(share * 10), 9)
    return [
        f"pin={b10}",
        f"t={typ}|pin={b10}",
        f"plow={fifths(low)}",
        f"t={typ}|plow={fifths(low)}",
        f"pb={sums.bucket(max(0, a - 3), a)}",
        f"pa={sums.bucket(b, min(sums.n, b + 3))}",
    ]


def speech_rows(ctx: Context) -> np.ndarray | None:
    """The speech tagger's input for a document: the parse's token vectors and three flags
    per token (in a quotation, a lexicon cue word, first of its sentence); None when the
    pipeline left no token vectors."""
    doc = ctx.doc
    tensor = doc.tensor
    if tensor is None or tensor.ndim != 2 or tensor.shape[0] != len(doc) or not len(doc):
        return None
    extra = np.zeros((len(doc), tagger.N_EXTRA), dtype="float32")
    starts = token_flags(doc).starts
    for q in ctx.quotes:
        extra[bisect.bisect_left(starts, q.start) : bisect.bisect_left(starts, q.end), 0] = 1
    # lexicon words: look each distinct lemma up once, then the words that carry one
    lemmas = doc.to_array([LEMMA])
    strings, phrasal = doc.vocab.strings, phrasal_heads()
    known = [
        h
        for h in np.unique(lemmas).tolist()
        if (w := strings[h].lower()) in ctx.cues or w in phrasal
    ]
    for i in np.flatnonzero(np.isin(lemmas, known)).tolist():
        extra[i, 1] = bool(ctx.classes(doc[i]))
    extra[:, 2] = doc.to_array([SENT_START]) == 1
    extra[0, 2] = 1
    return tagger.inputs(tensor, extra)
