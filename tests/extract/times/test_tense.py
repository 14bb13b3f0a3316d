"""Tense from a parse: the governing verb of an expression, built by hand in small Docs."""

from __future__ import annotations

from times_helpers import one, parsed


def test_tense_comes_from_the_governing_verb_in_the_parse() -> None:
    # "They said they will meet on Tuesday ." -- the report is past, the plan future
    words = ["They", "said", "they", "will", "meet", "on", "Tuesday", "."]
    heads = [1, 1, 4, 4, 1, 6, 4, 1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "case", "obl", "punct"]
    tags = ["PRP", "VBD", "PRP", "MD", "VB", "IN", "NNP", "."]
    doc = parsed(words, heads, deps, tags)
    t = one(doc.text, "Tuesday", doc=doc)
    assert t.value == "2023-04-11"
    # "They said they met on Tuesday ."
    doc = parsed(
        ["They", "said", "they", "met", "on", "Tuesday", "."],
        [1, 1, 3, 1, 5, 3, 1],
        ["nsubj", "ROOT", "nsubj", "ccomp", "case", "obl", "punct"],
        ["PRP", "VBD", "PRP", "VBD", "IN", "NNP", "."],
    )
    assert one(doc.text, "Tuesday", doc=doc).value == "2023-04-04"


def test_headline_infinitive_is_a_plan() -> None:
    # "Markets to remain closed until Friday" (published Thursday 2008-09-18)
    doc = parsed(
        ["Markets", "to", "remain", "closed", "until", "Friday"],
        [0, 2, 0, 2, 5, 3],
        ["ROOT", "mark", "acl", "xcomp", "case", "obl"],
        ["NNS", "TO", "VB", "VBN", "IN", "NNP"],
    )
    assert one(doc.text, "Friday", "2008-09-18", doc=doc).value == "2008-09-19"
