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
    lemma: str, source: list[str], target: list[str], place: list[str], actors: Sequence[Actor]
) -> tuple[list[str], list[str], list[str]]:
    """The PLOVER manual's rule: the visitor is the source, the host the target. "X
    visited Minsk" makes Minsk the place and the host; "X hosted Y" turns the roles round."""
    if lemma == "host":
        return target, source, place
    by_id = {a.id: a for a in actors}
    places = [t for t in target if by_id[t].type in _ARRIVAL_PLACES]
    if places and not place:
        place = places[:1]
    return source, target, place


def without_places(
    source: list[str], target: list[str], place: list[str]
) -> tuple[list[str], list[str]]:
    """A place the event happened at is not a party to it ("talks in Sochi")."""
    return [s for s in source if s not in place], [t for t in target if t not in place]


def participants(event: Event) -> frozenset[str]:
    return frozenset(event.actors.source) | frozenset(event.actors.target)


def merge_meetings(events: list[Event], orphans: list[tuple[int, Event]]) -> list[Event]:
    """One event per meeting: a CONSULT with the same participants and status as an
    earlier one joins it (its evidence, place and time fill the gaps), and a bare mention
    of a meeting ("the talks were productive": ``orphans``, with the place of its sentence
    in the text) joins the latest meeting before it."""
    kept: list[Event] = []
    for event in events:
        same = next((k for k in kept if _same_meeting(k, event)), None)
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


def _same_meeting(a: Event, b: Event) -> bool:
    if a.type != "CONSULT" or b.type != "CONSULT" or a.status != b.status:
        return False
    pa, pb = participants(a), participants(b)
    if len(pa) < 2 or pa != pb:
        return False
    return not (a.time.start and b.time.start and a.time.start != b.time.start)


def _absorb(into: Event, other: Event) -> None:
    for span in other.evidence:
        if span not in into.evidence:
            into.evidence.append(span)
    into.place = into.place or other.place
    into.time.start = into.time.start or other.time.start
    into.time.end = into.time.end or other.time.end
    if into.mode == "meet" and other.mode not in (None, "meet"):
        into.mode = other.mode
