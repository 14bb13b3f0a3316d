"""extract_actors end to end: a news report and a transcript with seed speakers, without a
knowledge base, and through the real pipeline where it is installed."""

from __future__ import annotations

import re

import pytest
import spacy
from actors_helpers import by_name, check_spans, parse, texts
from spacy.language import Language
from spacy.tokens import Doc

from readout.extract import actors as actors_pkg
from readout.extract.actors import (
    extract_actors,
)
from readout.kb.lookup import KB
from readout.model import Actor, Document, Span

TRANSCRIPT = """\
Meeting with President of Belarus Alexander Lukashenko
June 9, 2023, 14:30, Sochi

Vladimir Putin held talks with President of the Republic of Belarus Alexander Lukashenko.

Vladimir Putin: Alexander Grigorievich, good afternoon. I am glad to see you in Sochi again.

Alexander Lukashenko: Vladimir Vladimirovich, thank you. Minsk and Moscow agree on this.

Putin: Thank you.

This text has been translated from Russian by machine translation.
"""


def test_news_heads_of_state_with_every_surface_form(
    news: tuple[Document, Doc, list[Actor]],
) -> None:
    document, _doc, actors = news
    check_spans(actors, document)
    putin = by_name(actors, "Vladimir Putin")
    assert (putin.kb, putin.country, putin.type) == ("Q7747", "RUS", "person")
    assert "head of state" in putin.roles
    assert {"Vladimir Putin", "Putin", "Russian President", "the Russian President"} <= set(
        texts(putin)
    )
    luka = by_name(actors, "Alexander Lukashenko")
    assert (luka.kb, luka.country) == ("Q2866", "BLR")
    assert {
        "Alexander Lukashenko",
        "Lukashenko",
        "Belarusian leader",
        "The Belarusian leader",
    } <= set(texts(luka))


def test_transcript_seed_speakers_keep_ids_and_gain_mentions(kb: KB, blank: Language) -> None:
    text = TRANSCRIPT
    document = Document(
        id="t",
        source="test",
        text=text,
        kind="transcript",
        published="2023-06-09",
        body=Span.of(text, 0, text.index("This text has been")),
    )
    putin = Actor(id="a1", name="Vladimir Putin", type="person")
    luka = Actor(id="a2", name="Alexander Lukashenko", type="person")
    for label, actor in (
        ("Vladimir Putin:", putin),
        ("Putin:", putin),
        ("Alexander Lukashenko:", luka),
    ):
        for m in re.finditer(rf"^{re.escape(label)}", text, re.M):
            actor.mentions.append(Span.of(text, m.start(), m.end() - 1))
    doc = parse(
        blank,
        text,
        {
            "Vladimir Putin": "PER",
            "Alexander Lukashenko": "PER",
            "Putin": "PER",
            "Sochi": "LOC",
            "Minsk": "LOC",
            "Moscow": "LOC",
        },
    )
    actors = extract_actors(doc, document, seed=[putin, luka], kb=kb)
    check_spans(actors, document)
    assert actors[0] is putin and actors[1] is luka
    assert (putin.id, putin.kb, putin.country) == ("a1", "Q7747", "RUS")
    assert (luka.id, luka.kb, luka.country) == ("a2", "Q2866", "BLR")
    assert "Vladimir Vladimirovich" in texts(putin)
    assert {
        "Alexander Grigorievich",
        "President of Belarus",
        "President of the Republic of Belarus",
    } <= set(texts(luka))
    assert texts(putin).count("Putin") == 1 and texts(putin).count("Vladimir Putin") >= 2
    rest = actors[2:]
    assert [a.id for a in rest] == [f"a{i}" for i in range(3, len(actors) + 1)]
    sochi = by_name(actors, "Sochi")
    assert sochi.type == "place" and len(sochi.mentions) == 2
    # "translated from Russian" (outside the body anyway) names a language, not Russia
    russia = by_name(actors, "Russia")
    assert "Russian" not in texts(russia)
    assert {"Minsk", "Moscow"} == {
        m.text
        for a in actors
        if a.type == "country"
        for m in a.mentions
        if m.text in ("Minsk", "Moscow")
    }


def test_without_a_knowledge_base_actors_still_come_out(
    blank: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(actors_pkg, "default_kb", lambda: None)
    text = "Vladimir Putin met Alexander Lukashenko in Sochi. Putin spoke first."
    doc = parse(
        blank,
        text,
        {"Vladimir Putin": "PER", "Alexander Lukashenko": "PER", "Putin": "PER", "Sochi": "LOC"},
    )
    actors = extract_actors(doc, Document(id="x", source="t", text=text), seed=[])
    assert [(a.name, a.kb, a.type) for a in actors] == [
        ("Vladimir Putin", None, "person"),
        ("Alexander Lukashenko", None, "person"),
        ("Sochi", None, "place"),
    ]
    assert texts(actors[0]) == ["Vladimir Putin", "Putin"]


def _real_nlp() -> Language | None:
    try:
        return spacy.load("en_readout_core")
    except (OSError, ImportError, ValueError):
        return None


@pytest.mark.skipif(_real_nlp() is None, reason="en_readout_core not installed")
def test_real_pipeline_news(kb: KB, news_text: str) -> None:
    nlp = _real_nlp()
    assert nlp is not None
    document = Document(
        id="news",
        source="test",
        text=news_text,
        published="2023-06-30",
        body=Span.of(
            news_text, news_text.index("Lukashenko and Putin"), news_text.index("Share this")
        ),
    )
    actors = extract_actors(nlp(news_text), document, seed=[], kb=kb)
    check_spans(actors, document)
    assert {"Q7747", "Q2866"} <= {a.kb for a in actors}
    peskov = [a for a in actors if any(m.text == "Peskov" for m in a.mentions)]
    assert len(peskov) == 1 and "Dmitry Peskov" in texts(peskov[0])
    assert by_name(actors, "the Kremlin").country == "RUS"
