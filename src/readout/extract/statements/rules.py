"""Rule candidates over the parse, one per cue word of the lexicon: verbs of saying and
belief with a clausal complement ("said that ..."), nouns with one ("the claim that ...",
"allegations of ..."), "expressed hope that", "according to X", "reportedly", relayed
speech ("X was quoted by Y", "Y reported, citing X") and addressees ("told Z"); then every
quotation attached to a cue (:func:`merge_quotes`)."""

from __future__ import annotations

from spacy.tokens import Token

from readout.extract.statements.context import Candidate, Context
from readout.extract.statements.cues import dash_cue, frame_subject
from readout.extract.statements.quotes import Quote
from readout.extract.statements.speakers import PERSON_NOUNS
from readout.extract.statements.syntax import (
    agent_of,
    char_range,
    cue_chars,
    dependents,
    has_mark,
    is_content_clause,
    is_nominal,
    is_passive_subject_child,
    obj_of_prep,
    role_of,
    subject_of,
    subtree_range,
    trim,
)
from readout.lexicon import words


def source_of(ctx: Context, tok: Token) -> tuple[Token | None, Token | None]:
    """(speaker head, relay head) for a verbal cue."""
    subj, passive = subject_of(tok)
    relay: Token | None = None
    if passive:
        agent = agent_of(tok)
        if tok.lemma_.lower() in ("quote", "cite"):
            relay = agent  # "X was quoted by Y": X speaks, Y relays
        elif agent is not None:
            subj = agent  # "was called a charlatan by fellow physicians"
        else:
            subj = None
    # "TASS reported, citing Peskov, that": Peskov speaks through TASS
    for c in tok.children:
        if c.lemma_.lower() in ("cite", "quote") and role_of(c) in (
            "adverbial_clause",
            "open_complement",
            "clausal_modifier",
            "conjunct",
        ):
            objs = [g for g in c.children if role_of(g) == "object"]
            if objs:
                relay, subj = subj, objs[0]
                break
    # "was quoted by TASS as saying that": the speaker and relay come from "quoted"
    if tok.head.i != tok.i and tok.head.lemma_.lower() in ("quote", "cite"):
        head_subj, head_passive = subject_of(tok.head)
        if head_passive:
            subj, relay = head_subj, agent_of(tok.head)
    return subj, relay


def addressee_of(tok: Token, content: tuple[int, int]) -> Token | None:
    """Who is spoken to: "told Lukashenko that", "said to reporters"."""
    for c in tok.children:
        if content[0] <= c.idx < content[1]:
            continue
        role = role_of(c)
        if role in ("object", "indirect_object") and is_nominal(c):
            return c
        if role == "preposition" and c.lower_ == "to":
            objs = [g for g in c.children if role_of(g) == "prepositional_object"]
            if objs:
                return objs[0]
        if (
            role == "oblique"
            and is_nominal(c)
            and any(role_of(g) == "case" and g.lower_ == "to" for g in c.children)
        ):
            return c
    return None


def head_content(ctx: Context, tok: Token) -> tuple[int, int]:
    """The clause a parenthetical cue sits in, less the cue's own words when they are at
    its edge ("It ended, he said" -> "It ended")."""
    head = tok.head
    if head.i == tok.i:
        return tok.idx, tok.idx
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    clo, chi = tok.left_edge.i, tok.right_edge.i + 1
    if clo <= lo:
        lo = chi
    elif chi >= hi:
        hi = clo
    return ctx.clip(tok, lo, hi)


def _is_direct(hit: list[Quote], lo: int, hi: int) -> bool:
    """Whether content [lo, hi) is the quotations ``hit`` (it snapped to them) and no more."""
    return bool(hit) and hit[0].start <= lo and hit[-1].end >= hi


# ---------------------------------------------------------------------------------------------
# verbs


