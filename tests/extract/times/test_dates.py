"""Calendar arithmetic: months added, Easter and the holidays, the year of a year-less date."""

from __future__ import annotations

from datetime import date

from readout.extract.times.dates import add_months, holiday_date, pick_date, pick_weekday


def test_adding_months_keeps_the_day_where_the_month_has_it() -> None:
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 11, 15), 3) == date(2024, 2, 15)
    assert add_months(date(2023, 3, 15), -12) == date(2022, 3, 15)


def test_holidays() -> None:
    assert holiday_date("Easter", 2024) == date(2024, 3, 31)
    assert holiday_date("Good Friday", 2023) == date(2023, 4, 7)
    assert holiday_date("Thanksgiving", 2023) == date(2023, 11, 23)
    assert holiday_date("Memorial Day", 2023) == date(2023, 5, 29)
    assert holiday_date("Labor Day", 2023) == date(2023, 9, 4)
    assert holiday_date("New Year’s Eve", 2023) == date(2023, 12, 31)


def test_the_year_of_a_yearless_date_follows_the_direction() -> None:
    ref = date(2023, 2, 10)
    assert pick_date(ref, 12, 20, "past") == date(2022, 12, 20)
    assert pick_date(ref, 12, 20, "future") == date(2023, 12, 20)
    assert pick_date(ref, 3, 1, None) == date(2023, 3, 1)
    # 2022-12-30 is a Friday; 2023-12-30 a Saturday
    assert pick_date(ref, 12, 30, "future", weekday=4) == date(2022, 12, 30)
    assert pick_date(ref, 2, 30, None) is None


def test_weekdays_before_the_reference_in_reports_and_after_it_in_plans() -> None:
    thursday = date(2023, 4, 6)
    assert pick_weekday(thursday, 1, "past", "") == date(2023, 4, 4)
    assert pick_weekday(thursday, 1, "future", "") == date(2023, 4, 11)
    assert pick_weekday(thursday, 3, "past", "") == thursday
    assert pick_weekday(thursday, 3, None, "last") == date(2023, 3, 30)
    assert pick_weekday(thursday, 3, None, "next") == date(2023, 4, 13)
