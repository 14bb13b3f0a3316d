"""A statement's status: said, said not to have been said, or only supposed or asked."""

from __future__ import annotations

import pytest

from readout.model import Document, Record
from readout.pipeline import build_record


def _statuses(nlp, text: str) -> list[tuple[str | None, str]]:
    record = build_record(Document(id="t", source="t", text=text), nlp(text))
    assert isinstance(record, Record)
    return [(s.cue.text if s.cue else None, s.status) for s in record.statements]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Putin told Lukashenko that relations had improved.", "asserted"),
        ("Trump said that the wall would be built.", "asserted"),
        ("Trump did not say whether he would sign the bill.", "negated"),
        ("He never told anyone that he had been ill.", "negated"),
        ("Peskov declined to say whether Putin had called Lukashenko.", "negated"),
        ("Did Trump tell Comey that he hoped the investigation would end?", "hypothetical"),
        (
            "The claim would only be accurate if Obama told Medvedev that he would cut missiles.",
            "hypothetical",
        ),
    ],
)
def test_the_status_follows_the_grammar(nlp, text: str, status: str) -> None:
    found = _statuses(nlp, text)
    assert found and found[0][1] == status, found


def test_a_quoted_question_is_still_said(nlp) -> None:
    assert _statuses(nlp, '"Why did you go?" she asked.') == [("asked", "asserted")]