def _verbal_content(ctx: Context, tok: Token, classes: frozenset[str]) -> tuple[int, int] | None:
    """What a verb of saying or belief reports: its clausal complement, its "to" clause
    (promises, urging, addressee verbs), the object a speech verb names as what was said,
    the clause a parenthetical speech verb sits in, or a that-clause the parser hung
    elsewhere."""
    doc = ctx.doc
    content: tuple[int, int] | None = None
    ccomps = [c for c in dependents(tok, "clausal_complement") if is_content_clause(c)]
    if ccomps:
        content = ctx.content_range(ccomps[0], tok)
    elif "addressee" in classes or tok.lemma_.lower() in ("promise", "pledge", "vow", "urge"):
        xcomps = [
            c
            for c in dependents(tok, "open_complement")
            if any(g.lower_ == "to" for g in c.children)
        ]
        if xcomps:
            content = ctx.content_range(xcomps[0], tok)
    if content is None and "weak" not in classes and "speech" in classes:
        objs = [
            c
            for c in dependents(tok, "object")
            if c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() not in PERSON_NOUNS
        ]
        if objs and tok.lemma_.lower() not in ("say", "tell", "add", "ask", "write", "call"):
            content = ctx.content_range(objs[0], tok)
    if (
        content is None
        and "speech" in classes
        and (
            role_of(tok) == "parataxis"
            or (role_of(tok) == "adverbial_clause" and has_mark(tok, ("as",)))
        )
    ):
        # "As you said, the road is finished" and
        # "Putting the show together, Butz said, allowed him ...": the clause around it
        content = head_content(ctx, tok)
    if content is None and "speech" in classes:
        # the parser hung the that-clause elsewhere ("reported, citing X, that ...")
        sent = tok.sent
        for j in range(tok.i + 1, min(sent.end, tok.i + 12)):
            if doc[j].lower_ == "that" and role_of(doc[j]) == "marker":
                content = ctx.clip(tok, j, sent.end)
                break
            if doc[j].pos_ == "VERB" and doc[j].head.i != tok.i:
                break
    return content


def _verbal_candidate(ctx: Context, tok: Token, classes: frozenset[str]) -> Candidate | None:
    """A verb of saying or belief with a clausal complement, an attached quote, or (for
    speech verbs) an object that is what was said."""
    if "relay" in classes and not is_passive_subject_child(tok):
        return None
    content = _verbal_content(ctx, tok, classes)
    if content is None or content[1] <= content[0]:
        return None
    (lo, hi), hit = ctx.snap_to_quotes(*content)
    subj, relay = source_of(ctx, tok)
    cand = Candidate(
        cue=cue_chars(ctx.doc, tok),
        cue_tok=tok.i,
        content=(lo, hi),
        source_head=subj.i if subj is not None else None,
        relay_head=relay.i if relay is not None else None,
        direct=_is_direct(hit, lo, hi),
        quotes=hit,
    )
    if "addressee" in classes:
        addr = addressee_of(tok, (lo, hi))
        cand.addressee_head = addr.i if addr is not None else None
    return cand


# ---------------------------------------------------------------------------------------------
# nouns, "according to", "reportedly"


_OWNING_VERBS = words("owning_verbs")
_OF_NOUNS = words("claim_nouns")


def _nominal_content(ctx: Context, tok: Token) -> tuple[int, int] | None:
    """A noun's that-clause ("the claim that ..."), or for nouns of charge and claim, its
    "of" phrase ("allegations of fraud")."""
    doc = ctx.doc
    clause = [
        c
        for c in tok.children
        if role_of(c) in ("clausal_complement", "clausal_modifier") and has_mark(c)
    ]
    if clause:
        return ctx.content_range(clause[0], tok)
    obj = obj_of_prep(tok, ("of",))
    if obj is None or tok.lemma_.lower() not in _OF_NOUNS:
        return None
    lo, hi = subtree_range(obj, stop=[tok])
    while lo < obj.i and role_of(doc[lo]) == "case":
        lo += 1  # UD hangs "of" on the object: "allegations of [fraud]"
    return ctx.clip(tok, lo, hi)


def _nominal_speaker(tok: Token) -> Token | None:
    """Whose claim a noun names: the possessor ("Smith's claim"), the "by"/"from" phrase, or
    the subject of a verb that owns it ("Smith made the claim that"; "Brown rejected the claim
    that" is not Brown's)."""
    subj: Token | None = None
    poss = [c for c in tok.children if role_of(c) == "possessive"]
    if poss:
        subj = poss[0]
    else:
        by = obj_of_prep(tok, ("by", "from"))
        if by is not None:
            subj = by
        elif role_of(tok) == "object" and tok.head.lemma_.lower() in _OWNING_VERBS:
            subj, _ = subject_of(tok.head)
    if subj is not None and subj.i == tok.i:
        subj = None  # "Allegations of fraud surfaced": the noun is not its own speaker
    return subj


