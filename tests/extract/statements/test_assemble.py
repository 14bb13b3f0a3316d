"""Statements: one test per construction of issue 8, on sentences written for these tests.

The parses are written out below (UD labels, as en_readout_core gives them, corrected by hand
where the parser erred; a few in ClearNLP labels as official spaCy pipelines give them), so the
tests pin the statements stage and not a parser. They run the rules (``use_model=False``);
the learned part is checked for the span rule and for keeping to the same contract. One test
at the end runs the real pipeline when it is installed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import spacy
from spacy.tokens import Doc

from readout.extract.statements import extract_statements, find_quotes, load_cues, load_model
from readout.model import Actor, Document, Span, Statement

VOCAB = spacy.blank("en").vocab


def parse(rows: str) -> Doc:
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


def actor(aid: str, name: str, kind: str, text: str, *words: str) -> Actor:
    """An actor with a mention at every occurrence of each of ``words`` in ``text``."""
    mentions = []
    for w in words:
        start = text.find(w)
        while start >= 0:
            mentions.append(Span.of(text, start, start + len(w)))
            start = text.find(w, start + 1)
    return Actor(id=aid, name=name, type=kind, mentions=mentions)  # type: ignore[arg-type]


def run(
    doc: Doc, actors: list[Actor] | None = None, turns: list | None = None, model: bool = False
) -> tuple[list[Statement], list[Actor]]:
    document = Document(id="t", source="t.txt", text=doc.text)
    actors = list(actors or [])
    out = extract_statements(doc, document, actors, [], turns or [], use_model=model)
    check_spans(doc.text, out)
    return out, actors


def check_spans(text: str, statements: list[Statement]) -> None:
    """The span rule, on every span of every statement."""
    for s in statements:
        for span in (s.content, s.cue, s.speaker_mention):
            if span is not None:
                assert span.holds_in(text), span
                assert span.end > span.start


def only(statements: list[Statement], cue: str) -> Statement:
    found = [s for s in statements if s.cue is not None and s.cue.text == cue]
    assert len(found) == 1, [(s.cue and s.cue.text, s.content.text) for s in statements]
    return found[0]


# --- quotation marks, on the text alone --------------------------------------------------------


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_straight_curly_and_doubled_apostrophe_quotes() -> None:
    assert quoted('He said "go home" and left.') == ['"go home"']
    assert quoted("“Yes,” she said. “No.”") == ["“Yes,”", "“No.”"]
    assert quoted("''It works,'' said Mr. Lee.") == ["''It works,''"]
    # a closing mark used to open, as some pages do
    assert quoted("”It is over.” ― Ann Lee") == ["”It is over.”"]


def test_single_quotes_but_not_apostrophes() -> None:
    assert quoted("'Of course,' he said, 'we will.'") == ["'Of course,'", "'we will.'"]
    assert quoted("It's the voters' choice, she said.") == []
    assert quoted("He is 6'3\" tall.") == []


def test_quote_running_across_paragraphs() -> None:
    text = "“The road is finished.\n\n“The bridge is next,” he said.\n\nOther news."
    qs = find_quotes(text)
    assert [text[q.start : q.end] for q in qs] == [
        "“The road is finished.\n\n“The bridge is next,”"
    ]
    assert qs[0].closed


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "“The road is finished, he said\n\nOther news."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "“The road is finished, he said" and not q.closed


def test_cue_lexicon_is_shipped() -> None:
    cues = load_cues()
    assert "speech" in cues["say"] and "addressee" in cues["tell"]
    assert "nominal" in cues["allegation"] and "relay" in cues["quote"]
    assert "point out" in cues


# --- indirect speech and nesting ---------------------------------------------------------------

NESTED = """
Ivanov Ivanov PROPN NNP nsubj 1 B-PER 1
told tell VERB VBD ROOT 1 O 1
journalists journalist NOUN NNS iobj 1 O 1
that that SCONJ IN mark 5 O 1
Smith Smith PROPN NNP nsubj 5 B-PER 1
told tell VERB VBD ccomp 1 O 1
Brown Brown PROPN NNP iobj 5 B-PER 1
that that SCONJ IN mark 10 O 1
trade trade NOUN NN nsubj 10 O 1
had have AUX VBD aux 10 O 1
grown grow VERB VBN ccomp 5 O 0
. . PUNCT . punct 1 O 0
"""

# the same sentence as an official spaCy pipeline labels it (ClearNLP)
NESTED_CLEARNLP = """
Ivanov Ivanov PROPN NNP nsubj 1 B-PERSON 1
told tell VERB VBD ROOT 1 O 1
journalists journalist NOUN NNS dative 1 O 1
that that SCONJ IN mark 5 O 1
Smith Smith PROPN NNP nsubj 5 B-PERSON 1
told tell VERB VBD ccomp 1 O 1
Brown Brown PROPN NNP dative 5 B-PERSON 1
that that SCONJ IN mark 10 O 1
trade trade NOUN NN nsubj 10 O 1
had have AUX VBD aux 10 O 1
grown grow VERB VBN ccomp 5 O 0
. . PUNCT . punct 1 O 0
"""


@pytest.mark.parametrize("rows", [NESTED, NESTED_CLEARNLP], ids=["ud", "clearnlp"])
def test_nested_indirect_speech_with_addressees(rows: str) -> None:
    doc = parse(rows)
    text = doc.text
    people = [
        actor("a1", "Ivan Ivanov", "person", text, "Ivanov"),
        actor("a2", "John Smith", "person", text, "Smith"),
        actor("a3", "Bob Brown", "person", text, "Brown"),
    ]
    statements, actors = run(doc, people)
    outer, inner = statements
    assert outer.kind == inner.kind == "indirect"
    assert outer.content.text == "that Smith told Brown that trade had grown"
    assert (outer.speaker, outer.speaker_mention.text) == ("a1", "Ivanov")
    journalists = next(a for a in actors if a.id == outer.addressee)
    assert (journalists.name, journalists.type) == ("journalists", "group")
    assert inner.content.text == "that trade had grown"
    assert (inner.speaker, inner.addressee, inner.via) == ("a2", "a3", ["a1"])
    assert [s.id for s in statements] == ["s1", "s2"]


def test_informed_gives_the_addressee() -> None:
    doc = parse("""
