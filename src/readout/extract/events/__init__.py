"""Events: who did what to whom, when and where, coded in PLOVER, each with its evidence.

``extract_events`` reads the parse and what the earlier stages put in the record: the
actors (participants and places), the times (an event's time is the one that governs its
verb) and the statements (an event inside a statement's content is known through its
speaker and ``via`` chain: ``reported_by``). Triggers and their coding are in
:mod:`.triggers`, roles in :mod:`.roles`, status in :mod:`.status`, meetings (modes and one
event per meeting) in :mod:`.meetings`, a transcript's own meeting in :mod:`.transcripts`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from readout.extract.actors import MentionIndex
from readout.extract.events.lexicon import Coding
from readout.extract.events.meetings import (
    consult_mode,
    merge_meetings,
    parties_count,
    visit_roles,
    without_places,
)
from readout.extract.events.parties import Parties
from readout.extract.events.roles import Roles, noun_roles, verb_roles
from readout.extract.events.status import event_status
from readout.extract.events.transcripts import own_meeting
from readout.extract.events.triggers import (
    BARE_CODE,
    Trigger,
    noun_mentions,
    sentence_triggers,
    verb_lemma,
)
from readout.extract.times import TimeIndex
from readout.labels import dep_role
from readout.model import (
    Actor,
    Document,
    Event,
    EventActors,
    EventStatus,
    EventTime,
    Span,
    Statement,
    Time,
)
from readout.read.turns import Turn

__all__ = ["extract_events"]


class _Context:
    """What one document's events are built from, looked up once."""

    def __init__(
        self,
        doc: Doc,
        document: Document,
        actors: list[Actor],
        times: Sequence[Time],
        statements: Sequence[Statement],
        turns: Sequence[Turn],
    ) -> None:
        self.doc, self.document, self.actors = doc, document, actors
        self.parties = Parties(document, actors, times, turns)
        self.index = self.parties.index
        self.time_index = TimeIndex(list(times), doc)
        self.time_values = {t.id: t.value for t in times if t.type in ("DATE", "TIME")}
        self.time_spans = {t.id: t.span for t in times}
        self.statements = sorted(statements, key=lambda s: s.content.end - s.content.start)
        self.dateline_place = _dateline_place(document, actors, self.index)

    def statement_at(self, offset: int) -> Statement | None:
        """The innermost statement whose content holds the offset."""
        for s in self.statements:
            if s.content.start <= offset < s.content.end:
                return s
        return None

    def evidence(self, sent: SpacySpan) -> Span:
        text = self.document.text
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span.of(text, start, end)


def _dateline_place(document: Document, actors: Sequence[Actor], index: MentionIndex) -> str | None:
    place = document.dateline.place if document.dateline else None
    if place is None:
        return None
    for m, order, _k in index.overlapping(place.start, place.end):
        if m.start < place.end and place.start < m.end:
            return actors[order].id
    return None


def extract_events(
    doc: Doc,
    document: Document,
    actors: list[Actor],
    times: Sequence[Time],
    statements: Sequence[Statement],
    turns: Sequence[Turn] = (),
) -> list[Event]:
    """The document's events, in text order, ids ``e1``, ``e2`` ... An agent the actors
    stage did not list ("Police arrested ...") is appended to ``actors``."""
    ctx = _Context(doc, document, actors, times, statements, turns)
    body = document.body
    events: list[Event] = []
    orphans: list[tuple[int, Event]] = []
    for sent in doc.sents:
        if body is not None and not (body.start <= sent.start_char < body.end):
            continue
        triggers = sentence_triggers(sent)
        for trigger in triggers:
            for event in _events_for(ctx, sent, trigger):
                if _refers_back(trigger, event):
                    orphans.append((sent.start_char, _mention(event)))
                elif _enough_parties(event, trigger):
                    # an event with no party says nothing of who did it ("I agree with that")
                    events.append(event)
        if not triggers:
            orphans.extend(_bare_meetings(ctx, sent))
    meeting = own_meeting(document, actors, ctx.index, turns)
    if meeting is not None:
        events.insert(0, meeting)
    events = merge_meetings(events, orphans, actors)
    for k, event in enumerate(events, 1):
        event.id = f"e{k}"
    return events


