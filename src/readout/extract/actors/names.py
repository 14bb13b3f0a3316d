"""Resolving each mention to an actor: seed speakers, people by full name, surname or
first name and patronymic, other names through the knowledge base or as unknown names."""

from __future__ import annotations

from readout.extract.actors.context import (
    ActorState,
    Context,
    Mention,
    generation_of,
    initials,
    strip_honorifics,
    unique,
)
from readout.extract.actors.linking import (
    ROLE_RANK,
    acronym_of,
    choose,
    metonymic,
    name_variants,
    nested_country,
    pick_entry,
)
from readout.extract.actors.titles import Title, TitleIndex, next_name_start
from readout.kb.lookup import Entry, case_ok, loose_key, name_key
from readout.model import Actor, ActorType


def add_seed(ctx: Context, seed: list[Actor]) -> None:
    for actor in seed:
        a = ActorState(actor)
        ctx.append(a)
        for m in actor.mentions:
            a.kinds[(m.start, m.end)] = "seed"
            a.first = min(a.first, m.start)
        name = strip_honorifics(actor.name)
        ctx.add_key(a, name_key(name))
        words = name.split()
        if len(words) >= 2:
            a.surname = loose_key(words[-1])
            a.given = loose_key(words[0])
            ctx.reindex(a)
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
                ctx.reindex(a)


def resolve_names(ctx: Context, mentions: list[Mention], titles: list[Title]) -> None:
    text = ctx.text
    for m in mentions:
        if m.ner == "person" and not m.matches and _after_the(text, m):
            m.ner = "organization"  # "told the Hill": people's names take no article
    persons = [m for m in mentions if _is_person(m)]
    others = [m for m in mentions if not _is_person(m)]
    title_next = {next_name_start(ctx, t): t for t in titles}
    apposed = TitleIndex(titles)

    def hint_for(m: Mention) -> tuple[str, ...]:
        t = title_next.get(m.start)
        if t is None:
            t = apposed.apposed(ctx.text, m)
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


def _after_the(text: str, m: Mention) -> bool:
    """A one-word name right after "the" ("the Hill"), not a family ("the Clintons")."""
    word = text[m.start : m.end]
    if " " in word or word.endswith("s"):
        return False
    before = text[max(0, m.start - 4) : m.start]
    return before.lower() == "the " and (m.start == 4 or not text[m.start - 5].isalnum())


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
    """A full name: the person the document already names so, else the one linked to its
    knowledge-base entry, else an earlier surname-only person, else a new person. "Trump Jr."
    after "Donald Trump Jr." is found by its key; a bare "Trump" is not the same man."""
    text = ctx.text
    name = strip_honorifics(text[m.start : m.end])
    key = name_key(name)
    a = _person_named(ctx, key, loose_key(name))
    if a is not None:
        a.add(text, m.start, m.end, "name")
        return
    entry = None
    if ctx.kb is not None:
        cands = [x.entry for x in m.matches if x.entry.type == "person"] or [
            e for e in ctx.kb.candidates(name) if e.type == "person"
        ]
        entry = choose(ctx, unique(cands), hint, exact=True)
        if not cands:
            # another form of the name, linked only on the evidence a surname needs
            entry = choose(ctx, name_variants(ctx, name), hint, exact=False)
    if entry is not None:
        existing = ctx.find(entry)
        if existing is not None:
            ctx.add_key(existing, key)
            existing.add(text, m.start, m.end, "name")
            return
    words = name.split()
    if generation_of(name) is not None:
        a = ctx.new_actor(name, "person", entry)
        ctx.add_key(a, key)
        ctx.add_key(a, name_key(" ".join(words[-2:])))
    else:
        a = _surname_joins(ctx, name, key, entry) or _new_person(ctx, name, key, entry, hint)
    a.add(text, m.start, m.end, "name")


def _person_named(ctx: Context, key: str, lkey: str) -> ActorState | None:
    """The first person with this name key, or a name the loose key does not tell apart."""
    for a in ctx.having(("key", key), ("loose", lkey)):
        if a.actor.type == "person":
            return a
    return None


def _surname_joins(ctx: Context, name: str, key: str, entry: Entry | None) -> ActorState | None:
    """An earlier surname-only person ("Peskov said ... Dmitry Peskov") takes the full name."""
    words = name.split()
    for a in ctx.having(("loose", loose_key(words[-1]))):
        if a.actor.type == "person" and a.entry is None and a.surname is None:
            ctx.add_key(a, key)
            a.actor.name = name
            a.surname, a.given = loose_key(words[-1]), loose_key(words[0])
            ctx.reindex(a)
            if entry is not None:
                ctx.link(a, entry)
            return a
    return None


def _new_person(
    ctx: Context, name: str, key: str, entry: Entry | None, hint: tuple[str, ...]
) -> ActorState:
    words = name.split()
    a = ctx.new_actor(name, "person", entry)
    ctx.add_key(a, key)
    if entry is None:
        a.surname, a.given = loose_key(words[-1]), loose_key(words[0])
        ctx.reindex(a)
    if hint:
        a.hint_roles.extend(r for r in hint if r not in a.hint_roles)
    return a