Brown Brown PROPN NNP nsubj 1 B-PER 1
informed inform VERB VBD ROOT 1 O 1
Smith Smith PROPN NNP iobj 1 B-PER 1
that that SCONJ IN mark 10 O 1
half half NOUN NN nsubj:pass 10 O 1
of of ADP IN case 8 O 1
the the DET DT det 8 O 1
30 30 NUM CD nummod 8 O 1
projects project NOUN NNS nmod 4 O 1
are be AUX VBP aux:pass 10 O 1
done do VERB VBN ccomp 1 O 0
. . PUNCT . punct 1 O 0
""")
    people = [
        actor("a1", "Bob Brown", "person", doc.text, "Brown"),
        actor("a2", "John Smith", "person", doc.text, "Smith"),
    ]
    (s,), _ = run(doc, people)
    assert s.cue.text == "informed" and s.content.text == "that half of the 30 projects are done"
    assert (s.speaker, s.addressee) == ("a1", "a2")


def test_assured_gives_the_addressee() -> None:
    doc = parse("""
Smith Smith PROPN NNP nsubj 1 B-PER 1
assured assure VERB VBD ROOT 1 O 1
Brown Brown PROPN NNP iobj 1 B-PER 1
that that SCONJ IN mark 8 O 1
the the DET DT det 5 O 1
loan loan NOUN NN nsubj:pass 8 O 1
would would AUX MD aux 8 O 1
be be AUX VB aux:pass 8 O 1
paid pay VERB VBN ccomp 1 O 0
. . PUNCT . punct 1 O 0
""")
    people = [
        actor("a1", "John Smith", "person", doc.text, "Smith"),
        actor("a2", "Bob Brown", "person", doc.text, "Brown"),
    ]
    (s,), _ = run(doc, people)
    assert (s.speaker, s.addressee, s.content.text) == ("a1", "a2", "that the loan would be paid")


def test_unnamed_sources_become_a_group_actor() -> None:
    doc = parse("""
Ministry Ministry PROPN NNP compound 1 O 1
sources source NOUN NNS nsubj 2 O 1
said say VERB VBD ROOT 2 O 1
the the DET DT det 4 O 1
deal deal NOUN NN nsubj 6 O 1
was be AUX VBD cop 6 O 1
close close ADJ JJ ccomp 2 O 0
. . PUNCT . punct 2 O 0
""")
    ministry = actor("a1", "Ministry of Trade", "organization", doc.text, "Ministry")
    (s,), actors = run(doc, [ministry])
    assert s.speaker_mention.text == "Ministry sources"
    assert s.content.text == "the deal was close"
    added = actors[-1]
    assert (s.speaker, added.id, added.name, added.type) == (
        "a2",
        "a2",
        "Ministry sources",
        "group",
    )


def test_organisation_as_speaker() -> None:
    doc = parse("""
The the DET DT det 1 O 1
Kremlin Kremlin PROPN NNP nsubj 2 B-ORG 1
said say VERB VBD ROOT 2 O 1
the the DET DT det 4 O 1
visit visit NOUN NN nsubj 6 O 1
was be AUX VBD cop 6 O 1
useful useful ADJ JJ ccomp 2 O 0
. . PUNCT . punct 2 O 0
""")
    kremlin = actor("a1", "the Kremlin", "organization", doc.text, "Kremlin")
    (s,), _ = run(doc, [kremlin])
    assert (s.speaker, s.speaker_mention.text) == ("a1", "The Kremlin")


def test_pronoun_speaker_resolves_to_the_person_before() -> None:
    doc = parse("""
