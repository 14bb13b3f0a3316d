"""Finishing: ids in order of first mention, and the kind of each mention."""

from __future__ import annotations

from actors_helpers import parse
from spacy.language import Language
from spacy.tokens import Doc

from readout.extract.actors import (
    extract_actors_detailed,
)
from readout.kb.lookup import KB
from readout.model import Actor, Document


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


def test_detailed_kinds(kb: KB, blank: Language) -> None:
    text = "The Kremlin said Russian troops left. Vladimir Putin and Putin's aides agreed."
    doc = parse(blank, text, {"Vladimir Putin": "PER", "Putin": "PER"})
    document = Document(id="x", source="t", text=text, published="2023-05-01")
    _actors, kinds = extract_actors_detailed(doc, document, [], kb)
    where = {document.text[s:e]: k for (s, e), k in kinds.items()}
    assert (
        where["Kremlin"] == "name" and where["Russian"] == "demonym" and where["Putin"] == "surname"
    )
