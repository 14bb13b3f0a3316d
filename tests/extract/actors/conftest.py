"""Fixtures the actors tests share: a tiny knowledge base, a blank English pipeline and a
news report in the shape DESIGN.md describes, its actors found. The tests import their
shared helpers (actors_helpers.py) by name: pytest runs with --import-mode=importlib, which
puts no test folder on sys.path.

Entities are set by hand on the blank pipeline, so these tests pin the actors stage and not
a model; one test runs the real pipeline when it is installed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).parent))

from actors_helpers import parse

from readout.extract.actors import extract_actors
from readout.kb.lookup import KB
from readout.model import Actor, Document, Span

_spec = importlib.util.spec_from_file_location(
    "_tiny_gazetteer", Path(__file__).resolve().parents[2] / "kb" / "test_kb.py"
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


@pytest.fixture(scope="package")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KB:
    return _tiny.build_tiny_kb(tmp_path_factory.mktemp("kb"))


@pytest.fixture(scope="package")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="package")
def news_text() -> str:
    return NEWS


@pytest.fixture(scope="package")
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
