"""The cue lexicon, and the cues the words around a quotation give it."""

from __future__ import annotations

from readout.extract.statements import find_quotes, load_cues
from readout.extract.statements.context import Context
from readout.model import Document


def test_cue_lexicon_is_shipped() -> None:
    cues = load_cues()
    assert "speech" in cues["say"] and "addressee" in cues["tell"]
    assert "nominal" in cues["allegation"] and "relay" in cues["quote"]
    assert "point out" in cues


def test_speaker_after_the_quote(parse, actor, run) -> None:
    doc = parse("""
“ " PUNCT `` punct 3 O 0
We we PRON PRP nsubj 3 O 1
are be AUX VBP cop 3 O 1
ready ready ADJ JJ ccomp 8 O 1
for for ADP IN case 5 O 1
talks talk NOUN NNS obl 3 O 0
, , PUNCT , punct 3 O 0
” " PUNCT '' punct 3 O 1
said say VERB VBD ROOT 8 O 1
Ivanov Ivanov PROPN NNP nsubj 8 B-PER 0
. . PUNCT . punct 8 O 0
""")
    (s,), _ = run(doc, [actor("a1", "Ivan Ivanov", "person", doc.text, "Ivanov")])
    assert (s.kind, s.content.text, s.speaker) == ("direct", "“We are ready for talks,”", "a1")


def test_speaker_before_the_quote(parse, actor, run) -> None:
    doc = parse("""
Ivanov Ivanov PROPN NNP nsubj 1 B-PER 1
said say VERB VBD ROOT 1 O 0
: : PUNCT : punct 6 O 1
“ " PUNCT `` punct 6 O 0
We we PRON PRP nsubj 6 O 1
are be AUX VBP cop 6 O 1
ready ready ADJ JJ ccomp 1 O 1
for for ADP IN case 8 O 1
talks talk NOUN NNS obl 6 O 0
. . PUNCT . punct 6 O 0
” " PUNCT '' punct 6 O 0
""")
    (s,), _ = run(doc, [actor("a1", "Ivan Ivanov", "person", doc.text, "Ivanov")])
    assert (s.kind, s.content.text, s.speaker) == ("direct", "“We are ready for talks.”", "a1")


def test_quote_across_paragraphs_after_a_colon(parse, actor, run) -> None:
    doc = parse("""
Smith Smith PROPN NNP nsubj 1 B-PER 1
said say VERB VBD ROOT 1 O 0
: : PUNCT : punct 1 O 0
\\n\\n \\n\\n SPACE _SP dep 2 O 0
“ " PUNCT `` punct 8 O 0
The the DET DT det 6 O 1
road road NOUN NN nsubj 8 O 1
is be AUX VBZ cop 8 O 1
finished finished ADJ JJ ROOT 8 O 0
. . PUNCT . punct 8 O 0
\\n\\n \\n\\n SPACE _SP dep 9 O 0
“ " PUNCT `` punct 15 O 0
The the DET DT det 13 O 1
bridge bridge NOUN NN nsubj 15 O 1
is be AUX VBZ cop 15 O 1
next next ADJ JJ ROOT 15 O 0
. . PUNCT . punct 15 O 0
” " PUNCT '' punct 15 O 0
""")
    (s,), _ = run(doc, [actor("a1", "John Smith", "person", doc.text, "Smith")])
    assert s.kind == "direct" and s.speaker == "a1"
    assert s.content.text == "“The road is finished.\n\n“The bridge is next.”"


def test_dash_glued_to_the_closing_mark_names_the_speaker(parse, actor, run) -> None:
    doc = parse("""
“ " PUNCT `` punct 3 O 0
We we PRON PRP nsubj 3 O 1
are be AUX VBP cop 3 O 1
ready ready ADJ JJ ROOT 3 O 0
. . PUNCT . punct 3 O 0
”― ― SYM NFP ROOT 5 O 1
Ana Ana PROPN NNP compound 7 B-PER 1
Ruiz Ruiz PROPN NNP flat 6 I-PER 0
""")
    (s,), _ = run(doc, [actor("a1", "Ana Ruiz", "person", doc.text, "Ana Ruiz")])
    assert (s.kind, s.content.text, s.cue.text) == ("direct", "“We are ready.”", "―")
    assert (s.speaker_mention.text, s.speaker) == ("Ana Ruiz", "a1")


def test_speaker_with_a_long_apposition_after_the_quote(parse, actor, run, only) -> None:
    doc = parse("""
“ " PUNCT `` punct 3 O 0
We we PRON PRP nsubj 3 O 1
are be AUX VBP cop 3 O 1
ready ready ADJ JJ ccomp 17 O 0
, , PUNCT , punct 3 O 0
” " PUNCT '' punct 3 O 1
Ivanov Ivanov PROPN NNP nsubj 17 B-PER 0
, , PUNCT , punct 9 O 1
the the DET DT det 9 O 1
head head NOUN NN appos 6 O 1
of of ADP IN case 12 O 1
a a DET DT det 12 O 1
group group NOUN NN nmod 9 O 1
suing sue VERB VBG acl 12 O 1
the the DET DT det 15 O 1
city city NOUN NN obj 13 O 0
, , PUNCT , punct 9 O 1
said say VERB VBD ROOT 17 O 0
. . PUNCT . punct 17 O 0
""")
    out, _ = run(doc, [actor("a1", "Ivan Ivanov", "person", doc.text, "Ivanov")])
    s = only(out, "said")
    assert (s.kind, s.content.text, s.speaker) == ("direct", "“We are ready,”", "a1")


PARAGRAPHS = """
“ “ PUNCT `` punct 2 O 0
We we PRON PRP nsubj 2 O 1
won win VERB VBD ccomp 6 O 0
, , PUNCT , punct 2 O 0
” ” PUNCT '' punct 2 O 1
she she PRON PRP nsubj 6 O 1
said say VERB VBD ROOT 6 O 1
on on ADP IN case 8 O 1
Monday Monday PROPN NNP obl 6 O 0
. . PUNCT . punct 6 O 0
\\n\\n \\n\\n SPACE _SP dep 9 O 0
“ “ PUNCT `` punct 13 O 0
It it PRON PRP nsubj 13 O 1
was be AUX VBD ROOT 13 O 1
hard hard ADJ JJ acomp 13 O 0
. . PUNCT . punct 13 O 0
” ” PUNCT '' punct 13 O 0
"""


def test_a_whole_paragraph_of_quotation_continues_the_speaker_before_it(parse) -> None:
    doc = parse(PARAGRAPHS)
    document = Document(id="t", source="t.txt", text=doc.text)
    ctx = Context(doc, document, find_quotes(doc.text))
    runs = {
        doc[i].text: [doc.text[q.start : q.end] for q in qs] for i, qs in ctx.quote_runs().items()
    }
    assert runs == {"said": ["“We won,”", "“It was hard.”"]}
    # a paragraph that goes on after its quotation is not carried over
    rows = PARAGRAPHS.rstrip()[: -len("0")] + "1\n"
    doc = parse(rows + "she she PRON PRP nsubj 18 O 1\nadded add VERB VBD parataxis 13 O 0\n")
    document = Document(id="t", source="t.txt", text=doc.text)
    ctx = Context(doc, document, find_quotes(doc.text))
    said = next(t.i for t in doc if t.text == "said")
    assert [doc.text[q.start : q.end] for q in ctx.quote_runs()[said]] == ["“We won,”"]
