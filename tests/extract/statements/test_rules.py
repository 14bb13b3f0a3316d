"""Rule candidates: indirect speech, nouns of saying, "according to", "reportedly",
relayed speech and direct quotes attached to their cue."""

from __future__ import annotations

import pytest

from readout.extract.statements import load_model

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
def test_nested_indirect_speech_with_addressees(rows: str, parse, actor, run) -> None:
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


def test_informed_gives_the_addressee(parse, actor, run) -> None:
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


def test_assured_gives_the_addressee(parse, actor, run) -> None:
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


def test_expressed_hope_that(parse, actor, run) -> None:
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


def test_the_claim_that_is_not_the_rejecters(parse, actor, run, only) -> None:
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


def test_allegations_of_without_a_source(parse, run) -> None:
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
def test_according_to_attribution(rows: str, parse, run) -> None:
    (s,), _ = run(parse(rows))
    assert s.cue.text == "According to"
    assert s.speaker_mention.text == "the agency"
    assert s.content.text == "the meeting ended at midnight"


def test_reportedly_is_a_report_without_a_named_source(parse, run) -> None:
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


def test_quote_interrupted_by_its_cue_is_one_statement(parse, run) -> None:
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
def test_quoted_by_an_agency_gives_via(rows: str, parse, actor, run) -> None:
    doc = parse(rows)
    people = [
        actor("a1", "Ivan Ivanov", "person", doc.text, "Ivanov"),
        actor("a2", "Novosti", "organization", doc.text, "Novosti"),
    ]
    (s,), _ = run(doc, people)
    assert (s.kind, s.content.text) == ("direct", "'The talks ran late'")
    assert (s.speaker, s.via, s.cue.text) == ("a1", ["a2"], "quoted")


def test_reported_citing_gives_via(parse, actor, run) -> None:
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


@pytest.mark.skipif(load_model() is None, reason="no shipped statements model")
@pytest.mark.parametrize(
    "rows", [NESTED, QUOTED_BY_UD, ACCORDING_UD, ACCORDING_CLEARNLP, NESTED_CLEARNLP]
)
def test_model_and_rules_together_keep_the_contract(rows: str, parse, run) -> None:
    doc = parse(rows)
    statements, _ = run(doc, model=True)
    assert statements and [s.id for s in statements] == [
        f"s{i}" for i in range(1, len(statements) + 1)
    ]
    assert all(s.kind in ("direct", "indirect") for s in statements)
