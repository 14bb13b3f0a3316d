"""Looking up actors by text position: actor_at, and the MentionIndex against a plain scan."""

from __future__ import annotations

from dataclasses import replace

import pytest
from actors_helpers import by_name
from spacy.tokens import Doc

from readout.extract.actors import MentionIndex, actor_at, resolve_pronoun
from readout.kb.lookup import KB
from readout.model import Actor, Document, Span


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


def _answers(doc: Doc, actors: list[Actor], kb: KB, index: MentionIndex | None) -> list[str | None]:
    """actor_at over stretches of every length class at every third char, then each token
    as a pronoun, with and without earlier speakers."""
    out = []
    text = doc.text
    for start in range(0, len(text), 3):
        for width in (0, 1, 6, 17, 45):
            out.append(actor_at(actors, start, start + width, index=index))
    speakers = [(a.mentions[0].start, a.id) for a in actors if a.mentions]
    for tok in doc:
        for said in ((), speakers):
            out.append(resolve_pronoun(tok, doc, actors, kb, said, index=index))
    return out


def test_the_mention_index_answers_as_a_scan_does(
    news: tuple[Document, Doc, list[Actor]], kb: KB
) -> None:
    document, doc, found = news
    actors = [replace(a, mentions=list(a.mentions)) for a in found]  # the fixture stays as it is
    index = MentionIndex(actors)
    assert _answers(doc, actors, kb, index) == _answers(doc, actors, kb, None)
    # as the statements stage does: a new speaker, and a mention for one already known
    text = document.text
    he = text.index("He added")
    actors.append(Actor(id="a99", name="Ann Kuster", type="person"))
    actors[-1].mentions.append(Span.of(text, he, he + 2))
    putin = by_name(actors, "Vladimir Putin")
    putin.mentions.append(Span.of(text, text.index("reporters"), text.index("reporters") + 9))
    assert actor_at(actors, he, he + 2, index=index) == "a99"
    assert _answers(doc, actors, kb, index) == _answers(doc, actors, kb, None)
    # anything but appending makes it rebuild
    actors.pop(0)
    putin.type = "organization"
    assert _answers(doc, actors, kb, index) == _answers(doc, actors, kb, None)
    with pytest.raises(ValueError):
        actor_at(list(actors), 0, 5, index=index)
