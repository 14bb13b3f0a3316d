"""Actors: written fixtures in the two shapes DESIGN.md describes, over a tiny knowledge base.

Entities are set by hand on a blank English pipeline, so these tests pin the actors stage
and not a model; one test at the end runs the real pipeline when it is installed.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from readout.extract import actors as actors_pkg
from readout.extract.actors import pronouns as actors_mod
from readout.extract.actors import (
    actor_at,
    extract_actors,
    extract_actors_detailed,
    resolve_pronoun,
)
from readout.kb.lookup import KB
from readout.model import Actor, Document, Span

_spec = importlib.util.spec_from_file_location(
    "_tiny_gazetteer", Path(__file__).resolve().parents[1] / "kb" / "test_kb.py"
)
assert _spec is not None and _spec.loader is not None
_tiny = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_tiny)

NEWS = "\n\n".join(
    [
        "Home | World | Politics | Subscribe\nSaturday, 1 July 2023",
        "Lukashenko and Putin agree to speed up Union State programmes",
        "By Staff Reporter",
        "MINSK, June 30 - Kremlin spokesperson Dmitry Peskov said on Friday that Russian "
        "President Vladimir Putin and Belarusian leader Alexander Lukashenko had spoken by phone, "
        "the news agency BelTA reported.",
        '"The presidents discussed the schedule of the Union programmes," Peskov told reporters, '
        "according to TASS. He added that the Russian President valued the talks.",
        "Moscow and Minsk have been working for years to integrate their economies within the "
        "Union State and the Eurasian Economic Union (EAEU).",
        "The Belarusian leader said earlier that talks in Minsk with a Russian delegation would "
        "continue next month. Lukashenko also thanked Putin for the support, Peskov said.",
        "Share this\nSource: The Kremlin\n",
    ]
)

TRANSCRIPT = """\
Meeting with President of Belarus Alexander Lukashenko
June 9, 2023, 14:30, Sochi

Vladimir Putin held talks with President of the Republic of Belarus Alexander Lukashenko.

Vladimir Putin: Alexander Grigorievich, good afternoon. I am glad to see you in Sochi again.

Alexander Lukashenko: Vladimir Vladimirovich, thank you. Minsk and Moscow agree on this.

Putin: Thank you.

