"""The context checks: numbers and names that look like times and are not."""

from __future__ import annotations

from times_helpers import times


def test_numbers_that_are_not_years() -> None:
    assert times("Nearly 2000 employees lost their jobs.") == []
    assert times("The Russell 2000 Index fell.") == []
    assert times("It cost $2008 in fees.") == []


def test_names_that_look_like_dates() -> None:
    assert times("Theresa May spoke.") == []
    assert times("Stocks fell on Black Monday.") == []
    assert times("He may march in protest.") == []
