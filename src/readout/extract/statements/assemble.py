"""The stage's flow: candidates from the rules and the model, filtered and nested, then made
:class:`~readout.model.Statement` records with actor ids, ``via`` and times."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, NamedTuple

import numpy as np
from spacy.tokens import Doc

from readout.extract.statements.act import statement_act
from readout.extract.statements.context import Candidate, Context
from readout.extract.statements.learned import load_model, model_candidates, speech_probs
from readout.extract.statements.nesting import (
    according_as_relay,
    dedupe,
    drop_unsure_nested,
    fold_nested_same_speaker,
    nest,
    split_siblings,
)
from readout.extract.statements.quotes import find_quotes
from readout.extract.statements.rules import merge_quotes, rule_candidates
from readout.extract.statements.speakers import (
    Resolver,
    TurnSpeakers,
    speaker_head,
    speaker_mention,
)
from readout.extract.statements.status import statement_status
from readout.extract.statements.syntax import antecedent, char_range, np_range
from readout.extract.statements.tweets import tweet_candidates
from readout.extract.times import TimeIndex
from readout.lexicon import words
from readout.model import Actor, Document, Span, Statement, Time
from readout.read.structure import chrome_lines

TurnRanges = list[tuple[int, int, Any]]  # (content start, content end, turn) per turn


def extract_statements(
    doc: Doc,
    document: Document,
    actors: list[Actor],
    times: list[Time],
    turns: list,
    first_id: int = 1,
    *,
    use_rules: bool = True,
    use_model: bool = True,
    model: dict[str, Any] | None = None,
    fold_same_speaker: bool = True,
    pipeline: str | None = None,
    speech: np.ndarray | None = None,
) -> list[Statement]:
    """Direct, indirect and nested statements in ``document`` (turns are made elsewhere;
    reported speech inside a turn is returned here with the turn's speaker in ``via``).

    ``actors`` may gain actors for speakers the actors stage did not list ("officials",
    "a source"; see :class:`~readout.extract.statements.speakers.ActorList`).
    ``use_rules``/``use_model`` switch the two halves off for measuring; ``model`` replaces
    the shipped weights (training uses it to tune thresholds); ``fold_same_speaker=False``
    keeps reports nested under the same speaker (measuring).

    ``pipeline`` names the spaCy pipeline that parsed ``doc`` ("en_readout_core-0.2.1"):
    the speech tagger reads that pipeline's token vectors, so it and the models trained
    with it are used only when the name matches the one the model was trained with (or,
    when ``pipeline`` is None, when ``doc.tensor`` has the tagger's width); otherwise the
    plain models are. ``speech`` gives the tagger's probabilities instead (training).
    """
    text = document.text
    lo, hi = (document.body.start, document.body.end) if document.body else (0, len(text))
    ctx = Context(doc, document, find_quotes(text, lo, hi))
    cands: list[Candidate] = []
    if use_rules:
        cands = rule_candidates(ctx, lo, hi)
        cands = merge_quotes(ctx, cands, lo, hi)
    if use_model:
        model = model if model is not None else load_model()
        if model is not None:
            if speech is None and "tagged" in model:
                speech = speech_probs(ctx, model, pipeline)
                if speech is not None:
                    model = {**model, **model["tagged"]}
            ctx.speech = speech
            cands = model_candidates(ctx, model, lo, hi, cands, keep_rules=use_rules)
    if use_rules:
        cands = tweet_candidates(ctx, lo, hi, cands)
    split_siblings(doc, cands)
    turn_ranges = _turn_ranges(turns)
    cands = _kept(doc, text, cands, turn_ranges, chrome_lines(text, lo, hi))
    if fold_same_speaker:
        cands = fold_nested_same_speaker(doc, cands)
    if use_model and model is not None:
        cands = drop_unsure_nested(doc, cands, model.get("nested", 0.0))
    return _to_statements(doc, document, actors, times, cands, turn_ranges, first_id)


def _kept(
    doc: Doc,
    text: str,
    cands: list[Candidate],
    turn_ranges: TurnRanges,
    chrome: list[tuple[int, int]],
) -> list[Candidate]:
    """The candidates that are statements: one per stretch, none that is a turn's label,
    says nothing, is its own speaker, or has its cue on a chrome line."""
    return [
        c
        for c in dedupe(according_as_relay(doc, cands))
        if not _in_turn_label(c, turn_ranges)
        and not _says_nothing(text, c)
        and not _content_is_speaker(doc, c)
        and not any(a <= c.cue[0] < b for a, b in chrome)
    ]


def _content_is_speaker(doc: Doc, c: Candidate) -> bool:
    """ "The president spoke.": a content that is the speaker's own phrase says nothing."""
    if c.direct or c.source_head is None:
        return False
    head = doc[c.source_head]
    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    if lo <= c.cue[0] < hi:
        return False  # the cue inside the speaker's phrase ("officials who said C")
    return lo <= c.content[0] and c.content[1] <= hi


def _turn_ranges(turns: list) -> TurnRanges:
    out = []
    for t in turns or []:
        content = getattr(t, "content", None)
        if content is not None:
            out.append((content.start, content.end, t))
    return out


def _in_turn_label(c: Candidate, turn_ranges: TurnRanges) -> bool:
    """Whether a cue is a transcript's speaker label or its colon (a turn, made elsewhere)."""
    for tlo, _, t in turn_ranges:
        label = getattr(t, "label", None)
        if label is not None and label.start <= c.cue[0] < max(label.end + 2, tlo):
            return True
    return False


_EMPTY_CONTENT = words("empty_contents")


def _says_nothing(text: str, c: Candidate) -> bool:
    """A content of a function word ("I agree with [that]") or a pointer to what follows
    ("issued [the following] statement:") tells a reader nothing."""
    said = " ".join(text[c.content[0] : c.content[1]].split()).lower().strip(".,;:!? ")
    return not said or said in _EMPTY_CONTENT


# ---------------------------------------------------------------------------------------------
# records


class _People(NamedTuple):
    """Who a candidate's words name, as actor ids."""

    speaker: str | None
    mention: Span | None
    relay: str | None
    addressee: str | None
    turn_speaker: str | None


def _people(
    doc: Doc,
    text: str,
    c: Candidate,
    resolver: Resolver,
    turns: TurnSpeakers,
    dateline: Span | None,
) -> _People:
    """The actors a candidate's speaker, relay and addressee mentions name (the speaker also
    goes on ``resolver.speakers``, for a later "he said" to continue it)."""
    turn_speaker, listener = turns.at(c.cue[0])
    speaker = None
    mention: Span | None = None
    head = doc[c.source_head] if c.source_head is not None else None
    if head is not None and not resolver.names_someone(head):
        named = speaker_head(head)
        if named is not head:
            c = replace(c, source=None)  # the mention is the other subject's phrase
        head = named
    if head is not None and not (head.is_space or head.is_punct):
        rng = speaker_mention(doc, text, c, head, dateline)
        if rng is not None:
            mention = Span.of(text, *rng)
            ref = antecedent(head)
            if ref.i != head.i:
                rng = char_range(doc, *np_range(ref))
            if c.origin == "tweet" and c.source is not None:
                speaker = resolver.author(*c.source)  # the embed names its author in full
            else:
                speaker = resolver.resolve(ref, rng, turn_speaker, listener)
            if speaker is not None:
                resolver.speakers.append((head.idx, speaker))
    relay = None
    if c.relay_head is not None:
        rh = doc[c.relay_head]
        relay = resolver.resolve(rh, char_range(doc, *np_range(rh)), turn_speaker, listener)
    addressee = None
    if c.addressee_head is not None:
        ah = doc[c.addressee_head]
        addressee = resolver.resolve(ah, char_range(doc, *np_range(ah)), turn_speaker, listener)
    if addressee == speaker:
        addressee = None
    return _People(speaker, mention, relay, addressee, turn_speaker)


def _via(i: int, parent: dict[int, int], people: list[_People], depth: int = 0) -> list[str]:
    """Through whom candidate ``i``'s words come: the speakers of the reports it is nested
    in (outermost first; or the turn's speaker outside any), then its relay; each once, and
    never its own speaker."""
    out: list[str] = []
    p = parent.get(i)
    if p is not None and depth < 8:
        out = _via(p, parent, people, depth + 1)
        outer = people[p].speaker
        if outer is not None:
            out.append(outer)
    else:
        ts = people[i].turn_speaker
        if ts is not None:
            out.append(ts)
    relay = people[i].relay
    if relay is not None:
        out.append(relay)
    dedup: list[str] = []
    for a in out:
        if a not in dedup and a != people[i].speaker:
            dedup.append(a)
    return dedup


def _content_after_dateline(
    text: str, content: tuple[int, int], dateline: Span | None
) -> tuple[int, int] | None:
    """A content that runs over the dateline starts after it ("MOSCOW, April 7 - The
    council reviewed ...": not said); None when nothing is left."""
    clo, chi = content
    if dateline is not None and clo < dateline.end < chi:
        clo = dateline.end
        while clo < chi and (text[clo].isspace() or text[clo] in ",;:—–-"):
            clo += 1
        if clo >= chi:
            return None
    return clo, chi


def _without_closing_stop(text: str, content: tuple[int, int]) -> tuple[int, int]:
    """An indirect content ends before the full stop (or comma, semicolon) that closes its
    sentence: "said the visit was useful." reports "the visit was useful"."""
    lo, hi = content
    while hi > lo + 1 and (text[hi - 1].isspace() or text[hi - 1] in ".,;:"):
        if text[hi - 1] == "." and _abbreviation_at(text, lo, hi):
            break  # "... in the U.S.": the stop is the abbreviation's
        hi -= 1
    return lo, hi


def _abbreviation_at(text: str, lo: int, hi: int) -> bool:
    word = text[lo:hi].rsplit(None, 1)[-1]
    return word.count(".") > 1 or (len(word) <= 4 and word[:1].isupper())


def _to_statements(
    doc: Doc,
    document: Document,
    actors: list[Actor],
    times: list[Time],
    cands: list[Candidate],
    turn_ranges: TurnRanges,
    first_id: int,
) -> list[Statement]:
    text = document.text
    dateline = document.dateline.span if document.dateline is not None else None
    resolver = Resolver(doc, document, actors)
    turns = TurnSpeakers(resolver, turn_ranges)
    people = [_people(doc, text, c, resolver, turns, dateline) for c in cands]
    parent = nest(cands)
    time_index = TimeIndex(times, doc)
    statements: list[Statement] = []
    for i, c in enumerate(cands):
        content = _content_after_dateline(text, c.content, dateline)
        if content is None:
            continue
        if not c.direct:
            content = _without_closing_stop(text, content)
        statements.append(
            Statement(
                id=f"s{first_id + len(statements)}",
                kind="direct" if c.direct else "indirect",
                content=Span.of(text, *content),
                speaker=people[i].speaker,
                speaker_mention=people[i].mention,
                addressee=people[i].addressee,
                cue=Span.of(text, *c.cue),
                via=_via(i, parent, people),
                time=time_index.time_for(doc[c.cue_tok]),
                status=statement_status(doc, doc[c.cue_tok]),
                act=statement_act(doc, doc[c.cue_tok], content, c.direct),
            )
        )
    return statements
