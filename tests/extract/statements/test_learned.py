"""The learned half: the models' verdicts and the content ranker's pick."""

from __future__ import annotations

from readout.extract.statements import Option, extract_statements
from readout.extract.statements.learned import choose_option
from readout.model import Document


def test_cite_as_the_main_verb_is_judged_by_the_model(cited) -> None:
    # "citing" below another report names that report's source ("reported, citing X");
    # "cited" heading its own clause reports what was cited
    doc = cited
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
    # the ranker likes the tight object best, but two long readings that half-overlap each
    # other share more of its belief than the tight one alone
    tight = Option("obj", (10, 20), -1)
    run = Option("args", (10, 60), -1)
    run_cut = Option("args<", (10, 55), -1)
    opts = [tight, run, run_cut]
    scores = [1.0, 0.6, 0.6]
    assert choose_option(opts, scores, "argmax")[0] is tight
    pick, mass = choose_option(opts, scores, "consensus")
    assert pick in (run, run_cut) and 0.5 < mass < 0.6
    # one option, or a clear winner, is kept either way
    assert choose_option([tight], [0.0], "consensus") == (tight, 1.0)
    assert choose_option(opts, [9.0, 0.0, 0.0], "consensus")[0] is tight