Smith Smith PROPN NNP nsubj 1 B-PER 1
arrived arrive VERB VBD ROOT 1 O 1
in in ADP IN case 3 O 1
Oslo Oslo PROPN NNP obl 1 B-LOC 0
. . PUNCT . punct 1 O 1
He he PRON PRP nsubj 6 O 1
said say VERB VBD ROOT 6 O 1
the the DET DT det 8 O 1
trip trip NOUN NN nsubj 10 O 1
was be AUX VBD cop 10 O 1
useful useful ADJ JJ ccomp 6 O 0
. . PUNCT . punct 6 O 0
""")
    people = [
        actor("a1", "John Smith", "person", doc.text, "Smith"),
        actor("a2", "Oslo", "place", doc.text, "Oslo"),
    ]
    (s,), _ = run(doc, people)
    assert (s.speaker_mention.text, s.speaker) == ("He", "a1")


def test_expressed_hope_that() -> None:
    doc = parse("""
Smith Smith PROPN NNP nsubj 1 B-PER 1
expressed express VERB VBD ROOT 1 O 1
hope hope NOUN NN obj 1 O 1
that that SCONJ IN mark 7 O 1
the the DET DT det 5 O 1
talks talk NOUN NNS nsubj 7 O 1
would would AUX MD aux 7 O 1
resume resume VERB VB acl 2 O 0
. . PUNCT . punct 1 O 0
""")
    (s,), _ = run(doc, [actor("a1", "John Smith", "person", doc.text, "Smith")])
    assert (s.cue.text, s.content.text, s.speaker) == (
        "expressed hope",
        "that the talks would resume",
        "a1",
    )


def test_the_claim_that_is_not_the_rejecters() -> None:
    doc = parse("""
Brown Brown PROPN NNP nsubj 1 B-PER 1
rejected reject VERB VBD ROOT 1 O 1
the the DET DT det 3 O 1
claim claim NOUN NN obj 1 O 1
that that SCONJ IN mark 6 O 1
prices price NOUN NNS nsubj 6 O 1
rose rise VERB VBD acl 3 O 0
. . PUNCT . punct 1 O 0
""")
    statements, _ = run(doc, [actor("a1", "Bob Brown", "person", doc.text, "Brown")])
    claim = only(statements, "claim")
    assert claim.content.text == "that prices rose" and claim.speaker is None


def test_allegations_of_without_a_source() -> None:
    doc = parse("""
Allegations allegation NOUN NNS nsubj 3 O 1
of of ADP IN case 2 O 1
bribery bribery NOUN NN nmod 0 O 1
surfaced surface VERB VBD ROOT 3 O 1
on on ADP IN case 5 O 1
Monday Monday PROPN NNP obl 3 O 0
. . PUNCT . punct 3 O 0
""")
    (s,), _ = run(doc)
    assert (s.cue.text, s.content.text, s.speaker, s.speaker_mention) == (
        "Allegations",
        "bribery",
        None,
        None,
    )


ACCORDING_UD = """
According accord VERB VBG case 3 O 1
to to ADP IN fixed 0 O 1
the the DET DT det 3 O 1
agency agency NOUN NN obl 7 O 0
, , PUNCT , punct 3 O 1
the the DET DT det 6 O 1
meeting meeting NOUN NN nsubj 7 O 1
ended end VERB VBD ROOT 7 O 1
at at ADP IN case 9 O 1
midnight midnight NOUN NN obl 7 O 0
. . PUNCT . punct 7 O 0
"""

ACCORDING_CLEARNLP = """
According accord VERB VBG prep 7 O 1
to to ADP IN prep 0 O 1
the the DET DT det 3 O 1
agency agency NOUN NN pobj 1 O 0
, , PUNCT , punct 7 O 1
the the DET DT det 6 O 1
meeting meeting NOUN NN nsubj 7 O 1
ended end VERB VBD ROOT 7 O 1
at at ADP IN prep 7 O 1
midnight midnight NOUN NN pobj 8 O 0
. . PUNCT . punct 7 O 0
"""


@pytest.mark.parametrize("rows", [ACCORDING_UD, ACCORDING_CLEARNLP], ids=["ud", "clearnlp"])
def test_according_to_attribution(rows: str) -> None:
    (s,), _ = run(parse(rows))
    assert s.cue.text == "According to"
    assert s.speaker_mention.text == "the agency"
    assert s.content.text == "the meeting ended at midnight"


# --- direct quotes -----------------------------------------------------------------------------


def test_quote_interrupted_by_its_cue_is_one_statement() -> None:
    doc = parse("""
