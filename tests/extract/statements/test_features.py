"""The features of the cue model."""

from __future__ import annotations

from readout.extract.statements import find_quotes
from readout.extract.statements.features import (
    Context,
    content_options,
    cue_features,
    model_tokens,
)
from readout.model import Document


def test_transcript_name_in_capitals_after_a_quotation_mark_is_judged(parse) -> None:
    doc = parse("""
" " PUNCT `` punct 1 O 0
WALLACE wallace NOUN NN ROOT 1 O 0
: : PUNCT : punct 1 O 1
Let let VERB VB parataxis 1 O 1
us we PRON PRP obj 3 O 1
start start VERB VB xcomp 3 O 0
. . PUNCT . punct 1 O 0
""")
    document = Document(id="t", source="t.txt", text=doc.text)
    ctx = Context(doc, document, find_quotes(doc.text))
    assert [t.text for t in model_tokens(ctx, 0, len(doc.text)) if t.text == ":"] == [":"]
    (opt,) = content_options(ctx, doc[2])
    assert opt.typ == "colon>" and "Let us start" in doc.text[opt.rng[0] : opt.rng[1]]


def test_plain_verb_inside_a_report_is_marked_for_the_cue_model(parse, nested_told) -> None:
    doc = parse("""
She she PRON PRP nsubj 1 O 1
insisted insist VERB VBD ROOT 1 O 1
he he PRON PRP nsubj 3 O 1
refuses refuse VERB VBZ ccomp 1 O 1
to to PART TO mark 5 O 1
talk talk VERB VB xcomp 3 O 0
. . PUNCT . punct 1 O 0
""")
    ctx = Context(doc, Document(id="t", source="t", text=doc.text), [])
    assert "under=clausal_complement" in cue_features(ctx, doc[3], [])
    # a speech verb inside a report is a nested report and is not marked
    told = nested_told
    ctx = Context(told, Document(id="t", source="t", text=told.text), [])
    assert not any(f.startswith("under=") for f in cue_features(ctx, told[3], []))


def test_a_name_colon_in_the_headline_is_marked_for_the_cue_model(parse) -> None:
    doc = parse("""
Lynch Lynch PROPN NNP ROOT 0 B-PER 0
: : PUNCT : punct 0 O 1
No no DET DT det 3 O 1
influence influence NOUN NN appos 0 O 0
. . PUNCT . punct 0 O 0
""")
    document = Document(id="t", source="t.txt", text=doc.text)
    ctx = Context(doc, document, find_quotes(doc.text))
    opts = content_options(ctx, doc[1])
    feats = cue_features(ctx, doc[1], opts)
    assert "colon=head" in feats and "colon=head|ent=person" in feats
