"""Title phrases: the title words, finding them with the country, seat or person that
qualifies them ("the Russian President", "Putin's spokesman", "President of Belarus"), and
resolving each to the person apposed to it or to the office holder on the document's date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from readout.extract.actors.context import ActorState, Context, Mention, unique
from readout.kb.lookup import Entry, Match, case_ok

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


# Words before a title that change nothing about whom it names.
_TITLE_FILLER = frozenset({"acting", "incumbent", "current", "new", "newly", "elected", "chief"})


# Words before a title that say the office is no longer held: never resolved to today's holder.
_TITLE_PAST = frozenset({"former", "ex", "then", "late", "outgoing", "previous", "first"})


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
    for words, _roles in TITLES
    for w in words
    if w not in ("of", "for", "state", "affairs", "top", "head")
)


def find_titles(ctx: Context) -> list[Title]:
    doc = ctx.doc
    out: list[Title] = []
    n = len(doc)
    i = 0
    while i < n:
        hit = None
        for words, roles in TITLES:
            k = len(words)
            if i + k <= n and all(doc[i + x].lower_ == w for x, w in enumerate(words)):
                hit = (k, roles)
                break
        if hit is None:
            i += 1
            continue
        k, roles = hit
        if words == ("pm",) and doc[i].text != "PM":
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


def apposed_title(ctx: Context, m: Mention, titles: list[Title]) -> Title | None:
    """ "Dmitry Peskov, the Kremlin spokesperson," or "the Kremlin spokesperson, Dmitry Peskov"."""
    text = ctx.text
    for t in titles:
        between = text[m.end : t.start] if t.start >= m.end else text[t.end : m.start]
        if t.start >= m.end or t.end <= m.start:
            if re.fullmatch(r"\s*,\s*", between):
                return t
    return None


def resolve_titles(ctx: Context, titles: list[Title]) -> None:
    text = ctx.text
    for t in titles:
        target = _bound_person(ctx, t)
        if target is None and not t.past:
            target = _holder(ctx, t)
        if target is None:
            continue
        for r in t.roles[:1]:
            if r not in target.hint_roles and target.entry is None:
                target.hint_roles.append(r)
        if target.actor.country is None and t.country:
            target.actor.country = t.country
        if t.qualified or ctx.doc[t.tok_start].lower_ == "the":
            target.add(text, t.start, t.end, "title")


def _bound_person(ctx: Context, t: Title) -> ActorState | None:
    """The person a title is apposed to: the name right after it, or across one comma."""
    text = ctx.text
    nxt = next_name_start(ctx, t)
    owner = _possessor(ctx, t)
    best: ActorState | None = None
    for a in ctx.actors:
        if a.actor.type != "person" or a is owner:
            continue
        for m in a.actor.mentions:
            kind = a.kinds.get((m.start, m.end))
            if kind == "title":
                continue
            if m.start == nxt and m.start >= t.end:
                return a
            between = (
                text[m.end : t.start]
                if m.end <= t.start
                else text[t.end : m.start]
                if t.end <= m.start
                else None
            )
            if (
                between is not None
                and re.fullmatch(r"\s*,\s*", between)
                and kind in ("name", "seed")
            ):
                best = best or a
    return best


def _holder(ctx: Context, t: Title) -> ActorState | None:
    """Who held the office the title names on the document's date: someone the document
    already names, else the knowledge base's holder (only a single clear one)."""
    country = t.country
    owner = _possessor(ctx, t)
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
            for a in ctx.actors
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
        people = unique(e for e, _r in holders if e.type == "person")
        if len(people) == 1:
            e = people[0]
            return ctx.find(e) or ctx.new_actor(e.name, "person", e)
        if people:
            return None
    return None


def _possessor(ctx: Context, t: Title) -> ActorState | None:
    if t.possessor is None:
        return None
    for a in ctx.actors:
        if a.actor.type == "person" and any(m.end == t.possessor[1] for m in a.actor.mentions):
            return a
    return None


def _title_ok(title: str, t: Title) -> bool:
    return t.title_filter is None or t.title_filter in title.lower()