def _roles(ctx: _Context, trigger: Trigger) -> Roles:
    roles = verb_roles(trigger.predicate, ctx.parties)
    if trigger.noun:
        own = noun_roles(trigger.token, ctx.parties)
        if own.between:
            roles.source, roles.target = own.source + roles.source, roles.target
        else:
            roles.source = roles.source or own.source
            roles.target = roles.target + [t for t in own.target if t not in roles.target]
        roles.place = roles.place or own.place
    return roles


def _events_for(ctx: _Context, sent: SpacySpan, trigger: Trigger) -> list[Event]:
    roles = _roles(ctx, trigger)
    coding = trigger.coding
    source, target, place = roles.source, roles.target, roles.place
    mode = coding.mode
    lemma = verb_lemma(trigger.predicate)
    if coding.type == "CONSULT" and (mode == "visit" or lemma in ("visit", "host")):
        hosting = lemma == "host" or coding.cameo == "043"
        source, target, place = visit_roles(hosting, source, target, place, ctx.actors)
    elif coding.type == "CONSULT":
        source, target = without_places(source, target, place)
    if coding.type == "CONSULT":
        source += [i for i in _we(ctx, trigger) if i not in source + target]
        sides = parties_count(source + target, ctx.actors)
        mode = consult_mode(trigger.token, trigger.predicate, mode, sides)
    statement = ctx.statement_at(trigger.token.idx)
    status = event_status(trigger.predicate)
    coding, status = _intended(coding, status)
    event = Event(
        id="",
        type=coding.type,
        mode=mode,
        cameo=coding.cameo,
        evidence=[ctx.evidence(sent)],
        actors=EventActors(source=source, target=target),
        place=place[0] if place else _fallback_place(ctx, coding.type, statement, sent),
        time=_time(ctx, trigger) or _fallback_time(ctx, coding.type, statement, sent),
        status=status,
        reported_by=_reporters(statement),
        statement=statement.id if statement else None,
        confidence=round(trigger.confidence + (0.15 if source else 0.0), 2),
    )
    events = [event]
    if coding.type == "CONSULT" and status == "planned" and not _agreed(sent, trigger):
        events.append(_intent(event))
    return events


# The PLOVER manual: cooperative actions reported in the future are intentions (AGREE);
# conflictual ones are threats (THREATEN). A meeting keeps its CONSULT too (planned).
_COOPERATIVE = ("SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT")
_CONFLICTUAL = ("SANCTION", "COERCE", "ASSAULT", "MOBILIZE")


def _intended(coding: Coding, status: EventStatus) -> tuple[Coding, EventStatus]:
    if status != "planned":
        return coding, status
    if coding.type in _COOPERATIVE:
        return Coding("AGREE", None, coding.cameo), "occurred"
    if coding.type in _CONFLICTUAL:
        return Coding("THREATEN", None, coding.cameo), "occurred"
    return coding, status


def _agreed(sent: SpacySpan, trigger: Trigger) -> bool:
    """The sentence already codes the agreement to meet ("agreed to meet")."""
    return any(a.i != trigger.predicate.i and a.lemma_.lower() == "agree" for a in sent)


def _intent(meeting: Event) -> Event:
    """The PLOVER manual codes a stated future meeting as AGREE (CAMEO 036)."""
    return Event(
        id="",
        type="AGREE",
        mode=None,
        cameo="036",
        evidence=list(meeting.evidence),
        actors=EventActors(source=list(meeting.actors.source), target=list(meeting.actors.target)),
        status="occurred",
        reported_by=list(meeting.reported_by),
        statement=meeting.statement,
        confidence=round(meeting.confidence - 0.1, 2),
    )


