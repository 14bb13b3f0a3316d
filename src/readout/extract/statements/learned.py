"""The learned half: the shipped linear models (``statements_model.json.gz``), the speech
tagger's probabilities where they apply, and the model's candidates, merged with the
rules' (where the model is confident its choice stands; below its threshold a rule's
statement stands unless the model vetoes the word)."""

from __future__ import annotations

import functools
import gzip
import json
import math
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any

import numpy as np
from spacy.tokens import Token

from readout.extract.statements import tagger
from readout.extract.statements.content import Option
from readout.extract.statements.context import Candidate, Context
from readout.extract.statements.cues import colon_speaker, frame_subject
from readout.extract.statements.features import (
    content_features,
    content_options,
    cue_features,
    model_tokens,
    speech_rows,
)
from readout.extract.statements.nesting import span_jaccard, told_inside
from readout.extract.statements.rules import according_candidate, addressee_of, source_of
from readout.extract.statements.syntax import (
    char_range,
    cue_chars,
    is_passive_subject_child,
    obj_of_prep,
    role_of,
    subject_of,
)

_MODEL_FILE = "statements_model.json.gz"


@functools.cache
def load_model() -> dict[str, Any] | None:
    """The shipped linear model (loaded once per process), or None when there is none."""
    path = resources.files("readout.extract.statements").joinpath(_MODEL_FILE)
    if not path.is_file():
        return None
    return json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))


def speech_probs(ctx: Context, model: dict[str, Any], pipeline: str | None) -> np.ndarray | None:
    """The speech tagger's probabilities for ``ctx.doc``, or None where it does not apply:
    no tagger shipped, another pipeline parsed the doc, or no token vectors of its width."""
    if pipeline is not None and pipeline != model.get("pipeline"):
        return None
    loaded = tagger.load()
    if loaded is None:
        return None
    rows = speech_rows(ctx)
    if rows is None or rows.shape[1] != loaded[1]["n_in"]:
        return None
    return tagger.probabilities(loaded[0], rows)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def _score(weights: dict[str, float], feats: Iterable[str]) -> float:
    return sum(weights.get(x, 0.0) for x in feats)


def choose_option(
    opts: Sequence[Option], scores: Sequence[float], how: str
) -> tuple[Option, float]:
    """The ranker's pick among a cue's options, and the share of the ranker's softmax mass
    on options that half-overlap it (character Jaccard >= 0.5): the chance, as far as the
    ranker knows, that the pick matches what a reader would mark. ``argmax`` takes the
    best-scored option; ``consensus`` the option with the most such mass, as options
    overlap: when the ranker splits its belief between a tight span and two looser ones
    close to each other, a loose one is the safer reading."""
    top = max(scores)
    ps = [math.exp(s - top) for s in scores]
    total = sum(ps)
    mass = [
        sum(p for o, p in zip(opts, ps, strict=True) if span_jaccard(opt.rng, o.rng) >= 0.5) / total
        for opt in opts
    ]
    if how == "consensus":
        i = max(range(len(opts)), key=lambda k: (round(mass[k], 9), scores[k]))
    else:
        i = max(range(len(opts)), key=lambda k: scores[k])
    return opts[i], mass[i]


# Words the speech tagger gives less than this chance of being a cue are not judged further
# (a third of the words the model would judge, on PolNeAR dev): the cue model, which reads
# the tagger's belief among its features, almost never rates such a word likely, and building
# its options and features is most of this stage's cost. Words a rule proposes are always
# judged, as the model's verdict decides whether the rule's reading stands.
_TAGGER_SKIP = 0.01


def model_candidates(
    ctx: Context,
    model: dict[str, Any],
    lo: int,
    hi: int,
    rule_cands: list[Candidate],
    keep_rules: bool,
) -> list[Candidate]:
    """The model's candidates, and the rules' where the model is unsure (or does not judge
    the word, as with a dash before a name)."""
    judge = _Judge(ctx, model, rule_cands, keep_rules)
    judged: set[int] = set()
    out: list[Candidate] = []
    for tok in model_tokens(ctx, lo, hi):
        judged.add(tok.i)
        cand = judge.judge(tok)
        if cand is not None:
            out.append(cand)
    # rule candidates on words the model does not judge (a dash, a colon) stay
    out.extend(c for c in rule_cands if c.cue_tok not in judged)
    return out