“ " PUNCT `` punct 6 O 0
Of of ADP IN advmod 6 O 1
course course NOUN NN fixed 1 O 0
, , PUNCT , punct 1 O 0
” " PUNCT '' punct 1 O 1
she she PRON PRP nsubj 6 O 1
said say VERB VBD ROOT 6 O 0
, , PUNCT , punct 6 O 1
“ " PUNCT `` punct 11 O 0
we we PRON PRP nsubj 11 O 1
will will AUX MD aux 11 O 1
come come VERB VB ccomp 6 O 0
. . PUNCT . punct 11 O 0
” " PUNCT '' punct 11 O 0
""")
    (s,), _ = run(doc)
    # content runs from the first opening mark to the last closing one, cue included
    assert s.kind == "direct" and s.content.text == "“Of course,” she said, “we will come.”"
    assert (s.cue.text, s.speaker_mention.text) == ("said", "she")


def test_speaker_after_the_quote() -> None:
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


def test_speaker_before_the_quote() -> None:
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


def test_quote_across_paragraphs_after_a_colon() -> None:
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


QUOTED_BY_UD = """
' ' PUNCT `` punct 3 O 0
The the DET DT det 2 O 1
talks talk NOUN NNS nsubj 3 O 1
ran run VERB VBD ROOT 3 O 1
late late ADV RB advmod 3 O 0
' ' PUNCT '' punct 3 O 0
, , PUNCT , punct 3 O 1
Ivanov Ivanov PROPN NNP nsubj:pass 9 B-PER 1
was be AUX VBD aux:pass 9 O 1
quoted quote VERB VBN parataxis 3 O 1
by by ADP IN case 12 O 1
the the DET DT det 12 O 1
agency agency NOUN NN obl:agent 9 O 1
Novosti Novosti PROPN NNP appos 12 B-ORG 0
. . PUNCT . punct 3 O 0
"""

QUOTED_BY_CLEARNLP = """
' ' PUNCT `` punct 3 O 0
The the DET DT det 2 O 1
talks talk NOUN NNS nsubj 3 O 1
ran run VERB VBD ccomp 9 O 1
late late ADV RB advmod 3 O 0
' ' PUNCT '' punct 3 O 0
, , PUNCT , punct 9 O 1
Ivanov Ivanov PROPN NNP nsubjpass 9 B-PERSON 1
was be AUX VBD auxpass 9 O 1
quoted quote VERB VBN ROOT 9 O 1
by by ADP IN agent 9 O 1
the the DET DT det 12 O 1
agency agency NOUN NN pobj 10 O 1
Novosti Novosti PROPN NNP appos 12 B-ORG 0
. . PUNCT . punct 9 O 0
"""


@pytest.mark.parametrize("rows", [QUOTED_BY_UD, QUOTED_BY_CLEARNLP], ids=["ud", "clearnlp"])
def test_quoted_by_an_agency_gives_via(rows: str) -> None:
    doc = parse(rows)
    people = [
        actor("a1", "Ivan Ivanov", "person", doc.text, "Ivanov"),
        actor("a2", "Novosti", "organization", doc.text, "Novosti"),
    ]
    (s,), _ = run(doc, people)
    assert (s.kind, s.content.text) == ("direct", "'The talks ran late'")
    assert (s.speaker, s.via, s.cue.text) == ("a1", ["a2"], "quoted")


def test_reported_citing_gives_via() -> None:
    doc = parse("""
Novosti Novosti PROPN NNP nsubj 1 B-ORG 0
reported report VERB VBD ROOT 1 O 0
, , PUNCT , punct 3 O 1
citing cite VERB VBG advcl 1 O 1
Ivanov Ivanov PROPN NNP obj 3 B-PER 0
, , PUNCT , punct 9 O 1
that that SCONJ IN mark 9 O 1
the the DET DT det 8 O 1
talks talk NOUN NNS nsubj 9 O 1
ended end VERB VBD ccomp 1 O 0
. . PUNCT . punct 1 O 0
""")
    people = [
        actor("a1", "Novosti", "organization", doc.text, "Novosti"),
        actor("a2", "Ivan Ivanov", "person", doc.text, "Ivanov"),
    ]
    (s,), _ = run(doc, people)
    assert (s.cue.text, s.content.text) == ("reported", "that the talks ended")
    assert (s.speaker, s.speaker_mention.text, s.via) == ("a2", "Ivanov", ["a1"])


# --- transcripts -------------------------------------------------------------------------------


@dataclass
class Turn:
    label: Span
    name: str
    content: Span


def test_reported_speech_inside_a_turn_is_nested() -> None:
    doc = parse("""
