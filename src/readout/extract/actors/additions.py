"""Actors the stages after the actors stage add: speakers and agents it did not list."""

from __future__ import annotations

from readout.lexicon import words
from readout.model import Actor, ActorType, Span


class ActorList:
    """An actor list a later stage extends: a speaker or agent the actors stage did not
    list ("officials", "a source", "Police", an untagged name) is appended as an actor of
    its own, and a known actor named again gains the mention. This class is the only place
    the statements and events stages change the list (their callers see the additions in
    the list they passed)."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self.by_name: dict[str, Actor] = {a.name.lower(): a for a in actors}

    def add_mention(self, actor: Actor, span: Span) -> str:
        """``actor``'s id, with ``span`` among its mentions."""
        if span not in actor.mentions:
            actor.mentions.append(span)
        return actor.id

    def add(self, name: str, atype: ActorType, span: Span) -> str | None:
        """The id of the actor called ``name`` (a new one when none is), with ``span`` among
        its mentions; None for an empty name or page furniture ("RELATED: ...")."""
        if not name or name.lower() in words("page_furniture"):
            return None
        known = self.by_name.get(name.lower())
        if known is not None:
            return self.add_mention(known, span)
        actor = Actor(id=self._next_id(), name=name, type=atype, mentions=[span])
        self.actors.append(actor)
        self.by_name[name.lower()] = actor
        return actor.id

    def _next_id(self) -> str:
        nums = [int(a.id[1:]) for a in self.actors if a.id[1:].isdigit()]
        return f"a{max(nums, default=0) + 1}"
