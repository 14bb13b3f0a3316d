"""The resolvers: TIMEX3 values of absolute dates, weekdays, year-less dates, unanchored
expressions, durations, sets and references.

Most tests run on a blank English tokenizer, where tense falls back to cue words."""

from __future__ import annotations

from times_helpers import one, times, value

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
    # "over" is a preposition here, outside the expression as TimeML draws it
    t = one("Trade has doubled over the past two years.", "the past two years")
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


def test_signals_and_focus_words_stay_outside_the_expression() -> None:
    t = one("Five years after the launch, sales fell.", "Five years")
    assert (t.type, t.value) == ("DURATION", "P5Y")
    assert one("It opened just two weeks after the vote.", "two weeks").type == "DURATION"
    assert one("Monday's meeting was long.", "Monday", "2019-01-08").type == "DATE"
    assert one("He left two days before.", "two days before").type == "DATE"


def test_both_ends_of_a_range_of_durations() -> None:
    assert value("It takes between 60 and 90 days.", "60") == "P60D"
    assert value("It takes between 60 and 90 days.", "90 days") == "P90D"


def test_an_intensifier_is_inside_the_expression() -> None:
    assert value("The deal will close very soon.", "very soon") == "FUTURE_REF"
    assert value("More recently, prices fell.", "More recently") == "PAST_REF"


def test_years_later_count_from_the_year_named_before() -> None:
    t = one("The firm was founded in 2006. Ten years later, it was sold.", "Ten years later")
    assert (t.value, t.anchor) == ("2016", "previous")


def test_this_fiscal_year() -> None:
    assert value("Spending will rise this fiscal year.", "this fiscal year", "2019-03-10") == (
        "FY2019"
    )


def test_a_weekday_that_does_not_fit_the_nearby_years_infers_its_year() -> None:
    t = one("They met on Wednesday, April 5th, in Geneva.", "Wednesday, April 5th", "2019-03-10")
    assert (t.value, t.anchor) == ("2017-04-05", "inferred")


def test_a_coming_event_is_ahead() -> None:
    text = "Leaders are due to arrive on Wednesday for talks."
    assert value(text, "Wednesday", "2019-03-10") == "2019-03-13"


def test_a_weekday_in_what_an_older_report_said_counts_from_the_report(nlp) -> None:
    text = "On March 1, 2017, the minister said that on Friday the talks had failed."
    t = one(text, "Friday", "2019-03-10", doc=nlp(text))
    assert (t.value, t.anchor) == ("2017-02-24", "previous")
    text = "A report from April 2013 said that on Friday the plant had closed."
    t = one(text, "Friday", "2019-03-10", doc=nlp(text))
    assert t.value == "XXXX-WXX-5"  # a Friday of then, not of 2019
    text = "The House passed a bill last year, and the Senate took it up on Thursday."
    assert one(text, "Thursday", "2019-03-10", doc=nlp(text)).value == "2019-03-07"