Ivanov Ivanov PROPN NNP ROOT 0 B-PER 0
: : PUNCT : punct 0 O 1
As as SCONJ IN mark 4 O 1
you you PRON PRP nsubj 4 O 1
said say VERB VBD advcl 9 O 0
, , PUNCT , punct 4 O 1
the the DET DT det 7 O 1
road road NOUN NN nsubj 9 O 1
is be AUX VBZ cop 9 O 1
finished finished ADJ JJ ROOT 9 O 0
. . PUNCT . punct 9 O 0
\\n \\n SPACE _SP dep 10 O 0
Smith Smith PROPN NNP ROOT 12 B-PER 0
: : PUNCT : punct 12 O 1
Yes yes INTJ UH ROOT 14 O 0
. . PUNCT . punct 14 O 0
""")
    text = doc.text
    people = [
        actor("a1", "Ivan Ivanov", "person", text, "Ivanov"),
        actor("a2", "John Smith", "person", text, "Smith"),
    ]
    first_end = text.index("\n")
    turns = [
        Turn(Span.of(text, 0, 6), "Ivan Ivanov", Span.of(text, 8, first_end)),
        Turn(
            Span.of(text, first_end + 1, first_end + 6), "John Smith", Span.of(text, 20, len(text))
        ),
    ]
    (s,), _ = run(doc, people, turns)
    # "you" in Ivanov's turn is Smith; Ivanov relays what Smith said
    assert (s.cue.text, s.content.text) == ("said", "the road is finished")
    assert (s.speaker, s.speaker_mention.text, s.via) == ("a2", "you", ["a1"])


# --- the learned part --------------------------------------------------------------------------


@pytest.mark.skipif(load_model() is None, reason="no shipped statements model")
@pytest.mark.parametrize(
    "rows", [NESTED, QUOTED_BY_UD, ACCORDING_UD, ACCORDING_CLEARNLP, NESTED_CLEARNLP]
)
def test_model_and_rules_together_keep_the_contract(rows: str) -> None:
    doc = parse(rows)
    statements, _ = run(doc, model=True)
    assert statements and [s.id for s in statements] == [
        f"s{i}" for i in range(1, len(statements) + 1)
    ]
    assert all(s.kind in ("direct", "indirect") for s in statements)


def test_first_id_continues_the_numbering() -> None:
    doc = parse(NESTED)
    document = Document(id="t", source="t.txt", text=doc.text)
    out = extract_statements(doc, document, [], [], [], first_id=4, use_model=False)
    assert [s.id for s in out] == ["s4", "s5"]


def test_real_pipeline_on_a_news_sentence() -> None:
    try:
        nlp = spacy.load("en_readout_core")
    except OSError:
        pytest.skip("en_readout_core is not installed")
    text = (
        "Peskov told reporters on Wednesday that Putin had told Lukashenko that relations had "
        'improved. "It ended well past midnight," Peskov was quoted by the agency TASS.'
    )
    doc = nlp(text)
    statements, _ = run(doc, model=True)
    contents = [s.content.text for s in statements]
    assert '"It ended well past midnight,"' in contents
    assert any(c.startswith("that Putin had told Lukashenko") for c in contents)
    # the issue's own example: the report inside Peskov's words is one of its own
    assert "that relations had improved" in contents


def test_dash_glued_to_the_closing_mark_names_the_speaker() -> None:
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


def test_speaker_with_a_long_apposition_after_the_quote() -> None:
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


def test_an_untagged_name_with_a_person_apposition_is_its_own_speaker() -> None:
    # the tagger missed "Intizar Khadim"; the place in his description is not the speaker
    doc = parse("""
“ " PUNCT `` punct 2 O 0
Talks talk NOUN NNS nsubj 2 O 1
failed fail VERB VBD ccomp 13 O 0
, , PUNCT , punct 2 O 0
” " PUNCT '' punct 2 O 1
Intizar Intizar PROPN NNP nsubj 13 O 1
Khadim Khadim PROPN NNP flat 5 O 0
, , PUNCT , punct 9 O 1
a a DET DT det 9 O 1
analyst analyst NOUN NN appos 5 O 1
in in ADP IN case 11 O 1
Kabul Kabul PROPN NNP nmod 9 B-LOC 0
, , PUNCT , punct 9 O 1
said say VERB VBD ROOT 13 O 0
. . PUNCT . punct 13 O 0
""")
    kabul = actor("a1", "Kabul", "place", doc.text, "Kabul")
    out, actors = run(doc, [kabul])
    s = only(out, "said")
    assert s.speaker is not None and s.speaker != "a1"
    (khadim,) = [a for a in actors if a.id == s.speaker]
    assert (khadim.name, khadim.type) == ("Intizar Khadim", "person")
    assert [m.text for m in khadim.mentions] == ["Intizar Khadim"]


def test_untagged_names_with_a_title_or_the_article_are_speakers_of_their_own() -> None:
    doc = parse("""
Sen. Sen. PROPN NNP nmod:desc 1 O 1
Saxby Saxby PROPN NNP nsubj 7 O 1
Chambliss Chambliss PROPN NNP flat 1 O 0
, , PUNCT , punct 4 O 1
R R PROPN NNP appos 1 O 0
- - PUNCT HYPH punct 1 O 0
Ga. Ga. PROPN NNP flat 1 O 1
said say VERB VBD ROOT 7 O 1
talks talk NOUN NNS nsubj 9 O 1
failed fail VERB VBD ccomp 7 O 0
. . PUNCT . punct 7 O 1
The the DET DT det 14 O 1
Christian Christian ADJ JJ amod 14 O 1
Science Science PROPN NNP compound 14 O 1
Monitor Monitor PROPN NNP nsubj 15 O 1
reported report VERB VBD ROOT 15 O 1
talks talk NOUN NNS nsubj 17 O 1
ended end VERB VBD ccomp 15 O 0
. . PUNCT . punct 15 O 1
The the DET DT det 20 O 1
Post Post PROPN NNP nsubj 21 O 1
wrote write VERB VBD ROOT 21 O 1
talks talk NOUN NNS nsubj 23 O 1
resumed resume VERB VBD ccomp 21 O 0
. . PUNCT . punct 21 O 0
""")
    post = actor("a1", "The Washington Post", "organization", doc.text)
    out, actors = run(doc, [post])
    names = {a.id: (a.name, a.type, [m.text for m in a.mentions]) for a in actors}
    said, reported, wrote = only(out, "said"), only(out, "reported"), only(out, "wrote")
    assert names[said.speaker] == ("Saxby Chambliss", "person", ["Saxby Chambliss"])
    assert names[reported.speaker][:2] == ("Christian Science Monitor", "organization")
    assert wrote.speaker == "a1" and "Post" in names["a1"][2]


def test_the_dateline_is_not_part_of_the_speaker_mention() -> None:
    from readout.model import Dateline

    doc = parse("""