def _person_single(ctx: Context, m: Mention, hint: tuple[str, ...]) -> None:
    text = ctx.text
    word = strip_honorifics(text[m.start : m.end])
    lk, key = loose_key(word), name_key(word)
    same = [
        a
        for a in ctx.having(("surname", lk), ("key", key))
        if a.actor.type == "person" and (a.surname == lk or key in a.keys)
    ]
    holder = _titled_namesake(ctx, word, hint, same)
    if holder is not None:  # "Melania Trump ... President Trump": not the first lady
        target = ctx.find(holder) or ctx.new_actor(holder.name, "person", holder)
        target.add(text, m.start, m.end, "surname")
        return
    if same:
        before = [a for a in same if a.first <= m.start]
        target = (
            _most_salient(ctx, before, hint, m.start) if len(before) > 1 else (before or same)[0]
        )
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
            for a in ctx.having(("before generation", lk))
            if a.actor.type == "person"
            and a.entry is None
            and generation_of(a.actor.name)
            and loose_key(a.actor.name.replace(",", " ").split()[-2]) == lk
        ]
        if len(junior) == 1:  # "Nicholson" after "John W. Nicholson Jr.", nobody else
            junior[0].add(text, m.start, m.end, "surname")
            return
        a = ctx.new_actor(word, "person")
        ctx.add_key(a, key)
        a.vote("person", 0.9)  # a lone word is weak evidence of a person: other tags outvote it
    a.add(text, m.start, m.end, "surname")


def _titled_namesake(
    ctx: Context, word: str, hint: tuple[str, ...], same: list[ActorState]
) -> Entry | None:
    """The office holder a titled surname names when the people of that surname the
    document has are known to be others: "President Trump" after "Melania Trump" is the
    president on the document's date, not her. None when any of them could be the one (an
    unlinked name, or an entry the title fits)."""
    if not hint or not same or ctx.kb is None:
        return None
    if any(a.entry is None or set(hint) & set(a.entry.role_names_on(ctx.date)) for a in same):
        return None
    entry = choose(ctx, ctx.kb.by_surname(word), hint, exact=False)
    if entry is None or not set(hint) & set(entry.role_names_on(ctx.date)):
        return None
    return None if any(a.entry is not None and a.entry.id == entry.id for a in same) else entry


def _most_salient(
    ctx: Context, people: list[ActorState], hint: tuple[str, ...], at: int
) -> ActorState:
    """Which of several people with this surname a bare surname names: the one a title
    before it fits ("President Trump": the holder of the office on the document's date),
    else the one named most before this mention, else the one whose office on the
    document's date ranks highest, else the one the document names in full most often, else
    the latest named. A relative named once ("Melania Trump") does not take every "Trump"
    after her."""
    if hint:
        fitting = [
            a
            for a in people
            if a.entry is not None and set(hint) & set(a.entry.role_names_on(ctx.date))
        ]
        if len(fitting) == 1:
            return fitting[0]

    def salience(a: ActorState) -> tuple[int, float, int, int]:
        full = sum(k == "name" for k in a.kinds.values())
        so_far = sum(m.start < at for m in a.actor.mentions)
        return (so_far, _office_rank(ctx, a), full, a.first)

    return max(people, key=salience)


def _office_rank(ctx: Context, a: ActorState) -> float:
    if a.entry is None:
        return 0.0
    return max((ROLE_RANK.get(r, 1.0) for r in a.entry.role_names_on(ctx.date)), default=0.0)


def _person_patronymic(ctx: Context, m: Mention) -> None:
    text = ctx.text
    first, patronymic = text[m.start : m.end].split()[:2]
    fk, pk = loose_key(first), loose_key(patronymic)
    key = name_key(f"{first} {patronymic}")
    people = [a for a in ctx.having(("given", fk)) if a.actor.type == "person" and a.given == fk]
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
        target = next((a for a in ctx.having(("key", key)) if a.actor.type == "person"), None)
    if target is None:
        target = ctx.new_actor(f"{first} {patronymic}", "person")
        ctx.add_key(target, key)
    target.add(text, m.start, m.end, "patronymic")


def _other(ctx: Context, m: Mention) -> None:
    """A name that is not a known person's: a person the document names by that surname, else
    the knowledge base's entry, else an unknown name (none for an untagged match)."""
    text = ctx.text
    surface = text[m.start : m.end]
    if m.ner is not None and not m.matches and " " not in surface.strip():
        # "Peskov" tagged as an organisation: a person the document already names wins
        lk = loose_key(surface)
        for a in ctx.having(("surname", lk)):
            if a.actor.type == "person" and a.surname == lk and a.actor.name.count(" ") >= 1:
                a.add(text, m.start, m.end, "surname")
                return
    entry, kind = _known_entry(ctx, m, surface)
    if entry is not None:
        a = ctx.find(entry) or ctx.new_actor(entry.name, entry.type, entry)  # type: ignore[arg-type]
        if entry.type == "organization" and any(r.role == "news agency" for r in entry.roles):
            a.hint_roles.append("news agency")
        a.add(text, m.start, m.end, kind)
    elif m.ner is not None:
        _unknown_name(ctx, m, surface, m.ner)


def _known_entry(ctx: Context, m: Mention, surface: str) -> tuple[Entry | None, str]:
    """The entry a name that is not a person's stands for, and the mention's kind; a capital
    standing for its government is the country's ("metonym")."""
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
            return country, "metonym"
    return entry, kind


def _unknown_name(ctx: Context, m: Mention, surface: str, ner: str) -> None:
    """A tagged name the knowledge base does not settle: one actor however the tagger
    labelled each occurrence, with its initials ("GM") and what they stand for as one."""
    text = ctx.text
    key = name_key(surface)
    type_: ActorType = {
        "person": "person",
        "organization": "organization",
        "place": "place",
        "nationality": "group",
    }.get(ner, "organization")  # type: ignore[assignment]
    for a in ctx.having(("key", key), ("initials", surface), ("name", initials(surface))):
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
    ctx.add_key(a, key)
    a.actor.country = nested_country(ctx, m)
    a.add(text, m.start, m.end, "name")
