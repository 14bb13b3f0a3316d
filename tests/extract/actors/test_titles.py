"""Title phrases: resolved through the document's date, possessives, apposition and commas."""

from __future__ import annotations

from actors_helpers import by_name, run, texts
from spacy.language import Language

from readout.kb.lookup import KB


def test_title_phrases_follow_the_document_date(kb: KB, blank: Language) -> None:
    text = "The Russian President met the Russian Prime Minister in Moscow."
    then = run(kb, blank, text, {"Moscow": "LOC"}, "2010-05-01")
    assert by_name(then, "Dmitry Medvedev").mentions[0].text == "The Russian President"
    assert by_name(then, "Vladimir Putin").mentions[0].text == "the Russian Prime Minister"
    assert by_name(then, "Moscow").type == "place"
    now = run(kb, blank, text, {"Moscow": "LOC"}, "2023-05-01")
    assert by_name(now, "Vladimir Putin").mentions[0].text == "The Russian President"
    assert by_name(now, "Mikhail Mishustin").kb == "Q4298520"


def test_possessive_title_and_apposition(kb: KB, blank: Language) -> None:
    text = (
        "Putin's spokesman said the talks went well. Ivan Petrov, the Belarusian spokesman, agreed."
    )
    actors = run(kb, blank, text, {"Putin": "PER", "Ivan Petrov": "PER"}, "2023-05-01")
    peskov = by_name(actors, "Dmitry Peskov")
    assert texts(peskov) == ["Putin's spokesman"]
    petrov = by_name(actors, "Ivan Petrov")
    assert (petrov.kb, petrov.country, petrov.roles) == (None, "BLR", ["spokesperson"])
    assert "the Belarusian spokesman" in texts(petrov)


def test_a_comma_ends_a_title_qualifier(kb: KB, blank: Language) -> None:
    text = "Russia will not make a deal with China, President Vladimir Putin said."
    actors = run(kb, blank, text, {"Vladimir Putin": "PER", "China": "LOC"}, "2023-05-01")
    putin = by_name(actors, "Vladimir Putin")
    assert all("," not in m.text for a in actors for m in a.mentions)
    assert "China" not in " ".join(texts(putin))
    assert by_name(actors, "China").type == "country"


def test_the_president_is_the_holder_on_the_day_over_a_past_title(kb: KB, blank: Language) -> None:
    text = "Vladimir Putin recalled President John Smith. The president said talks went well."
    ents = {"Vladimir Putin": "PER", "John Smith": "PER"}
    actors = run(kb, blank, text, ents, "2023-05-01")
    assert "The president" in texts(by_name(actors, "Vladimir Putin"))
    assert "The president" not in texts(by_name(actors, "John Smith"))
