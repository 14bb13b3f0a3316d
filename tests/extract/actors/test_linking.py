"""Knowledge-base linking: institutions, news agencies, acronyms, capitals as governments,
surnames by office."""

from __future__ import annotations

from actors_helpers import by_name, run, texts
from spacy.language import Language
from spacy.tokens import Doc

from readout.kb.lookup import KB
from readout.model import Actor, Document


def test_news_institutions(news: tuple[Document, Doc, list[Actor]]) -> None:
    _document, _doc, actors = news
    kremlin = by_name(actors, "the Kremlin")
    assert (kremlin.type, kremlin.country) == ("organization", "RUS")
    tass, belta = by_name(actors, "TASS"), by_name(actors, "BelTA")
    assert (tass.kb, tass.roles, belta.country, belta.roles) == (
        "Q223799",
        ["news agency"],
        "BLR",
        ["news agency"],
    )
    eaeu = by_name(actors, "Eurasian Economic Union")
    assert (eaeu.kb, sorted(texts(eaeu))) == ("Q4173083", ["EAEU", "Eurasian Economic Union"])
    assert by_name(actors, "Union State").kb == "Q166110"


def test_news_capitals_as_governments_and_as_places(
    news: tuple[Document, Doc, list[Actor]],
) -> None:
    document, _doc, actors = news
    russia, belarus = by_name(actors, "Russia"), by_name(actors, "Belarus")
    moscow_minsk = document.text.index("Moscow and Minsk")
    assert any(m.start == moscow_minsk for m in russia.mentions)
    assert any(m.start == moscow_minsk + len("Moscow and ") for m in belarus.mentions)
    assert {"Russian", "Belarusian"} <= set(texts(russia)) | set(texts(belarus))
    minsk = by_name(actors, "Minsk")
    assert (minsk.type, minsk.country) == ("place", "BLR")
    assert {m.start for m in minsk.mentions} == {
        document.text.index("MINSK, June"),
        document.text.index("Minsk with a Russian"),
    }


def test_surname_alone_links_by_office_and_context(kb: KB, blank: Language) -> None:
    actors = run(
        kb,
        blank,
        "Lavrov said Moscow was ready to talk.",
        {"Lavrov": "PER", "Moscow": "LOC"},
        "2023-05-01",
    )
    assert by_name(actors, "Sergey Lavrov").kb == "Q58217"
    assert by_name(actors, "Russia").type == "country"  # Moscow, the subject, stands for Russia


def test_a_full_name_in_another_form_links_on_the_evidence_a_surname_needs(
    kb: KB, blank: Language
) -> None:
    actors = run(
        kb,
        blank,
        "Mikhail V. Mishustin met Alex Lukashenko in Moscow.",
        {"Mikhail V. Mishustin": "PER", "Alex Lukashenko": "PER", "Moscow": "LOC"},
        "2023-05-01",
    )
    assert by_name(actors, "Mikhail Mishustin").kb == "Q4298520"  # a middle initial
    assert by_name(actors, "Alexander Lukashenko").kb == "Q2866"  # a short given name


def test_another_given_name_is_another_person(kb: KB, blank: Language) -> None:
    actors = run(
        kb,
        blank,
        "Boris Mishustin spoke in Moscow.",
        {"Boris Mishustin": "PER", "Moscow": "LOC"},
        "2023-05-01",
    )
    assert by_name(actors, "Boris Mishustin").kb is None
