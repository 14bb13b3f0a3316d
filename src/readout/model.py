"""The record contract, schema ``readout/1``: one JSON object per document.

Every stage exchanges these types and nothing else. Offsets are Python string
indices into ``Document.text`` as read after decoding; every :class:`Span`
satisfies ``span.text == document.text[span.start:span.end]``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "readout/1"

DocumentKind = Literal["article", "transcript"]
PublishedFrom = Literal["metadata", "text", "inferred"]
ActorType = Literal["person", "organization", "country", "place", "group"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
TimeAnchor = Literal["published", "dateline", "previous", "absolute", "inferred"]
StatementKind = Literal["direct", "indirect", "turn"]
# "asserted": reported as said; "negated": reported as not said ("X did not say whether");
# "hypothetical": asked about or supposed ("Did X tell Y?", "only if X told Y that ...")
StatementStatus = Literal["asserted", "negated", "hypothetical"]
# "speech": words said or written; "thought": a belief, stance, intention or perception
# ("X believes", "X opposes"); "other": an action or appearance ("X decided to", "it seems")
StatementAct = Literal["speech", "thought", "other"]
EventStatus = Literal["occurred", "planned", "ongoing", "negated", "hypothetical"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def holds_in(self, text: str) -> bool:
        return 0 <= self.start <= self.end <= len(text) and text[self.start : self.end] == self.text


@dataclass(slots=True)
class Dateline:
    """The line that opens a dispatch or transcript: "June 9, 2023, 14:30, Sochi"."""

    span: Span
    date: str | None = None  # ISO date
    time: str | None = None  # HH:MM
    place: Span | None = None


@dataclass(slots=True)
class Document:
    id: str
    source: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date (or date-time) as given or found
    published_from: PublishedFrom | None = None
    kind: DocumentKind = "article"
    language: str = "en"
    chars: int = 0
    sha256: str = ""
    body: Span | None = None
    translated_from: str | None = None
    dateline: Dateline | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    type: ActorType
    kb: str | None = None
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Time:
    id: str
    span: Span
    type: TimeType
    value: str
    anchor: TimeAnchor


@dataclass(slots=True)
class Statement:
    id: str
    kind: StatementKind
    content: Span
    speaker: str | None = None
    speaker_mention: Span | None = None
    addressee: str | None = None
    cue: Span | None = None
    via: list[str] = field(default_factory=list)
    time: str | None = None
    status: StatementStatus = "asserted"
    act: StatementAct = "speech"


@dataclass(slots=True)
class EventActors:
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EventTime:
    start: str | None = None
    end: str | None = None


@dataclass(slots=True)
class Event:
    id: str
    type: str
    evidence: list[Span]
    mode: str | None = None
    cameo: str | None = None
    actors: EventActors = field(default_factory=EventActors)
    place: str | None = None
    time: EventTime = field(default_factory=EventTime)
    status: EventStatus = "occurred"
    reported_by: list[str] = field(default_factory=list)
    statement: str | None = None
    confidence: float = 1.0


@dataclass(slots=True)
class Claim:
    id: str
    value: float
    unit: str
    span: Span
    scale: float = 1.0
    approx: Literal["about", "almost", "over", "under"] | None = None
    measure: Span | None = None
    claimant: str | None = None
    period: str | None = None
    basis: Span | None = None
    statement: str | None = None


@dataclass(slots=True)
class Producer:
    """What made a record: readout's version, the spaCy pipeline that parsed the text
    (``en_readout_core-0.2.1``) and the knowledge base build it linked against (its schema
    and a digest of the data it was built from; null when none was available)."""

    readout: str
    pipeline: str | None = None
    kb: str | None = None


@dataclass(slots=True)
class Record:
    """Everything readout found in one document."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    schema: str = SCHEMA
    producer: Producer | None = None

    def spans(self) -> list[Span]:
        """Every span in the record, for checking the span rule."""
        return list(iter_spans(self))

    def to_dict(self) -> dict[str, Any]:
        return _to_jsonable(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return _from_jsonable(cls, data)

    @classmethod
    def from_json(cls, line: str) -> Record:
        return cls.from_dict(json.loads(line))


# The record's lists of facts, in record order: what summaries count and stages fill.
RECORD_LISTS = ("actors", "times", "statements", "events", "claims")


@dataclass(slots=True)
class ErrorRow:
    """An input that gave no record, and why, in words a person can act on."""

    source: str
    code: str
    message: str
    line: int | None = None
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"error": _to_jsonable(self)}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))


def _to_jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {f.name: _to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        if isinstance(obj, Record):
            # the schema tag leads the line so a reader sees the version first
            out = {"schema": out.pop("schema"), **out}
        return out
    if isinstance(obj, list):
        return [_to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _to_jsonable(v) for k, v in obj.items()}
    return obj


_NESTED: dict[tuple[type, str], type] = {}


def _from_jsonable(cls: type, data: Any) -> Any:
    if data is None:
        return None
    kwargs: dict[str, Any] = {}
    hints = _field_types(cls)
    for name, value in data.items():
        if name not in hints:
            continue
        target = hints[name]
        if isinstance(target, tuple):  # list of dataclass
            kwargs[name] = [_from_jsonable(target[0], v) for v in value or []]
        elif target is not None:
            kwargs[name] = _from_jsonable(target, value)
        else:
            kwargs[name] = _lists(value)
    return cls(**kwargs)


def _lists(value: Any) -> Any:
    """JSON arrays as lists, also where a reader gave tuples (msgpack does, in DocBin)."""
    if isinstance(value, list | tuple):
        return [_lists(x) for x in value]
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    return value


def _field_types(cls: type) -> dict[str, Any]:
    """Which fields hold nested record types: ``T`` for one, ``(T,)`` for a list."""
    cached = _FIELD_TYPES.get(cls)
    if cached is not None:
        return cached
    classes = {c.__name__: c for c in _RECORD_TYPES}
    out: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        ann = str(f.type)
        found: Any = None
        for cname, c in classes.items():
            if ann in (cname, f"{cname} | None"):
                found = c
            elif ann == f"list[{cname}]":
                found = (c,)
        out[f.name] = found
    _FIELD_TYPES[cls] = out
    return out


_FIELD_TYPES: dict[type, dict[str, Any]] = {}
_RECORD_TYPES = (
    Span,
    Dateline,
    Document,
    Actor,
    Time,
    Statement,
    EventActors,
    EventTime,
    Event,
    Claim,
    Record,
    Producer,
    ErrorRow,
)


def iter_spans(obj: Any) -> Iterator[Span]:
    """Every Span inside a record or any part of one."""
    if isinstance(obj, Span):
        yield obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if f.name != "text":
                yield from iter_spans(getattr(obj, f.name))
    elif isinstance(obj, list):
        for x in obj:
            yield from iter_spans(x)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one record line, derived from the dataclasses above."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(Record).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://readout.invalid/schema/readout-1.json"
    schema["title"] = "readout/1 record"
    return schema
