"""Nesting, sibling reports, the same speaker, unsure nested reports, relays, duplicates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from readout.extract.statements import extract_statements
from readout.extract.statements.context import Candidate
from readout.extract.statements.nesting import (
    dedupe,
    drop_unsure_nested,
    nest,
    split_siblings,
)
from readout.model import Document


def _cand(doc: Doc, cue: str, content: str, score: float = 0.9):
    text = doc.text
    i = text.index(cue)
    j = text.index(content)
    tok = next(t for t in doc if t.idx == i)
    return Candidate(
        cue=(i, i + len(cue)),
        cue_tok=tok.i,
        content=(j, j + len(content)),
        origin="model",
        score=score,
    )


SIBLINGS = """
He he PRON PRP nsubj 1 O 1
said say VERB VBD ROOT 1 O 1
that that SCONJ IN mark 5 O 1
the the DET DT det 4 O 1
plan plan NOUN NN nsubj 5 O 1
works work VERB VBZ ccomp 1 O 0
, , PUNCT , punct 7 O 1
adding add VERB VBG advcl 1 O 1
that that SCONJ IN mark 10 O 1
costs cost NOUN NNS nsubj 10 O 1
fell fall VERB VBD ccomp 7 O 0
. . PUNCT . punct 1 O 0
"""


def test_content_stops_where_a_sibling_report_of_the_same_cue_begins(parse) -> None:
    doc = parse(SIBLINGS)
    outer = _cand(doc, "said", "that the plan works, adding that costs fell")
    inner = _cand(doc, "adding", "that costs fell")
    split_siblings(doc, [outer, inner])
    assert doc.text[outer.content[0] : outer.content[1]] == "that the plan works"
    assert doc.text[inner.content[0] : inner.content[1]] == "that costs fell"


def test_a_coordinated_report_inside_a_content_clause_ends_it(parse) -> None:
    doc = parse("""
He he PRON PRP nsubj 1 O 1
acknowledged acknowledge VERB VBD ROOT 1 O 1
that that SCONJ IN mark 4 O 1
he he PRON PRP nsubj 4 O 1
erred err VERB VBD ccomp 1 O 1
but but CCONJ CC cc 6 O 1
noted note VERB VBD conj 4 O 1
that that SCONJ IN mark 9 O 1
costs cost NOUN NNS nsubj 9 O 1
fell fall VERB VBD ccomp 6 O 0
. . PUNCT . punct 1 O 0
""")
    outer = _cand(doc, "acknowledged", "that he erred but noted that costs fell")
    inner = _cand(doc, "noted", "that costs fell")
    split_siblings(doc, [outer, inner])
    assert doc.text[outer.content[0] : outer.content[1]] == "that he erred"
    assert doc.text[inner.content[0] : inner.content[1]] == "that costs fell"


def test_nested_report_is_kept_but_a_stretch_read_twice_is_one_statement(nested_told) -> None:
    doc = nested_told
    outer = _cand(doc, "said", "Bob told her that the deal collapsed")
    inner = _cand(doc, "told", "that the deal collapsed")
    # Bob's report lies inside Ann's: both are statements, even though they overlap by half
    assert len(dedupe([outer, inner])) == 2
    # "deal" read as a cue whose content holds "said", while "said" holds "deal": one stretch
    # read twice; the more confident reading stays
    rival = _cand(doc, "deal", "Ann said Bob told her that the", score=0.5)
    kept = dedupe([outer, rival])
    assert [doc.text[c.cue[0] : c.cue[1]] for c in kept] == ["said"]
    # two cues sharing most of one content with neither inside the other: one statement
    twin = _cand(doc, "Ann", "the deal collapsed", score=0.6)
    kept = dedupe([inner, twin])
    assert [doc.text[c.cue[0] : c.cue[1]] for c in kept] == ["told"]


SAME_SPEAKER = """
Moreau Moreau PROPN NNP nsubj 1 B-PER 1
said say VERB VBD ROOT 1 O 1
she she PRON PRP nsubj 3 O 1
hopes hope VERB VBZ ccomp 1 O 1
that that SCONJ IN mark 7 O 1
talks talk NOUN NNS nsubj 7 O 1
will will AUX MD aux 7 O 1
resume resume VERB VB ccomp 3 O 0
. . PUNCT . punct 1 O 0
"""


def test_report_nested_under_the_same_speaker_is_one_statement(parse, actor, run) -> None:
    doc = parse(SAME_SPEAKER)
    people = [actor("a1", "Anne Moreau", "person", doc.text, "Moreau")]
    (s,), _ = run(doc, people)
    assert (s.cue.text, s.content.text) == ("said", "she hopes that talks will resume")
    assert (s.speaker, s.via) == ("a1", [])
    # measuring can keep the inner report
    document = Document(id="t", source="t.txt", text=doc.text)
    kept = extract_statements(doc, document, [], [], [], use_model=False, fold_same_speaker=False)
    assert [x.cue.text for x in kept] == ["said", "hopes"]


@pytest.mark.parametrize(
    ("inner", "lemma", "tag"),
    [("Varga", "Varga", "NNP"), ("they", "they", "PRP")],
    ids=["name", "pronoun-disagrees"],
)
def test_report_nested_under_another_speaker_is_kept_with_via(
    inner: str, lemma: str, tag: str, parse, actor, run, only
) -> None:
    pos = "PROPN" if tag == "NNP" else "PRON"
    ent = "B-PER" if tag == "NNP" else "O"
    rows = SAME_SPEAKER.replace(
        "she she PRON PRP nsubj 3 O 1", f"{inner} {lemma} {pos} {tag} nsubj 3 {ent} 1"
    )
    doc = parse(rows)
    people = [actor("a1", "Anne Moreau", "person", doc.text, "Moreau")]
    if tag == "NNP":
        people.append(actor("a2", "Ida Varga", "person", doc.text, "Varga"))
    statements, _ = run(doc, people)
    outer, nested = only(statements, "said"), only(statements, "hopes")
    assert outer.content.text == f"{inner} hopes that talks will resume"
    assert (nested.content.text, nested.speaker_mention.text) == ("that talks will resume", inner)
    assert nested.via == ["a1"]


def test_an_unsure_report_nested_in_another_is_dropped_below_the_floor(nested_told) -> None:
    doc = nested_told
    outer = _cand(doc, "said", "Bob told her that the deal collapsed", score=0.95)
    unsure = _cand(doc, "told", "that the deal collapsed", score=0.6)
    kept = drop_unsure_nested(doc, [outer, unsure], 0.9)
    assert [doc.text[c.cue[0] : c.cue[1]] for c in kept] == ["said"]
    # a confident nested report stays, and a floor of 0 keeps every nested report
    sure = _cand(doc, "told", "that the deal collapsed", score=0.95)
    assert len(drop_unsure_nested(doc, [outer, sure], 0.9)) == 2
    assert len(drop_unsure_nested(doc, [outer, unsure], 0.0)) == 2
    # an unsure report nested in nothing is the threshold's business, not the floor's
    assert len(drop_unsure_nested(doc, [unsure], 0.9)) == 1


def test_said_according_to_an_agency_gives_the_agency_as_relay(parse, actor, run, only) -> None:
    doc = parse("""
