"""Looking up the actor a stretch of text mentions, for the stages after this one.

:func:`actor_at` and :func:`readout.extract.actors.resolve_pronoun` scan every mention of
every actor on each call; a stage that calls them once per statement builds one
:class:`MentionIndex` over its actor list and passes it as ``index=``, for the same answers
in log time.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from readout.model import Actor, Span


class MentionIndex:
    """The mentions of an actor list sorted by start.

    The index watches the list it was built from, so a caller that appends to it need do
    nothing more: each lookup first takes in the actors appended to the list and the
    mentions appended to their mention lists since the last lookup (as the statements stage
    does while it resolves speakers), at the cost of one pass over the actors, not over
    their mentions. Any other change it sees (an actor removed, replaced or moved, a mention
    list replaced or shortened, an actor's id or type changed) makes it rebuild. The one
    change it cannot see is a mention replaced in place by another, the list's length
    unchanged: call :meth:`refresh` after one.
    """

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = actors
        self.refresh()

    def refresh(self) -> None:
        """Rebuild from the list as it is now."""
        # per actor, by its place in the list: what it was when last taken in
        self._seen: list[tuple[Actor, list[Span], int, str, str]] = []
        self._starts: list[int] = []
        self._rows: list[tuple[Span, int, int]] = []  # (mention, actor's place, mention's)
        self._longest = 0
        self._first_end: list[int] = []  # per actor, the earliest end of its mentions
        self._by_id: dict[str, list[int]] = {}
        # per actor, what a caller derived from it, valid while its fingerprint holds
        self.derived: dict[int, tuple[Any, ...]] = {}
        self._take_in(0)

    def sync(self) -> None:
        """Take in what was appended since the last lookup; rebuild on any other change."""
        actors, seen = self.actors, self._seen
        if len(actors) < len(seen):
            self.refresh()
            return
        for order, (actor, mentions, count, actor_id, actor_type) in enumerate(seen):
            now = actors[order]
            if (
                now is not actor
                or now.mentions is not mentions
                or len(mentions) < count
                or now.id != actor_id
                or now.type != actor_type
            ):
                self.refresh()
                return
            if len(mentions) > count:
                for k in range(count, len(mentions)):
                    self._add(mentions[k], order, k)
                seen[order] = (actor, mentions, len(mentions), actor_id, actor_type)
        self._take_in(len(seen))

    def _take_in(self, first: int) -> None:
        for order in range(first, len(self.actors)):
            a = self.actors[order]
            self._seen.append((a, a.mentions, len(a.mentions), a.id, a.type))
            self._first_end.append(10**12)
            self._by_id.setdefault(a.id, []).append(order)
            for k, m in enumerate(a.mentions):
                self._add(m, order, k)

    def _add(self, m: Span, order: int, k: int) -> None:
        i = bisect.bisect_right(self._starts, m.start)
        self._starts.insert(i, m.start)
        self._rows.insert(i, (m, order, k))
        self._longest = max(self._longest, m.end - m.start)
        self._first_end[order] = min(self._first_end[order], m.end)

    def starting(self, lo: int, hi: int) -> list[tuple[Span, int, int]]:
        """(mention, actor's place, mention's place) of the mentions starting in
        ``[lo, hi)``, by start."""
        self.sync()
        return self._rows[
            bisect.bisect_left(self._starts, lo) : bisect.bisect_left(self._starts, hi)
        ]

    def overlapping(self, start: int, end: int) -> list[tuple[Span, int, int]]:
        """The mentions that may overlap ``[start, end)`` (callers test each), by start."""
        self.sync()
        return self.starting(start - self._longest, end)

    def places(self, actor_id: str) -> list[int]:
        """The places in the list of the actors with this id."""
        self.sync()
        return self._by_id.get(actor_id, [])

    def first_end(self, order: int) -> int:
        """Where the actor's earliest-ending mention ends."""
        return self._first_end[order]


def actor_at(
    actors: Sequence[Actor], start: int, end: int, *, index: MentionIndex | None = None
) -> str | None:
    """The id of the actor with a mention overlapping ``[start, end)``: the largest overlap,
    then the mention that sticks out least ("Russian" in "the Russian President" is Russia's,
    the whole phrase is the President's). ``index``, built over ``actors``, answers the same
    without a scan."""
    if index is not None:
        _check(index, actors)
        found_rows = ((m, order) for m, order, _k in index.overlapping(start, end))
    else:
        found_rows = ((m, order) for order, a in enumerate(actors) for m in a.mentions)
    best: tuple[int, int, int] | None = None
    found: str | None = None
    for m, order in found_rows:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap <= 0:
            continue
        key = (-overlap, (m.end - m.start) - overlap, order)
        if best is None or key < best:
            best, found = key, actors[order].id
    return found


def _check(index: MentionIndex, actors: Sequence[Actor]) -> None:
    if index.actors is not actors:
        raise ValueError("the mention index was built over another actor list")
