"""Collecting mentions: what a tagged name is cut to, and which tagged names are no actors."""

from __future__ import annotations

import re

from actors_helpers import by_name, check_spans, parse, run, run_doc, texts
from spacy.language import Language

from readout.extract.actors import (
    extract_actors,
)
from readout.kb.lookup import KB
from readout.model import Document


def test_a_tagged_title_with_a_demonym_is_no_actor_of_its_own(kb: KB, blank: Language) -> None:
    text = (
        "Belarusian Prime Minister Roman Golovchenko said so. The Belarusian Prime Minister left."
    )
    ents = {"Belarusian Prime Minister": "ORG", "Roman Golovchenko": "PER"}
    actors = run(kb, blank, text, ents, "2023-05-01")
    assert "Belarusian Prime Minister" not in [a.name for a in actors]
    golovchenko = by_name(actors, "Roman Golovchenko")
    assert "Roman Golovchenko" in texts(golovchenko)


def test_party_title_and_home_state_are_not_part_of_a_name(kb: KB, blank: Language) -> None:
    text = (
        "Republican Sen. Ted Cruz of Texas spoke. The Rockefeller Institute of Government agreed."
    )
    ents = {
        "Republican Sen. Ted Cruz of Texas": "PER",
        "Rockefeller Institute of Government": "PER",  # a tagger's slip
    }
    actors = run(kb, blank, text, ents, "2023-05-01")
    assert texts(by_name(actors, "Ted Cruz")) == ["Ted Cruz"]
    assert by_name(actors, "Rockefeller Institute of Government").type == "organization"


def test_a_party_tagged_as_a_person_is_no_actor(kb: KB, blank: Language) -> None:
    text = "A Republican Senator objected. The GOP agreed."
    actors = run(kb, blank, text, {"Republican Senator": "PER", "GOP": "ORG"}, None)
    assert [(a.name, a.type) for a in actors] == [("GOP", "organization")]


def test_a_newspaper_or_police_tagged_as_a_place_is_an_organisation(
    kb: KB, blank: Language
) -> None:
    text = "The New York Times said the Metropolitan Police had left Moscow."
    ents = {"New York Times": "LOC", "Metropolitan Police": "LOC", "Moscow": "LOC"}
    actors = run(kb, blank, text, ents, None)
    assert by_name(actors, "The New York Times").type == "organization"
    assert by_name(actors, "Metropolitan Police").type == "organization"
    assert by_name(actors, "Moscow").type == "place"


def test_an_untagged_name_after_a_title_is_a_person(kb: KB, blank: Language) -> None:
    text = (
        "Senate Majority Leader Mitch McConnell spoke. General Motors and the Justice "
        "Department agreed."
    )
    doc = parse(blank, text, {"Senate Majority": "ORG"})
    for tok in doc:  # what a tagger says
        tok.pos_ = "PROPN" if tok.text[:1].isupper() else "X"
    actors = run_doc(kb, doc, text)
    assert texts(by_name(actors, "Mitch McConnell")) == ["Mitch McConnell"]
    assert by_name(actors, "Mitch McConnell").type == "person"
    names = [a.name for a in actors]
    assert "Motors" not in names and "Department" not in names


def test_speaker_and_rep_are_titles_not_names(kb: KB, blank: Language) -> None:
    text = "John Boehner spoke. Speaker Boehner left, and the Speaker met Rep. Ann Kuster."
    ents = {
        "John Boehner": "PER",
        "Speaker Boehner": "PER",
        "Speaker": "PER",
        "Rep. Ann Kuster": "PER",
    }
    actors = run(kb, blank, text, ents, None)
    assert sorted(a.name for a in actors) == ["Ann Kuster", "John Boehner"]
    assert texts(by_name(actors, "John Boehner")) == ["John Boehner", "Boehner"]


def test_titles_chrome_and_streets_tagged_as_names(kb: KB, blank: Language) -> None:
    text = "House Speaker Ann Kuster spoke on Wall Street.\nADVERTISEMENT\nShe left."
    ents = {
        "House Speaker": "ORG",
        "Ann Kuster": "PER",
        "Wall Street": "PER",
        "ADVERTISEMENT": "PER",
    }
    actors = run(kb, blank, text, ents, None)
    assert [(a.name, a.type) for a in actors] == [
        ("Ann Kuster", "person"),
        ("Wall Street", "place"),
    ]