This text has been translated from Russian by machine translation.
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KB:
    return _tiny.build_tiny_kb(tmp_path_factory.mktemp("kb"))


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def parse(nlp: Language, text: str, ents: dict[str, str]) -> Doc:
    """A Doc with every occurrence of each name tagged, longest names first."""
    doc = nlp(text)
    spans = []
    for name in sorted(ents, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            sp = doc.char_span(m.start(), m.end(), label=ents[name])
            if sp is not None and not any(sp.start < o.end and o.start < sp.end for o in spans):
                spans.append(sp)
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def by_name(actors: list[Actor], name: str) -> Actor:
    (found,) = [a for a in actors if a.name == name]
    return found


def texts(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]


def check_spans(actors: list[Actor], document: Document) -> None:
    for a in actors:
        for m in a.mentions:
            assert m.holds_in(document.text), (a.name, m)


# --- a news report -------------------------------------------------------------------


@pytest.fixture(scope="module")
def news(kb: KB, blank: Language) -> tuple[Document, Doc, list[Actor]]:
    body_start = NEWS.index("Lukashenko and Putin")
    document = Document(
        id="news",
        source="test",
        text=NEWS,
        published="2023-06-30",
        body=Span.of(NEWS, body_start, NEWS.index("Share this")),
    )
    ents = {
        "Dmitry Peskov": "PER",
        "Vladimir Putin": "PER",
        "Alexander Lukashenko": "PER",
        "Peskov": "PER",
        "Putin": "PER",
        "Lukashenko": "PER",
        "MINSK": "LOC",
        "Minsk": "LOC",
        "Moscow": "LOC",
        "BelTA": "ORG",
        "Kremlin": "ORG",
    }
    doc = parse(blank, NEWS, ents)
    return document, doc, extract_actors(doc, document, seed=[], kb=kb)


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


def test_news_chrome_is_ignored_and_ids_are_in_order(
    news: tuple[Document, Doc, list[Actor]],
) -> None:
    document, _doc, actors = news
    assert document.body is not None
    for a in actors:
        for m in a.mentions:
            assert document.body.start <= m.start and m.end <= document.body.end
    assert [a.id for a in actors] == [f"a{i}" for i in range(1, len(actors) + 1)]
    firsts = [min(m.start for m in a.mentions) for a in actors]
    assert firsts == sorted(firsts)


def test_news_pronoun_and_actor_at(news: tuple[Document, Doc, list[Actor]], kb: KB) -> None:
    document, doc, actors = news
    peskov = next(a for a in actors if a.name == "Dmitry Peskov")
    he = next(t for t in doc if t.text == "He")
    assert resolve_pronoun(he, doc, actors, kb) == peskov.id
    phrase = document.text.index("Russian President Vladimir")
    putin, russia = by_name(actors, "Vladimir Putin"), by_name(actors, "Russia")
    assert actor_at(actors, phrase, phrase + len("Russian President")) == putin.id
    assert actor_at(actors, phrase, phrase + len("Russian")) == russia.id
    assert actor_at(actors, 0, 5) is None


# --- a transcript ------------------------------------------------------------------


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


# --- linking: dates, titles, possessives, unknown names ------------------------------


def run_doc(kb: KB, doc: Doc, text: str, published: str | None = None) -> list[Actor]:
    document = Document(id="x", source="test", text=text, published=published)
    return extract_actors(doc, document, seed=[], kb=kb)


def run(
    kb: KB, nlp: Language, text: str, ents: dict[str, str], published: str | None
) -> list[Actor]:
    document = Document(id="x", source="test", text=text, published=published)
    return extract_actors(parse(nlp, text, ents), document, seed=[], kb=kb)


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


def test_she_said_finds_a_woman(kb: KB, blank: Language) -> None:
    text = "Sergey Lavrov met the press with Maria Zakharova. She said the talks were useful."
    doc = parse(blank, text, {"Sergey Lavrov": "PER", "Maria Zakharova": "PER"})
    document = Document(id="x", source="test", text=text, published="2023-05-01")
    actors = extract_actors(doc, document, seed=[], kb=kb)
    she = next(t for t in doc if t.text == "She")
    assert resolve_pronoun(she, doc, actors, kb) == by_name(actors, "Maria Zakharova").id
    text2 = "Maria Zakharova met Sergey Lavrov. He said the talks were useful."
    doc2 = parse(blank, text2, {"Sergey Lavrov": "PER", "Maria Zakharova": "PER"})
    actors2 = extract_actors(doc2, Document(id="y", source="t", text=text2), seed=[], kb=kb)
    he = next(t for t in doc2 if t.text == "He")
    assert resolve_pronoun(he, doc2, actors2, kb) == by_name(actors2, "Sergey Lavrov").id
    assert resolve_pronoun(doc2[0], doc2, actors2, kb) is None  # not a pronoun


def test_first_names_the_knowledge_base_knows_give_a_gender(kb: KB, blank: Language) -> None:
    assert kb.given_name_gender("Aysen") == "male"  # Aysen Nikolayev
    assert kb.given_name_gender("Zebulon") is None
    text = "Aysen Kuznetsov met Maria Zakharova. She said the talks were useful."
    doc = parse(blank, text, {"Aysen Kuznetsov": "PER", "Maria Zakharova": "PER"})
    actors = extract_actors(doc, Document(id="x", source="t", text=text), seed=[], kb=kb)
    she = next(t for t in doc if t.text == "She")
    assert resolve_pronoun(she, doc, actors, kb) == by_name(actors, "Maria Zakharova").id
    # titles and ranks before the name are not first names
    assert actors_mod._given_name("Marine Gen. Kenneth McKenzie") == "Kenneth"
    assert actors_mod._given_name("McKenzie") is None


def test_a_comma_ends_a_title_qualifier(kb: KB, blank: Language) -> None:
    text = "Russia will not make a deal with China, President Vladimir Putin said."
    actors = run(kb, blank, text, {"Vladimir Putin": "PER", "China": "LOC"}, "2023-05-01")
    putin = by_name(actors, "Vladimir Putin")
    assert all("," not in m.text for a in actors for m in a.mentions)
    assert "China" not in " ".join(texts(putin))
    assert by_name(actors, "China").type == "country"


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


def test_the_president_is_the_holder_on_the_day_over_a_past_title(kb: KB, blank: Language) -> None:
    text = "Vladimir Putin recalled President John Smith. The president said talks went well."
    ents = {"Vladimir Putin": "PER", "John Smith": "PER"}
    actors = run(kb, blank, text, ents, "2023-05-01")
    assert "The president" in texts(by_name(actors, "Vladimir Putin"))
    assert "The president" not in texts(by_name(actors, "John Smith"))


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


def test_detailed_kinds(kb: KB, blank: Language) -> None:
    text = "The Kremlin said Russian troops left. Vladimir Putin and Putin's aides agreed."
    doc = parse(blank, text, {"Vladimir Putin": "PER", "Putin": "PER"})
    document = Document(id="x", source="t", text=text, published="2023-05-01")
    _actors, kinds = extract_actors_detailed(doc, document, [], kb)
    where = {document.text[s:e]: k for (s, e), k in kinds.items()}
    assert (
        where["Kremlin"] == "name" and where["Russian"] == "demonym" and where["Putin"] == "surname"
    )


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


def parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str]) -> Doc:
    """A Doc with a hand-written parse (and crude lemmas): sentences start after each "."."""
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    lemmas = [w.lower().removesuffix("ed") if w.endswith("ed") else w.lower() for w in words]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, sent_starts=starts, lemmas=lemmas)


