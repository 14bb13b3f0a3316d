"""The actors stage's working state: mentions found, actors under construction and the
per-document context every step reads and adds to, with the name helpers they share."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from readout.kb.lookup import KB, Entry, Match, loose_key, name_key
from readout.model import Actor, ActorType, Document, Span

# Titles and honorifics that may lead a person entity: not part of the name.
HONORIFICS = frozenset(
    (
        "mr mrs ms miss dr sir lord lady madam president premier prime minister "
        "chancellor king queen prince princess sheikh foreign defence defense finance "
        "secretary spokesman spokeswoman spokesperson general gen colonel col ambassador "
        "senator sen governor gov mayor deputy vice comrade press leader the speaker rep "
        "representative congressman congresswoman sens attorney"
    ).split()
)


# military ranks double as words in names ("General Motors"): kept in a tagged name
RANKS = frozenset({"general", "gen", "colonel", "col"})


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    kind: str  # name | surname | patronymic | title | demonym | metonym | place | seed
    ner: str | None = None  # entity_kind of an NER entity, None for knowledge-base matches
    matches: list[Match] = field(default_factory=list)


@dataclass(slots=True)
class ActorState:
    actor: Actor
    entry: Entry | None = None
    keys: set[str] = field(default_factory=set)  # name keys that cluster into this actor
    surname: str | None = None  # loose key
    given: str | None = None  # loose key
    hint_roles: list[str] = field(default_factory=list)
    first: int = 10**9
    kinds: dict[tuple[int, int], str] = field(default_factory=dict)
    # NER types of an unknown name, weighed: a float, since a lone word counts for less
    votes: dict[ActorType, float] = field(default_factory=dict)

    def add(self, text: str, start: int, end: int, kind: str) -> None:
        span = Span.of(text, start, end)
        if all((m.start, m.end) != (start, end) for m in self.actor.mentions):
            self.actor.mentions.append(span)
            self.kinds[(start, end)] = kind
        self.first = min(self.first, start)

    def vote(self, type_: ActorType, weight: float = 1.0) -> None:
        self.votes[type_] = self.votes.get(type_, 0.0) + weight


class Context:
    def __init__(self, doc: Doc, document: Document, kb: KB | None) -> None:
        self.doc = doc
        self.document = document
        self.text = document.text
        self.kb = kb
        body = document.body
        self.lo, self.hi = (body.start, body.end) if body else (0, len(document.text))
        self.date = _doc_date(document)
        self.actors: list[ActorState] = []
        self.countries: Counter[str] = Counter()
        self.dateline_place = document.dateline.place if document.dateline else None

    def inside(self, start: int, end: int) -> bool:
        return self.lo <= start and end <= self.hi

    def new_actor(self, name: str, type_: ActorType, entry: Entry | None = None) -> ActorState:
        a = ActorState(Actor(id="", name=name, type=type_))
        self.actors.append(a)
        if entry is not None:
            self.link(a, entry)
        return a

    def link(self, a: ActorState, entry: Entry) -> None:
        a.entry = entry
        a.actor.kb = entry.qid
        a.actor.name = entry.name
        a.actor.type = entry.type  # type: ignore[assignment]
        a.actor.country = entry.country
        if entry.type == "person":
            words = entry.name.split()
            if entry.given:
                a.given = loose_key(entry.given)
            if len(words) >= 2:
                a.surname = loose_key(words[0] if entry.given == words[-1] else words[-1])
        a.keys.add(name_key(entry.name))

    def find(self, entry: Entry) -> ActorState | None:
        for a in self.actors:
            if a.entry is not None and a.entry.id == entry.id:
                return a
        return None


def _doc_date(document: Document) -> str | None:
    for value in (document.published, document.dateline.date if document.dateline else None):
        if value and re.match(r"\d{4}-\d{2}-\d{2}", value):
            return value[:10]
    return None


GENERATION = frozenset({"jr", "sr", "ii", "iii", "iv"})


def generation_of(name: str) -> str | None:
    words = name.replace(",", " ").split()
    if len(words) >= 2 and words[-1].rstrip(".").lower() in GENERATION:
        return words[-1].rstrip(".").lower()
    return None


def tok_at(doc: Doc, char: int) -> int:
    for tok in doc:
        if tok.idx <= char < tok.idx + max(1, len(tok.text)):
            return tok.i
    return len(doc)


def strip_honorifics(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def unique(entries: Iterable[Entry]) -> list[Entry]:
    seen: dict[str, Entry] = {}
    for e in entries:
        seen.setdefault(e.id, e)
    return list(seen.values())
