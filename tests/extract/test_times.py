"""The times stage: detection, TIMEX3 values and the anchoring rules, one test per rule.

Most tests run on a blank English tokenizer, where tense falls back to cue words; the tense
and ``time_for`` tests build small parsed Docs by hand, so no trained pipeline is needed.
"""

from __future__ import annotations

import itertools

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from readout.extract.times import extract_times, time_for
from readout.model import Dateline, Document, Span, Time

NLP = spacy.blank("en")


def times(
    text: str,
    published: str | None = "2023-04-06",
    *,
    body: tuple[int, int] | None = None,
    dateline: Dateline | None = None,
    doc: Doc | None = None,
) -> list[Time]:
    document = Document(id="t", source="test", text=text, published=published)
    if body is not None:
        document.body = Span.of(text, *body)
    document.dateline = dateline
    found = extract_times(doc if doc is not None else NLP(text), document)
    for t in found:
        assert t.span.holds_in(text), t
    return found


def one(text: str, expression: str, published: str | None = "2023-04-06", **kw) -> Time:
    found = [t for t in times(text, published, **kw) if t.span.text == expression]
    assert len(found) == 1, (expression, times(text, published, **kw))
    return found[0]


def value(text: str, expression: str, published: str | None = "2023-04-06") -> str:
    return one(text, expression, published).value


# --- absolute --------------------------------------------------------------------------------


def test_a_full_date_is_absolute() -> None:
    t = one("The treaty was signed on April 5, 2021 in Geneva.", "April 5, 2021")
    assert (t.type, t.value, t.anchor) == ("DATE", "2021-04-05", "absolute")


def test_day_month_year_and_iso_and_numeric_dates() -> None:
    assert value("It opened on 5 April 2021.", "5 April 2021") == "2021-04-05"
    assert value("Filed 2021-04-05 at noon.", "2021-04-05 at noon") == "2021-04-05T12:00"
    assert value("The memo dated 7/8/07 leaked.", "7/8/07") == "2007-07-08"
    assert value("Sales fell in March 2009.", "March 2009") == "2009-03"


def test_year_ranges_decades_quarters_and_seasons() -> None:
    assert value("Output grew in 2009-2010.", "2009-2010") == "2009/2010"
    assert value("Prices peaked in the 1990s.", "the 1990s") == "199"
    assert value("A loss in the fourth quarter of 2005.", "the fourth quarter of 2005") == "2005-Q4"
    assert value("Profit in the first half of 2022.", "the first half of 2022") == "2022-H1"
    assert value("A launch is set for mid-2011.", "mid-2011") == "2011"
    assert value("He left in the spring of 2019.", "the spring of 2019") == "2019-SP"


def test_from_to_endpoints_are_two_expressions() -> None:
    found = times("Deliveries run from 2009 to 2011.")
    assert [(t.span.text, t.value) for t in found] == [("2009", "2009"), ("2011", "2011")]


def test_numbers_that_are_not_years() -> None:
    assert times("Nearly 2000 employees lost their jobs.") == []
    assert times("The Russell 2000 Index fell.") == []
    assert times("It cost $2008 in fees.") == []


# --- the reference: dateline, else publication date -----------------------------------------


def test_deictic_expressions_resolve_against_the_publication_date() -> None:
    t = one("Trade grew by 12% last year.", "last year")
    assert (t.value, t.anchor) == ("2022", "published")
    assert value("He arrived yesterday.", "yesterday") == "2023-04-05"
    assert value("Talks resume next week.", "next week") == "2023-W15"
    assert value("Sales rose this month.", "this month") == "2023-04"


def test_the_dateline_date_is_preferred_to_the_publication_date() -> None:
    text = "MOSCOW, June 9, 2023\n\nThe leaders met yesterday."
    dl = Dateline(Span.of(text, 0, 20), date="2023-06-09")
    t = one(text, "yesterday", published="2023-06-12", dateline=dl)
    assert (t.value, t.anchor) == ("2023-06-08", "dateline")


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


# --- weekdays: before the reference in reports, after it in plans ---------------------------


def test_weekday_in_past_tense_reporting_is_the_nearest_before() -> None:
    # published on Thursday 2023-04-06
    t = one("The ministers met on Tuesday.", "Tuesday")
    assert (t.value, t.anchor) == ("2023-04-04", "published")


