"""What the times tests share: a blank English tokenizer, the times of a text, and small
parsed Docs built by hand, so that no trained pipeline is needed."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from readout.extract.times import extract_times
from readout.model import Dateline, Document, Span, Time

NLP = spacy.blank("en")


def times(
    text: str,
    published: str | None = "2023-04-06",
    *,
    body: tuple[int, int] | None = None,
    dateline: Dateline | None = None,
    doc: Doc | None = None,
) -> list[Time]:
    document = Document(id="t", source="test", text=text, published=published)
    if body is not None:
        document.body = Span.of(text, *body)
    document.dateline = dateline
    found = extract_times(doc if doc is not None else NLP(text), document)
    for t in found:
        assert t.span.holds_in(text), t
    return found


def one(text: str, expression: str, published: str | None = "2023-04-06", **kw) -> Time:
    found = [t for t in times(text, published, **kw) if t.span.text == expression]
    assert len(found) == 1, (expression, times(text, published, **kw))
    return found[0]


def value(text: str, expression: str, published: str | None = "2023-04-06") -> str:
    return one(text, expression, published).value


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str], **kw) -> Doc:
    pos = [_POS.get(t, "X") for t in tags]
    return Doc(NLP.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, **kw)


_POS = {
    "PRP": "PRON",
    "NNS": "NOUN",
    "NN": "NOUN",
    "NNP": "PROPN",
    "DT": "DET",
    "JJ": "ADJ",
    "CD": "NUM",
    "MD": "AUX",
    "VB": "VERB",
    "VBD": "VERB",
    "VBZ": "VERB",
    "VBN": "VERB",
    "IN": "ADP",
    "CC": "CCONJ",
    "TO": "PART",
    ".": "PUNCT",
}