def tag_names(doc: Doc, names: dict[str, str]) -> Doc:
    """One-word entities, labelled as ``names`` says."""
    doc.ents = [SpacySpan(doc, t.i, t.i + 1, label=names[t.text]) for t in doc if t.text in names]
    return doc


def test_he_is_the_subject_of_the_previous_main_verb(kb: KB, blank: Language) -> None:
    # "Smith was thanked, Jones said. He added more." -> Jones, not the first subject
    words = ["Smith", "was", "thanked", ",", "Jones", "said", ".", "He", "added", "more", "."]
    heads = [2, 2, 5, 2, 5, 5, 5, 8, 8, 8, 8]
    deps = [
        "nsubj:pass", "aux:pass", "ccomp", "punct", "nsubj", "ROOT", "punct",
        "nsubj", "ROOT", "obj", "punct",
    ]  # fmt: skip
    doc = tag_names(parsed(blank, words, heads, deps), {"Smith": "PER", "Jones": "PER"})
    actors = extract_actors(doc, Document(id="x", source="t", text=doc.text), seed=[], kb=kb)
    assert resolve_pronoun(doc[7], doc, actors, kb) == by_name(actors, "Jones").id


def test_he_looks_back_past_sentences_that_name_nobody(kb: KB, blank: Language) -> None:
    words = ["Jones", "spoke", ".", "Talks", "were", "long", ".", "He", "left", "."]
    heads = [1, 1, 1, 5, 5, 5, 5, 8, 8, 8]
    deps = ["nsubj", "ROOT", "punct", "nsubj", "cop", "ROOT", "punct", "nsubj", "ROOT", "punct"]
    doc = tag_names(parsed(blank, words, heads, deps), {"Jones": "PER"})
    actors = extract_actors(doc, Document(id="x", source="t", text=doc.text), seed=[], kb=kb)
    assert resolve_pronoun(doc[7], doc, actors, kb) == by_name(actors, "Jones").id


