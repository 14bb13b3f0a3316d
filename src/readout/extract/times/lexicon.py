"""The word tables of the times stage: month, weekday and number words, units, parts of the
day, seasons, set words, and the words around an expression that the checks and the tense
rules look for."""

from __future__ import annotations

# --------------------------------------------------------------------------------------------
# dates, numbers and units

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}

SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()

TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(SMALL)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(TENS)})
NUMBER_WORDS.update({"a": 1, "an": 1, "single": 1, "hundred": 100, "dozen": 12})

VAGUE_NUMBERS = {
    "a few",
    "few",
    "several",
    "many",
    "some",
    "numerous",
    "dozens of",
    "hundreds of",
    "thousands of",
    "multiple",
    "countless",
}

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
COUNT_NOUNS = frozenset(
    """people persons employees workers jobs staff troops soldiers police officers members
    residents voters votes seats cars vehicles units planes aircraft jets flights passengers
    homes houses buildings shares points dollars euros pounds yen yuan rubles roubles rupees
    barrels tons tonnes miles kilometres kilometers km metres meters feet ft acres hectares
    kg kilograms pounds lbs cases deaths dead victims patients children students pages words
    copies stores shops dealerships plants factories sites companies firms banks times
    percent per cent % bn billion million thousand calories degrees mph km/h rpm hp mw kw gw
    users customers subscribers visitors refugees migrants prisoners inmates delegates""".split()
)

# Words before a bare year that make it something else ("No. 2012", "Flight 2008").
NOT_YEAR_BEFORE = frozenset(
    """no no. number nos flight route room page pages chapter article section rule resolution
    model highway road bus level grade score gate channel box suite apt unit exit
    $ us$ € £ ¥ usd eur gbp rs rs. inr""".split()
)

# A preposition before a bare year makes it a year even outside 1900-2049.
YEAR_PREPS = frozenset(
    "in since by until till from to of during before after and or through between circa c. "
    "early late mid end".split()
)

# Named days that are not the weekday of the week in question: "Black Monday".
NAMED_DAYS = frozenset(
    "black cyber super ash good easter bloody holy maundy shrove palm blue giving whit".split()
)

# Words before a bare plural unit that make it a time: "for years", "within minutes".
VAGUE_DUR_BEFORE = frozenset(
    """for in within after over during took take takes taking lasted last just only mere been
    spent""".split()
)

# Words before a bare clock time ("14:30") that make it a time of day.
CLOCK_CUES = frozenset(
    """at by from until till to around about before after since past between and
    approximately""".split()
)

# --------------------------------------------------------------------------------------------
# tense

# Heads of infinitival complements that put the complement in the future ("plans to meet").
FUTURE_HEADS = frozenset(
    """plan intend expect schedule set due aim hope want wish seek prepare promise pledge vow
    propose agree decide going likely poised about slate scheduled slated expected planned
    intended ready determined eager try attempt arrange""".split()
)

SCHEDULE_VERBS = frozenset({"schedule", "slate", "reschedule"})

FUTURE_WORDS = frozenset({"will", "wo", "'ll", "ll", "shall", "’ll"})

PAST_AUX = frozenset({"was", "were", "had", "did", "'d", "’d"})

PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve"})

LEXICAL_PAST = frozenset(
    """was were had did said told added announced reported met held closed fell rose ended
    signed agreed called released launched unveiled began started took came went made gave
    saw found left died won lost killed""".split()
)

# --------------------------------------------------------------------------------------------
# what detection looks for

# Words that every expression contains at least one of (or a token with a digit): only the
# stretches of text around them are scanned, which keeps the stage cheap next to parsing.
TRIGGER_WORDS = """today tonight yesterday tomorrow now currently present presently nowadays
    moment recent recently lately past future soon later term week weeks weekend weekends
    week-end month months year years yr yrs quarter quarters day days decade decades century
    centuries fortnight fortnights morning mornings afternoon afternoons evening evenings
    night nights overnight noon midday midnight lunchtime hour hours hr hrs minute minutes min
    mins second seconds daily nightly weekly biweekly bi-weekly fortnightly monthly bimonthly
    quarterly annually annual yearly biannual semiannual semi-annual biennial hourly spring
    summer autumn fall winter christmas easter thanksgiving halloween o'clock intraday
    intra-day time monday tuesday wednesday thursday friday saturday sunday mondays tuesdays
    wednesdays thursdays fridays saturdays sundays""".split()

# What a stretch of text must hold for the rules on units, months, weekdays and parts of the
# day to be worth running there.
UNIT_WORDS: tuple[str, ...] = ("sec", "min", "hour", "hr", "day", "night", "week", "fortnight")
UNIT_WORDS += ("month", "quarter", "year", "yr", "decade", "centur")

MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

DAY_WORDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

POD_WORDS = ("morning", "afternoon", "evening", "night", "midday", "lunchtime")