MOSCOW MOSCOW PROPN NNP dep 6 O 0
, , PUNCT , punct 0 O 1
April April PROPN NNP compound 5 O 1
6 6 NUM CD nummod 2 O 1
- - PUNCT HYPH punct 5 O 1
Peskov Peskov PROPN NNP nsubj 6 B-PER 1
said say VERB VBD ROOT 6 O 1
talks talk NOUN NNS nsubj 8 O 1
ended end VERB VBD ccomp 6 O 0
. . PUNCT . punct 6 O 0
""")
    text = doc.text
    document = Document(
        id="t",
        source="t.txt",
        text=text,
        dateline=Dateline(span=Span.of(text, 0, text.index(" -"))),
    )
    (s,) = extract_statements(doc, document, [], [], [], use_model=False)
    assert s.speaker_mention is not None and s.speaker_mention.text == "Peskov"


def test_said_according_to_an_agency_gives_the_agency_as_relay() -> None:
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


def test_the_dateline_is_not_part_of_the_content() -> None:
    from readout.model import Dateline

    doc = parse("""
MOSCOW MOSCOW PROPN NNP dep 6 O 0
, , PUNCT , punct 0 O 1
April April PROPN NNP obl 6 O 1
7 7 NUM CD nummod 2 O 1
- - PUNCT HYPH punct 6 O 1
Talks talk NOUN NNS nsubj 6 O 1
ended end VERB VBD ccomp 9 O 0
, , PUNCT , punct 6 O 1
officials official NOUN NNS nsubj 9 O 1
said say VERB VBD ROOT 9 O 0
. . PUNCT . punct 9 O 0
""")
    text = doc.text
    document = Document(
        id="t", source="t.txt", text=text, dateline=Dateline(span=Span.of(text, 0, 15))
    )
    (s,) = extract_statements(doc, document, [], [], [], use_model=False)
    assert s.content.text.startswith("Talks ended")


def test_a_body_of_people_as_speaker_is_an_organisation() -> None:
    doc = parse("""
The the DET DT det 1 O 1
administration administration NOUN NN nsubj 2 O 1
said say VERB VBD ROOT 2 O 1
it it PRON PRP nsubj 5 O 1
would would AUX MD aux 5 O 1
appeal appeal VERB VB ccomp 2 O 0
. . PUNCT . punct 2 O 0
""")
    out, actors = run(doc)
    s = only(out, "said")
    (admin,) = [a for a in actors if a.id == s.speaker]
    assert (admin.name, admin.type) == ("administration", "organization")


def test_a_speaker_mention_opening_with_a_preposition_is_dropped() -> None:
    from readout.extract.statements import _stray_source

    doc = parse("""
Clinton Clinton PROPN NNP nsubj 1 B-PER 1
shouted shout VERB VBD ROOT 1 O 1
at at ADP IN case 3 O 1
lawmakers lawmaker NOUN NNS obl 1 O 1
, , PUNCT , punct 7 O 1
claimed claim VERB VBN acl 3 O 1
by by ADP IN case 7 O 1
officials official NOUN NNS obl:agent 5 O 0
. . PUNCT . punct 1 O 0
""")
    at, by = doc.text.index("at lawmakers"), doc.text.index("by officials")
    assert _stray_source(doc, at) and not _stray_source(doc, by)
    assert not _stray_source(doc, 0)


def test_a_newsletter_promotion_inside_the_body_gives_no_statement() -> None:
    doc = parse("""
