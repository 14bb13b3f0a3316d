"""Resolving each mention to an actor: seed speakers, people by full name, surname or
first name and patronymic, other names through the knowledge base or as unknown names."""

from __future__ import annotations

from readout.extract.actors.context import (
    ActorState,
    Context,
    Mention,
    generation_of,
    strip_honorifics,
    unique,
)
from readout.extract.actors.linking import acronym_of, choose, metonymic, nested_country, pick_entry
from readout.extract.actors.titles import Title, apposed_title, next_name_start
from readout.kb.lookup import case_ok, loose_key, name_key
from readout.model import Actor, ActorType


def add_seed(ctx: Context, seed: list[Actor]) -> None:
    for actor in seed:
        a = ActorState(actor)
        ctx.actors.append(a)
        for m in actor.mentions:
            a.kinds[(m.start, m.end)] = "seed"
            a.first = min(a.first, m.start)
        name = strip_honorifics(actor.name)
        a.keys.add(name_key(name))
        words = name.split()
        if len(words) >= 2:
            a.surname = loose_key(words[-1])
            a.given = loose_key(words[0])
        if ctx.kb is not None and actor.kb is None and actor.type == "person":
            if len(words) >= 2:
                cands = [e for e in ctx.kb.candidates(name) if e.type == "person"]
                best = choose(ctx, cands, hint_roles=(), exact=True)
            else:
                best = choose(ctx, ctx.kb.by_surname(name), hint_roles=(), exact=False)
            if best is not None:
                ctx.link(a, best)  # the canonical name replaces the label's wording
        elif actor.kb is not None and ctx.kb is not None:
            entry = ctx.kb.entry(actor.kb)
            if entry is not None:
                a.entry = entry


def resolve_names(ctx: Context, mentions: list[Mention], titles: list[Title]) -> None:
    text = ctx.text
    persons = [m for m in mentions if _is_person(m)]
    others = [m for m in mentions if not _is_person(m)]
    title_next = {next_name_start(ctx, t): t for t in titles}

    def hint_for(m: Mention) -> tuple[str, ...]:
        t = title_next.get(m.start)
        if t is None:
            t = apposed_title(ctx, m, titles)
        return t.roles if t is not None else ()

    full = [m for m in persons if m.kind not in ("patronymic",) and len(_words(text, m)) >= 2]
    single = [m for m in persons if m.kind not in ("patronymic",) and len(_words(text, m)) < 2]
    patro = [m for m in persons if m.kind == "patronymic"]
    for m in full:
        _person_full(ctx, m, hint_for(m))
    for m in single:
        _person_single(ctx, m, hint_for(m))
    for m in patro:
        _person_patronymic(ctx, m)
    for m in others:
        _other(ctx, m)


def _is_person(m: Mention) -> bool:
    if m.kind == "patronymic":
        return True
    if m.matches:
        if any(x.entry.type == "person" for x in m.matches):
            return True
        return False
    return m.ner == "person"


def _words(text: str, m: Mention) -> list[str]:
    return strip_honorifics(text[m.start : m.end]).split()


def _person_full(ctx: Context, m: Mention, hint: tuple[str, ...]) -> None:
    text = ctx.text
    name = strip_honorifics(text[m.start : m.end])
    key, lkey = name_key(name), loose_key(name)
    for a in ctx.actors:
        if a.actor.type == "person" and (key in a.keys or lkey in {loose_key(k) for k in a.keys}):
            a.add(text, m.start, m.end, "name")
            return
    entry = None
    if ctx.kb is not None:
        cands = [x.entry for x in m.matches if x.entry.type == "person"] or [
            e for e in ctx.kb.candidates(name) if e.type == "person"
        ]
        entry = choose(ctx, unique(cands), hint, exact=True)
    if entry is not None:
        existing = ctx.find(entry)
        if existing is not None:
            existing.keys.add(key)
            existing.add(text, m.start, m.end, "name")
            return
    words = name.split()
    generation = generation_of(name)
    if generation is not None:
        # "Trump Jr." after "Donald Trump Jr.": the same man; a bare "Trump" is not
        for a in ctx.actors:
            if a.actor.type == "person" and key in a.keys:
                a.add(text, m.start, m.end, "name")
                return
        a = ctx.new_actor(name, "person", entry)
        a.keys.update({key, name_key(" ".join(words[-2:]))})
        a.add(text, m.start, m.end, "name")
        return
    # an earlier surname-only actor ("Peskov said ... Dmitry Peskov") joins the full name
    for a in ctx.actors:
        if (
            a.actor.type == "person"
            and a.entry is None
            and a.surname is None
            and loose_key(words[-1]) in {loose_key(k) for k in a.keys}
        ):
            a.keys.add(key)
            a.actor.name = name
            a.surname, a.given = loose_key(words[-1]), loose_key(words[0])
            if entry is not None:
                ctx.link(a, entry)
            a.add(text, m.start, m.end, "name")
            return
    a = ctx.new_actor(name, "person", entry)
    a.keys.add(key)
    if entry is None:
        a.surname, a.given = loose_key(words[-1]), loose_key(words[0])
    if hint:
        a.hint_roles.extend(r for r in hint if r not in a.hint_roles)
    a.add(text, m.start, m.end, "name")


