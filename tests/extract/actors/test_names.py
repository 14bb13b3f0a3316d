"""Resolving names to actors: surnames join full names; unknown names stay unlinked."""

from __future__ import annotations

from actors_helpers import run, texts
from spacy.language import Language
from spacy.tokens import Doc

from readout.kb.lookup import KB
from readout.model import Actor, Document


def test_news_spokesperson_surnames_join_the_full_name(
    news: tuple[Document, Doc, list[Actor]],
) -> None:
    _document, _doc, actors = news
    holders = [a for a in actors if any("Peskov" in m.text for m in a.mentions)]
    assert len(holders) == 1
    peskov = holders[0]
    assert peskov.name == "Dmitry Peskov"
    assert texts(peskov).count("Peskov") == 2
    assert {"Dmitry Peskov", "Kremlin spokesperson"} <= set(texts(peskov))
    assert (peskov.kb, peskov.country, peskov.roles) == (None, "RUS", ["spokesperson"])


def test_unknown_names_stay_unlinked(kb: KB, blank: Language) -> None:
    actors = run(
        kb,
        blank,
        "Ivan Petrov met Petrov's partners.",
        {"Ivan Petrov": "PER", "Petrov": "PER"},
        None,
    )
    (petrov,) = actors
    assert (petrov.name, petrov.kb, len(petrov.mentions)) == ("Ivan Petrov", None, 2)


def test_a_bare_surname_joins_the_most_named_person_not_a_relative_named_once(nlp) -> None:
    from readout.extract.actors import extract_actors
    from readout.model import Document

    text = (
        "President Donald Trump spoke at the rally in Ohio on Monday. Trump said the economy "
        "was strong. First lady Melania Trump visited a hospital. Later, Trump told reporters "
        "that he would win. President Trump also said the wall would be built."
    )
    document = Document(id="t", source="t", text=text, published="2019-01-08")
    by_name = {a.name: a for a in extract_actors(nlp(text), document)}
    assert [m.text for m in by_name["Melania Trump"].mentions] == ["Melania Trump"]
    assert len(by_name["Donald Trump"].mentions) == 4


def test_a_titled_surname_after_a_relative_is_the_office_holder(nlp) -> None:
    from readout.extract.actors import extract_actors
    from readout.model import Document

    text = (
        "Melania Trump visited a school in Ohio. President Trump said the economy was strong. "
        "Trump added that he would win."
    )
    document = Document(id="t", source="t", text=text, published="2018-05-01")
    by_name = {a.name: a for a in extract_actors(nlp(text), document)}
    assert [m.text for m in by_name["Melania Trump"].mentions] == ["Melania Trump"]
    assert by_name["Donald Trump"].kb == "Q22686"
    assert len(by_name["Donald Trump"].mentions) == 2


def test_equally_named_people_go_to_the_one_in_office(nlp) -> None:
    from readout.extract.actors import extract_actors
    from readout.model import Document

    text = (
        "Barack Obama spoke in Boston on Monday. Michelle Obama visited a hospital there. "
        "Obama said the city would recover."
    )
    document = Document(id="t", source="t", text=text, published="2013-04-18")
    by_name = {a.name: a for a in extract_actors(nlp(text), document)}
    assert [m.text for m in by_name["Michelle Obama"].mentions] == ["Michelle Obama"]
    assert len(by_name["Barack Obama"].mentions) == 2


def test_a_name_after_the_article_is_no_person(nlp) -> None:
    from readout.extract.actors import extract_actors
    from readout.model import Document

    text = "Senator Joe Manchin told the Hill that the vote would happen on Tuesday."
    document = Document(id="t", source="t", text=text, published="2019-05-01")
    types = {a.name: a.type for a in extract_actors(nlp(text), document)}
    assert types.get("Hill", "organization") != "person"


def test_a_surname_ending_like_a_patronymic_is_a_surname(nlp) -> None:
    from readout.extract.actors import extract_actors
    from readout.model import Document

    text = (
        "Michael Liebreich spoke first. Michael Greenstone wrote the paper. John Kasich and "
        "John Weaver spoke in Ohio."
    )
    actors = extract_actors(nlp(text), Document(id="t", source="t", text=text))
    names = sorted(a.name for a in actors if a.type == "person")
    assert names == ["John Kasich", "John Weaver", "Michael Greenstone", "Michael Liebreich"]
