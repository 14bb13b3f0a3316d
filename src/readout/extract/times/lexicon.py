"""The word tables of the times stage: month, weekday and number words and the words around
an expression that the checks and the tense rules look for, read from readout's lexicon
(``src/readout/lexicon``); and the tables that map a word to a TIMEX3 value (units, parts of
the day, seasons, set words, ordinals, relative determiners, fixed holidays), which are
rules and stay here."""

from __future__ import annotations

import functools

from readout.lexicon import entries, table, words

# --------------------------------------------------------------------------------------------
# dates, numbers and units

MONTHS: dict[str, int] = {
    w: int(n) for name in ("months", "month_abbreviations") for w, n in table(name).items()
}

WEEKDAYS: dict[str, int] = {
    w: int(n) for name in ("weekdays", "weekday_abbreviations") for w, n in table(name).items()
}

_NUMBERS = {w: int(n) for w, n in table("number_words").items()}
SMALL = [w for w, n in _NUMBERS.items() if n < 20]  # zero ... nineteen, in order
TENS = [w for w, n in _NUMBERS.items() if n >= 20]  # twenty ... ninety, in order

NUMBER_WORDS: dict[str, int] = _NUMBERS | {w: int(n) for w, n in table("counting_words").items()}

VAGUE_NUMBERS = words("vague_numbers")

# unit -> (TIMEX3 code, is a time-of-day unit, multiplier)
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1),
    "sec": ("S", True, 1),
    "minute": ("M", True, 1),
    "min": ("M", True, 1),
    "hour": ("H", True, 1),
    "hr": ("H", True, 1),
    "day": ("D", False, 1),
    "night": ("D", False, 1),
    "week": ("W", False, 1),
    "fortnight": ("W", False, 2),
    "month": ("M", False, 1),
    "quarter": ("Q", False, 1),
    "year": ("Y", False, 1),
    "yr": ("Y", False, 1),
    "decade": ("Y", False, 10),
    "century": ("Y", False, 100),
    "centurie": ("Y", False, 100),
}

VAGUE_CODE = {"decade": "DE", "century": "CE", "centurie": "CE"}

POD = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "midday": "MI",
    "lunchtime": "MI",
    "overnight": "NI",
}

SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9)}
SEASONS["winter"] = ("WI", 12)

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

SET_WORDS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "bi-weekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "bimonthly": "P2M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "annual": "P1Y",
    "yearly": "P1Y",
    "biannual": "P6M",
    "semiannual": "P6M",
    "semi-annual": "P6M",
    "biennial": "P2Y",
    "hourly": "PT1H",
}

ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

UNANCHORED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}

# relative determiners: the offset and what it counts from ("ref": the reference, "prev":
# the previous time)
REL_SIGNS: dict[str, tuple[int, str]] = {
    "this": (0, "ref"),
    "the current": (0, "ref"),
    "last": (-1, "ref"),
    "past": (-1, "ref"),
    "the past": (-1, "ref"),
    "the last": (-1, "ref"),
    "previous": (-1, "prev"),
    "next": (1, "ref"),
    "coming": (1, "ref"),
    "the coming": (1, "ref"),
    "following": (1, "prev"),
    "the following": (1, "prev"),
    "the next": (1, "prev"),
    "the very next": (1, "prev"),
    "the previous": (-1, "prev"),
    "the prior": (-1, "prev"),
    "the same": (0, "prev"),
    "the very same": (0, "prev"),
    "that": (0, "prev"),
    "that same": (0, "prev"),
    "the": (0, "ref"),
    "the entire": (0, "prev"),
    "the whole": (0, "prev"),
    "the full": (0, "prev"),
}

# holidays on the same day every year: (month, day)
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's": (1, 1),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "boxing day": (12, 26),
}

# --------------------------------------------------------------------------------------------
# the words around an expression that the checks look at

# Nouns after a four-digit number that make it a count, not a year ("2000 employees").
COUNT_NOUNS = words("count_nouns")

# Words before a bare year that make it something else ("No. 2012", "Flight 2008").
NOT_YEAR_BEFORE = words("not_year_before")

# A preposition before a bare year makes it a year even outside 1900-2049.
YEAR_PREPS = words("year_prepositions")

# Named days that are not the weekday of the week in question: "Black Monday".
NAMED_DAYS = words("named_day_words")

# Words before a bare plural unit that make it a time: "for years", "within minutes".
VAGUE_DUR_BEFORE = words("duration_cues")

# Words before a bare clock time ("14:30") that make it a time of day.
CLOCK_CUES = words("clock_cues")

# --------------------------------------------------------------------------------------------
# tense

# Heads of infinitival complements that put the complement in the future ("plans to meet").
FUTURE_HEADS = words("future_heads")

SCHEDULE_VERBS = words("schedule_verbs")

FUTURE_WORDS = words("future_auxiliaries")

PAST_AUX = words("past_auxiliaries")

PERFECT_AUX = words("perfect_auxiliaries")

LEXICAL_PAST = words("past_forms")

# --------------------------------------------------------------------------------------------
# what detection looks for

# Words that every expression contains at least one of (or a token with a digit): only the
# stretches of text around them are scanned, which keeps the stage cheap next to parsing.
TRIGGER_WORDS = entries("trigger_words")

# What a stretch of text must hold for the rules on units, months, weekdays and parts of the
# day to be worth running there.
UNIT_WORDS: tuple[str, ...] = ("sec", "min", "hour", "hr", "day", "night", "week", "fortnight")
UNIT_WORDS += ("month", "quarter", "year", "yr", "decade", "centur")

MONTH_WORDS = tuple(w[:3] for w in entries("months"))  # "jan" ... "dec"

DAY_WORDS = tuple(w[:3] for w in entries("weekdays"))  # "mon" ... "sun"

POD_WORDS = ("morning", "afternoon", "evening", "night", "midday", "lunchtime")


@functools.cache
def speech_lemmas() -> frozenset[str]:
    """The verbs of saying of the cue lexicon ("say", "report"): a weekday inside what an
    older report said counts from that report's time ("a report from April 2013 said that
    on Friday ...")."""
    return frozenset(
        line.split()[0].replace("_", " ")
        for line in entries("cues")
        if "speech" in line.split(None, 1)[1].split(",")
    )