def test_weekday_of_the_reference_day_itself_in_a_report() -> None:
    assert value("The talks ended on Thursday.", "Thursday") == "2023-04-06"


def test_weekday_in_a_future_plan_is_the_nearest_after() -> None:
    assert value("The ministers will meet on Tuesday.", "Tuesday") == "2023-04-11"
    assert value("They plan to sign on Monday.", "Monday") == "2023-04-10"


def test_last_and_next_weekday() -> None:
    assert value("He spoke last Thursday.", "last Thursday") == "2023-03-30"
    assert value("He speaks next Thursday.", "next Thursday") == "2023-04-13"


def test_weekday_and_date_together() -> None:
    t = one(
        "Talks went on late into the night on Wednesday, April 5th.",
        "late into the night on Wednesday, April 5th",
    )
    assert (t.type, t.value, t.anchor) == ("TIME", "2023-04-05TNI", "published")


# --- year-less dates take the year the reference and tense imply ----------------------------


def test_yearless_date_in_a_report_is_in_the_past() -> None:
    t = one("The accord was signed on December 20.", "December 20", published="2023-02-10")
    assert (t.value, t.anchor) == ("2022-12-20", "published")


def test_yearless_date_in_a_plan_is_in_the_future() -> None:
    t = one("The bridge will open on January 15.", "January 15", published="2023-11-20")
    assert t.value == "2024-01-15"


def test_yearless_range_in_a_plan_is_an_interval() -> None:
    t = one("The work will be completed by July 7-8.", "July 7-8")
    assert (t.type, t.value, t.anchor) == ("DATE", "2023-07-07/2023-07-08", "published")


def test_yearless_date_without_tense_is_the_nearest() -> None:
    assert value("Results: March 30 and May 2.", "March 30") == "2023-03-30"


def test_a_month_alone_follows_the_tense() -> None:
    assert value("Exports fell in February.", "February", "2023-04-06") == "2023-02"
    assert value("Exports fell in November.", "November", "2023-04-06") == "2022-11"
    assert value("The plant will reopen in November.", "November") == "2023-11"


def test_a_weekday_fixes_the_year_of_a_yearless_date() -> None:
    # 2022-12-30 is a Friday; 2023-12-30 a Saturday
    assert value("It ended on Friday, December 30.", "Friday, December 30") == "2022-12-30"


# --- anaphora: an earlier time in the passage is the reference ------------------------------


def test_the_next_day_counts_from_an_earlier_date_in_the_passage() -> None:
    t = one("The envoys arrived on June 3, 2021. The next day they signed.", "The next day")
    assert (t.value, t.anchor) == ("2021-06-04", "previous")


def test_that_evening_counts_from_an_earlier_date() -> None:
    t = one("The vote was held on June 3, 2021. That evening the cabinet met.", "That evening")
    assert (t.type, t.value, t.anchor) == ("TIME", "2021-06-03TEV", "previous")


def test_well_past_midnight_is_the_small_hours_after_the_day_in_question() -> None:
    text = (
        "Talks went on late into the night on Wednesday, April 5th. They ended well past midnight."
    )
    t = one(text, "well past midnight")
    assert (t.type, t.value, t.anchor) == ("TIME", "2023-04-06T00:00", "previous")


def test_an_anaphor_without_an_earlier_date_falls_back_to_the_reference() -> None:
    t = one("The day before, the minister resigned.", "The day before")
    assert (t.value, t.anchor) == ("2023-04-05", "published")


def test_the_passage_reaches_into_the_paragraph_before() -> None:
    text = 'Talks ran late on Wednesday, April 5th.\n\n"It ended well past midnight," he said.'
    t = one(text, "well past midnight")
    assert (t.value, t.anchor) == ("2023-04-06T00:00", "previous")


def test_a_date_far_back_is_not_the_reference() -> None:
    text = "It began on June 3, 2021. One. Two. Three. Four.\nThe next day, stocks fell."
    t = one(text, "The next day")
    assert (t.value, t.anchor) == ("2023-04-07", "published")
    text = "It began on June 3, 2021.\n\nOne.\n\nTwo.\n\nThe next day, stocks fell."
    assert one(text, "The next day").anchor == "published"


