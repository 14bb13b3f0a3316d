"""Choosing knowledge-base entries: among a name's candidates by the document's date,
countries and title words; capitals standing for their governments; acronyms; the country a
name's first words name."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from readout.extract.actors.context import Context, Mention, initials
from readout.kb.lookup import Entry, Match, case_ok
from readout.lexicon import table, words

_LOCATIVE = words("locative_words")


ROLE_RANK = {
    "head of state": 3.0,
    "head of government": 2.5,
    "foreign minister": 2.0,
    "spokesperson": 2.0,
    "vice president": 1.5,
    "deputy head of government": 1.5,
    "defence minister": 1.5,
    "finance minister": 1.5,
    "news agency": 1.5,
}


def pick_entry(matches: list[Match], m: Mention) -> tuple[Entry | None, str]:
    """One entry for a known name: a single referent, else the one the NER type agrees with."""
    ids = {x.entry.id for x in matches}
    if not ids:
        return None, "name"
    if len(ids) > 1:
        want = {
            "place": ("country", "place"),
            "organization": ("organization",),
            "nationality": ("country",),
        }.get(m.ner or "", ())
        preferred = {x.entry.id: x for x in matches if x.entry.type in want}
        if len(preferred) != 1:
            demonyms = {x.entry.id for x in matches if x.kind == "demonym"}
            if demonyms and demonyms == ids:
                return None, "demonym"  # "Congolese": two countries
            # a country's name beats a capital or an organisation sharing it
            countries = {x.entry.id: x for x in matches if x.entry.type == "country"}
            if len(countries) != 1:
                return None, "name"
            preferred = countries
        ids = set(preferred)
        matches = list(preferred.values())
    x = matches[0]
    kind = "demonym" if x.kind == "demonym" else "name"
    return x.entry, kind


def metonymic(ctx: Context, m: Mention) -> bool:
    """A capital standing for its government: not after a locative preposition, not in a
    dateline ("MOSCOW, April 6 -"), not "Minsk, Belarus"."""
    doc, text = ctx.doc, ctx.text
    dp = ctx.dateline_place
    if dp is not None and dp.start <= m.start and m.end <= dp.end:
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    if not text[line_start : m.start].strip() and re.match(
        r"\s*,\s*(?:[A-Z][a-z]+\.? \d|\d)", text[m.end : m.end + 12]
    ):
        return False  # a dispatch dateline
    i = ctx.tok_at(m.start)
    j = i - 1
    while j >= 0:
        low = doc[j].lower_
        if low in ("and", "or", ",") and j > 0:
            # "in Moscow and Minsk": walk back over the coordinated names
            k = j - 1
            while (
                k >= 0
                and (doc[k].text[:1].isupper() or doc[k].is_punct)
                and doc[k].lower_ not in ("the",)
            ):
                if doc[k].text[:1].isupper():
                    k -= 1
                    break
                k -= 1
            j = k
            continue
        if low == "the":
            j -= 1
            continue
        return low not in _LOCATIVE
    return True


def acronym_of(short: str, long: str) -> bool:
    if not short.isupper() or len(short) < 2 or " " in short:
        return False
    return initials(long) == short


def nested_country(ctx: Context, m: Mention) -> str | None:
    """ "Russian Foreign Ministry" is Russian: the country a name's first words name."""
    if ctx.kb is None:
        return None
    words = ctx.text[m.start : m.end].split()
    for k in range(min(3, len(words)), 0, -1):
        for x in ctx.kb.scan(" ".join(words[:k])):
            if x.entry.type == "country" and case_ok(" ".join(words[:k]), x.alias):
                return x.entry.country
    return None


def choose(
    ctx: Context, cands: list[Entry], hint_roles: Sequence[str], exact: bool
) -> Entry | None:
    """The candidate the document's date, countries and title words agree with, or None.

    A full name (``exact``) with one candidate links to it; several must be told apart by a
    clear margin. A surname alone links only to someone who held a prominent office on the
    document's date and whom the document's countries or title words back, or who is the only
    such holder of that surname.
    """
    if not cands:
        return None
    scored: list[tuple[float, Entry]] = []
    for e in cands:
        active = e.role_names_on(ctx.date)
        rank = max((ROLE_RANK.get(r, 1.0) for r in active), default=0.0)
        score = rank + (2.0 if active else 0.0)
        if e.country and e.country in ctx.countries:
            score += 2.0
        if hint_roles and set(hint_roles) & set(active):
            score += 3.0
        scored.append((score, e))
    scored.sort(key=lambda se: -se[0])
    best_score, best = scored[0]
    runner = scored[1][0] if len(scored) > 1 else None
    if exact:
        if runner is None or best_score - runner >= 1.0:
            return best
        return None
    active = best.role_names_on(ctx.date)
    if not active:
        return _undated_fit(ctx, cands, hint_roles)
    backed = (best.country in ctx.countries) or bool(hint_roles and set(hint_roles) & set(active))
    prominent = max((ROLE_RANK.get(r, 1.0) for r in active), default=0.0) >= 2.0
    if runner is not None and best_score - runner < 1.0:
        return None
    return best if (backed or prominent) else None


def _undated_fit(ctx: Context, cands: list[Entry], hint_roles: Sequence[str]) -> Entry | None:
    """In a document without a date, the one candidate whose offices, held at any time, the
    title words fit ("President Trump" with no date is the Trump who was president)."""
    if ctx.date is not None or not hint_roles:
        return None
    fit = [e for e in cands if set(hint_roles) & {r.role for r in e.roles}]
    return fit[0] if len(fit) == 1 else None


def name_variants(ctx: Context, name: str) -> list[Entry]:
    """People the knowledge base knows by another form of this full name: without a middle
    initial ("Janet A. Napolitano"), by a formal given name ("Jim Mattis": James Mattis), with
    more given names ("Javad Zarif": Mohammad Javad Zarif) or another transliteration
    ("Alexander Torshin": Aleksandr Torshin)."""
    if ctx.kb is None:
        return []
    parts = name.replace(",", " ").split()
    given = [p.lower() for p in parts[:-1] if len(p.rstrip(".")) > 1]
    if not given:
        return []
    return [
        e
        for e in ctx.kb.by_surname(parts[-1])
        if e.type == "person" and _given_fits(given, e.name.lower().split()[:-1])
    ]


def _given_fits(given: list[str], entry_given: list[str]) -> bool:
    formal = {f for g in given for f in table("nicknames").get(g, "").split()}
    for g in given:
        for e in entry_given:
            if g == e or e in formal or _transliterated(g, e):
                return True
    return False


def _transliterated(a: str, b: str) -> bool:
    """ "alexander" ~ "aleksandr", "yevgeny" ~ "yevgeniy": one name in two spellings."""
    if a[:3] != b[:3] or min(len(a), len(b)) < 5:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75
