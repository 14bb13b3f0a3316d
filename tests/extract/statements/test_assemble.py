"""The stage's flow: numbering, the dateline, chrome lines, the real pipeline."""

from __future__ import annotations

import pytest
import spacy

from readout.extract.statements import extract_statements
from readout.model import Document, Span


def test_first_id_continues_the_numbering(nested_told) -> None:
    doc = nested_told
    document = Document(id="t", source="t.txt", text=doc.text)
    out = extract_statements(doc, document, [], [], [], first_id=4, use_model=False)
    assert [s.id for s in out] == ["s4", "s5"]


def test_the_dateline_is_not_part_of_the_content(parse) -> None:
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


def test_a_newsletter_promotion_inside_the_body_gives_no_statement(parse, run) -> None:
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


def test_real_pipeline_on_a_news_sentence(run) -> None:
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


def test_an_indirect_content_ends_before_its_full_stop(nlp) -> None:
    from readout.model import Document
    from readout.pipeline import build_record

    for text, content in [
        ("Kremlin spokesman Dmitry Peskov said the visit was useful.", "the visit was useful"),
        (
            "The senator said the attack was planned in the U.S.",
            "the attack was planned in the U.S.",
        ),
    ]:
        record = build_record(Document(id="t", source="t", text=text), nlp(text))
        assert [s.content.text for s in record.statements] == [content]


def test_a_speaker_is_not_what_they_said(nlp) -> None:
    from readout.model import Document
    from readout.pipeline import build_record

    text = "The president spoke. He said the economy was strong."
    record = build_record(Document(id="t", source="t", text=text), nlp(text))
    assert [s.content.text for s in record.statements] == ["the economy was strong"]


def test_quotations_after_a_colon_lead_in_with_a_claim_noun(nlp) -> None:
    from readout.model import Document
    from readout.pipeline import build_record

    text = (
        "At the rally, the president made these claims:\n\n"
        '"We have the best economy ever."\n\n"Unemployment is the lowest in history."\n\n'
        "The White House issued the following statement:\n\n"
        '"The president will sign the bill."'
    )
    record = build_record(Document(id="t", source="t", text=text), nlp(text))
    contents = [s.content.text for s in record.statements]
    assert any(c.startswith('"We have the best economy') for c in contents), contents
    assert '"The president will sign the bill."' in contents
    assert "the following" not in contents


def test_an_embedded_tweet_is_its_authors_statement(nlp) -> None:
    from readout.model import Document
    from readout.pipeline import build_record

    text = (
        "The president weighed in.\n\n"
        "The FBI is a disgrace at the highest levels. #DrainTheSwamp "
        "— Donald J. Trump (@realDonaldTrump) March 17, 2018\n\n"
        "Cheap solar is not cheap enough. — Julia Carrie Wong (@juliacarriew) February 3, 2020"
    )
    record = build_record(
        Document(id="t", source="t", text=text, published="2020-02-04"), nlp(text)
    )
    names = {a.id: a.name for a in record.actors}
    tweets = {
        s.content.text: names.get(s.speaker or "") for s in record.statements if s.kind == "direct"
    }
    assert tweets.get("The FBI is a disgrace at the highest levels. #DrainTheSwamp") in (
        "Donald Trump",
        "Donald J. Trump",
    )
    assert tweets.get("Cheap solar is not cheap enough.") == "Julia Carrie Wong"