def test_he_looks_back_over_a_quotation_of_several_sentences_but_not_two_paragraphs(
    kb: KB, blank: Language
) -> None:
    text = 'Jones spoke first.\n\n"We won. We lost. We tried. We left." He smiled.'
    doc = tag_names(blank(text), {"Jones": "PER"})
    actors = extract_actors(doc, Document(id="x", source="t", text=text), seed=[], kb=kb)
    he = next(t for t in doc if t.text == "He")
    assert resolve_pronoun(he, doc, actors, kb) == by_name(actors, "Jones").id
    far = 'Jones spoke first.\n\nTalks went on.\n\n"We won." He smiled.'
    doc2 = tag_names(blank(far), {"Jones": "PER"})
    actors2 = extract_actors(doc2, Document(id="y", source="t", text=far), seed=[], kb=kb)
    he2 = next(t for t in doc2 if t.text == "He")
    assert resolve_pronoun(he2, doc2, actors2, kb) is None
    # ... unless Jones is the last speaker found: a run of quotation paragraphs goes on
    jones = by_name(actors2, "Jones").id
    assert resolve_pronoun(he2, doc2, actors2, kb, speakers=[(0, jones)]) == jones
    assert resolve_pronoun(he2, doc2, actors2, kb, speakers=[(0, "a99")]) is None


def test_it_and_they_resolve_only_where_they_can(kb: KB, blank: Language) -> None:
    words = ["The", "Kremlin", "sent", "notes", ".", "It", "said", "so", "."]
    heads = [1, 2, 2, 2, 2, 6, 6, 6, 6]
    deps = ["det", "nsubj", "ROOT", "obj", "punct", "nsubj", "ROOT", "advmod", "punct"]
    doc = tag_names(parsed(blank, words, heads, deps), {"Kremlin": "ORG"})
    actors = extract_actors(doc, Document(id="x", source="t", text=doc.text), seed=[], kb=kb)
    assert resolve_pronoun(doc[5], doc, actors, kb) == by_name(actors, "the Kremlin").id
    # "it appeared that": a placeholder, nobody's words
    words2 = ["The", "Kremlin", "sent", "notes", ".", "It", "appeared", "so", "."]
    doc2 = tag_names(parsed(blank, words2, heads, deps), {"Kremlin": "ORG"})
    actors2 = extract_actors(doc2, Document(id="y", source="t", text=doc2.text), seed=[], kb=kb)
    assert resolve_pronoun(doc2[5], doc2, actors2, kb) is None
    # "they" after a country is rarely the country
    words3 = ["Russia", "sent", "notes", ".", "They", "said", "so", "."]
    heads3 = [1, 1, 1, 1, 5, 5, 5, 5]
    deps3 = ["nsubj", "ROOT", "obj", "punct", "nsubj", "ROOT", "advmod", "punct"]
    doc3 = tag_names(parsed(blank, words3, heads3, deps3), {"Russia": "LOC"})
    actors3 = extract_actors(doc3, Document(id="z", source="t", text=doc3.text), seed=[], kb=kb)
    assert by_name(actors3, "Russia").type == "country"
    assert resolve_pronoun(doc3[4], doc3, actors3, kb) is None


# --- the real pipeline, where it is installed ----------------------------------------


def _real_nlp() -> Language | None:
    try:
        return spacy.load("en_readout_core")
    except (OSError, ImportError, ValueError):
        return None


@pytest.mark.skipif(_real_nlp() is None, reason="en_readout_core not installed")
def test_real_pipeline_news(kb: KB) -> None:
    nlp = _real_nlp()
    assert nlp is not None
    document = Document(
        id="news",
        source="test",
        text=NEWS,
        published="2023-06-30",
        body=Span.of(NEWS, NEWS.index("Lukashenko and Putin"), NEWS.index("Share this")),
    )
    actors = extract_actors(nlp(NEWS), document, seed=[], kb=kb)
    check_spans(actors, document)
    assert {"Q7747", "Q2866"} <= {a.kb for a in actors}
    peskov = [a for a in actors if any(m.text == "Peskov" for m in a.mentions)]
    assert len(peskov) == 1 and "Dmitry Peskov" in texts(peskov[0])
    assert by_name(actors, "the Kremlin").country == "RUS"