def test_the_end_of_the_year_is_the_current_one() -> None:
    text = "Trade grew 12% last year. The rest will be done by the end of the year."
    t = one(text, "the end of the year")
    assert (t.value, t.anchor) == ("2023", "published")


def test_the_previous_year_counts_from_the_year_in_the_passage() -> None:
    text = "Ford earned $2.7bn in 2009, after losing $14bn the previous year."
    t = one(text, "the previous year")
    assert (t.value, t.anchor) == ("2008", "previous")


def test_a_clock_time_takes_the_day_named_before_it() -> None:
    t = one("Trading halted on Tuesday at 18:00 UTC.", "Tuesday at 18:00 UTC")
    assert t.value == "2023-04-04T18:00Z"
    t = one("On June 1, 2009, shares fell. By 16:15 UTC they had recovered.", "16:15 UTC")
    assert (t.value, t.anchor) == ("2009-06-01T16:15Z", "previous")


# --- nothing anchors: the value says so -------------------------------------------------------


def test_unanchored_relative_expressions_are_marked_not_guessed() -> None:
    found = {t.span.text: t for t in times("They met on April 5 and on Monday, yesterday.", None)}
    assert found["April 5"].value == "XXXX-04-05"
    assert found["Monday"].value == "XXXX-WXX-1"
    assert found["yesterday"].value == "XXXX-XX-XX"
    assert {t.anchor for t in found.values()} == {"absolute"}


def test_unanchored_last_year_and_range() -> None:
    assert value("Sales rose last year.", "last year", None) == "XXXX"
    assert value("It ends by July 7-8.", "July 7-8", None) == "XXXX-07-07/XXXX-07-08"


# --- durations, sets and references -----------------------------------------------------------


def test_the_past_two_years_is_a_duration() -> None:
    t = one("Trade has doubled over the past two years.", "over the past two years")
    assert (t.type, t.value, t.anchor) == ("DURATION", "P2Y", "absolute")


def test_durations() -> None:
    assert value("He served almost two and a half years.", "almost two and a half years") == (
        "P2.5Y"
    )
    assert value("a five-year plan", "five-year") == "P5Y"
    assert value("The flight lasted 12 hours.", "12 hours") == "PT12H"
    assert value("Talks lasted three days.", "three days") == "P3D"
    assert value("It has risen for years.", "years") == "PXY"


def test_in_the_coming_weeks_is_a_vague_stretch_ahead() -> None:
    t = one("More talks are planned in the coming weeks.", "the coming weeks")
    assert (t.type, t.value) == ("DURATION", "PXW")


def test_ago_counts_back_from_the_reference() -> None:
    assert value("He left two years ago.", "two years ago") == "2021"
    assert value("It fell a week ago.", "a week ago") == "2023-03-30"


def test_sets() -> None:
    assert one("It meets twice a year.", "twice a year").type == "SET"
    assert value("The fund pays $5bn a year.", "a year") == "P1Y"
    assert value("They meet every Monday.", "every Monday") == "XXXX-WXX-1"
    assert value("The annual summit.", "annual") == "P1Y"


def test_present_past_and_future_references() -> None:
    assert value("The company currently employs 900.", "currently") == "PRESENT_REF"
    assert value("Prices have recently risen.", "recently") == "PAST_REF"
    assert value("It will be decided later.", "later") == "FUTURE_REF"
    assert times("We want to know what happened.") == []
    assert times("The soon-to-open terminal.") == []


def test_names_that_look_like_dates() -> None:
    assert times("Theresa May spoke.") == []
    assert times("Stocks fell on Black Monday.") == []
    assert times("He may march in protest.") == []


def test_ids_are_in_text_order() -> None:
    found = times("On Monday and on Tuesday, then last year.")
    assert [t.id for t in found] == ["t1", "t2", "t3"]


# --- tense from a parse ----------------------------------------------------------------------


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str], **kw) -> Doc:
    pos = [_POS.get(t, "X") for t in tags]
    return Doc(NLP.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, **kw)


_POS = {
    "PRP": "PRON",
    "NNS": "NOUN",
    "NN": "NOUN",
    "NNP": "PROPN",
    "MD": "AUX",
    "VB": "VERB",
    "VBD": "VERB",
    "VBZ": "VERB",
    "VBN": "VERB",
    "IN": "ADP",
    "CC": "CCONJ",
    "TO": "PART",
    ".": "PUNCT",
}


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