By by ADP IN case 1 O 1
signing sign VERB VBG advcl 5 O 1
up up ADP RP compound:prt 1 O 0
, , PUNCT , punct 1 O 1
you you PRON PRP nsubj 5 O 1
agree agree VERB VBP ROOT 5 O 1
that that SCONJ IN mark 9 O 1
we we PRON PRP nsubj 9 O 1
may may AUX MD aux 9 O 1
email email VERB VB ccomp 5 O 1
you you PRON PRP obj 9 O 0
. . PUNCT . punct 5 O 0
""")
    assert run(doc)[0] == []


def test_model_options_include_a_verbs_run_of_arguments() -> None:
    from readout.extract import statements as st

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
    ctx = st._Context(doc, document, find_quotes(doc.text))
    opts = {o.typ: doc.text[o.rng[0] : o.rng[1]] for o in st.content_options(ctx, doc[1])}
    assert opts["args"] == "Holt of lying"


def test_transcript_name_in_capitals_after_a_quotation_mark_is_judged() -> None:
    from readout.extract import statements as st

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
    ctx = st._Context(doc, document, find_quotes(doc.text))
    assert [t.text for t in st.model_tokens(ctx, 0, len(doc.text)) if t.text == ":"] == [":"]
    (opt,) = st.content_options(ctx, doc[2])
    assert opt.typ == "colon>" and "Let us start" in doc.text[opt.rng[0] : opt.rng[1]]


def _cand(doc: Doc, cue: str, content: str, score: float = 0.9):
    from readout.extract import statements as st

    text = doc.text
    i = text.index(cue)
    j = text.index(content)
    tok = next(t for t in doc if t.idx == i)
    return st._Cand(
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


def test_content_stops_where_a_sibling_report_of_the_same_cue_begins() -> None:
    from readout.extract import statements as st

    doc = parse(SIBLINGS)
    outer = _cand(doc, "said", "that the plan works, adding that costs fell")
    inner = _cand(doc, "adding", "that costs fell")
    st._split_siblings(doc, [outer, inner])
    assert doc.text[outer.content[0] : outer.content[1]] == "that the plan works"
    assert doc.text[inner.content[0] : inner.content[1]] == "that costs fell"


NESTED = """
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


def test_nested_report_is_kept_but_a_stretch_read_twice_is_one_statement() -> None:
    from readout.extract import statements as st

    doc = parse(NESTED)
    outer = _cand(doc, "said", "Bob told her that the deal collapsed")
    inner = _cand(doc, "told", "that the deal collapsed")
    # Bob's report lies inside Ann's: both are statements, even though they overlap by half
    assert len(st._dedupe([outer, inner])) == 2
    # "deal" read as a cue whose content holds "said", while "said" holds "deal": one stretch
    # read twice; the more confident reading stays
    rival = _cand(doc, "deal", "Ann said Bob told her that the", score=0.5)
    kept = st._dedupe([outer, rival])
    assert [doc.text[c.cue[0] : c.cue[1]] for c in kept] == ["said"]
    # two cues sharing most of one content with neither inside the other: one statement
    twin = _cand(doc, "Ann", "the deal collapsed", score=0.6)
    kept = st._dedupe([inner, twin])
    assert [doc.text[c.cue[0] : c.cue[1]] for c in kept] == ["told"]


def test_plain_verb_inside_a_report_is_marked_for_the_cue_model() -> None:
    from readout.extract import statements as st

    doc = parse("""
She she PRON PRP nsubj 1 O 1
insisted insist VERB VBD ROOT 1 O 1
he he PRON PRP nsubj 3 O 1
refuses refuse VERB VBZ ccomp 1 O 1
to to PART TO mark 5 O 1
talk talk VERB VB xcomp 3 O 0
. . PUNCT . punct 1 O 0
""")
    ctx = st._Context(doc, Document(id="t", source="t", text=doc.text), [])
    assert "under=clausal_complement" in st.cue_features(ctx, doc[3], [])
    # a speech verb inside a report is a nested report and is not marked
    nested = parse(NESTED)
    ctx = st._Context(nested, Document(id="t", source="t", text=nested.text), [])
    assert not any(f.startswith("under=") for f in st.cue_features(ctx, nested[3], []))


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


def test_report_nested_under_the_same_speaker_is_one_statement() -> None:
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
    inner: str, lemma: str, tag: str
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


def _options(doc: Doc, cue: int) -> dict[str, str]:
    from readout.extract import statements as st

    document = Document(id="t", source="t.txt", text=doc.text)
    ctx = st._Context(doc, document, find_quotes(doc.text))
    return {o.typ: doc.text[o.rng[0] : o.rng[1]] for o in st.content_options(ctx, doc[cue])}


def test_content_options_without_a_coordinated_clause() -> None:
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


def test_content_options_without_a_clause_set_off_deeper_inside() -> None:
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


def test_content_options_around_a_frame_set_off_inside() -> None:
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
    assert "wrap" not in _options(parse(CITED), 1)


def test_content_options_around_a_verb_of_seeming() -> None:
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


def test_quotations_before_the_cue_are_an_option_of_their_own() -> None:
    # (the parse leaves "We won" unattached to "said", so no complement option covers it)
    doc = parse(ADDING_QUOTE)
    opts = _options(doc, 6)
    assert opts["quote"] == doc.text  # the frame names both quotations
    assert opts["quote<"] == "“We won,”"


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


def test_a_whole_paragraph_of_quotation_continues_the_speaker_before_it() -> None:
    from readout.extract import statements as st

    doc = parse(PARAGRAPHS)
    document = Document(id="t", source="t.txt", text=doc.text)
    ctx = st._Context(doc, document, find_quotes(doc.text))
    runs = {
        doc[i].text: [doc.text[q.start : q.end] for q in qs] for i, qs in ctx.quote_runs().items()
    }
    assert runs == {"said": ["“We won,”", "“It was hard.”"]}
    # a paragraph that goes on after its quotation is not carried over
    rows = PARAGRAPHS.rstrip()[: -len("0")] + "1\n"
    doc = parse(rows + "she she PRON PRP nsubj 18 O 1\nadded add VERB VBD parataxis 13 O 0\n")
    document = Document(id="t", source="t.txt", text=doc.text)
    ctx = st._Context(doc, document, find_quotes(doc.text))
    said = next(t.i for t in doc if t.text == "said")
    assert [doc.text[q.start : q.end] for q in ctx.quote_runs()[said]] == ["“We won,”"]


