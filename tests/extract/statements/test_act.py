"""What a statement reports: speech, a thought, or another act."""

from __future__ import annotations

import pytest

from readout.lexicon import table
from readout.model import Document, Record
from readout.pipeline import build_record


def _acts(nlp, text: str) -> list[tuple[str | None, str]]:
    record = build_record(Document(id="t", source="t", text=text), nlp(text))
    assert isinstance(record, Record)
    return [(s.cue.text if s.cue else None, s.act) for s in record.statements]


def _act_of(nlp, text: str, cue: str) -> str:
    found = dict(_acts(nlp, text))
    assert cue in found, found
    return found[cue]


@pytest.mark.parametrize(
    ("text", "cue", "act"),
    [
        ("Trump said that the wall would be built.", "said", "speech"),
        ("Putin told Lukashenko that relations had improved.", "told", "speech"),
        ("The senator believes that the bill will pass.", "believes", "thought"),
        ("Officials fear that the ceasefire will collapse.", "fear", "thought"),
        ("The study found that most voters opposed the plan.", "found", "speech"),
    ],
)
def test_the_act_follows_the_cue(nlp, text: str, cue: str, act: str) -> None:
    assert _act_of(nlp, text, cue) == act


def test_a_quotation_is_speech_whatever_its_cue(nlp) -> None:
    acts = _acts(nlp, '"We will win," the senator believes.')
    assert acts and all(act == "speech" for _cue, act in acts), acts


def test_every_act_in_the_lexicon_is_known() -> None:
    assert set(table("cue_acts").values()) <= {"thought", "other", "clause"}


def test_act_is_read_from_the_shape_of_a_finding(nlp) -> None:
    from readout.extract.statements.act import _is_clause

    doc = nlp("Investigators found pieces of a circuit board. They found that it was a timer.")
    np_content = doc.text.index("pieces"), doc.text.index(" board") + len(" board")
    clause = doc.text.index("that it"), len(doc.text) - 1
    assert not _is_clause(doc, np_content)
    assert _is_clause(doc, clause)


@pytest.mark.parametrize(
    ("text", "cue", "content", "act"),
    [
        ("The governor agreed to sign the bill.", "agreed", "to sign the bill", "other"),
        (
            "The governor agreed that the bill was flawed.",
            "agreed",
            "that the bill was flawed",
            "speech",
        ),
        ("The governor decided to sign the bill.", "decided", "to sign the bill", "other"),
        ("It seems that the bill will pass.", "seems", "that the bill will pass", "other"),
        (
            "The senator is skeptical that it will pass.",
            "skeptical",
            "that it will pass",
            "thought",
        ),
        ("The senator quipped that it will pass.", "quipped", "that it will pass", "speech"),
    ],
)
def test_statement_act_reads_the_cue_and_its_content(
    nlp, text: str, cue: str, content: str, act: str
) -> None:
    from readout.extract.statements.act import statement_act

    doc = nlp(text)
    token = next(t for t in doc if t.text == cue)
    start = text.index(content)
    assert statement_act(doc, token, (start, start + len(content)), direct=False) == act
