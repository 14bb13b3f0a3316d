"""Helpers the actors tests share: tagging a Doc by hand and reading actors back (imported
by name: conftest.py puts this folder on sys.path)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from readout.extract.actors import extract_actors
from readout.kb.lookup import KB
from readout.model import Actor, Document


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


def run_doc(kb: KB, doc: Doc, text: str, published: str | None = None) -> list[Actor]:
    document = Document(id="x", source="test", text=text, published=published)
    return extract_actors(doc, document, seed=[], kb=kb)


def run(
    kb: KB, nlp: Language, text: str, ents: dict[str, str], published: str | None
) -> list[Actor]:
    document = Document(id="x", source="test", text=text, published=published)
    return extract_actors(parse(nlp, text, ents), document, seed=[], kb=kb)
