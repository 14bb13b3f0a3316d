"""Title phrases: the title words, finding them with the country, seat or person that
qualifies them ("the Russian President", "Putin's spokesman", "President of Belarus"), and
resolving each to the person apposed to it or to the office holder on the document's date."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from readout.extract.actors.context import ActorState, Context, Mention, unique
from readout.kb.lookup import Entry, Match, case_ok
from readout.lexicon import words

# Title words -> role categories they stand for (first = preferred), longest phrases first.
TITLES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = tuple(
    sorted(
        (
            (("president",), ("head of state",)),
            (("leader",), ("head of state", "head of government")),
            (("head", "of", "state"), ("head of state",)),
            (("prime", "minister"), ("head of government",)),
            (("premier",), ("head of government",)),
            (("chancellor",), ("head of government",)),
            (("pm",), ("head of government",)),
            (("foreign", "minister"), ("foreign minister",)),
            (("minister", "of", "foreign", "affairs"), ("foreign minister",)),
            (("minister", "for", "foreign", "affairs"), ("foreign minister",)),
            (("foreign", "secretary"), ("foreign minister",)),
            (("secretary", "of", "state"), ("foreign minister",)),
            (("top", "diplomat"), ("foreign minister",)),
            (("defence", "minister"), ("defence minister",)),
            (("defense", "minister"), ("defence minister",)),
            (("finance", "minister"), ("finance minister",)),
            (("spokesperson",), ("spokesperson",)),
            (("spokesman",), ("spokesperson",)),
            (("spokeswoman",), ("spokesperson",)),
            (("press", "secretary"), ("spokesperson",)),
            (("vice", "president"), ("vice president",)),
            (("king",), ("head of state",)),
            (("queen",), ("head of state",)),
        ),
        key=lambda t: -len(t[0]),
    )
)


# TITLES by their first word, in TITLES' order
_BY_FIRST: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
for _title in TITLES:
    _BY_FIRST.setdefault(_title[0][0], []).append(_title)


def title_at(doc: Doc, i: int, end: int) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The longest title (words, roles) starting at token ``i`` and ending by token ``end``."""
    for phrase, roles in _BY_FIRST.get(doc[i].lower_, ()):
        k = len(phrase)
        if i + k <= end and all(doc[i + x].lower_ == w for x, w in enumerate(phrase)):
            return phrase, roles
    return None


# Words before a title that change nothing about whom it names.
_TITLE_FILLER = words("title_fillers")


# Words before a title that say the office is no longer held: never resolved to today's holder.
_TITLE_PAST = words("past_title_words")


@dataclass(slots=True)
class Title:
    start: int  # chars, including a leading "the"
    end: int
    tok_start: int
    tok_end: int  # exclusive
    roles: tuple[str, ...]
    country: str | None = None
    seat: Entry | None = None
    possessor: tuple[int, int] | None = None  # chars of "Putin" in "Putin's spokesman"
    past: bool = False
    qualified: bool = False
    title_filter: str | None = None  # a word the office's title must contain ("president")


TITLE_WORDS = frozenset(
    w
    for phrase, _roles in TITLES
    for w in phrase
    if w not in ("of", "for", "state", "affairs", "top", "head")
)


def find_titles(ctx: Context) -> list[Title]:
    doc = ctx.doc
    out: list[Title] = []
    n = len(doc)
    i = 0
    while i < n:
        hit = title_at(doc, i, n)
        if hit is None:
            i += 1
            continue
        phrase, roles = hit
        k = len(phrase)
        if phrase == ("pm",) and doc[i].text != "PM":
            i += 1
            continue
        t = Title(doc[i].idx, doc[i + k - 1].idx + len(doc[i + k - 1].text), i, i + k, roles)
        _qualify_left(ctx, t)
        _qualify_right(ctx, t)
        if ctx.inside(t.start, t.end):
            out.append(t)
        i = t.tok_end
    return out


def _qualify_left(ctx: Context, t: Title) -> None:
    doc = ctx.doc
    j = t.tok_start - 1
    while j >= 0:
        tok = doc[j]
        low = tok.lower_
        if low in _TITLE_FILLER:
            j -= 1
            continue
        if low in _TITLE_PAST or low.startswith("ex-"):
            t.past = True
            j -= 1
            continue
        if low in ("ministry", "foreign") and "spokesperson" in t.roles:
            t.title_filter = "foreign"
            t.qualified = True
            j -= 1
            continue
        if low in ("'s", "’s", "'") and j > 0:
            # "Russia's President", "Putin's spokesman"
            found = _known_before(ctx, j)
            if found is not None:
                _apply_qualifier(t, found[1])
                j = found[0] - 1
            else:
                k = j - 1
                while k >= 0 and doc[k].text[:1].isupper() and doc[k].is_alpha:
                    k -= 1
                if k == j - 1:
                    break
                t.possessor = (doc[k + 1].idx, doc[j - 1].idx + len(doc[j - 1].text))
                j = k
            t.qualified = True
            continue
        found = _known_before(ctx, j + 1)
        if found is not None and any(
            m.kind == "demonym" or m.entry.type in ("organization", "country") for m in found[1]
        ):
            _apply_qualifier(t, found[1])
            t.qualified = True
            j = found[0] - 1
            continue
        break
    if j >= 0 and doc[j].lower_ == "the":
        t.tok_start = j
    else:
        t.tok_start = j + 1
    t.start = doc[t.tok_start].idx


