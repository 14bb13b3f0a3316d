"""The context: the reference (dateline, else publication date) and the earlier time in the
passage that anaphora count from."""

from __future__ import annotations

from times_helpers import one, value

from readout.model import Dateline, Span

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
