"""Events: every PLOVER type, the CONSULT modes, status, one event per meeting, reported
and transcript meetings — on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout.model import Document, Event, Record
from readout.pipeline import build_record

FIXTURES = Path(__file__).parents[2] / "fixtures"


def _record(nlp, text: str, **doc) -> Record:
    document = Document(id="t", source="t", text=text, published="2023-06-01", **doc)
    record = build_record(document, nlp(text))
    assert isinstance(record, Record)
    return record


def _names(record: Record, ids: list[str]) -> list[str]:
    by_id = {a.id: a.name for a in record.actors}
    return [by_id[i] for i in ids]


def _one(record: Record, kind: str) -> Event:
    found = [e for e in record.events if e.type == kind]
    assert found, [(e.type, e.evidence[0].text) for e in record.events]
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "source"),
    [
        ("France and Italy agreed to share intelligence on migrant smuggling.", "AGREE", "France"),
        ("The Spanish foreign minister met his Moroccan counterpart in Rabat.", "CONSULT", "Spain"),
        ("Canada voiced support for the Ukrainian government.", "SUPPORT", "Canada"),
        ("Ethiopia gave in to demands from the rebels.", "CONCEDE", "Ethiopia"),
        ("Japan and South Korea signed a deal to cooperate on security.", "COOPERATE", "Japan"),
        ("Norway provided humanitarian aid to Sudan.", "AID", "Norway"),
        ("Israel released 200 Palestinian prisoners on Sunday.", "RETREAT", "Israel"),
        ("Poland asked Germany to pay reparations.", "REQUEST", "Poland"),
        ("China accused the United States of spying.", "ACCUSE", "China"),
        ("Hungary rejected the proposal of the European Commission.", "REJECT", "Hungary"),
        ("Iran threatened to close the Strait of Hormuz.", "THREATEN", "Iran"),
        ("Thousands of farmers demonstrated in Brussels against the deal.", "PROTEST", "farmers"),
        ("The European Union imposed sanctions on Belarus.", "SANCTION", "European Union"),
        ("Turkey deployed troops to the Syrian border.", "MOBILIZE", "Türkiye"),
        ("Police detained the opposition leader in Istanbul.", "COERCE", "Police"),
        ("Rebels attacked a military base in northern Mali.", "ASSAULT", "Rebels"),
    ],
)
def test_every_plover_type_with_its_source(nlp, text: str, kind: str, source: str) -> None:
    record = _record(nlp, text)
    event = _one(record, kind)
    assert source in _names(record, event.actors.source)
    assert event.evidence[0].text == text
    # provenance: the evidence is the document's own characters
    assert record.document.text[event.evidence[0].start : event.evidence[0].end] == text


def test_an_agent_no_stage_listed_becomes_an_actor(nlp) -> None:
    record = _record(nlp, "Police detained the opposition leader in Istanbul.")
    event = _one(record, "COERCE")
    assert _names(record, event.actors.target) == ["opposition leader"]
    police = next(a for a in record.actors if a.name == "Police")
    assert police.type in ("group", "organization") and police.mentions[0].text == "Police"


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Putin met Lukashenko in the Kremlin on Wednesday.", "meet"),
        ("Macron visited Minsk on Monday.", "visit"),
        ("Putin spoke with Lukashenko by phone on Thursday.", "phone"),
        ("Putin telephoned Lukashenko on Thursday.", "phone"),
        ("Putin, Xi and Modi held talks in Kazan on Tuesday.", "multilateral"),
        ("Qatar launched a mediation effort between Israel and Hamas.", "third-party"),
    ],
)
def test_consult_modes(nlp, text: str, mode: str) -> None:
    assert _one(_record(nlp, text), "CONSULT").mode == mode


def test_a_meeting_has_its_place_and_time_and_a_place_is_no_party(nlp) -> None:
    record = _record(nlp, "Putin and Lukashenko had talks in the Kremlin on Wednesday.")
    event = _one(record, "CONSULT")
    assert _names(record, event.actors.source) == ["Vladimir Putin", "Alexander Lukashenko"]
    assert _names(record, [event.place]) == ["the Kremlin"]
    assert event.time.start == "2023-05-31"
    assert event.place not in event.actors.source + event.actors.target


def test_the_visitor_is_the_source_and_the_host_the_target(nlp) -> None:
    record = _record(nlp, "Lukashenko hosted Putin in Minsk on Tuesday.")
    event = _one(record, "CONSULT")
    assert (event.mode, _names(record, event.actors.source)) == ("visit", ["Vladimir Putin"])
    assert _names(record, event.actors.target) == ["Alexander Lukashenko"]
    assert _names(record, [event.place]) == ["Minsk"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Putin met Lukashenko on Wednesday.", "occurred"),
        ("Putin will meet Lukashenko next week.", "planned"),
        ("Putin and Lukashenko are meeting in Sochi.", "ongoing"),
        ("Putin did not meet Lukashenko.", "negated"),
        ("If Putin meets Lukashenko, they will discuss trade.", "hypothetical"),
        ("Could Putin meet Lukashenko?", "hypothetical"),
    ],
)
def test_status_from_the_grammar(nlp, text: str, status: str) -> None:
    assert _one(_record(nlp, text), "CONSULT").status == status


def test_a_stated_future_meeting_is_also_an_agreement(nlp) -> None:
    record = _record(nlp, "Putin will meet Lukashenko next week.")
    agree = _one(record, "AGREE")
    assert (agree.cameo, agree.status) == ("036", "occurred")
    assert _one(record, "CONSULT").status == "planned"


def test_a_meeting_in_three_sentences_is_one_event(nlp) -> None:
    text = (
        "Putin and Lukashenko had talks in the Kremlin on Wednesday. "
        "The talks lasted until midnight. "
        "Their late-night meeting ended with a joint statement."
    )
    record = _record(nlp, text)
    meetings = [e for e in record.events if e.type == "CONSULT"]
    assert len(meetings) == 1
    assert len(meetings[0].evidence) == 3
    assert meetings[0].time.start == "2023-05-31"
    assert meetings[0].time.end is not None and meetings[0].time.end.startswith("2023-")


def test_a_reported_meeting_is_known_through_its_speaker(nlp) -> None:
    record = _record(nlp, "Peskov told reporters that Putin and Lukashenko had talks in Sochi.")
    event = _one(record, "CONSULT")
    assert _names(record, event.reported_by) == ["Dmitry Peskov"]
    assert event.statement == record.statements[0].id
    assert "Dmitry Peskov" not in _names(record, event.actors.source)


def test_a_briefing_is_a_statement_not_an_event(nlp) -> None:
    record = _record(nlp, "Peskov told reporters in Moscow on April 6 that the talks went well.")
    assert record.statements
    assert not [e for e in record.events if "Dmitry Peskov" in _names(record, e.actors.source)]


def test_a_transcripts_own_meeting(nlp) -> None:
    text = (FIXTURES / "kremlin_transcript.txt").read_text(encoding="utf-8")
    record = _record(nlp, text)
    own = record.events[0]
    assert own.type == "CONSULT" and own.evidence[0].text.startswith("Meeting with President")
    parties = _names(record, own.actors.source + own.actors.target)
    assert {"Vladimir Putin", "Alexander Lukashenko"} <= set(parties)
    assert _names(record, [own.place]) == ["Sochi"]
    assert own.time.start == "2023-06-09"


def test_an_event_spoken_in_a_turn_carries_its_speaker(nlp) -> None:
    text = (FIXTURES / "kremlin_transcript.txt").read_text(encoding="utf-8")
    record = _record(nlp, text)
    call = next(e for e in record.events if e.mode == "phone")
    assert _names(record, call.reported_by) == ["Vladimir Putin"]
    assert set(_names(record, call.actors.source)) == {"Vladimir Putin", "Alexander Lukashenko"}


def test_every_event_span_is_the_documents_text(nlp) -> None:
    text = (FIXTURES / "news_report.txt").read_text(encoding="utf-8")
    record = _record(nlp, text)
    ids = {a.id for a in record.actors}
    for event in record.events:
        for span in event.evidence:
            assert text[span.start : span.end] == span.text
        assert set(event.actors.source + event.actors.target) <= ids
        assert event.place is None or event.place in ids