" " PUNCT `` punct 2 O 0
We we PRON PRP nsubj 2 O 1
agreed agree VERB VBD ccomp 6 O 0
, , PUNCT , punct 2 O 0
" " PUNCT '' punct 2 O 1
Golovchenko Golovchenko PROPN NNP nsubj 6 B-PER 1
said say VERB VBD ROOT 6 O 0
, , PUNCT , punct 11 O 1
according accord VERB VBG case 11 O 1
to to ADP IN fixed 8 O 1
the the DET DT det 11 O 1
agency agency NOUN NN obl 6 O 1
BelTA BelTA PROPN NNP flat 11 B-ORG 0
. . PUNCT . punct 6 O 0
""")
    text = doc.text
    golovchenko = actor("a1", "Roman Golovchenko", "person", text, "Golovchenko")
    belta = actor("a2", "BelTA", "organization", text, "BelTA")
    out, _ = run(doc, [golovchenko, belta])
    said = only(out, "said")
    assert (said.speaker, said.via, said.content.text) == ("a1", ["a2"], '"We agreed,"')


def _nest_pairwise(cands: list[Candidate]) -> dict[int, int]:
    """The nesting by its definition, pair by pair: the shortest longer content that holds
    a candidate's cue and its content (to one character past its end), the first of
    equals."""
    parent: dict[int, int] = {}
    for i, c in enumerate(cands):
        best: tuple[int, int] | None = None
        for j, o in enumerate(cands):
            if i == j or not (o.content[0] <= c.cue[0] and c.cue[1] <= o.content[1]):
                continue
            if not (o.content[0] <= c.content[0] and c.content[1] <= o.content[1] + 1):
                continue
            size = o.content[1] - o.content[0]
            if size <= c.content[1] - c.content[0]:
                continue
            if best is None or size < best[0]:
                best = (size, j)
        if best is not None:
            parent[i] = best[1]
    return parent


_RANGES = st.tuples(st.integers(0, 30), st.integers(0, 12)).map(lambda r: (r[0], r[0] + r[1]))


@given(st.lists(st.tuples(_RANGES, _RANGES), max_size=25))
def test_nest_finds_what_the_pairwise_definition_finds(pairs) -> None:
    # small ranges on few characters: many ties, equal contents, cues inside and outside
    cands = [Candidate(cue=cue, cue_tok=0, content=content) for cue, content in pairs]
    assert nest(cands) == _nest_pairwise(cands)
