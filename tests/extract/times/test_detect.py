"""Detection: the regions looked at (body and dateline), ids in text order, and the span
rule on everything."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from times_helpers import times

from readout.model import Dateline, Span


def test_the_dateline_itself_is_a_time_even_outside_the_body() -> None:
    text = "Site header 01.01.2020\nJune 9, 2023, 14:30, Sochi\nPutin: We met on Monday."
    start = text.index("June")
    end = text.index(", Sochi")
    body = (text.index("Putin"), len(text))
    dl = Dateline(Span.of(text, start, text.index("\nPutin")), date="2023-06-09", time="14:30")
    found = times(text, None, body=body, dateline=dl)
    assert found[0].span == Span.of(text, start, end)
    assert (found[0].type, found[0].value, found[0].anchor) == (
        "TIME",
        "2023-06-09T14:30",
        "absolute",
    )
    # the header date is page chrome; Monday counts from the dateline
    assert [t.span.text for t in found] == ["June 9, 2023, 14:30", "Monday"]
    assert (found[1].value, found[1].anchor) == ("2023-06-05", "dateline")


def test_times_outside_the_body_are_skipped() -> None:
    text = "Posted April 1, 2023 | Share this\nThe deal was signed on Monday.\nSource: TASS, 2023"
    body = (text.index("The deal"), text.index("\nSource"))
    found = times(text, body=body)
    assert [t.span.text for t in found] == ["Monday"]


def test_ids_are_in_text_order() -> None:
    found = times("On Monday and on Tuesday, then last year.")
    assert [t.id for t in found] == ["t1", "t2", "t3"]


# --- the span rule on everything ---------------------------------------------------------------

_FRAGMENTS = [
    "late into the night on Wednesday, April 5th",
    "on Thursday",
    "last year",
    "the past two years",
    "well past midnight",
    "by July 7-8",
    "in the coming weeks",
    "the next day",
    "that evening",
    "12:00 UTC Monday",
    "June 9, 2023, 14:30",
    "2009-2010",
    "Q3 2021",
    "two years ago",
    "every Monday",
    "now",
    "May",
    "2000 people",
    "\n\n",
    " — ",
    "“",
    "é",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([*_FRAGMENTS, "x", ".", ",", " "]), max_size=12),
    st.sampled_from([None, "2023-04-06", "2020-02-29T10:00:00Z"]),
)
def test_every_span_holds_in_the_text(parts: list[str], published: str | None) -> None:
    text = " ".join(parts)
    found = times(text, published)
    spans = [(t.span.start, t.span.end) for t in found]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert [t.id for t in found] == [f"t{i}" for i in range(1, len(found) + 1)]


@pytest.mark.parametrize("fragment", _FRAGMENTS)
def test_each_fragment_alone_keeps_the_span_rule(fragment: str) -> None:
    text = f"They said {fragment}."
    for t in times(text):
        assert text[t.span.start : t.span.end] == t.span.text
