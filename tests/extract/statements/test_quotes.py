"""Quotation marks, on the text alone."""

from __future__ import annotations

from readout.extract.statements import find_quotes


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