def _nominal_candidate(ctx: Context, tok: Token) -> Candidate | None:
    """ "the claim that ...", "allegations of fraud", "expressed hope that"."""
    content = _nominal_content(ctx, tok)
    if content is None or content[1] <= content[0]:
        return None
    (lo, hi), hit = ctx.snap_to_quotes(*content)
    subj = _nominal_speaker(tok)
    return Candidate(
        cue=char_range(ctx.doc, tok.i, tok.i + 1),
        cue_tok=tok.i,
        content=(lo, hi),
        source_head=subj.i if subj is not None else None,
        direct=_is_direct(hit, lo, hi),
        quotes=hit,
    )


def _reportedly_candidate(ctx: Context, tok: Token) -> Candidate | None:
    """ "The club is reportedly spending $1.5 million": a report with no named source; the
    content is the clause the adverb modifies (PolNeAR marks it so, about two times in three;
    "allegedly" and "supposedly" it almost never marks, so they are left alone)."""
    head = tok.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
        return None
    sent = tok.sent
    lo, hi = subtree_range(head)
    lo, hi = trim(ctx.doc, max(lo, sent.start), min(hi, sent.end))
    if hi - lo < 3:
        return None
    content = char_range(ctx.doc, lo, hi)
    (clo, chi), hit = ctx.snap_to_quotes(*content)
    return Candidate(
        cue=cue_chars(ctx.doc, tok),
        cue_tok=tok.i,
        content=(clo, chi),
        quotes=hit,
    )


def according_candidate(ctx: Context, tok: Token) -> Candidate | None:
    """ "According to X, ..." / "..., according to X.": the rest of the sentence."""
    doc = ctx.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    sent = tok.sent
    head = doc[to.i + 1]
    while (
        head.head.i != head.i
        and head.head.i > to.i
        and head.head.i < sent.end
        and head.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET")
    ):
        head = head.head
    src_lo = to.i + 1
    src_hi = max(head.right_edge.i + 1, src_lo + 1)
    src_lo, src_hi = trim(doc, src_lo, min(src_hi, sent.end), keep_quotes=False)
    if src_hi <= src_lo:
        return None
    lo, hi = sent.start, sent.end
    if tok.i <= lo + 1:
        lo = src_hi  # "According to X, ..."
    elif src_hi >= hi - 1:
        hi = tok.i  # "..., according to X."
    elif tok.i - lo >= hi - src_hi:
        hi = tok.i  # in the middle: the longer side is the one attributed
    else:
        lo = src_hi
    content = ctx.clip(tok, lo, hi)
    if content[1] - content[0] < 2:
        return None
    (clo, chi), hit = ctx.snap_to_quotes(*content)
    return Candidate(
        cue=cue_chars(doc, tok),
        cue_tok=tok.i,
        content=(clo, chi),
        source=char_range(doc, src_lo, src_hi),
        source_head=head.i,
        direct=_is_direct(hit, clo, chi),
        quotes=hit,
    )


# ---------------------------------------------------------------------------------------------
# all rule candidates


def _express_candidate(ctx: Context, tok: Token) -> Candidate | None:
    """ "expressed hope that": the noun's candidate, with the light verb as cue and its
    subject as speaker."""
    objs = [c for c in dependents(tok, "object") if "nominal" in ctx.classes(c)]
    if not objs:
        return None
    cand = _nominal_candidate(ctx, objs[0])
    if cand is not None:
        cand.cue = (tok.idx, objs[0].idx + len(objs[0].text))
        cand.cue_tok = tok.i
        subj, _ = subject_of(tok)
        cand.source_head = subj.i if subj is not None else None
    return cand


def _lexicon_candidate(ctx: Context, tok: Token) -> Candidate | None:
    """The candidate of a word the cue lexicon lists, by its part of speech."""
    classes = ctx.classes(tok)
    if not classes:
        return None
    if tok.pos_ in ("VERB", "AUX") and (classes & {"speech", "cognition", "relay"}):
        return _verbal_candidate(ctx, tok, classes)
    if tok.pos_ == "VERB" and "express" in classes:
        return _express_candidate(ctx, tok)
    if tok.pos_ == "NOUN" and "nominal" in classes and "weak" not in classes:
        if role_of(tok) == "object" and "express" in ctx.classes(tok.head):
            return None  # handled with its light verb
        return _nominal_candidate(ctx, tok)
    return None