def _known_before(ctx: Context, end_tok: int) -> tuple[int, list[Match]] | None:
    """A known name ending just before token ``end_tok``: (its first token, its matches)."""
    doc, kb = ctx.doc, ctx.kb
    if kb is None or end_tok <= 0 or doc[end_tok - 1].is_punct:
        return None  # "a deal with China, President Trump said": the comma ends the qualifier
    end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
    for start_tok in range(max(0, end_tok - 6), end_tok):
        if not doc[start_tok].text[:1].isupper():
            continue
        surface = ctx.text[doc[start_tok].idx : end_char]
        if "\n" in surface:
            continue
        matches = [m for m in kb.scan(surface) if case_ok(surface, m.alias)]
        if matches:
            return start_tok, matches
    return None


def _apply_qualifier(t: Title, matches: list[Match]) -> None:
    for m in matches:
        e = m.entry
        if e.type == "country" or m.kind == "demonym":
            t.country = t.country or e.country
        elif (
            e.type == "organization"
            and e.country
            and any(r.role in ("presidency", "prime minister's office") for r in e.roles)
        ):
            t.seat = e
            t.country = t.country or e.country
            t.title_filter = t.title_filter or (
                "president" if e.roles[0].role == "presidency" else "prime minister"
            )
        elif e.type == "place" and e.country:
            t.country = t.country or e.country


def _qualify_right(ctx: Context, t: Title) -> None:
    """ "President of Russia", "President of the Republic of Belarus"."""
    doc, kb = ctx.doc, ctx.kb
    j = t.tok_end
    if kb is None or j >= len(doc) or doc[j].lower_ != "of":
        return
    s = j + 1
    if s < len(doc) and doc[s].lower_ == "the":
        s += 1
    for e in range(min(len(doc), s + 6), s, -1):
        if doc[e - 1].is_punct:
            continue
        surface = ctx.text[doc[s].idx : doc[e - 1].idx + len(doc[e - 1].text)]
        if "\n" in surface:
            continue
        matches = [m for m in kb.scan(surface) if case_ok(surface, m.alias)]
        countries = [m for m in matches if m.entry.type == "country" and m.kind != "demonym"]
        if countries:
            t.country = countries[0].entry.country
            t.qualified = True
            t.tok_end = e
            t.end = doc[e - 1].idx + len(doc[e - 1].text)
            return


def next_name_start(ctx: Context, t: Title) -> int:
    """Where a name directly after a title would start ("Kremlin spokesperson Dmitry Peskov")."""
    doc = ctx.doc
    j = t.tok_end
    return doc[j].idx if j < len(doc) else -1


_SPACE = re.compile(r"\s")


def _comma_after(text: str, pos: int) -> range:
    """The ends ``p`` for which ``text[pos:p]`` is one comma with only white space about it."""
    q = pos
    while q < len(text) and _SPACE.match(text, q):
        q += 1
    if q >= len(text) or text[q] != ",":
        return range(0)
    r = q + 1
    while r < len(text) and _SPACE.match(text, r):
        r += 1
    return range(q + 1, r + 1)


def _comma_before(text: str, pos: int) -> range:
    """The starts ``p`` for which ``text[p:pos]`` is one comma with only white space about it."""
    q = pos
    while q > 0 and _SPACE.match(text, q - 1):
        q -= 1
    if q == 0 or text[q - 1] != ",":
        return range(0)
    r = q - 1
    while r > 0 and _SPACE.match(text, r - 1):
        r -= 1
    return range(r, q)


class TitleIndex:
    """The titles by where they start and end, to find the one apposed to a name."""

    def __init__(self, titles: list[Title]) -> None:
        self.titles = titles
        self._by_start: dict[int, list[int]] = {}
        self._by_end: dict[int, list[int]] = {}
        for i, t in enumerate(titles):
            self._by_start.setdefault(t.start, []).append(i)
            self._by_end.setdefault(t.end, []).append(i)

    def apposed(self, text: str, m: Mention) -> Title | None:
        """ "Dmitry Peskov, the Kremlin spokesperson," or "the Kremlin spokesperson, Dmitry
        Peskov": the first title one comma away from the name."""
        near = [i for p in _comma_after(text, m.end) for i in self._by_start.get(p, ())]
        near += [i for p in _comma_before(text, m.start) for i in self._by_end.get(p, ())]
        for i in sorted(near):
            t = self.titles[i]
            between = text[m.end : t.start] if t.start >= m.end else text[t.end : m.start]
            if t.start >= m.end or t.end <= m.start:
                if re.fullmatch(r"\s*,\s*", between):
                    return t
        return None


