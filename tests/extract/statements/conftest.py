"""Shared helpers of the statements tests: one test per construction of issue 8, on
sentences written for these tests.

The parses are written out in the tests (UD labels, as en_readout_core gives them, corrected
by hand where the parser erred; a few in ClearNLP labels as official spaCy pipelines give
them), so the tests pin the statements stage and not a parser. They run the rules
(``use_model=False``); the learned part is checked for the span rule and for keeping to the
same contract. A few tests run the real pipeline when it is installed.

The helpers reach the tests as fixtures (``parse``, ``actor``, ``run``, ``only``, and the
parses several modules share): with ``--import-mode=importlib`` a test module cannot import
a module beside it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from readout.extract.statements import extract_statements
from readout.model import Actor, Document, Span, Statement

VOCAB = spacy.blank("en").vocab


def parse_rows(rows: str) -> Doc:
    """A Doc from one token per line: TEXT LEMMA POS TAG DEP HEAD ENT SPACE, where HEAD is the
    head's index (its own index at the root), ENT an IOB tag ("B-PER", "O") and SPACE 1 when
    a space follows. "\\n" in TEXT stands for a line break."""
    words, lemmas, pos, tags, deps, heads, ents, spaces = [], [], [], [], [], [], [], []
    for line in rows.strip().splitlines():
        text, lemma, p, tag, dep, head, ent, space = line.split()
        words.append(text.replace("\\n", "\n"))
        lemmas.append(lemma.replace("\\n", "\n"))
        pos.append(p)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
        ents.append(ent)
        spaces.append(space == "1")
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        pos=pos,
        tags=tags,
        deps=deps,
        heads=heads,
        ents=ents,
    )


def make_actor(aid: str, name: str, kind: str, text: str, *words: str) -> Actor:
    """An actor with a mention at every occurrence of each of ``words`` in ``text``."""
    mentions = []
    for w in words:
        start = text.find(w)
        while start >= 0:
            mentions.append(Span.of(text, start, start + len(w)))
            start = text.find(w, start + 1)
    return Actor(id=aid, name=name, type=kind, mentions=mentions)  # type: ignore[arg-type]


def check_spans(text: str, statements: list[Statement]) -> None:
    """The span rule, on every span of every statement."""
    for s in statements:
        for span in (s.content, s.cue, s.speaker_mention):
            if span is not None:
                assert span.holds_in(text), span
                assert span.end > span.start


def run_stage(
    doc: Doc, actors: list[Actor] | None = None, turns: list | None = None, model: bool = False
) -> tuple[list[Statement], list[Actor]]:
    """The stage's statements on ``doc`` (the span rule checked) and the actor list after."""
    document = Document(id="t", source="t.txt", text=doc.text)
    actors = list(actors or [])
    out = extract_statements(doc, document, actors, [], turns or [], use_model=model)
    check_spans(doc.text, out)
    return out, actors


def only_cue(statements: list[Statement], cue: str) -> Statement:
    """The one statement whose cue is ``cue``."""
    found = [s for s in statements if s.cue is not None and s.cue.text == cue]
    assert len(found) == 1, [(s.cue and s.cue.text, s.content.text) for s in statements]
    return found[0]


@pytest.fixture
def parse() -> Callable[[str], Doc]:
    return parse_rows


@pytest.fixture
def actor() -> Callable[..., Actor]:
    return make_actor


@pytest.fixture
def run() -> Callable[..., tuple[list[Statement], list[Actor]]]:
    return run_stage


@pytest.fixture
def only() -> Callable[[list[Statement], str], Statement]:
    return only_cue


# "Ann said Bob told her that the deal collapsed.": a report nested in another's content
NESTED_TOLD = """
Ann Ann PROPN NNP nsubj 1 B-PER 1
said say VERB VBD ROOT 1 O 1
Bob Bob PROPN NNP nsubj 3 B-PER 1
told tell VERB VBD ccomp 1 O 1
her she PRON PRP obj 3 O 1
that that SCONJ IN mark 8 O 1
the the DET DT det 7 O 1
deal deal NOUN NN nsubj 8 O 1
collapsed collapse VERB VBD ccomp 3 O 0
. . PUNCT . punct 1 O 0
"""

# "Lee cited two reasons.": "cite" heading its own clause
CITED = """
Lee Lee PROPN NNP nsubj 1 B-PER 1
cited cite VERB VBD ROOT 1 O 1
two two NUM CD nummod 3 O 1
reasons reason NOUN NNS obj 1 O 0
. . PUNCT . punct 1 O 0
"""


@pytest.fixture
def nested_told() -> Doc:
    return parse_rows(NESTED_TOLD)


@pytest.fixture
def cited() -> Doc:
    return parse_rows(CITED)