def _person_single(ctx: Context, m: Mention, hint: tuple[str, ...]) -> None:
    text = ctx.text
    word = strip_honorifics(text[m.start : m.end])
    lk = loose_key(word)
    same = [
        a
        for a in ctx.actors
        if a.actor.type == "person" and (a.surname == lk or name_key(word) in a.keys)
    ]
    if same:
        before = [a for a in same if a.first <= m.start]
        target = max(before, key=lambda a: a.first) if len(before) > 1 else (before or same)[0]
        target.add(text, m.start, m.end, "surname")
        return
    entry = None
    if ctx.kb is not None:
        entry = choose(ctx, ctx.kb.by_surname(word), hint, exact=False)
    if entry is not None:
        existing = ctx.find(entry)
        if existing is not None:
            existing.add(text, m.start, m.end, "surname")
            return
        a = ctx.new_actor(entry.name, "person", entry)
    else:
        junior = [
            a
            for a in ctx.actors
            if a.actor.type == "person"
            and a.entry is None
            and generation_of(a.actor.name)
            and loose_key(a.actor.name.replace(",", " ").split()[-2]) == lk
        ]
        if len(junior) == 1:  # "Nicholson" after "John W. Nicholson Jr.", nobody else
            junior[0].add(text, m.start, m.end, "surname")
            return
        a = ctx.new_actor(word, "person")
        a.keys.add(name_key(word))
        a.vote("person", 0.9)  # a lone word is weak evidence of a person: other tags outvote it
    a.add(text, m.start, m.end, "surname")


def _person_patronymic(ctx: Context, m: Mention) -> None:
    text = ctx.text
    first, patronymic = text[m.start : m.end].split()[:2]
    fk, pk = loose_key(first), loose_key(patronymic)
    people = [a for a in ctx.actors if a.actor.type == "person" and a.given == fk]
    exact = [
        a
        for a in people
        if a.entry is not None and a.entry.patronymic and loose_key(a.entry.patronymic) == pk
    ]
    target = exact[0] if len(exact) == 1 else people[0] if len(people) == 1 else None
    if target is None and ctx.kb is not None:
        cands = [x.entry for x in m.matches if x.entry.type == "person"] or [
            e for e in ctx.kb.candidates(f"{first} {patronymic}") if e.type == "person"
        ]
        entry = choose(ctx, unique(cands), (), exact=True)
        if entry is not None:
            target = ctx.find(entry) or ctx.new_actor(entry.name, "person", entry)
    if target is None:
        for a in ctx.actors:
            if a.actor.type == "person" and name_key(f"{first} {patronymic}") in a.keys:
                target = a
                break
    if target is None:
        target = ctx.new_actor(f"{first} {patronymic}", "person")
        target.keys.add(name_key(f"{first} {patronymic}"))
    target.add(text, m.start, m.end, "patronymic")


def _other(ctx: Context, m: Mention) -> None:
    text = ctx.text
    surface = text[m.start : m.end]
    key = name_key(surface)
    if m.ner is not None and not m.matches and " " not in surface.strip():
        # "Peskov" tagged as an organisation: a person the document already names wins
        lk = loose_key(surface)
        for a in ctx.actors:
            if a.actor.type == "person" and a.surname == lk and a.actor.name.count(" ") >= 1:
                a.add(text, m.start, m.end, "surname")
                return
    matches = [x for x in m.matches if x.entry.type != "person"]
    if not matches and ctx.kb is not None and m.ner is not None:
        matches = [
            x
            for x in ctx.kb.lookup(surface)
            if x.entry.type != "person"
            and x.kind in ("name", "alt", "abbr", "demonym", "capital")
            and case_ok(surface, x.alias)
        ]
    entry, kind = pick_entry(matches, m)
    if entry is not None and entry.type == "place" and entry.of and metonymic(ctx, m):
        country = ctx.kb.entry(entry.of) if ctx.kb is not None else None
        if country is not None:
            entry, kind = country, "metonym"
    if entry is not None:
        a = ctx.find(entry) or ctx.new_actor(entry.name, entry.type, entry)  # type: ignore[arg-type]
        if entry.type == "organization" and any(r.role == "news agency" for r in entry.roles):
            a.hint_roles.append("news agency")
        a.add(text, m.start, m.end, kind)
        return
    if m.ner is None:
        return
    type_: ActorType = {
        "person": "person",
        "organization": "organization",
        "place": "place",
        "nationality": "group",
    }.get(m.ner, "organization")  # type: ignore[assignment]
    for a in ctx.actors:
        # an unknown name is one actor however the tagger labelled each occurrence
        if (
            a.entry is None
            and (a.actor.type != "person" or " " not in a.actor.name)
            and (
                key in a.keys
                or acronym_of(surface, a.actor.name)
                or acronym_of(a.actor.name, surface)
            )
        ):
            a.vote(type_)
            a.add(text, m.start, m.end, "name")
            return
    a = ctx.new_actor(surface, type_)
    a.vote(type_)
    a.keys.add(key)
    a.actor.country = nested_country(ctx, m)
    a.add(text, m.start, m.end, "name")
