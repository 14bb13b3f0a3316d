"""Pronouns: the antecedent by sentence, subject, paragraph, gender and earlier speakers."""

from __future__ import annotations

from actors_helpers import by_name, parse
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from readout.extract.actors import (
    extract_actors,
    resolve_pronoun,
)
from readout.extract.actors.pronouns import _given_name
from readout.kb.lookup import KB
from readout.model import Document


def parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str]) -> Doc:
    """A Doc with a hand-written parse (and crude lemmas): sentences start after each "."."""
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    lemmas = [w.lower().removesuffix("ed") if w.endswith("ed") else w.lower() for w in words]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, sent_starts=starts, lemmas=lemmas)


def tag_names(doc: Doc, names: dict[str, str]) -> Doc:
    """One-word entities, labelled as ``names`` says."""
    doc.ents = [SpacySpan(doc, t.i, t.i + 1, label=names[t.text]) for t in doc if t.text in names]
    return doc


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
    assert _given_name("Marine Gen. Kenneth McKenzie") == "Kenneth"
    assert _given_name("McKenzie") is None


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