def rule_candidates(ctx: Context, lo: int, hi: int) -> list[Candidate]:
    """The rules' candidates for the cue words starting in characters [lo, hi)."""
    out: list[Candidate] = []
    for tok in ctx.doc:
        if tok.idx < lo or tok.idx >= hi:
            continue
        low = tok.lower_
        if low == "according":
            cand = according_candidate(ctx, tok)
            if cand is not None:
                out.append(cand)
            continue
        if low == "reportedly":
            cand = _reportedly_candidate(ctx, tok)
            if cand is not None:
                out.append(cand)
            continue
        cand = _lexicon_candidate(ctx, tok)
        if cand is not None and cand.content[1] > cand.content[0]:
            out.append(cand)
    return out


# ---------------------------------------------------------------------------------------------
# quotations


def merge_quotes(ctx: Context, cands: list[Candidate], lo: int, hi: int) -> list[Candidate]:
    """Attach every quotation to a cue: the one in its frame ("..., X said"; "X said:"),
    else the one the parse linked it to, else the quoted statement it continues in the
    same paragraph."""
    quotes = [q for q in ctx.quotes if lo <= q.start < hi]
    frame = ctx.frame_cues()
    cands = _drop_foreign_quotes(cands, frame)
    by_tok: dict[int, Candidate] = {c.cue_tok: c for c in cands}
    owned: set[Quote] = {q for c in cands for q in c.quotes}
    inside_indirect = [c.content for c in cands if not c.direct and c.content[1] > c.content[0]]
    run_of = {q: tok_i for tok_i, run in ctx.quote_runs().items() for q in run}
    for q in quotes:
        cue = frame.get(q)
        if cue is None:
            if q in owned:
                continue
            if any(a <= q.start and q.end <= b for a, b in inside_indirect):
                continue  # a phrase quoted inside reported speech
            prev = by_tok.get(run_of.get(q, -1))
            if prev is not None and prev.direct:
                prev.quotes.append(q)
                prev.content = (prev.content[0], max(prev.content[1], q.end))
            continue
        cand = by_tok.get(cue.i)
        if cand is not None:
            if q not in cand.quotes:
                cand.quotes.append(q)
            cand.quotes.sort(key=lambda x: x.start)
            cand.content = (cand.quotes[0].start, cand.quotes[-1].end)
            cand.direct = True
            continue
        cand = _framed_candidate(ctx, q, cue)
        by_tok[cue.i] = cand
        cands.append(cand)
    return cands


def _drop_foreign_quotes(
    cands: list[Candidate], frame: dict[Quote, Token | None]
) -> list[Candidate]:
    """The frame outranks the parse, which often hangs a quotation on the wrong verb: a
    candidate loses the quotations another cue frames (a direct one is dropped whole)."""
    kept: list[Candidate] = []
    for c in cands:
        foreign = [q for q in c.quotes if (cue := frame.get(q)) is not None and cue.i != c.cue_tok]
        if foreign:
            if c.direct:
                continue
            c.quotes = [q for q in c.quotes if q not in foreign]
        kept.append(c)
    return kept


def _framed_candidate(ctx: Context, q: Quote, cue: Token) -> Candidate:
    """A direct statement of quotation ``q`` from the cue its frame names: a dash before a
    name ("― Sonya Herridge"), or a verb with its speaker."""
    doc = ctx.doc
    if dash_cue(cue):
        nxt = doc[cue.i + 1]
        src_hi = nxt.i + 1
        while (
            src_hi < len(doc)
            and "\n" not in doc[src_hi].text
            and (doc[src_hi].pos_ == "PROPN" or doc[src_hi].is_title)
        ):
            src_hi += 1
        dash_at = cue.idx + len(cue.text) - len(cue.text.lstrip("\"'”’»›"))
        return Candidate(
            cue=(dash_at, cue.idx + len(cue.text)),
            cue_tok=cue.i,
            content=(q.start, q.end),
            source=char_range(doc, nxt.i, src_hi),
            source_head=nxt.i,
            direct=True,
            quotes=[q],
        )
    subj, relay = source_of(ctx, cue)
    if subj is None or ctx.quote_at(subj.idx) is not None:
        subj = frame_subject(ctx, cue)
    cand = Candidate(
        cue=cue_chars(doc, cue),
        cue_tok=cue.i,
        content=(q.start, q.end),
        source_head=subj.i if subj is not None else None,
        relay_head=relay.i if relay is not None else None,
        direct=True,
        quotes=[q],
    )
    if "addressee" in ctx.classes(cue):
        addr = addressee_of(cue, (q.start, q.end))
        cand.addressee_head = addr.i if addr is not None else None
    return cand
