"""Content options: the stretches the parse offers as what a cue reports."""

from __future__ import annotations

from spacy.tokens import Doc

from readout.extract.statements import find_quotes
from readout.extract.statements.features import Context, content_options
from readout.model import Document


def _options(doc: Doc, cue: int) -> dict[str, str]:
    document = Document(id="t", source="t.txt", text=doc.text)
    ctx = Context(doc, document, find_quotes(doc.text))
    return {o.typ: doc.text[o.rng[0] : o.rng[1]] for o in content_options(ctx, doc[cue])}


def test_model_options_include_a_verbs_run_of_arguments(parse) -> None:
    doc = parse("""
Trump Trump PROPN NNP nsubj 1 B-PER 1
accused accuse VERB VBD ROOT 1 O 1
Holt Holt PROPN NNP obj 1 B-PER 1
of of SCONJ IN mark 4 O 1
lying lie VERB VBG advcl 1 O 0
, , PUNCT , punct 8 O 1
though though SCONJ IN mark 8 O 1
records record NOUN NNS nsubj 8 O 1
differ differ VERB VBP advcl 1 O 0
. . PUNCT . punct 1 O 0
""")
    document = Document(id="t", source="t.txt", text=doc.text)
    ctx = Context(doc, document, find_quotes(doc.text))
    opts = {o.typ: doc.text[o.rng[0] : o.rng[1]] for o in content_options(ctx, doc[1])}
    assert opts["args"] == "Holt of lying"


def test_content_options_without_a_coordinated_clause(parse) -> None:
    doc = parse("""
He he PRON PRP nsubj 1 O 1
said say VERB VBD ROOT 1 O 1
that that SCONJ IN mark 4 O 1
taxes tax NOUN NNS nsubj 4 O 1
rose rise VERB VBD ccomp 1 O 0
, , PUNCT , punct 8 O 1
and and CCONJ CC cc 8 O 1
voters voter NOUN NNS nsubj 8 O 1
left leave VERB VBD conj 4 O 0
. . PUNCT . punct 1 O 0
""")
    opts = _options(doc, 1)
    assert opts["ccomp"] == "that taxes rose, and voters left"
    assert opts["ccomp&"] == "that taxes rose"


def test_content_options_without_a_clause_set_off_deeper_inside(parse) -> None:
    doc = parse("""
She she PRON PRP nsubj 1 O 1
wants want VERB VBZ ROOT 1 O 1
a a DET DT det 3 O 1
ban ban NOUN NN obj 1 O 1
on on ADP IN case 5 O 1
guns gun NOUN NNS nmod 3 O 0
, , PUNCT , punct 9 O 1
which which PRON WDT obj 9 O 1
critics critic NOUN NNS nsubj 9 O 1
oppose oppose VERB VBP acl:relcl 5 O 0
. . PUNCT . punct 1 O 0
""")
    opts = _options(doc, 1)
    assert opts["obj"] == "a ban on guns, which critics oppose"
    # the relative clause hangs on "guns", not on the option's head "ban"
    assert "obj<" not in opts
    assert opts["obj<<"] == "a ban on guns"


def test_content_options_around_a_frame_set_off_inside(parse, cited) -> None:
    # one attribution in two pieces, on both sides of its frame: the stretch over both
    doc = parse("""
If if SCONJ IN mark 2 O 1
it it PRON PRP nsubj 2 O 1
rains rain VERB VBZ advcl 6 O 0
, , PUNCT , punct 2 O 1
the the DET DT det 5 O 1
club club NOUN NN nsubj 6 O 1
said say VERB VBD ROOT 6 O 0
, , PUNCT , punct 6 O 1
games game NOUN NNS nsubj 10 O 1
will will AUX MD aux 10 O 1
stop stop VERB VB ccomp 6 O 0
. . PUNCT . punct 6 O 0
""")
    opts = _options(doc, 6)
    assert opts["ccomp"] == "games will stop"
    assert opts["wrap"] == "If it rains, the club said, games will stop"
    # a frame at the start of its sentence has nothing before it to wrap
    assert "wrap" not in _options(cited, 1)


def test_content_options_around_a_verb_of_seeming(parse) -> None:
    doc = parse("""
The the DET DT det 1 O 1
deal deal NOUN NN nsubj 2 O 1
seemed seem VERB VBD ROOT 2 O 1
to to PART TO mark 4 O 1
collapse collapse VERB VB xcomp 2 O 0
. . PUNCT . punct 2 O 0
""")
    opts = _options(doc, 2)
    assert opts["subj"] == "The deal"
    assert opts["wrap"] == "The deal seemed to collapse"


ADDING_QUOTE = """
“ “ PUNCT `` punct 2 O 0
We we PRON PRP nsubj 2 O 1
won win VERB VBD dep 6 O 0
, , PUNCT , punct 2 O 0
” ” PUNCT '' punct 2 O 1
she she PRON PRP nsubj 6 O 1
said say VERB VBD ROOT 6 O 0
, , PUNCT , punct 8 O 1
adding add VERB VBG advcl 6 O 1
that that SCONJ IN mark 13 O 1
it it PRON PRP nsubj 13 O 1
was be AUX VBD cop 13 O 1
“ “ PUNCT `` punct 13 O 0
hard hard ADJ JJ ccomp 8 O 0
. . PUNCT . punct 13 O 0
” ” PUNCT '' punct 13 O 0
"""


def test_quotations_before_the_cue_are_an_option_of_their_own(parse) -> None:
    # (the parse leaves "We won" unattached to "said", so no complement option covers it)
    doc = parse(ADDING_QUOTE)
    opts = _options(doc, 6)
    assert opts["quote"] == doc.text  # the frame names both quotations
    assert opts["quote<"] == "“We won,”"