class _Judge:
    """The model's verdict on each word it judges, given the rules' candidates."""

    def __init__(
        self,
        ctx: Context,
        model: dict[str, Any],
        rule_cands: list[Candidate],
        keep_rules: bool,
    ) -> None:
        self.ctx = ctx
        self.cue_w: dict[str, float] = model["cue"]
        self.content_w: dict[str, float] = model["content"]
        self.threshold = model["threshold_combined" if keep_rules else "threshold"]
        self.veto = model.get("veto", 0.0)
        self.choose = model.get("choose", "argmax")
        self.expect = model.get("expect" if keep_rules else "expect_alone", 0.0)
        self.rule_cands = rule_cands
        self.by_tok = {c.cue_tok: c for c in rule_cands}
        speech = ctx.speech
        self.cue_p = speech[:, tagger.CUE].tolist() if speech is not None else None

    def judge(self, tok: Token) -> Candidate | None:
        """The candidate that stands for ``tok``: the rule's, the model's, or none."""
        ctx = self.ctx
        if self.cue_p is not None and self.cue_p[tok.i] < _TAGGER_SKIP and tok.i not in self.by_tok:
            return None
        opts = content_options(ctx, tok)
        p = _sigmoid(_score(self.cue_w, cue_features(ctx, tok, opts)))
        classes = ctx.classes(tok)
        if (
            "relay" in classes
            and not is_passive_subject_child(tok)
            and tok.head.i != tok.i
            and ctx.classes(tok.head)
        ):
            return None  # "TASS reported, citing Peskov": citing names the speaker, says nothing
        rule = self.by_tok.get(tok.i)
        if rule is not None:
            outcome = self._rule_outcome(tok, rule, p, classes, bool(opts))
            if outcome == "drop":
                return None
            if outcome == "keep":
                rule.score = p
                return rule
        if p < self.threshold or not opts:
            return None
        return self._model_choice(tok, opts, p)

    def _rule_outcome(
        self, tok: Token, rule: Candidate, p: float, classes: frozenset[str], has_opts: bool
    ) -> str:
        """What becomes of a rule's candidate on a word the cue model rates ``p``: "keep" it,
        "drop" it, or let the "model" choose the content."""
        if rule.cue[1] - rule.cue[0] > len(tok.text) or "express" in classes:
            # "expressed hope that", "according to": the rule knows the construction
            return "keep" if p >= self.veto else "drop"
        # where the model is confident its choice of content is the better one (measured
        # on held-out PolNeAR train, quotations included); below its threshold the rule's
        # candidate stands unless the model vetoes the word outright
        if p < self.veto and not told_inside(self.ctx.doc, rule, self.rule_cands):
            return "drop"
        if p < self.threshold or not has_opts:
            return "keep"
        return "model"

    def _model_choice(self, tok: Token, opts: list[Option], p: float) -> Candidate | None:
        """The model's candidate for a word it rates ``p``: the content its ranker picks,
        unless what it reports is too unsure to state."""
        ctx = self.ctx
        scores = [_score(self.content_w, content_features(ctx, tok, o, opts)) for o in opts]
        best, mass = choose_option(opts, scores, self.choose)
        if p * mass < self.expect:
            return None  # the cue is likely but what it reports is too unsure to state
        rng = best.rng
        if rng[1] <= rng[0]:
            return None
        if tok.lower_ == "according":
            cand = according_candidate(ctx, tok)
            if cand is None:
                return None
            cand.origin, cand.score = "model", p
            return cand
        (clo, chi), hit = ctx.snap_to_quotes(*rng)
        source, subj, relay = _model_speaker(ctx, tok)
        cand = Candidate(
            cue=cue_chars(ctx.doc, tok),
            cue_tok=tok.i,
            content=(clo, chi),
            source=source,
            source_head=subj.i if subj is not None else None,
            relay_head=relay.i if relay is not None else None,
            direct=bool(hit) and hit[0].start <= clo and hit[-1].end >= chi,
            origin="model",
            score=p,
            quotes=hit,
        )
        if "addressee" in ctx.classes(tok):
            addr = addressee_of(tok, (clo, chi))
            cand.addressee_head = addr.i if addr is not None else None
        return cand


def _model_speaker(
    ctx: Context, tok: Token
) -> tuple[tuple[int, int] | None, Token | None, Token | None]:
    """(speaker mention, speaker head, relay head) of a word the model takes as a cue: the
    name before a colon, a noun's possessor or "by" phrase (or its verb's subject), a
    verb's subject or the speaker beside its quotation."""
    doc = ctx.doc
    if tok.text == ":":
        found = colon_speaker(doc, tok)
        if found is None:
            return None, None, None
        return char_range(doc, *found), doc[found[1] - 1], None
    if tok.pos_ == "NOUN":
        poss = [c for c in tok.children if role_of(c) in ("possessive", "subject")]
        subj = poss[0] if poss else obj_of_prep(tok, ("by", "from"))
        if subj is None and tok.head.i != tok.i and tok.head.pos_ == "VERB":
            subj, _ = subject_of(tok.head)
        if subj is not None and subj.i == tok.i:
            subj = None
        return None, subj, None
    subj, relay = source_of(ctx, tok)
    if subj is None or (ctx.quote_at(subj.idx) is not None and not ctx.in_quote(tok)):
        subj = frame_subject(ctx, tok)
    return None, subj, relay
