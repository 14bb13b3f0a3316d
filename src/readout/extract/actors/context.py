"""The actors stage's working state: mentions found, actors under construction and the
per-document context every step reads and adds to, with the name helpers they share."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from spacy.tokens import Doc

from readout.doccache import cached
from readout.kb.lookup import KB, Entry, Match, loose_key, name_key
from readout.lexicon import words
from readout.model import Actor, ActorType, Document, Span

T = TypeVar("T")

# Titles, honorifics and ranks that may lead a person entity: not part of the name. The
# lists are transcript labels' too ("Congressman John Smith" is John Smith in both), less
# the titles an article's names hold ("Pope Francis", "Dean Baquet", "SEC").
PERSON_TITLES = (
    words("titles") | words("honorifics") | words("ranks") | words("portfolios")
) - words("titles_in_names")


# military ranks double as words in names ("General Motors"): kept in a tagged name
RANKS = words("ranks")


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
    order: int = -1  # place in Context.actors

    def add(self, text: str, start: int, end: int, kind: str) -> None:
        # every mention has its kind recorded (seeds' too), so the kinds say which are held
        if (start, end) not in self.kinds:
            self.actor.mentions.append(Span.of(text, start, end))
            self.kinds[(start, end)] = kind
        self.first = min(self.first, start)

    def vote(self, type_: ActorType, weight: float = 1.0) -> None:
        self.votes[type_] = self.votes.get(type_, 0.0) + weight


class Context:
    """One document's state while its actors are found.

    ``actors`` only grows, through :meth:`append` (or :meth:`new_actor`). Steps that look for
    an actor by a name key, surname, given name, name or entry ask :meth:`having` instead of
    scanning every actor per mention; for that, whoever changes those fields of an actor
    calls :meth:`add_key` or :meth:`reindex`. :meth:`having` may answer actors whose field
    has changed since: callers check the field itself, as a scan would.
    """

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
        self._index: dict[tuple[str, str], list[ActorState]] = {}
        self._tok_starts: list[int] | None = None

    def inside(self, start: int, end: int) -> bool:
        return self.lo <= start and end <= self.hi

    def tok_at(self, char: int) -> int:
        """The first token that holds ``char`` (an empty one holds the char at its start), or
        ``len(doc)`` for a char between tokens or past the last one."""
        if self._tok_starts is None:
            self._tok_starts = [t.idx for t in self.doc]
        starts = self._tok_starts
        k = bisect.bisect_right(starts, char) - 1
        if k < 0:
            return len(self.doc)
        if starts[k] == char:
            return bisect.bisect_left(starts, char)
        # a token ends where the next one starts at the latest, so only the last token
        # starting before char can hold it
        tok = self.doc[k]
        return k if char < tok.idx + max(1, len(tok.text)) else len(self.doc)

    def append(self, a: ActorState) -> None:
        a.order = len(self.actors)
        self.actors.append(a)
        for key in a.keys:
            self.add_key(a, key)
        self.reindex(a)

    def new_actor(self, name: str, type_: ActorType, entry: Entry | None = None) -> ActorState:
        a = ActorState(Actor(id="", name=name, type=type_))
        self.append(a)
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
        self.add_key(a, name_key(entry.name))
        self.reindex(a)

    def find(self, entry: Entry) -> ActorState | None:
        for a in self.having(("entry", entry.id)):
            if a.entry is not None and a.entry.id == entry.id:
                return a
        return None

    def add_key(self, a: ActorState, key: str) -> None:
        a.keys.add(key)
        self._note(a, "key", key)
        self._note(a, "loose", loose_key(key))

    def reindex(self, a: ActorState) -> None:
        """Note ``a``'s surname, given name, name and entry as they are now."""
        if a.surname is not None:
            self._note(a, "surname", a.surname)
        if a.given is not None:
            self._note(a, "given", a.given)
        if a.entry is not None:
            self._note(a, "entry", a.entry.id)
        name = a.actor.name
        self._note(a, "name", name)
        self._note(a, "initials", initials(name))
        words = name.replace(",", " ").split()
        if len(words) >= 2 and generation_of(name):
            self._note(a, "before generation", loose_key(words[-2]))

    def having(self, *wanted: tuple[str, str]) -> list[ActorState]:
        """The actors that have (or once had) any of these (field, value) pairs, in order.

        Keys never leave an actor, so "key" and "loose" answers hold; the other fields may
        have changed since they were noted."""
        found: list[ActorState] = []
        for want in wanted:
            found.extend(self._index.get(want, ()))
        if len(wanted) > 1:
            found = sorted({a.order: a for a in found}.values(), key=lambda a: a.order)
        return found

    def _note(self, a: ActorState, field_: str, value: str) -> None:
        held = self._index.setdefault((field_, value), [])
        if any(x is a for x in held):
            return
        bisect.insort(held, a, key=lambda x: x.order)


def _doc_date(document: Document) -> str | None:
    for value in (document.published, document.dateline.date if document.dateline else None):
        if value and re.match(r"\d{4}-\d{2}-\d{2}", value):
            return value[:10]
    return None


GENERATION = words("generation_suffixes")


def generation_of(name: str) -> str | None:
    words = name.replace(",", " ").split()
    if len(words) >= 2 and words[-1].rstrip(".").lower() in GENERATION:
        return words[-1].rstrip(".").lower()
    return None


class Spans(Generic[T]):
    """Things with a character range, sorted by start, so that those near a range come from
    a bisect instead of a scan over all of them."""

    def __init__(self, spans: Iterable[tuple[int, int, T]] = ()) -> None:
        rows = sorted(spans, key=lambda r: r[0])
        self._starts = [r[0] for r in rows]
        self._items = [r[2] for r in rows]
        self._longest = max((e - s for s, e, _item in rows), default=0)

    def add(self, start: int, end: int, item: T) -> None:
        k = bisect.bisect_right(self._starts, start)
        self._starts.insert(k, start)
        self._items.insert(k, item)
        self._longest = max(self._longest, end - start)

    def near(self, start: int, end: int) -> list[T]:
        """Every thing whose range overlaps or touches ``[start, end]``, and maybe others
        near it (callers test each), by start."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_right(self._starts, end)
        return self._items[lo:hi]


def in_ranges(ranges: list[tuple[int, int]], char: int) -> bool:
    """``char`` falls in one of ``ranges``, which are sorted and do not overlap (lines)."""
    k = bisect.bisect_right(ranges, char, key=lambda r: r[0]) - 1
    return k >= 0 and char < ranges[k][1]


def initials(name: str) -> str:
    """ "General Motors" -> "GM": the capitals that open its words."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper())


def strip_honorifics(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in PERSON_TITLES:
        words = words[1:]
    return " ".join(words)


def unique(entries: Iterable[Entry]) -> list[Entry]:
    seen: dict[str, Entry] = {}
    for e in entries:
        seen.setdefault(e.id, e)
    return list(seen.values())


def lower_words(doc: Doc) -> set[str]:
    """The words the document writes in lower case somewhere, once per document."""
    return cached(doc, "actors.lower_words", lambda: {t.text for t in doc if t.is_lower})