def test_a_coordinated_report_inside_a_content_clause_ends_it() -> None:
    from readout.extract import statements as st

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
    st._split_siblings(doc, [outer, inner])
    assert doc.text[outer.content[0] : outer.content[1]] == "that he erred"
    assert doc.text[inner.content[0] : inner.content[1]] == "that costs fell"


def test_a_name_colon_in_the_headline_is_marked_for_the_cue_model() -> None:
    from readout.extract import statements as st

    doc = parse("""
Lynch Lynch PROPN NNP ROOT 0 B-PER 0
: : PUNCT : punct 0 O 1
No no DET DT det 3 O 1
influence influence NOUN NN appos 0 O 0
. . PUNCT . punct 0 O 0
""")
    document = Document(id="t", source="t.txt", text=doc.text)
    ctx = st._Context(doc, document, find_quotes(doc.text))
    opts = st.content_options(ctx, doc[1])
    feats = st.cue_features(ctx, doc[1], opts)
    assert "colon=head" in feats and "colon=head|ent=person" in feats


def test_an_unsure_report_nested_in_another_is_dropped_below_the_floor() -> None:
    from readout.extract import statements as st

    doc = parse(NESTED)
    outer = _cand(doc, "said", "Bob told her that the deal collapsed", score=0.95)
    unsure = _cand(doc, "told", "that the deal collapsed", score=0.6)
    kept = st._drop_unsure_nested(doc, [outer, unsure], 0.9)
    assert [doc.text[c.cue[0] : c.cue[1]] for c in kept] == ["said"]
    # a confident nested report stays, and a floor of 0 keeps every nested report
    sure = _cand(doc, "told", "that the deal collapsed", score=0.95)
    assert len(st._drop_unsure_nested(doc, [outer, sure], 0.9)) == 2
    assert len(st._drop_unsure_nested(doc, [outer, unsure], 0.0)) == 2
    # an unsure report nested in nothing is the threshold's business, not the floor's
    assert len(st._drop_unsure_nested(doc, [unsure], 0.9)) == 1


CITED = """
Lee Lee PROPN NNP nsubj 1 B-PER 1
cited cite VERB VBD ROOT 1 O 1
two two NUM CD nummod 3 O 1
reasons reason NOUN NNS obj 1 O 0
. . PUNCT . punct 1 O 0
"""


def test_cite_as_the_main_verb_is_judged_by_the_model() -> None:
    # "citing" below another report names that report's source ("reported, citing X");
    # "cited" heading its own clause reports what was cited
    doc = parse(CITED)
    document = Document(id="t", source="t.txt", text=doc.text)
    model = {
        "cue": {"l=cite": 5.0},
        "content": {},
        "threshold": 0.5,
        "threshold_combined": 0.5,
        "veto": 0.0,
        "nested": 0.0,
    }
    out = extract_statements(doc, document, [], [], [], use_rules=False, model=model)
    assert [(s.cue.text, s.content.text) for s in out] == [("cited", "two reasons")]
    for s in out:
        assert s.content.text == doc.text[s.content.start : s.content.end]


def test_consensus_pick_prefers_the_span_most_of_the_belief_is_close_to() -> None:
    from readout.extract.statements import Option, _choose_option

    # the ranker likes the tight object best, but two long readings that half-overlap each
    # other share more of its belief than the tight one alone
    tight = Option("obj", (10, 20), -1)
    run = Option("args", (10, 60), -1)
    run_cut = Option("args<", (10, 55), -1)
    opts = [tight, run, run_cut]
    scores = [1.0, 0.6, 0.6]
    assert _choose_option(opts, scores, "argmax")[0] is tight
    pick, mass = _choose_option(opts, scores, "consensus")
    assert pick in (run, run_cut) and 0.5 < mass < 0.6
    # one option, or a clear winner, is kept either way
    assert _choose_option([tight], [0.0], "consensus") == (tight, 1.0)
    assert _choose_option(opts, [9.0, 0.0, 0.0], "consensus")[0] is tight


def test_reportedly_is_a_report_without_a_named_source() -> None:
    doc = parse("""
The the DET DT det 1 O 1
club club NOUN NN nsubj 4 B-ORG 1
is be AUX VBZ aux 4 O 1
reportedly reportedly ADV RB advmod 4 O 1
spending spend VERB VBG ROOT 4 O 1
millions million NOUN NNS obj 4 O 0
. . PUNCT . punct 4 O 0
""")
    (s,), _ = run(doc)
    assert (s.cue.text, s.content.text, s.speaker, s.speaker_mention) == (
        "reportedly",
        "The club is reportedly spending millions",
        None,
        None,
    )
    assert s.kind == "indirect"
