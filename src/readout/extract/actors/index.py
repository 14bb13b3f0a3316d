"""Looking up the actor a stretch of text mentions, for the stages after this one."""

from __future__ import annotations

from collections.abc import Sequence

from readout.model import Actor


def actor_at(actors: Sequence[Actor], start: int, end: int) -> str | None:
    """The id of the actor with a mention overlapping ``[start, end)``: the largest overlap,
    then the mention that sticks out least ("Russian" in "the Russian President" is Russia's,
    the whole phrase is the President's)."""
    best: tuple[int, int, int] | None = None
    found: str | None = None
    for order, a in enumerate(actors):
        for m in a.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            key = (-overlap, (m.end - m.start) - overlap, order)
            if best is None or key < best:
                best, found = key, a.id
    return found