def _enough_parties(event: Event, trigger: Trigger) -> bool:
    """An event needs a party, and one its trigger codes only by the bare code of its
    verb's block ("put", "take", "pass") needs both sides, as the CAMEO dictionary, written
    for coders that code only between two known actors, assumes."""
    parties = set(event.actors.source + event.actors.target)
    if not parties:
        return False
    if trigger.confidence > BARE_CODE:
        return True
    if trigger.confidence == BARE_CODE and event.actors.source:
        return True
    if event.type == "CONSULT":
        return len(parties) >= 2
    return bool(event.actors.source and event.actors.target)


def _we(ctx: _Context, trigger: Trigger) -> list[str]:
    subjects = [c for c in trigger.predicate.children if dep_role(c.dep_) == "subject"]
    return [i for s in subjects for i in ctx.parties.dialogue(s)]


def _sentence_time(ctx: _Context, sent: SpacySpan) -> EventTime:
    """The first time a sentence names ("The talks lasted until midnight")."""
    for time_id, span in ctx.time_spans.items():
        if sent.start_char <= span.start < sent.end_char and time_id in ctx.time_values:
            return _timed(ctx, time_id)
    return EventTime()


def _timed(ctx: _Context, time_id: str) -> EventTime:
    """A time as an event's start, or its end after "until"."""
    value = ctx.time_values[time_id]
    before = ctx.document.text[: ctx.time_spans[time_id].start].split()[-1:]
    if before and before[0].lower() in _UNTIL:
        return EventTime(end=value)
    return EventTime(start=value)


def _time(ctx: _Context, trigger: Trigger) -> EventTime | None:
    """The time governing the trigger: its start, or its end after "until" ("lasted
    until midnight")."""
    for tok in (trigger.token, trigger.predicate):
        time_id = ctx.time_index.time_for(tok)
        if time_id in ctx.time_values:
            return _timed(ctx, time_id)
    return None


_UNTIL = ("until", "till", "til", "through")


def _opening(ctx: _Context, kind: str, statement: Statement | None, sent: SpacySpan) -> bool:
    """A meeting reported in a dispatch's opening sentences, not inside a statement: the
    dispatch's own, at its dateline's place and on its date."""
    dateline = ctx.document.dateline
    if kind != "CONSULT" or statement is not None or dateline is None:
        return False
    return sent.start_char - dateline.span.end <= 400


def _fallback_place(
    ctx: _Context, kind: str, statement: Statement | None, sent: SpacySpan
) -> str | None:
    return ctx.dateline_place if _opening(ctx, kind, statement, sent) else None


def _fallback_time(
    ctx: _Context, kind: str, statement: Statement | None, sent: SpacySpan
) -> EventTime:
    dateline = ctx.document.dateline
    if dateline is None or not dateline.date or not _opening(ctx, kind, statement, sent):
        return EventTime()
    return EventTime(start=dateline.date)


def _reporters(statement: Statement | None) -> list[str]:
    if statement is None:
        return []
    return [a for a in [statement.speaker, *statement.via] if a]


def _refers_back(trigger: Trigger, event: Event) -> bool:
    """ "their late-night meeting ended": a definite meeting noun with no participants of
    its own is a meeting already reported, not a new one."""
    if not trigger.noun or event.type != "CONSULT" or event.actors.source or event.actors.target:
        return False
    return _definite(trigger.token)


def _definite(noun: Token) -> bool:
    return any(c.lower_ in ("the", "their", "this", "that", "its") for c in noun.children)


def _mention(event: Event) -> Event:
    """What a later mention adds to the meeting it refers to: evidence, place, time."""
    return Event(id="", type="CONSULT", evidence=event.evidence, place=event.place, time=event.time)


def _bare_meetings(ctx: _Context, sent: SpacySpan) -> list[tuple[int, Event]]:
    """Meetings a sentence names without reporting them ("the talks were productive"):
    evidence for the latest meeting before them."""
    found = []
    for noun, coding in noun_mentions(sent):
        if coding.type == "CONSULT" and _definite(noun):
            time = _sentence_time(ctx, sent)
            event = Event(id="", type="CONSULT", evidence=[ctx.evidence(sent)], time=time)
            found.append((sent.start_char, event))
            break
    return found
