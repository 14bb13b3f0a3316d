"""The record contract: JSON round trips, the span rule helper, the JSON Schema."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from readout.model import (
    Actor,
    Claim,
    Dateline,
    Document,
    ErrorRow,
    Event,
    Record,
    Span,
    Statement,
    Time,
    json_schema,
)

TEXT = "June 9, 2023, Sochi\nVladimir Putin: Good afternoon, Alexander Grigorievich."


def _record() -> Record:
    doc = Document(
        id="d1",
        source="x.txt",
        text=TEXT,
        kind="transcript",
        body=Span.of(TEXT, 20, len(TEXT)),
        dateline=Dateline(Span.of(TEXT, 0, 19), date="2023-06-09", place=Span.of(TEXT, 14, 19)),
    )
    return Record(
        document=doc,
        actors=[
            Actor(
                "a1",
                "Vladimir Putin",
                "person",
                kb="Q7747",
                country="RUS",
                roles=["head of state"],
                mentions=[Span.of(TEXT, 20, 34)],
            )
        ],
        times=[Time("t1", Span.of(TEXT, 0, 12), "DATE", "2023-06-09", "absolute")],
        statements=[
            Statement(
                "s1",
                "turn",
                Span.of(TEXT, 36, len(TEXT)),
                speaker="a1",
                speaker_mention=Span.of(TEXT, 20, 34),
            )
        ],
        events=[Event("e1", "CONSULT", [Span.of(TEXT, 36, 52)], mode="meet")],
        claims=[Claim("c1", 12.0, "percent", Span.of(TEXT, 0, 4))],
    )


def test_round_trip_preserves_everything() -> None:
    rec = _record()
    again = Record.from_json(rec.to_json())
    assert again == rec


def test_json_line_starts_with_schema_and_is_one_line() -> None:
    line = _record().to_json()
    assert "\n" not in line
    assert line.startswith('{"schema":"readout/1"')


def test_spans_lists_every_span() -> None:
    spans = _record().spans()
    assert len(spans) == 9
    assert all(s.holds_in(TEXT) for s in spans)


def test_span_holds_in_rejects_wrong_text_and_bounds() -> None:
    assert not Span(0, 4, "July").holds_in(TEXT)
    assert not Span(-1, 3, "").holds_in(TEXT)
    assert not Span(0, 10_000, TEXT).holds_in(TEXT)


def test_error_row_json() -> None:
    row = json.loads(ErrorRow("a.jsonl", "E005", "bad", line=3).to_json())
    assert row == {
        "error": {"source": "a.jsonl", "code": "E005", "message": "bad", "line": 3, "id": None}
    }


def test_json_schema_describes_the_record_and_validates_fields() -> None:
    schema = json_schema()
    assert schema["title"] == "readout/1 record"
    assert set(schema["properties"]) >= {"schema", "document", "actors", "times", "statements"}
    defs = schema["$defs"]
    assert set(defs["Span"]["required"]) == {"start", "end", "text"}
    assert defs["Statement"]["properties"]["kind"]["enum"] == ["direct", "indirect", "turn"]


@given(st.text(min_size=1, max_size=200), st.data())
def test_any_span_of_any_text_round_trips(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    doc = Document(id="x", source="s", text=text, body=Span.of(text, start, end))
    rec = Record(document=doc, actors=[Actor("a1", "n", "person", mentions=[doc.body])])
    again = Record.from_json(rec.to_json())
    assert again == rec
    assert all(s.holds_in(again.document.text) for s in again.spans())
