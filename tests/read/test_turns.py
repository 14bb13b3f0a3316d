"""Transcript turns: labels, continuation paragraphs, names, actors and turn statements."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout.model import Document, Record
from readout.read.structure import analyse_structure
from readout.read.turns import (
    Line,
    Turn,
    find_turns,
    match_label,
    name_of_label,
    turn_actors_and_statements,
)

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _read(text: str) -> tuple[Document, list[Turn]]:
    doc = Document(id="t", source="test", text=text)
    analyse_structure(doc)
    turns = find_turns(doc)
    for turn in turns:
        assert turn.label.holds_in(text) and turn.content.holds_in(text)
        assert turn.content.text == turn.content.text.strip()
        assert not turn.label.text.endswith(":")
    return doc, turns


def _record(text: str) -> Record:
    doc, turns = _read(text)
    actors, statements = turn_actors_and_statements(doc, turns)
    record = Record(document=doc, actors=actors, statements=statements)
    assert all(span.holds_in(text) for span in record.spans())
    return record


# --- the fixture ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def transcript() -> tuple[Document, list[Turn]]:
    return _read((FIXTURES / "kremlin_transcript.txt").read_text(encoding="utf-8"))


def test_fixture_labels_as_written(transcript: tuple[Document, list[Turn]]) -> None:
    _, turns = transcript
    assert [t.label.text for t in turns] == [
        "President of Russia Vladimir Putin",
        "President of Belarus Alexander Lukashenko",
        "Vladimir Putin",
        "Putin",
        "Lukashenko",
        "Vladimir Putin",
    ]


def test_fixture_short_labels_resolve(transcript: tuple[Document, list[Turn]]) -> None:
    _, turns = transcript
    assert [t.name for t in turns] == [
        "Vladimir Putin",
        "Alexander Lukashenko",
        "Vladimir Putin",
        "Vladimir Putin",
        "Alexander Lukashenko",
        "Vladimir Putin",
    ]


def test_fixture_continuation_paragraphs(transcript: tuple[Document, list[Turn]]) -> None:
    _, turns = transcript
    first, second = turns[0].content.text, turns[1].content.text
    assert first.startswith("Alexander Grigorievich, good afternoon.")
    assert first.endswith("how the Union programmes are being implemented.")
    assert "We spoke on the phone only a few days ago" in first
    assert "Lukashenko" not in first
    # "As you said: ..." inside a turn is reported speech, not a new label
    assert second.startswith("Vladimir Vladimirovich, thank you for the invitation.")
    assert 'As you said: "The most difficult part is behind us."' in second
    assert "will be completed by July 7-8" in second
    assert second.endswith("for our machine-building plants.")


def test_fixture_last_turn_stops_at_body_end(transcript: tuple[Document, list[Turn]]) -> None:
    _, turns = transcript
    assert turns[-1].content.text == "Agreed. Thank you."


def test_fixture_intro_is_no_turn(transcript: tuple[Document, list[Turn]]) -> None:
    doc, turns = transcript
    assert doc.text.index("Bocharov Ruchei") < turns[0].label.start


def test_fixture_actors_and_statements() -> None:
    record = _record((FIXTURES / "kremlin_transcript.txt").read_text(encoding="utf-8"))
    putin, lukashenko = record.actors
    assert (putin.id, putin.name, putin.type) == ("a1", "Vladimir Putin", "person")
    assert (lukashenko.id, lukashenko.name, lukashenko.type) == (
        "a2",
        "Alexander Lukashenko",
        "person",
    )
    assert [m.text for m in putin.mentions] == [
        "President of Russia Vladimir Putin",
        "Vladimir Putin",
        "Putin",
        "Vladimir Putin",
    ]
    assert [m.text for m in lukashenko.mentions] == [
        "President of Belarus Alexander Lukashenko",
        "Lukashenko",
    ]
    statements = record.statements
    assert [s.id for s in statements] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert [s.speaker for s in statements] == ["a1", "a2", "a1", "a1", "a2", "a1"]
    assert [s.addressee for s in statements] == ["a2", "a1", "a2", "a2", "a1", "a2"]
    assert all(s.kind == "turn" and s.cue is None for s in statements)
    assert statements[3].speaker_mention is not None
    assert statements[3].speaker_mention.text == "Putin"
    assert statements[5].content.text == "Agreed. Thank you."


# --- turns in general ------------------------------------------------------------------

_THREE = """Security Council meeting

Vladimir Putin: Good afternoon, colleagues. Let us begin.

Sergei Lavrov: Thank you. We have prepared the report, as you asked.

Sergei Shoigu: I would add that we are ready to report on the exercises.

