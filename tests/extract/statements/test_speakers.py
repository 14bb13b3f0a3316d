"""Speakers: mentions to actor ids, and the actors the stage adds."""

from __future__ import annotations

from dataclasses import dataclass

from readout.extract.statements import extract_statements
from readout.extract.statements.speakers import _stray_source
from readout.model import Document, Span


def test_unnamed_sources_become_a_group_actor(parse, actor, run) -> None:
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


def test_organisation_as_speaker(parse, actor, run) -> None:
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


def test_a_body_of_people_as_speaker_is_an_organisation(parse, run, only) -> None:
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


def test_pronoun_speaker_resolves_to_the_person_before(parse, actor, run) -> None:
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


def test_an_untagged_name_with_a_person_apposition_is_its_own_speaker(
    parse, actor, run, only
) -> None:
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


def test_untagged_names_with_a_title_or_the_article_are_speakers_of_their_own(
    parse, actor, run, only
) -> None:
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


def test_the_dateline_is_not_part_of_the_speaker_mention(parse) -> None:
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


def test_a_speaker_mention_opening_with_a_preposition_is_dropped(parse) -> None:
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


@dataclass
class Turn:
    label: Span
    name: str
    content: Span


def test_reported_speech_inside_a_turn_is_nested(parse, actor, run) -> None:
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


# "The CBS News interviewer said the debate was close.": a description with a name inside
DESCRIBED = """
The the DET DT det 3 O 1
CBS CBS PROPN NNP compound 2 B-ORG 1
News News PROPN NNP compound 3 I-ORG 1
interviewer interviewer NOUN NN nsubj 4 O 1
said say VERB VBD ROOT 4 O 1
the the DET DT det 6 O 1
debate debate NOUN NN nsubj 8 O 1
was be AUX VBD cop 8 O 1
close close ADJ JJ ccomp 4 O 0
. . PUNCT . punct 4 O 0
"""


def test_a_described_speaker_is_not_the_name_inside_the_description(parse, actor, run) -> None:
    doc = parse(DESCRIBED)
    cbs = actor("a1", "CBS News", "organization", doc.text, "CBS News")
    (s,), actors = run(doc, [cbs])
    assert s.speaker_mention.text == "The CBS News interviewer"
    (speaker,) = [a for a in actors if a.id == s.speaker]
    assert speaker.id != "a1" and speaker.type == "person"


def test_speakers_named_by_a_noun_for_a_body_get_an_actor(parse, run, only) -> None:
    doc = parse("""
Companies company NOUN NNS nsubj 1 O 1
warned warn VERB VBD ROOT 1 O 1
that that SCONJ IN mark 5 O 1
jobs job NOUN NNS nsubj 5 O 1
would would AUX MD aux 5 O 1
go go VERB VB ccomp 1 O 0
. . PUNCT . punct 1 O 0
""")
    out, actors = run(doc)
    s = only(out, "warned")
    (companies,) = [a for a in actors if a.id == s.speaker]
    assert (companies.name, companies.type) == ("Companies", "group")


def test_a_speaker_named_by_an_ordinary_noun_gets_no_actor(parse, run, only) -> None:
    doc = parse("""
The the DET DT det 1 O 1
move move NOUN NN nsubj 2 O 1
suggested suggest VERB VBD ROOT 2 O 1
that that SCONJ IN mark 6 O 1
talks talk NOUN NNS nsubj 6 O 1
had have AUX VBD aux 6 O 1
failed fail VERB VBN ccomp 2 O 0
. . PUNCT . punct 2 O 0
""")
    out, actors = run(doc)
    s = only(out, "suggested")
    assert s.speaker is None and not actors


def test_a_time_is_never_the_speaker(parse, run, only) -> None:
    # "Thursday, Napolitano said it was unclear.": the parser took the day for a subject too
    doc = parse("""
Thursday Thursday PROPN NNP nsubj 3 O 0
, , PUNCT , punct 2 O 1
Napolitano Napolitano PROPN NNP nsubj 3 B-PER 1
said say VERB VBD ROOT 3 O 1
it it PRON PRP expl 6 O 1
was be AUX VBD cop 6 O 1
unclear unclear ADJ JJ ccomp 3 O 0
. . PUNCT . punct 3 O 0
""")
    out, _actors = run(doc)
    s = only(out, "said")
    assert s.speaker_mention is not None and s.speaker_mention.text == "Napolitano"


def test_a_speaker_mention_stays_on_the_cues_line() -> None:
    from readout.extract.statements.speakers import _on_the_cues_line

    text = "Farms\n\nFarmers were angry that prices fell."
    cue = (text.index("angry"), text.index("angry") + 5)
    assert _on_the_cues_line(text, 0, text.index(" were"), cue) == (7, text.index(" were"))
    assert _on_the_cues_line(text, 0, 5, cue) == (0, 0)  # the heading alone: no mention


def test_an_unnamed_source_named_again_is_one_actor(nlp) -> None:
    from readout.pipeline import build_record

    text = (
        "A senior official said the talks had stalled. The official added that a deal was "
        "still possible."
    )
    record = build_record(Document(id="t", source="t", text=text), nlp(text))
    speakers = {s.speaker for s in record.statements}
    assert len(speakers) == 1 and None not in speakers


def test_a_month_that_names_someone_speaks(nlp) -> None:
    from readout.pipeline import build_record

    text = (
        "Prime Minister Theresa May won the vote. After the vote, May said she believed "
        "parliament had a duty to act."
    )
    record = build_record(Document(id="t", source="t", text=text), nlp(text))
    (said,) = [s for s in record.statements if s.cue is not None and s.cue.text == "said"]
    names = {a.id: a.name for a in record.actors}
    assert names.get(said.speaker or "") == "Theresa May"


def test_a_surname_in_capitals_heading_a_quote_is_that_person(nlp) -> None:
    from readout.pipeline import build_record

    text = 'TRUMP: "THE ECONOMY IS BOOMING"\n\nPresident Donald Trump spoke on Friday.'
    record = build_record(Document(id="t", source="t", text=text), nlp(text))
    names = {a.id: a.name for a in record.actors}
    assert [names.get(s.speaker or "") for s in record.statements] == ["Donald Trump"]