def test_case_names_speeches_group_words_and_photo_credits_are_no_actors(
    kb: KB, blank: Language
) -> None:
    text = (
        "Roe v. Wade stood. In the State of the Union, a Hispanic voter cheered Ann Kuster.\n"
        "toggle caption Saul Loeb/AFP/Getty Images Saul Loeb/AFP/Getty Images\n"
    )
    ents = {
        "Wade": "PER",
        "Union": "LOC",
        "Hispanic": "PER",
        "Ann Kuster": "PER",
        "Saul Loeb": "PER",
    }
    actors = run(kb, blank, text, ents, None)
    assert [a.name for a in actors] == ["Ann Kuster"]


def test_an_ordinary_word_opening_a_sentence_is_no_name(kb: KB, blank: Language) -> None:
    text = 'Closely watched, the talks went on. "Sarin was used," Lavrov said of the sarin gas.'
    doc = parse(blank, text, {"Closely": "ORG", "Sarin": "PER", "Lavrov": "PER"})
    for tok in doc:  # what a tagger says; "Sarin" is a proper noun to it
        tok.pos_ = "ADV" if tok.text == "Closely" else "PROPN" if tok.text[:1].isupper() else "X"
        tok.tag_ = "RB" if tok.text == "Closely" else "NNP" if tok.text[:1].isupper() else "XX"
    document = Document(id="x", source="t", text=text, published="2023-05-01")
    actors = extract_actors(doc, document, seed=[], kb=kb)
    assert [a.name for a in actors] == ["Sergey Lavrov"]
    # an abbreviation after a bracket stays a name, as does a name written only in capitals
    text2 = "He faces charges under the code (UCMJ). Lavrov said so."
    doc2 = parse(blank, text2, {"UCMJ": "ORG", "Lavrov": "PER"})
    actors2 = extract_actors(doc2, Document(id="y", source="t", text=text2), seed=[], kb=kb)
    assert "UCMJ" in [a.name for a in actors2]


def test_a_generational_suffix_is_its_own_person(kb: KB, blank: Language) -> None:
    text = (
        "Vladimir Putin Jr. met reporters. Putin Jr. said little. Later Vladimir Putin spoke. "
        "John W. Nicholson Jr. arrived, and Nicholson said the same."
    )
    ents = {
        "Vladimir Putin Jr.": "PER",
        "Putin Jr.": "PER",
        "Vladimir Putin": "PER",
        "John W. Nicholson Jr.": "PER",
        "Nicholson": "PER",
    }
    doc = blank(text)
    # the tagger leaves the suffix out of the name, as en_readout_core often does
    spans = []
    for name, label in ents.items():
        bare = name.removesuffix(" Jr.")
        for m in re.finditer(rf"(?<!\w){re.escape(bare)}(?!\w)", text):
            sp = doc.char_span(m.start(), m.end(), label=label)
            if sp is not None and not any(sp.start < o.end and o.start < sp.end for o in spans):
                spans.append(sp)
    doc.ents = sorted(spans, key=lambda s: s.start)
    document = Document(id="x", source="t", text=text, published="2023-05-01")
    actors = extract_actors(doc, document, seed=[], kb=kb)
    check_spans(actors, document)
    junior = by_name(actors, "Vladimir Putin Jr.")
    assert junior.kb is None
    assert texts(junior) == ["Vladimir Putin Jr.", "Putin Jr."]
    assert texts(by_name(actors, "Vladimir Putin")) == ["Vladimir Putin"]
    assert by_name(actors, "Vladimir Putin").kb == "Q7747"
    assert texts(by_name(actors, "John W. Nicholson Jr.")) == ["John W. Nicholson Jr.", "Nicholson"]


def test_ordinary_words_opening_a_sentence_are_not_part_of_a_name(nlp) -> None:
    from readout.extract.actors import extract_actors
    from readout.model import Document

    text = (
        "Donald Trump spoke on Monday. Yet Trump did not say more. "
        "The vote came yet again, and part of the plan failed."
    )
    names = {a.name for a in extract_actors(nlp(text), Document(id="o", source="o", text=text))}
    assert "Yet Trump" not in names and "Donald Trump" in names