Putin: Thank you. Let us move on.
"""


def test_three_speakers_no_addressee() -> None:
    record = _record(_THREE)
    assert record.document.kind == "transcript"
    assert [a.name for a in record.actors] == ["Vladimir Putin", "Sergei Lavrov", "Sergei Shoigu"]
    assert all(s.addressee is None for s in record.statements)
    assert [s.speaker for s in record.statements] == ["a1", "a2", "a3", "a1"]


def test_label_alone_on_its_line() -> None:
    text = (
        "Vladimir Putin:\n\nGood afternoon. I am glad to see you.\n\n"
        "Alexander Lukashenko:\n\nThank you. We are glad to be here.\n"
    )
    _, turns = _read(text)
    assert [t.label.text for t in turns] == ["Vladimir Putin", "Alexander Lukashenko"]
    assert turns[0].content.text == "Good afternoon. I am glad to see you."
    assert turns[1].content.text == "Thank you. We are glad to be here."


def test_initials_resolve_to_full_name() -> None:
    text = (
        "Vladimir Putin: Good afternoon. I am glad to see you.\n\n"
        "A. Lukashenko: Thank you. We are glad to be here.\n\n"
        "V.Putin: Let us begin, then.\n\n"
        "Lukashenko: Agreed.\n"
    )
    _, turns = _read(text)
    assert [t.name for t in turns] == [
        "Vladimir Putin",
        "A. Lukashenko",
        "Vladimir Putin",
        "A. Lukashenko",
    ]


def test_short_labels_resolve_from_the_text() -> None:
    text = (
        "Talks between Vladimir Putin and Alexander Lukashenko took place in Sochi.\n\n"
        "Putin: Good afternoon. I am glad to see you.\n\n"
        "Lukashenko: Thank you. We are glad to be here.\n\n"
        "Putin: Let us begin, then.\n"
    )
    _, turns = _read(text)
    assert [t.name for t in turns] == ["Vladimir Putin", "Alexander Lukashenko", "Vladimir Putin"]
    assert [t.label.text for t in turns] == ["Putin", "Lukashenko", "Putin"]


def test_generic_labels_get_no_actor() -> None:
    text = (
        "News conference\n\n"
        "Question: Mr President, what did you agree on?\n\n"
        "Vladimir Putin: We agreed to continue. I think that is enough for today.\n\n"
        "Question: And the gas price?\n\n"
        "Vladimir Putin: It will stay as it is, as you know.\n"
    )
    record = _record(text)
    assert [a.name for a in record.actors] == ["Vladimir Putin"]
    questions = [s for s in record.statements if s.speaker is None]
    assert len(questions) == 2
    assert all(s.speaker_mention and s.speaker_mention.text == "Question" for s in questions)
    # one person speaking: nobody identified to address
    assert all(s.addressee is None for s in record.statements)


def test_last_turn_excludes_footer() -> None:
    text = _THREE + "\nSource - The Kremlin\n© 2023 All rights reserved.\n"
    _, turns = _read(text)
    assert turns[-1].content.text == "Thank you. Let us move on."


def test_headline_label_is_not_a_turn() -> None:
    text = (
        "Susan Rice: Islamic State Fight Will Not Be Another War\n\n"
        "Steve Inskeep: Let me begin with a question for you.\n\n"
        "Susan Rice: As the president said, we will not send troops.\n\n"
        "Steve Inskeep: So you are sure of that?\n"
    )
    _, turns = _read(text)
    assert turns[0].content.text == "Let me begin with a question for you."


def test_no_turns_in_plain_text() -> None:
    _, turns = _read("The two leaders met in Moscow.\n\nThey discussed trade.\n")
    assert turns == []
    doc = Document(id="t", source="t", text="")
    assert turn_actors_and_statements(doc, []) == ([], [])


# --- labels and names -----------------------------------------------------------------


def _label(s: str) -> str | None:
    m = match_label(Line(0, len(s), s))
    return None if m is None else s[m.start : m.end]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Vladimir Putin: Good afternoon.", "Vladimir Putin"),
        ("V. Putin: Good afternoon.", "V. Putin"),
        ("President of Russia Vladimir Putin: Thank you.", "President of Russia Vladimir Putin"),
        ("Kremlin spokesperson Dmitry Peskov: No.", "Kremlin spokesperson Dmitry Peskov"),
        (
            "Deputy Prime Minister – Minister of Industry and Trade Denis Manturov: Yes.",
            "Deputy Prime Minister – Minister of Industry and Trade Denis Manturov",
        ),
        ("Vladimir Putin (retranslated): We will see.", "Vladimir Putin"),
        ("PUTIN: We will see.", "PUTIN"),
        ("Q: What now?", "Q"),
        ("Question: What now?", "Question"),
        ("CC: Do you mean about the debate itself?", "CC"),
    ],
)
def test_match_label(line: str, label: str) -> None:
    assert _label(line) == label


@pytest.mark.parametrize(
    "line",
    [
        "Note: this story was updated.",
        "Source: TASS",
        "Photo: Reuters",
        "Editor's note: corrected.",
        "Read more: what the Union State is",
        "He said: we will win.",
        "As you said: the hardest part is over.",
        "Alexander Grigorievich, as you said: it is over.",
        "June 9: talks in Sochi",
        "14:30 Sochi",
        "See https://example.org for details",
        "The minister added: no comment.",
        "B: a list item",
        "CC: Jane Doe, John Roe",
    ],
)
def test_not_a_label(line: str) -> None:
    assert _label(line) is None


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("President of Russia Vladimir Putin", "Vladimir Putin"),
        ("President of Belarus Alexander Lukashenko", "Alexander Lukashenko"),
        ("President of the Republic of Belarus Alexander Lukashenko", "Alexander Lukashenko"),
        ("Prime Minister Mikhail Mishustin", "Mikhail Mishustin"),
        ("Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
        ("Minister of Foreign Affairs Sergei Lavrov", "Sergei Lavrov"),
        ("Governor of Tula Region Alexei Dyumin", "Alexei Dyumin"),
        ("Mayor of Moscow Sergei Sobyanin", "Sergei Sobyanin"),
        ("Kremlin spokesperson Dmitry Peskov", "Dmitry Peskov"),
        ("Jordan Peterson", "Jordan Peterson"),
        ("Rep. Joaquin Castro of Texas", "Joaquin Castro"),
        ("Ben Wizner of the American Civil Liberties Union", "Ben Wizner"),
        ("Head of the Republic of Tatarstan Rustam Minnikhanov", "Rustam Minnikhanov"),
        ("Chairman of the State Duma Vyacheslav Volodin", "Vyacheslav Volodin"),
        ("SEN. MARCO RUBIO", "MARCO RUBIO"),
        ("Putin", "Putin"),
        ("The President", "The President"),
    ],
)
def test_name_of_label(label: str, name: str) -> None:
    assert name_of_label(label) == name