def resolve_titles(ctx: Context, titles: list[Title]) -> None:
    text = ctx.text
    people = _People(ctx)
    for t in titles:
        target = people.bound(t)
        if target is None and not t.past:
            target = _holder(ctx, people, t)
        if target is None:
            continue
        for r in t.roles[:1]:
            if r not in target.hint_roles and target.entry is None:
                target.hint_roles.append(r)
        people.note_roles(target)
        if target.actor.country is None and t.country:
            target.actor.country = t.country
        if t.qualified or ctx.doc[t.tok_start].lower_ == "the":
            target.add(text, t.start, t.end, "title")
            people.ends.setdefault(t.end, []).append((target, "title"))


class _People:
    """The persons titles are resolved to, by where their mentions start and end and by the
    roles they hold or were hinted, so that each title does not scan every actor.

    Built once: while titles are resolved, no person gains a mention other than a title, nor
    changes type or entry; the title mentions, hinted roles and new holders are noted as
    they come. Lookups test each found actor as the scans did.
    """

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.starts: dict[int, list[tuple[ActorState, str | None]]] = {}
        self.ends: dict[int, list[tuple[ActorState, str | None]]] = {}
        self.by_role: dict[str, list[ActorState]] = {}
        for a in ctx.actors:
            if a.actor.type != "person":
                continue
            for m in a.actor.mentions:
                kind = a.kinds.get((m.start, m.end))
                self.starts.setdefault(m.start, []).append((a, kind))
                self.ends.setdefault(m.end, []).append((a, kind))
            self.note_roles(a)

    def note_roles(self, a: ActorState) -> None:
        roles = {r.role for r in a.entry.roles_on(self.ctx.date)} if a.entry else set()
        for role in sorted(roles | set(a.hint_roles)):
            held = self.by_role.setdefault(role, [])
            if all(x is not a for x in held):
                bisect.insort(held, a, key=lambda x: x.order)

    def bound(self, t: Title) -> ActorState | None:
        """The person a title is apposed to: the name right after it, or across one comma."""
        text = self.ctx.text
        nxt = next_name_start(self.ctx, t)
        owner = self.possessor(t)
        right_after = [
            a
            for a, kind in self.starts.get(nxt, ())
            if a is not owner and kind != "title" and nxt >= t.end
        ]
        if right_after:
            return min(right_after, key=lambda a: a.order)
        across = [x for p in _comma_after(text, t.end) for x in self.starts.get(p, ())]
        across += [x for p in _comma_before(text, t.start) for x in self.ends.get(p, ())]
        found = [a for a, kind in across if a is not owner and kind in ("name", "seed")]
        return min(found, key=lambda a: a.order) if found else None

    def possessor(self, t: Title) -> ActorState | None:
        """The person whose mention ends where the title's possessor does ("Putin's")."""
        if t.possessor is None:
            return None
        found = [a for a, _kind in self.ends.get(t.possessor[1], ())]
        return min(found, key=lambda a: a.order) if found else None


def _holder(ctx: Context, people: _People, t: Title) -> ActorState | None:
    """Who held the office the title names on the document's date: someone the document
    already names, else the knowledge base's holder (only a single clear one)."""
    country = t.country
    owner = people.possessor(t)
    if owner is not None:
        country = country or owner.actor.country
        if owner.entry is not None and "head of state" in owner.entry.role_names_on(ctx.date):
            t.title_filter = t.title_filter or "president"
    if country is None and not t.qualified:
        # a bare "the president": only someone the document names, and only one such
        country = None
    for role in t.roles:
        in_doc = [
            a
            for a in people.by_role.get(role, ())
            if a.actor.type == "person"
            and (country is None or a.actor.country == country)
            and (
                (
                    a.entry is not None
                    and any(
                        r.role == role and _title_ok(r.title, t) for r in a.entry.roles_on(ctx.date)
                    )
                )
                or (a.entry is None and role in a.hint_roles)
            )
        ]
        if len(in_doc) > 1:
            # the knowledge base's holder on the day over a name a title was once given
            # ("President John F. Kennedy" in a report on Trump)
            in_doc = [a for a in in_doc if a.entry is not None] or in_doc
        if len(in_doc) == 1:
            return in_doc[0]
        if in_doc:
            return None
        if ctx.kb is None or country is None:
            continue
        holders = [
            (e, r) for e, r in ctx.kb.holders(role, country, ctx.date) if _title_ok(r.title, t)
        ]
        persons = unique(e for e, _r in holders if e.type == "person")
        if len(persons) == 1:
            e = persons[0]
            return ctx.find(e) or ctx.new_actor(e.name, "person", e)
        if persons:
            return None
    return None


def _title_ok(title: str, t: Title) -> bool:
    return t.title_filter is None or t.title_filter in title.lower()
