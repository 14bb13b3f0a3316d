"""Meetings, the events readout serves first: the CONSULT mode (visit, phone,
multilateral, third-party, or "meet" for a face-to-face meeting of no other mode), the
visitor as source and host as target, and one event for one meeting however many
sentences mention it ("the talks", "their late-night meeting")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from readout.lexicon import words
from readout.model import Actor, Event

_PHONE_WORDS = words("phone_words")
_ARRIVAL_PLACES = ("place", "country")


def consult_mode(token: Token, pred: Token, mode: str | None, participants: int) -> str:
    """The CONSULT mode from the words around the trigger; ``participants`` counts the
    actors taking part, not the places."""
    if mode in ("visit", "phone", "third-party", "multilateral"):
        return mode
    near = {t.lower_ for t in pred.subtree} | {t.lower_ for t in token.subtree}
    if near & _PHONE_WORDS:
        return "phone"
    if participants >= 3:
        return "multilateral"
    return "meet"


def visit_roles(
    hosting: bool,
    source: list[str],
    target: list[str],
    place: list[str],
    actors: Sequence[Actor],
) -> tuple[list[str], list[str], list[str]]:
    """The PLOVER manual's rule: the visitor is the source, the host the target. "X
    visited Minsk" makes Minsk the place and the host; "X hosted Y", "welcomed Y to Sochi"
    (``hosting``: CAMEO 043, host a visit) turn the roles round."""
    by_id = {a.id: a for a in actors}
    places = [t for t in target if by_id[t].type in _ARRIVAL_PLACES]
    if places and not place:
        place = places[:1]
    if hosting:
        # "welcomed you to Sochi": the guest is the visitor, Sochi the place
        guests = [t for t in target if by_id[t].type != "place" and t not in place]
        return guests, source, place
    return source, target, place


def without_places(
    source: list[str], target: list[str], place: list[str]
) -> tuple[list[str], list[str]]:
    """A place the event happened at is not a party to it ("talks in Sochi")."""
    return [s for s in source if s not in place], [t for t in target if t not in place]


def parties_count(ids: list[str], actors: Sequence[Actor]) -> int:
    """How many sides take part: a person and the country a title gives them ("the
    Spanish foreign minister": the minister and Spain) are one."""
    by_id = {a.id: a for a in actors}
    chosen = [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
    represented = {a.country for a in chosen if a.type != "country" and a.country}
    return sum(1 for a in chosen if not (a.type == "country" and a.country in represented))


def participants(event: Event) -> frozenset[str]:
    return frozenset(event.actors.source) | frozenset(event.actors.target)


def merge_meetings(
    events: list[Event], orphans: list[tuple[int, Event]], actors: Sequence[Actor]
) -> list[Event]:
    """One event per meeting: a CONSULT with the same participants and status as an
    earlier one joins it (its evidence, place and time fill the gaps), and a bare mention
    of a meeting ("the talks were productive": ``orphans``, with the place of its sentence
    in the text) joins the latest meeting before it."""
    countries = {a.id for a in actors if a.type == "country"}
    kept: list[Event] = []
    for event in events:
        same = next((k for k in kept if _same_meeting(k, event, countries)), None)
        if same is None:
            kept.append(event)
        else:
            _absorb(same, event)
    meetings = [e for e in kept if e.type == "CONSULT"]
    for start, orphan in orphans:
        before = [m for m in meetings if m.evidence[0].start <= start]
        if before:
            _absorb(before[-1], orphan)
    return kept


def _same_meeting(a: Event, b: Event, countries: set[str]) -> bool:
    """Two reports of one meeting: the same status, and the people and bodies of one
    (at least two) all among the other's ("Putin and Lukashenko" met; "Putin" met
    "Lukashenko" of "Belarus")."""
    if a.type != "CONSULT" or b.type != "CONSULT" or a.status != b.status:
        return False
    pa, pb = participants(a) - countries, participants(b) - countries
    small, large = sorted((pa, pb), key=len)
    if len(small) < 2 or not small <= large:
        return False
    return not (a.time.start and b.time.start and a.time.start != b.time.start)


def _absorb(into: Event, other: Event) -> None:
    for span in other.evidence:
        if span not in into.evidence:
            into.evidence.append(span)
    into.place = into.place or other.place
    # the parties, not the places ("welcome you to Sochi")
    known = participants(into) | {into.place}
    places = {i for i in (other.place, *other.actors.target) if i and i == other.place}
    into.actors.source += [i for i in other.actors.source if i not in known | places]
    into.actors.target += [i for i in other.actors.target if i not in known | places]
    into.time.start = into.time.start or other.time.start
    into.time.end = into.time.end or other.time.end
    if into.mode == "meet" and other.mode not in (None, "meet"):
        into.mode = other.mode
        if other.mode == "visit" and other.actors.source and other.actors.target:
            # the visitor is the source, the host the target, the rest go with the visitor
            host = other.actors.target
            rest = [i for i in into.actors.source + into.actors.target if i not in host]
            into.actors.source = list(dict.fromkeys(other.actors.source + rest))
            into.actors.target = list(host)
