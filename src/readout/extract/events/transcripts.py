"""A transcript's own meeting: "Meeting with President of Belarus Alexander Lukashenko",
"Telephone conversation with ...", under a dateline "June 9, 2023, 14:30, Sochi": a CONSULT
between the speakers of its turns and those its heading names, at the dateline's place and
date."""

from __future__ import annotations

from collections.abc import Sequence

from readout.extract.actors import MentionIndex
from readout.extract.events.lexicon import event_nouns
from readout.extract.events.meetings import parties_count
from readout.lexicon import words
from readout.model import Actor, Document, Event, EventActors, EventTime, Span
from readout.read.turns import Turn

_PHONE = words("phone_words")


def _heading(document: Document) -> Span | None:
    """The transcript's heading: the first line before its body that names a meeting."""
    text = document.text
    if document.dateline is not None:
        end = document.dateline.span.start
    elif document.body is not None and document.body.start > 0:
        end = document.body.start
    else:
        end = min(len(text), 300)
    offset = 0
    for line in text[:end].splitlines(keepends=True):
        stripped = line.strip()
        names = {w.strip(",.:;").lower() for w in stripped.split()}
        if any(c.type == "CONSULT" for w in names if (c := event_nouns().get(w)) is not None):
            start = offset + line.index(stripped)
            return Span.of(text, start, start + len(stripped))
        offset += len(line)
    return None


def own_meeting(
    document: Document, actors: Sequence[Actor], index: MentionIndex, turns: Sequence[Turn]
) -> Event | None:
    if document.kind != "transcript":
        return None
    heading = _heading(document)
    if heading is None:
        return None
    people: list[str] = []
    for m, order, _k in index.overlapping(heading.start, heading.end):
        if heading.start <= m.start and m.end <= heading.end and actors[order].type != "place":
            people.append(actors[order].id)
    by_label = {m.start: a.id for a in actors for m in a.mentions}
    for turn in turns:
        speaker = by_label.get(turn.label.start)
        if speaker and not turn.generic:
            people.append(speaker)
    people = list(dict.fromkeys(people))
    if len(people) < 1:
        return None
    dateline = document.dateline
    place = None
    if dateline is not None and dateline.place is not None:
        hits = index.overlapping(dateline.place.start, dateline.place.end)
        place = next((actors[o].id for m, o, _k in hits if m.start < dateline.place.end), None)
    lower = heading.text.lower()
    return Event(
        id="",
        type="CONSULT",
        mode="phone"
        if any(w in lower for w in _PHONE)
        else ("multilateral" if parties_count(people, actors) > 2 else "meet"),
        cameo="040",
        evidence=[heading],
        actors=EventActors(source=people),
        place=place,
        time=EventTime(start=dateline.date if dateline else document.published),
        status="occurred",
        confidence=0.8,
    )
