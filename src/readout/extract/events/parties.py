"""The parties an event's roles name: the actors the record already has, and, where a
subject or object names none, a description the events stage adds as an actor of its
own ("Police arrested ...", "Israeli troops shelled ...", "Thousands of workers
protested ...", an untagged "Amnesty International"). Like the statements stage's speakers,
an event without its agent is of little use to a reader asking who did it."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from readout.extract.actors import ActorList, MentionIndex
from readout.labels import dep_role
from readout.lexicon import tagged, words
from readout.model import Actor, ActorType, Document, Span, Time
from readout.read.turns import Turn

_AGENTS = words("agent_nouns") | words("person_nouns") | words("body_nouns")
_COUNTS = words("crowd_counts")
_FIRST = tagged("pronouns", "first")
_SECOND = tagged("pronouns", "second")
_PLACE_TYPES = ("place",)
# the words of a description: its modifiers and name parts, not its clauses or numbers
_NAME_PARTS = ("adjective", "compound", "name_part", "possessive")


class Parties:
    """The record's actor list, which the events stage may extend."""

    def __init__(
        self,
        document: Document,
        actors: list[Actor],
        times: Sequence[Time],
        turns: Sequence[Turn] = (),
    ) -> None:
        self.text = document.text
        self.times = [(t.span.start, t.span.end) for t in times]
        self.turns = _turn_speakers(actors, turns)
        self.actors = actors
        self.index = MentionIndex(actors)
        self.actor_list = ActorList(actors)

    def named(self, tokens: Sequence[Token]) -> list[str]:
        """The actors mentioned inside the words, people and bodies before places."""
        if not tokens:
            return []
        self.index.sync()
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        inside = {t.idx for t in tokens}
        hits: list[tuple[int, str, str]] = []
        for m, order, _k in self.index.overlapping(start, end):
            if m.start >= start and m.end <= end and any(m.start <= i < m.end for i in inside):
                a = self.actors[order]
                hits.append((m.start, a.id, a.type))
        hits.sort()
        people = [i for _s, i, kind in hits if kind not in _PLACE_TYPES]
        found = people or [i for _s, i, _k in hits]
        return list(dict.fromkeys(found))

    def of_argument(self, head: Token, tokens: Sequence[Token], proper: bool = True) -> list[str]:
        """The actors an argument names, or the one its description makes (``proper``:
        an untagged proper name may be one)."""
        found = self.named(tokens)
        if found and not all(self._is_place(i) for i in found):
            return found
        # "the opposition leader in Istanbul": the leader, not the city
        described = self.describe(head, proper)
        return [described] if described else found

    def in_turn(self, pronoun: Token) -> list[str]:
        """Whom "I", "we" or "you" means inside a transcript turn: its speaker, or for
        "you" the other speaker of the dialogue (the nearest turn before or after)."""
        low = pronoun.lower_
        first, second = low in _FIRST, low in _SECOND
        if not (first or second):
            return []
        for k, (start, end, speaker) in enumerate(self.turns):
            if start <= pronoun.idx < end:
                if first:
                    return [speaker]
                return _other_speaker(self.turns, k)
        return []

    def dialogue(self, pronoun: Token) -> list[str]:
        """ "we" of a meeting inside a turn: the speaker and the one spoken to ("We spoke on
        the phone only a few days ago")."""
        if pronoun.lower_ not in ("we", "us"):
            return []
        for k, (start, end, speaker) in enumerate(self.turns):
            if start <= pronoun.idx < end:
                return [speaker, *_other_speaker(self.turns, k)]
        return []

    def _is_place(self, actor_id: str) -> bool:
        return any(a.id == actor_id and a.type in _PLACE_TYPES for a in self.actors)

    def describe(self, head: Token, proper: bool = True) -> str | None:
        """The id of the actor a description names ("Serbian military police"); None when
        the words name no agent."""
        head = _counted(head)
        if not _agentive(head) or (head.pos_ == "PROPN" and not proper):
            return None
        words_ = _description(head)
        lo, hi = words_[0].idx, words_[-1].idx + len(words_[-1].text)
        if any(t_lo < hi and lo < t_hi for t_lo, t_hi in self.times):
            return None  # "on Saturday" is a time
        span = Span.of(self.text, lo, hi)
        return self.actor_list.add(span.text, _kind(head), span)


def _turn_speakers(actors: Sequence[Actor], turns: Sequence[Turn]) -> list[tuple[int, int, str]]:
    by_label = {m.start: a.id for a in actors for m in a.mentions}
    out = []
    for turn in turns:
        speaker = by_label.get(turn.label.start)
        if speaker is not None and not turn.generic:
            out.append((turn.content.start, turn.content.end, speaker))
    return out


def _other_speaker(turns: list[tuple[int, int, str]], k: int) -> list[str]:
    own = turns[k][2]
    for j in sorted(range(len(turns)), key=lambda j: abs(j - k)):
        if turns[j][2] != own:
            return [turns[j][2]]
    return []


def _counted(head: Token) -> Token:
    """ "thousands of workers": the workers."""
    if head.lemma_.lower() in _COUNTS or head.lower_ in _COUNTS or head.like_num:
        for c in head.children:
            if any(g.lower_ == "of" for g in c.children):
                return c
    return head


def _agentive(head: Token) -> bool:
    if head.pos_ == "PROPN":
        return not head.ent_type_ or head.ent_type_ in ("ORG", "NORP", "PERSON", "PER")
    if head.pos_ != "NOUN":
        return False
    return head.lemma_.lower() in _AGENTS or head.lower_ in _AGENTS


def _description(head: Token) -> list[Token]:
    """The description's words: the head, its modifiers and name parts, and an "of" phrase
    ("leaders of the opposition coalition"), without determiners, numbers or clauses."""
    out = [head]
    for c in head.children:
        role = dep_role(c.dep_)
        if role in _NAME_PARTS and c.pos_ != "PRON":
            out.extend(t for t in c.subtree if not t.is_punct or t.i < head.i)
        elif c.i > head.i and any(g.lower_ == "of" for g in c.children):
            out.extend(t for t in c.subtree if dep_role(t.dep_) not in _CLAUSES)
    out.sort(key=lambda t: t.i)
    lo, hi = out[0].i, out[-1].i
    doc = head.doc
    while lo < head.i and (doc[lo].is_punct or dep_role(doc[lo].dep_) == "determiner"):
        lo += 1
    while hi > head.i and doc[hi].is_punct:
        hi -= 1
    return [doc[k] for k in range(lo, hi + 1)]


_CLAUSES = ("relative_clause", "clausal_modifier", "clausal_complement", "adverbial_clause")


def _kind(head: Token) -> ActorType:
    if head.pos_ == "PROPN":
        return "organization"
    if "Plur" in head.morph.get("Number", []) or head.tag_ in ("NNS", "NNPS"):
        return "group"
    if head.lemma_.lower() in words("person_nouns"):
        return "person"
    return "organization"
