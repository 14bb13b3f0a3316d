"""time_for and TimeIndex: which time governs a verb."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from times_helpers import parsed, times

from readout.extract.times import TimeIndex, time_for
from readout.extract.times.tense import governor
from readout.labels import dep_role
from readout.model import Time


def test_time_for_finds_the_time_of_each_verb() -> None:
    # "They met on Monday and will talk on Friday ."
    words = ["They", "met", "on", "Monday", "and", "will", "talk", "on", "Friday", "."]
    heads = [1, 1, 3, 1, 6, 6, 1, 8, 6, 1]
    deps = ["nsubj", "ROOT", "case", "obl", "cc", "aux", "conj", "case", "obl", "punct"]
    tags = ["PRP", "VBD", "IN", "NNP", "CC", "MD", "VB", "IN", "NNP", "."]
    doc = parsed(words, heads, deps, tags)
    found = times(doc.text, doc=doc)
    ids = {t.span.text: t.id for t in found}
    assert time_for(doc[1], found, doc) == ids["Monday"]
    assert time_for(doc[6], found, doc) == ids["Friday"]
    assert time_for(doc[1:4], found, doc) == ids["Monday"]
    assert time_for(doc[0], [], doc) is None


def test_time_for_shares_the_time_of_a_coordinated_verb() -> None:
    # "They met and agreed on Monday ."
    doc = parsed(
        ["They", "met", "and", "agreed", "on", "Monday", "."],
        [1, 1, 3, 1, 5, 3, 1],
        ["nsubj", "ROOT", "cc", "conj", "case", "obl", "punct"],
        ["PRP", "VBD", "CC", "VBD", "IN", "NNP", "."],
    )
    found = times(doc.text, doc=doc)
    assert time_for(doc[3], found, doc) == found[0].id
    assert time_for(doc[1], found, doc) is None


def test_time_for_without_a_parse_uses_the_sentence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Nothing here. They met on Monday.")
    found = times(doc.text, doc=doc)
    assert time_for(doc[4], found, doc) == found[0].id
    assert time_for(doc[0], found, doc) is None


# --- TimeIndex against a pass over all the times ------------------------------------------------


def scanned_time_for(token_or_span: Token | SpacySpan, found: list[Time], doc: Doc) -> str | None:
    """time_for as it was before TimeIndex: each call places all the times and looks at each."""
    if not found:
        return None
    if isinstance(token_or_span, SpacySpan):
        if len(token_or_span) == 0:
            return None
        tok = token_or_span.root
    else:
        tok = token_or_span
    placed = [(t, doc.char_span(t.span.start, t.span.end, alignment_mode="expand")) for t in found]
    spans = [(t, sp) for t, sp in placed if sp is not None and len(sp) > 0]
    if doc.has_annotation("DEP"):
        verb = governor(tok) or tok
        chain = [verb]
        if dep_role(verb.dep_) in ("conjunct", "open_complement") and verb.head.i != verb.i:
            chain.append(verb.head)
        for v in chain:
            hits = [
                (t, sp) for t, sp in spans if (g := governor(sp.root)) is not None and g.i == v.i
            ]
            if hits:
                return _nearest(hits, v.i)
        return None
    if doc.has_annotation("SENT_START"):
        sent = tok.sent
        hits = [(t, sp) for t, sp in spans if sent.start <= sp.start and sp.end <= sent.end]
        return _nearest(hits, tok.i) if hits else None
    return None


def _nearest(hits: list[tuple[Time, SpacySpan]], i: int) -> str:
    def key(hit: tuple[Time, SpacySpan]) -> tuple[bool, int]:
        t, sp = hit
        weak = t.type in ("DURATION", "SET") or t.value.endswith("_REF")
        return weak, min(abs(sp.start - i), abs(sp.end - 1 - i))

    return min(hits, key=key)[0].id


def three_sentences() -> Doc:
    # "They met on Monday and will talk on Friday . Officials said the deal signed in March
    # 2020 expires next year . Talks lasted three days and resumed today ."
    words = "They met on Monday and will talk on Friday .".split()
    heads = [1, 1, 3, 1, 6, 6, 1, 8, 6, 1]
    deps = "nsubj ROOT case obl cc aux conj case obl punct".split()
    tags = "PRP VBD IN NNP CC MD VB IN NNP .".split()
    words += "Officials said the deal signed in March 2020 expires next year .".split()
    heads += [11, 11, 13, 18, 13, 16, 14, 16, 11, 20, 18, 11]
    deps += "nsubj ROOT det nsubj acl case obl nummod ccomp amod obl punct".split()
    tags += "NNS VBD DT NN VBN IN NNP CD VBZ JJ NN .".split()
    words += "Talks lasted three days and resumed today .".split()
    heads += [23, 23, 25, 23, 27, 23, 27, 23]
    deps += "nsubj ROOT nummod obj cc conj obl punct".split()
    tags += "NNS VBD CD NNS CC VBD NN .".split()
    return parsed(words, heads, deps, tags)


def test_time_index_agrees_with_a_pass_over_all_the_times() -> None:
    doc = three_sentences()
    found = times(doc.text, doc=doc)
    assert [t.span.text for t in found] == [
        "Monday",
        "Friday",
        "March 2020",
        "next year",
        "three days",
        "today",
    ]
    sentencized = spacy.blank("en")
    sentencized.add_pipe("sentencizer")
    for d in (doc, sentencized(doc.text)):
        found = times(d.text, doc=d)
        index = TimeIndex(found, d)
        asked: list[Token | SpacySpan] = [*d, *d.sents, *(d[i : i + 2] for i in range(len(d)))]
        answers = [index.time_for(x) for x in asked]
        assert answers == [scanned_time_for(x, found, d) for x in asked]
        assert answers == [time_for(x, found, d) for x in asked]
        assert len({a for a in answers if a is not None}) >= 4
    assert TimeIndex([], doc).time_for(doc[1]) is None
    assert TimeIndex(found, doc).time_for(doc[0:0]) is None
