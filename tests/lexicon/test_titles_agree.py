"""Transcript labels and articles strip the same titles: "Congressman John Smith" is John
Smith in a transcript's speaker label and in an article's sentence alike."""

from __future__ import annotations

import pytest
from spacy.language import Language

from readout import lexicon
from readout.extract.actors import extract_actors
from readout.model import Document, Span
from readout.read.turns import name_of_label

# Titles the article parser may keep in a name, each for a reason. None today: "Dean",
# "Pope", "Justice" and "SEC" (titles_in_names: the article parser does not strip them from
# a tagged name, since "Dean Baquet" and "Pope Francis" are names) still come out as "John
# Smith" because the tagger leaves the title out of the name. Add a title here only with
# the reason it cannot work.
ARTICLE_EXCEPTIONS: dict[str, str] = {}


def _single_word_titles() -> list[str]:
    found = lexicon.words("titles") | lexicon.words("honorifics") | lexicon.words("ranks")
    return sorted(w for w in found if " " not in w)


def _cased(title: str) -> str:
    return title[:1].upper() + title[1:]


def test_the_title_lists_have_single_word_entries() -> None:
    assert len(_single_word_titles()) > 50
    assert {"congressman", "senator", "president", "mr", "general"} <= set(_single_word_titles())


@pytest.mark.parametrize("title", _single_word_titles())
def test_a_transcript_label_loses_its_title(title: str) -> None:
    assert name_of_label(f"{_cased(title)} John Smith") == "John Smith"


def test_an_article_loses_the_title_too(nlp: Language) -> None:
    titles = [t for t in _single_word_titles() if t not in ARTICLE_EXCEPTIONS]
    texts = [f"{_cased(t)} John Smith said on Monday that talks would go on." for t in titles]
    wrong: dict[str, list[str]] = {}
    for title, text, doc in zip(titles, texts, nlp.pipe(texts), strict=True):
        document = Document(id=title, source="test", text=text, body=Span.of(text, 0, len(text)))
        persons = [a.name for a in extract_actors(doc, document) if a.type == "person"]
        if "John Smith" not in persons:
            wrong[title] = persons
    assert not wrong, wrong
