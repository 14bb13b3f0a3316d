"""Times: every date, time, duration and set in the article, normalised to a TIMEX3 value.

Detection is a scan of compiled regular expressions over the body text (and the dateline),
so the stage costs a small fraction of parsing; the parse is consulted only afterwards, for
the tense of the verb that governs an expression. Normalisation follows TIMEX3:
``2023-04-05``, ``2023-04-05T14:30``, ``2023-W14``, ``2023-06``, ``2023-Q2``, ``2022``,
``P2Y``, ``PT3H``, ``PRESENT_REF``, intervals ``2023-07-07/2023-07-08``, and ``XXXX-04-05``
where nothing anchors a relative expression.

Anchoring (the ``anchor`` field says which was used):

* ``absolute``: the value comes from the expression alone ("April 5, 2023", "P2Y",
  "PRESENT_REF", an unanchorable "XXXX-04-05").
* ``dateline`` / ``published``: deictic expressions ("yesterday", "last year", "Monday",
  "April 5") resolve against the dateline's date when there is one, else the publication
  date. Weekdays go to the nearest fitting day before the reference in past-tense reporting
  and after it in future-tense plans; year-less dates take the year the tense implies.
* ``previous``: anaphoric expressions ("the next day", "that evening", "the same day",
  "three days later", a bare clock time) resolve against the last day-level time earlier in
  the same passage, falling back to the reference when there is none.

MEANTIME conventions followed where they suit news: approximators ("almost two years",
"over a decade") and position modifiers ("early 2009", "the end of last year", "earlier
today") belong to the expression and keep the base value; "now", "currently", "recent(ly)"
and "later" are PRESENT_REF/PAST_REF/FUTURE_REF; the endpoints of "from 2009 to 2011" are
two expressions while a hyphenated range ("2009-2010", "July 7-8") is one interval.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

import numpy as np
from spacy.attrs import IDX, LOWER, ORTH, SHAPE
from spacy.strings import hash_string
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from readout.labels import dep_role
from readout.model import Document, Span, Time, TimeAnchor, TimeType

# "perfect" is a past that reaches the present ("has continued ... until Friday")
Tense = Literal["past", "perfect", "future", "present"] | None

# --------------------------------------------------------------------------------------------
# lexicon

_MONTHS: dict[str, int] = {
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
_WEEKDAYS: dict[str, int] = {
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
_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_SMALL)}
_NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
_NUMBER_WORDS.update({"a": 1, "an": 1, "single": 1, "hundred": 100, "dozen": 12})
_VAGUE_NUMBERS = {
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
_UNITS: dict[str, tuple[str, bool, int]] = {
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
_VAGUE_CODE = {"decade": "DE", "century": "CE", "centurie": "CE"}

_POD = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "midday": "MI",
    "lunchtime": "MI",
    "overnight": "NI",
}
_SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9)}
_SEASONS["winter"] = ("WI", 12)

_SET_WORDS = {
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

# Nouns after a four-digit number that make it a count, not a year ("2000 employees").
_COUNT_NOUNS = frozenset(
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
_NOT_YEAR_BEFORE = frozenset(
    """no no. number nos flight route room page pages chapter article section rule resolution
    model highway road bus level grade score gate channel box suite apt unit exit
    $ us$ € £ ¥ usd eur gbp rs rs. inr""".split()
)
# A preposition before a bare year makes it a year even outside 1900-2049.
_YEAR_PREPS = frozenset(
    "in since by until till from to of during before after and or through between circa c. "
    "early late mid end".split()
)
# Heads of infinitival complements that put the complement in the future ("plans to meet").
_FUTURE_HEADS = frozenset(
    """plan intend expect schedule set due aim hope want wish seek prepare promise pledge vow
    propose agree decide going likely poised about slate scheduled slated expected planned
    intended ready determined eager try attempt arrange""".split()
)
_SCHEDULE_VERBS = frozenset({"schedule", "slate", "reschedule"})
_FUTURE_WORDS = frozenset({"will", "wo", "'ll", "ll", "shall", "’ll"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "'d", "’d"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve"})
_LEXICAL_PAST = frozenset(
    """was were had did said told added announced reported met held closed fell rose ended
    signed agreed called released launched unveiled began started took came went made gave
    saw found left died won lost killed""".split()
)

# --------------------------------------------------------------------------------------------
# patterns

_MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_WD_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WD_ANY = rf"(?:{_WD_FULL}|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_NUMWORD = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_SMALL[1:10])}))?"
    rf"|{'|'.join(sorted(_SMALL[1:], key=len, reverse=True))})"
)
_NUM = (
    rf"(?:(?:{_NUMWORD}|\d+(?:\.\d+)?)\s+and\s+a\s+half|half\s+an?|an?\s+half"
    rf"|(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred"
    rf"|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|dozens\s+of|hundreds\s+of"
    rf"|thousands\s+of|a\s+few|few|several|many|some|numerous|multiple|countless"
    rf"|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_NUMWORD}|a|an|single|dozen)"
)
_UNIT_RE = (
    r"(?:second|sec|minute|min|hour|hr|day|night|week|fortnight|month|quarter|year|yr"
    r"|decade|centur(?:y|ie))"
)
_APPROX = (
    r"(?:about|around|nearly|almost|over|more\s+than|less\s+than|fewer\s+than|at\s+least"
    r"|at\s+most|some|roughly|approximately|up\s+to|just\s+over|just\s+under|well\s+over"
    r"|under|upwards\s+of|close\s+to|the\s+better\s+part\s+of|barely|only|just|a\s+full)"
)
_TZ = (
    r"(?:UTC|GMT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|JST|IST|AEST"
    r"|AEDT|local\s+time)"
)
_CLOCK = (
    r"(?:(?P<h>[01]?\d|2[0-3])(?P<sep>[:.])(?P<mi>[0-5]\d)(?::[0-5]\d)?"
    r"(?:\s*(?P<ap>[ap]\.\s?m\.|[ap]m\b|[ap]\.m\b))?"
    r"|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>[ap]\.\s?m\.|[ap]m\b|[ap]\.m\b)"
    r"|(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)\s*(?=(?:hours|hrs|h\b|UTC|GMT))"
    r"|(?P<h4>1[0-2]|[1-9])\s+o['’]clock)"
    rf"(?:\s*(?P<par>\()?\s*(?P<tz>{_TZ})(?P<off>\s*[+-]\s*\d{{1,2}}(?::?\d\d)?)?(?(par)\s*\)))?"
    r"(?:\s+(?:hours|hrs)\b)?"
)
_MOD_PREFIX = re.compile(
    r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|outset|rest"
    r"|remainder|dawn|eve)\s+of|(?:early|late|later|earlier)(?:\s+(?:in|on|into|during))?"
    r"|mid|sometime(?:\s+in)?|some\s+time\s+in|as\s+early\s+as|as\s+late\s+as|no\s+later\s+than"
    r"|around|about|approximately|roughly|(?:well|just|shortly|long|soon)\s+(?:after|before|past)"
    r"|just)[\s-]+$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: str
    g: dict[str, str | None]
    rank: int = 0
    parts: tuple[_Cand, ...] = ()


def _p(pattern: str) -> re.Pattern[str]:
    # no expression starts inside a word ("k-now", "A380")
    return re.compile(r"(?<!\w)(?:" + pattern + ")", re.IGNORECASE)


# Each pattern names its kind; the longest leftmost candidate wins where they overlap, then
# the kind's resolver turns the groups into a value.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        _p(
            r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
            r"(?:[T\s](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?P<z>Z)?)?"
            r"(?![\w/-])"
        ),
    ),
    (
        "numeric",
        _p(
            r"(?<![\w/.$-])(?P<a>\d{1,2})(?P<s>[/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
            r"(?![\w/%]|[.,]\d)"
        ),
    ),
    (
        "mdy",
        _p(
            rf"(?:(?P<wd>{_WD_ANY})\.?,?\s+)?(?P<mon>{_MONTH_RE})\b\.?\s*"
            rf"(?<![\d])(?P<d>{_DAY})"
            rf"(?:\s*(?:-|–|—|to|through|until)\s*(?:(?P<mon2>{_MONTH_RE})\b\.?\s+)?"
            rf"(?P<d2>{_DAY})(?![\d:]))?"
            rf"(?:(?:,\s*|\s+)(?:of\s+)?(?P<y>{_YEAR}|['’]\d\d)(?![\d%]))?"
            r"(?![\d:%]|,\d{3}|\.\d)"
        ),
    ),
    (
        "dmy",
        _p(
            rf"(?:(?P<wd>{_WD_ANY})\.?,?\s+)?(?:the\s+(?=\d+(?:st|nd|rd|th)?\s+of\s))?"
            rf"(?<![\d.,$])(?P<d>{_DAY})"
            rf"(?:\s*(?:-|–|—|to)\s*(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\b\.?"
            rf"(?:,?\s+(?P<y>{_YEAR})(?![\d%]))?"
        ),
    ),
    (
        "my",
        _p(
            rf"(?P<mon>{_MONTH_RE})\b\.?(?:\s*(?:-|–|—|to)\s*(?P<mon2>{_MONTH_RE})\b\.?)?"
            rf"(?:\s*,\s*|\s+of\s+|\s+)(?P<y>{_YEAR}|['’]\d\d)(?![\d%]|,\d{{3}})"
        ),
    ),
    (
        "m_rel",
        _p(
            rf"(?P<mon>{_MONTH_RE})\b\.?\s+(?:of\s+)?(?P<rel>this|last|next|the\s+following"
            r"|the\s+previous|the\s+same)\s+year\b"
        ),
    ),
    (
        "month",
        _p(
            r"(?:(?P<rel>last|next|this|coming|past|the\s+coming|the\s+past|the\s+previous"
            rf"|the\s+following|the\s+month\s+of)\s+)?(?P<mon>{_MONTH_RE})\b(?!['’]s\s)"
        ),
    ),
    (
        "week_of",
        _p(
            r"the\s+(?P<ord>first|second|third|fourth|last|final)\s+(?P<u>week|weekend)\s+of\s+"
            rf"(?P<mon>{_MONTH_RE})\b(?:,?\s+(?P<y>{_YEAR}))?"
        ),
    ),
    (
        "year_range",
        _p(
            rf"(?<![\w$£€.,/#-])(?P<y1>{_YEAR})\s*(?:-|–|—|/)\s*(?P<y2>{_YEAR}|\d\d)"
            r"(?![\w%/-]|[.,]\d)"
        ),
    ),
    (
        "decade",
        _p(
            r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?"
            r"(?:(?P<c>1[0-9]|20)(?P<d>\d)0|['’](?P<d2>\d)0|(?<![\w$.,])(?P<d3>[1-9])0)['’]?s\b"
        ),
    ),
    (
        "century",
        _p(
            r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<n>\d{1,2}|first|second|third|fourth"
            r"|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
            r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)"
            r"(?:st|nd|rd|th)?[\s-]+century\b"
        ),
    ),
    (
        "year",
        _p(rf"(?P<y>{_YEAR})(?![\w%/]|[.,]\d|-\d|-based|-old|\s*(?:%|percent|per\s+cent))"),
    ),
    ("apos_year", _p(r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%.,]\d|\w)")),
    (
        "fiscal",
        _p(
            r"(?:(?:fiscal|financial)\s+(?:year\s+)?(?P<y>\d{4})(?:\s*[-/–]\s*(?P<y2>\d{2,4}))?"
            r"|\bFY\s?['’]?(?P<y3>\d{4}|\d{2})\b)"
        ),
    ),
    (
        "quarter",
        _p(
            r"(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
            r"(?:fiscal\s+|financial\s+|calendar\s+)?quarter\b"
            rf"(?:\s+(?:of|in)\s+(?:(?:fiscal|the\s+year|the\s+fiscal\s+year)\s+)?(?P<y>{_YEAR})"
            r"|\s+(?:of\s+)?(?P<rel>this|last|next|the\s+previous|the\s+current|the)\s+year"
            rf"|,?\s+(?P<y2>{_YEAR}))?"
        ),
    ),
    ("q_abbr", _p(rf"\bQ(?P<q>[1-4])(?:\s*(?:-|/|\s)\s*(?P<y>{_YEAR}|['’]?\d\d))?\b")),
    (
        "half",
        _p(
            r"(?:the\s+)?(?P<ord>first|second|1st|2nd)[\s-]+half\s+of\s+"
            rf"(?:(?P<y>{_YEAR})|(?P<rel>this|last|next|the)\s+year)"
        ),
    ),
    (
        "season",
        _p(
            r"(?:(?P<rel>this|last|next|the\s+coming|the\s+past|the|early|late|mid)[\s-]+)?"
            rf"(?P<s>spring|summer|autumn|fall|winter)(?!-)\b(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?"
        ),
    ),
    (
        "same_period",
        _p(
            r"the\s+(?:very\s+)?same\s+(?P<u>period|month|quarter|week|day|time|season|months"
            r"|weeks|date)\s+(?:of\s+)?(?:(?:the\s+)?(?:last|previous|prior)\s+year"
            r"|a\s+year\s+(?:ago|earlier|before)|(?:in|of)\s+(?P<y>\d{4}))"
            r"|the\s+year[\s-](?:ago|earlier)\s+(?P<u2>period|quarter|month)"
        ),
    ),
    (
        "weekday",
        _p(
            r"(?:(?P<rel>last|next|this|coming|past|previous|following)\s+)?"
            rf"(?P<wd>{_WD_FULL})(?P<pl>s)?\b(?:['’]s)?"
            r"(?:\s+(?P<pod>morning|afternoon|evening|night|midday|lunchtime))?"
        ),
    ),
    (
        "deictic",
        _p(
            r"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight"
            r"|yesterday|tomorrow)\b(?:['’]s)?"
            r"(?:\s+(?P<pod>morning|afternoon|evening|night|midday|lunchtime))?"
        ),
    ),
    (
        "rel_unit",
        _p(
            r"(?P<rel>this|last|next|coming|the\s+coming|the\s+following|the\s+previous|the\s+prior"
            r"|the\s+same|that|that\s+same|the\s+current|the\s+past|the\s+last|the\s+next"
            r"|the\s+very\s+same|the\s+very\s+next|an?\s+(?:second|third|fourth|fifth)"
            r"\s+(?:consecutive|straight)|the\s+(?:entire|whole|full)|the\s+)"
            r"\s*(?P<u>week-?end|week|month|year|quarter|day|decade|century|fortnight|morning"
            r"|afternoon|evening|night|time)\b(?!-)"
        ),
    ),
    (
        "anaphor",
        _p(
            r"the\s+(?P<u>day|week|month|year|night|morning|evening)\s+(?P<dir>before|after"
            r"|previous|prior|earlier|later|following)\b"
            r"(?=\s*(?:[,.;:)!?—–-]|$)|\s+(?:and|when|as|but|to|in|at|on|with|by|he|she|it"
            r"|they|we|the)\b)"
        ),
    ),
    (
        "clock",
        _p(
            r"(?:(?P<mod>(?:well|just|shortly|long|soon)\s+(?:past|after|before)|past|around"
            r"|about|approximately|roughly|exactly)\s+)?"
            rf"(?:{_CLOCK}|(?P<noon>noon|midday|midnight)\b)"
        ),
    ),
    (
        "pod",
        _p(
            r"(?:(?P<mod>late|early)\s+(?:into|in)\s+the\s+|(?:the|overnight)\s+(?=\w+\s+(?:of|on)"
            r"\s))?(?P<pod>morning|afternoon|evening|night|overnight)\b"
        ),
    ),
    (
        "ref",
        _p(
            r"(?P<w>right\s+now|now|currently|at\s+present|presently|nowadays|these\s+days"
            r"|at\s+the\s+moment|the\s+time\s+being|recently|recent|lately"
            r"|the\s+past|the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future"
            r"|in\s+future|soon|later|the\s+(?:near|long|short|medium)(?:er)?\s+term"
            r"|the\s+(?:days|weeks|months|years)\s+ahead|once\s+upon\s+a\s+time)\b(?!-)"
        ),
    ),
    (
        "set",
        _p(
            r"(?:(?:every|each)\s+(?:other\s+|single\s+)?(?:(?P<num>" + _NUM + r")\s+)?"
            rf"(?P<unit>{_UNIT_RE}|{_WD_FULL}|morning|afternoon|evening|night|weekend)s?\b"
            r"|(?P<freq>once|twice|thrice|(?:\w+|\d+)\s+times)\s+(?:a|an|per|each|every)\s+"
            rf"(?P<unit2>{_UNIT_RE})\b"
            rf"|(?P<per>a|an|per)\s+(?P<unit3>{_UNIT_RE})\b(?!\s+(?:ago|later|earlier|or|and"
            r"|after|before|old))"
            r"|(?P<w>daily|nightly|weekly|bi-?weekly|fortnightly|monthly|bimonthly|quarterly"
            r"|annually|annual|yearly|biannual|semi-?annual|biennial|hourly)\b"
            rf"|(?P<wdpl>{_WD_FULL})s\b)"
        ),
    ),
    (
        "duration",
        _p(
            rf"(?:(?P<approx>{_APPROX})\s+)?"
            r"(?:(?P<det>the\s+(?:past|last|next|first|previous|following|coming|final"
            r"|remaining|same|other|ensuing|preceding|prior)|another|a\s+further|an\s+additional"
            r"|an?\s+extra|a\s+full|a\s+whole|the\s+whole|the\s+entire|an?\s+entire)\s+)?"
            rf"(?P<num>{_NUM})(?:\s+|-)"
            r"(?:(?:straight|consecutive|full|long|successive|trading|business|working|calendar"
            r"|more|additional|further|extra|whole|entire|solid|weekly|hour|day)[\s-]+){0,2}"
            rf"(?P<unit>{_UNIT_RE})(?P<pl>s)?\b(?!-old)"
            r"(?P<half>\s+and\s+a\s+half)?"
            r"(?:\s+(?P<suf>ago|later|earlier|before|after|from\s+now|hence|old|in\s+a\s+row"
            r"|running|back|on(?=\s*(?:[,.;:!?)]|$)))\b)?"
        ),
    ),
    (
        "vague_dur",
        _p(
            r"(?:(?P<det>recent|coming|past|next|last|following|ensuing|previous|the\s+coming"
            r"|the\s+past|the\s+next|the\s+last|the\s+following|the\s+ensuing|the\s+previous"
            r"|the)\s+)?"
            r"(?P<unit>second|minute|hour|day|week|month|year|decade|centurie)s\b(?!['’])"
            r"(?:-long\b|\s+(?P<suf>ago|later|earlier)\b)?"
        ),
    ),
    ("adj_dur", _p(r"(?P<unit>hour|day|week|month|year|decade)s-long\b")),
    ("intraday", _p(r"\b(?:intraday|intra-day|single-day|one-day|overnight)\b")),
    (
        "holiday",
        re.compile(
            r"(?:(?P<rel>this|last|next)\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?"
            r"|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Independence\s+Day"
            r"|Valentine['’]s\s+Day|Halloween|Boxing\s+Day|Labou?r\s+Day|Memorial\s+Day"
            r"|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday)\b"
        ),
    ),
]
# Where two candidates start together and are as long, the earlier pattern wins.
_RANK = {kind: i for i, (kind, _) in enumerate(_PATTERNS)}

_CLOCKISH = frozenset({"clock", "pod"})


# --------------------------------------------------------------------------------------------
# detection


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")

# Words that every expression contains at least one of (or a token with a digit): only the
# stretches of text around them are scanned, which keeps the stage cheap next to parsing.
_TRIGGER_WORDS = """today tonight yesterday tomorrow now currently present presently nowadays
    moment recent recently lately past future soon later term week weeks weekend weekends
    week-end month months year years yr yrs quarter quarters day days decade decades century
    centuries fortnight fortnights morning mornings afternoon afternoons evening evenings
    night nights overnight noon midday midnight lunchtime hour hours hr hrs minute minutes min
    mins second seconds daily nightly weekly biweekly bi-weekly fortnightly monthly bimonthly
    quarterly annually annual yearly biannual semiannual semi-annual biennial hourly spring
    summer autumn fall winter christmas easter thanksgiving halloween o'clock intraday
    intra-day time monday tuesday wednesday thursday friday saturday sunday mondays tuesdays
    wednesdays thursdays fridays saturdays sundays""".split()
_CAPITAL_FORMS = [
    form
    for name in [*_MONTHS, "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
    for cased in (name.title(), name.upper())
    for form in (cased, cased + ".")
]
_TRIGGER_HASHES = np.array([hash_string(w) for w in _TRIGGER_WORDS], dtype=np.uint64)
_CAPITAL_HASHES = np.array([hash_string(w) for w in _CAPITAL_FORMS], dtype=np.uint64)
_DIGIT_SHAPES: dict[int, bool] = {}
_REACH = 8  # tokens scanned either side of a trigger: modifiers lead, units trail


def _windows(doc: Doc, text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of the regions around trigger tokens, cut at blank lines."""
    stretches: list[tuple[int, int]] = []
    last = doc[-1] if len(doc) else None
    if last is not None and last.idx + len(last.text_with_ws) == len(text):
        arr = doc.to_array([LOWER, ORTH, SHAPE, IDX])
        shapes = arr[:, 2]
        digit_shapes = []
        for h in np.unique(shapes).tolist():
            if h not in _DIGIT_SHAPES:
                _DIGIT_SHAPES[h] = "d" in doc.vocab.strings[h]
            if _DIGIT_SHAPES[h]:
                digit_shapes.append(h)
        hits = (
            np.isin(arr[:, 0], _TRIGGER_HASHES)
            | np.isin(arr[:, 1], _CAPITAL_HASHES)
            | np.isin(shapes, np.array(digit_shapes, dtype=np.uint64))
        )
        n = len(doc)
        starts = arr[:, 3].tolist()
        lo = hi = -1
        for i in np.nonzero(hits)[0].tolist():
            a, b = max(0, i - _REACH), min(n - 1, i + _REACH)
            if lo >= 0 and a <= hi + 1:
                hi = b
                continue
            if lo >= 0:
                stretches.append((starts[lo], starts[hi + 1] if hi + 1 < n else len(text)))
            lo, hi = a, b
        if lo >= 0:
            stretches.append((starts[lo], starts[hi + 1] if hi + 1 < n else len(text)))
    else:
        stretches = [(0, len(text))]  # no usable tokens: scan it all
    breaks = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)]
    out: list[tuple[int, int]] = []
    for rs, re_ in regions:
        for ws, we in stretches:
            s, e = max(rs, ws), min(re_, we)
            for bs, be in breaks:
                if bs >= e:
                    break
                if be <= s:
                    continue
                if bs > s:
                    out.append((s, bs))
                s = max(s, be)
            if s < e:
                out.append((s, e))
    return out


_UNIT_WORDS = ("sec", "min", "hour", "hr", "day", "night", "week", "fortnight", "month")
_UNIT_WORDS += ("quarter", "year", "yr", "decade", "centur")
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY_WORDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_POD_WORDS = ("morning", "afternoon", "evening", "night", "midday", "lunchtime")
_DIGIT = re.compile(r"\d")
# What a window must hold for a pattern to be worth running ("0": any digit).
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("0",),
    "numeric": ("0",),
    "mdy": ("0",),
    "dmy": ("0",),
    "my": ("0",),
    "m_rel": ("year",),
    "month": _MONTH_WORDS,
    "week_of": ("week",),
    "year_range": ("0",),
    "decade": ("0",),
    "century": ("centur",),
    "year": ("0",),
    "apos_year": ("0",),
    "fiscal": ("fiscal", "financial", "fy"),
    "quarter": ("quarter",),
    "q_abbr": ("q1", "q2", "q3", "q4"),
    "half": ("half",),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "same_period": ("same", "year-", "year "),
    "weekday": ("day",),
    "deictic": ("today", "tonight", "yesterday", "tomorrow"),
    "rel_unit": (*_UNIT_WORDS, *_POD_WORDS, "time"),
    "anaphor": ("the",),
    "clock": ("0", "noon", "midday", "midnight"),
    "pod": (*_POD_WORDS, "overnight"),
    "ref": (
        "now",
        "current",
        "present",
        "moment",
        "time",
        "recent",
        "lately",
        "past",
        "future",
        "soon",
        "later",
        "term",
        "ahead",
        "days",
        "upon",
    ),
    "set": (*_UNIT_WORDS, *_DAY_WORDS, *_POD_WORDS, "ly", "annual", "ennial"),
    "duration": _UNIT_WORDS,
    "vague_dur": _UNIT_WORDS,
    "adj_dur": ("-long",),
    "intraday": ("day", "overnight"),
    "holiday": ("christmas", "year", "thanksgiving", "day", "halloween", "easter", "friday"),
}


def _scan(text: str, windows: Iterable[tuple[int, int]]) -> list[_Cand]:
    """The longest leftmost accepted candidates in ``windows``, none overlapping."""
    found: list[_Cand] = []
    for start, end in windows:
        low = text[start:end].lower()
        digits = _DIGIT.search(low) is not None
        for kind, pattern in _PATTERNS:
            needs = _NEEDS.get(kind)
            if needs is not None and not any(digits if w == "0" else w in low for w in needs):
                continue  # cheaper to look for the word the pattern needs than to run it
            for m in pattern.finditer(text, start, end):
                if m.end() == m.start():
                    continue
                c = _accept(text, _Cand(m.start(), m.end(), kind, m.groupdict(), _RANK[kind]))
                if c is not None:
                    found.append(c)
    found.sort(key=lambda c: (c.start, -(c.end - c.start), c.rank))
    chosen: list[_Cand] = []
    last_end = -1
    for c in found:
        if c.start < last_end:
            continue
        chosen.append(c)
        last_end = c.end
    return chosen


def _word_before(text: str, pos: int) -> str:
    """The word just before ``pos``, as written."""
    m = re.search(r"([\w$€£¥.'’]+)[^\w\n]*$", text[max(0, pos - 30) : pos])
    return m.group(1) if m else ""


def _word_after(text: str, pos: int) -> str:
    """The word just after ``pos``, as written."""
    m = re.match(r"[^\S\n]*([\w%/'’]+)", text[pos : pos + 30])
    return m.group(1) if m else ""


def _prev(text: str, pos: int) -> str:
    return _word_before(text, pos).lower()


def _next(text: str, pos: int) -> str:
    return _word_after(text, pos).lower()


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:"


def _accept(text: str, c: _Cand) -> _Cand | None:
    """Context checks a regular expression cannot make cheaply; None rejects."""
    g = c.g
    kind = c.kind
    mon = g.get("mon")
    if mon is not None and not _month_ok(text, c, mon):
        return None
    wd = g.get("wd")
    if wd is not None and kind in ("mdy", "dmy") and len(wd) <= 4:
        # an abbreviated weekday counts only as the head of a date ("Wed., April 5")
        if not _capitalised(wd):
            return None
    chunk_start = text.rfind(" ", 0, c.start) + 1
    chunk_end = text.find(" ", c.end)
    chunk = text[chunk_start : chunk_end if chunk_end >= 0 else len(text)]
    if "://" in chunk or "www." in chunk or "@" in chunk:
        return None
    checker = _CHECKS.get(kind)
    if checker is not None and not checker(text, c):
        return None
    if kind in ("mdy", "dmy", "my", "month", "weekday", "deictic", "rel_unit", "year"):
        c = _with_modifier(text, c)
    elif kind == "season" and (g.get("rel") or "").lower() not in ("early", "late", "mid"):
        c = _with_modifier(text, c)
    return c


def _month_ok(text: str, c: _Cand, mon: str) -> bool:
    if not _capitalised(mon):
        return False
    if c.kind != "month" or c.g.get("rel"):
        return True
    low = mon.lower()
    prev_raw = _word_before(text, c.start)
    prev = prev_raw.lower()
    if low in ("may", "march") or len(low) <= 4:
        # "May" and "March" alone are too often a name, a modal or a verb: want "in May"
        before = text[max(0, c.start - 30) : c.start]
        if prev not in _YEAR_PREPS and not re.search(
            r"(?:early|late|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of|of)[\s-]*$",
            before,
            re.IGNORECASE,
        ):
            return False
    if prev_raw and _capitalised(prev_raw) and prev not in _YEAR_PREPS:
        if not _sentence_initial(text, c.start - len(prev_raw) - 1) or prev_raw.endswith("."):
            return False  # "Theresa May", "Prime Minister May"
    nxt = _word_after(text, c.end)
    if nxt and _capitalised(nxt) and low in ("may", "june", "april", "august"):
        # a first name followed by a surname: "June Carter"
        if not re.match(r"\s*[,.;:]", text[c.end :]):
            return False
    return True


def _check_year(text: str, c: _Cand) -> bool:
    y = int(c.g["y"] or 0)
    before_char = text[c.start - 1] if c.start > 0 else " "
    if before_char.isalnum() or before_char in "$£€¥#/.,_'’":
        return False
    if before_char in "-–" and not text[max(0, c.start - 4) : c.start].lower() == "mid-":
        return False
    prev = _prev(text, c.start)
    if prev in _NOT_YEAR_BEFORE or re.fullmatch(r"[\d,.]+", prev or "x"):
        return False
    if _next(text, c.end) in _COUNT_NOUNS:
        return False
    before = _word_before(text, c.start)
    if _capitalised(before) and _capitalised(_word_after(text, c.end)) and prev not in _YEAR_PREPS:
        if not before.endswith(".") and prev not in _MONTHS:
            return False  # a name: "Russell 2000 Index", "Windows 2000 Server"
    if 1900 <= y <= 2049:
        return True
    return prev in _YEAR_PREPS and y >= 1000


def _check_apos_year(text: str, c: _Cand) -> bool:
    prev = _prev(text, c.start)
    return prev in _YEAR_PREPS or prev in _MONTHS or prev in ("class", "the")


def _check_decade(text: str, c: _Cand) -> bool:
    if c.g.get("d3") is None:
        return True
    # a bare "80s" is a decade only after "the" or in a list of decades ("70s and 80s")
    prev = _prev(text, c.start)
    if prev in ("their", "his", "her", "its", "my", "our", "your"):
        return False
    return text[c.start : c.start + 4].lower() == "the " or prev in ("and", "or", "to", "the")


# Named days that are not the weekday of the week in question: "Black Monday".
_NAMED_DAYS = frozenset(
    "black cyber super ash good easter bloody holy maundy shrove palm blue giving whit".split()
)


def _check_weekday(text: str, c: _Cand) -> bool:
    if c.g.get("rel"):
        return True
    prev = _word_before(text, c.start)
    return not (_capitalised(prev) and prev.lower() in _NAMED_DAYS)


def _check_season(text: str, c: _Cand) -> bool:
    s = (c.g.get("s") or "").lower()
    rel = re.sub(r"\s+", " ", (c.g.get("rel") or "").lower())
    has_year = bool(c.g.get("y"))
    if s == "fall" and not (rel in ("this", "last", "next", "early", "late") or has_year):
        # "fall" is a verb or a drop far more often than a season
        if not (rel == "the" and _prev(text, c.start) in ("in", "during", "by", "until", "since")):
            return False
    word = re.search(r"spring|summer|autumn|fall|winter", text[c.start : c.end], re.IGNORECASE)
    if word and _capitalised(word.group(0)) and not has_year and not rel:
        prev = _word_before(text, c.start)
        named_after = _capitalised(_word_after(text, c.end))
        named_before = _capitalised(prev) and not prev.endswith(".")
        if named_after or (named_before and not _sentence_initial(text, c.start)):
            return False  # "Summer Olympics", "Arab Spring"
    if rel == "the" and not has_year:
        return _next(text, c.end) != "of"
    return True


def _check_deictic(text: str, c: _Cand) -> bool:
    word = text[c.start : c.end]
    if word[:1].isupper() and not _sentence_initial(text, c.start):
        prev = _word_before(text, c.start)
        return not _capitalised(prev)  # "USA Today", "NBC's TODAY"
    return True


def _check_ref(text: str, c: _Cand) -> bool:
    w = re.sub(r"\s+", " ", (c.g.get("w") or "").lower())
    prev = _prev(text, c.start)
    nxt = _next(text, c.end)
    if w == "soon" and (prev == "as" or nxt in ("as", "after", "thereafter")):
        return False  # "as soon as" is a conjunction
    if w == "current" and nxt in ("account", "accounts", "affairs", "events", "flow", "flows"):
        return False
    return not (w == "the past" and nxt in ("tense", "participle", "perfect"))


def _check_duration(text: str, c: _Cand) -> bool:
    num = re.sub(r"\s+", " ", (c.g.get("num") or "").lower())
    unit = (c.g.get("unit") or "").lower()
    if num in ("a", "an", "one", "single") and unit in ("second", "sec", "min"):
        return False  # "a second time" is an ordinal
    if unit == "quarter" and num in ("a", "an", "one", "three"):
        # a fraction ("a quarter of the staff", "three quarters") unless of a century
        if not re.match(r"\s+(?:of\s+an?\s+)?century", text[c.end : c.end + 20]):
            return False
    if unit == "night" and not c.g.get("pl"):
        return False
    if (c.g.get("suf") or "").lower() == "old" or _next(text, c.end) == "old":
        return False  # ages
    return text[max(0, c.start - 1) : c.start] not in ("$", "£", "€")


_VAGUE_DUR_BEFORE = frozenset(
    """for in within after over during took take takes taking lasted last just only mere been
    spent""".split()
)


def _check_vague(text: str, c: _Cand) -> bool:
    if c.g.get("suf"):
        return True  # "years ago", "seconds later"
    det = (c.g.get("det") or "").lower()
    if text[c.end - 5 : c.end].lower() == "-long":
        return True
    if det and det != "the":
        return True
    prev = _prev(text, c.start)
    # bare plural units are times only after a preposition: "for years", "within minutes"
    if det == "the":
        return prev in ("over", "through", "across", "during")
    return prev in _VAGUE_DUR_BEFORE


_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*(?:%|bn|m|k|billion|million|thousand|percent|per\s+cent|[a-z]+s)?"
    r"|twice|once|times|dollars|euros|pounds|hours|days)\s*$",
    re.IGNORECASE,
)


def _check_set(text: str, c: _Cand) -> bool:
    g = c.g
    per = (g.get("per") or "").lower()
    if per in ("a", "an") and not _RATE_BEFORE.search(text, max(0, c.start - 24), c.start):
        return False  # "$5bn a year", "15 a year": a rate needs a quantity just before it
    w = g.get("w")
    if w is not None and _capitalised(w) and not _sentence_initial(text, c.start):
        return False  # "the Daily Telegraph"
    if g.get("wdpl") is not None:
        return _prev(text, c.start) in ("on", "every", "most", "some", "all")
    return True


_POSITION_OF = re.compile(
    r"\b(?:end|beginning|start|middle|close|turn|rest|remainder|course)\s+of\s+$", re.IGNORECASE
)


def _check_rel_unit(text: str, c: _Cand) -> bool:
    rel = re.sub(r"\s+", " ", (c.g.get("rel") or "").lower().strip())
    unit = (c.g.get("u") or "").lower().replace("-", "")
    if unit == "time":
        return rel in ("that", "that same")
    if rel == "the":
        # "the day" (MEANTIME: "end the day", "for the day") and "the weekend"; "the week"
        # and "the year" alone are too often generic, but not after "the end of"
        if unit not in ("day", "weekend"):
            return bool(_POSITION_OF.search(text, max(0, c.start - 30), c.start))
        return unit != "day" or _next(text, c.end) not in ("of", "when", "that", "-", "before")
    if rel in ("the last", "the past") and unit in ("morning", "afternoon", "evening", "night"):
        return False
    return not _title_case_name(text, c)


def _title_case_name(text: str, c: _Cand) -> bool:
    """Capitalised in mid-sentence, so part of a name: "This Week", "Morning Joe"."""
    words = re.findall(r"[A-Za-z]+", text[c.start : c.end])
    if not words or not words[-1][:1].isupper() or _sentence_initial(text, c.start):
        return False
    return all(w[:1].isupper() for w in words)


def _check_pod(text: str, c: _Cand) -> bool:
    if _title_case_name(text, c):
        return False
    pod = (c.g.get("pod") or "").lower()
    if c.g.get("mod") or text[c.start : c.start + 4].lower() in ("the ", "over"):
        return True
    if pod in ("night", "overnight"):
        return False  # "at night", "overnight" are generic
    return _prev(text, c.start) not in ("good", "this", "that")


def _check_numeric(text: str, c: _Cand) -> bool:
    a, b = int(c.g["a"] or 0), int(c.g["b"] or 0)
    return 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)


def _range_years(g: dict[str, str | None]) -> tuple[int, int]:
    y1 = int(g["y1"] or 0)
    y2s = g["y2"] or "0"
    return y1, int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)


def _check_year_range(text: str, c: _Cand) -> bool:
    y1, y2 = _range_years(c.g)
    if not (1900 <= y1 <= 2049) or y2 <= y1 or y2 - y1 > 50:
        return False
    return _next(text, c.end) not in _COUNT_NOUNS


_CLOCK_CUES = frozenset(
    """at by from until till to around about before after since past between and
    approximately""".split()
)
_DATE_BEFORE = re.compile(
    r"(?:\d{4}|\d{1,2}(?:st|nd|rd|th)?|today|yesterday|tomorrow|day)\s*[,.]?\s*$", re.IGNORECASE
)


def _check_clock(text: str, c: _Cand) -> bool:
    g = c.g
    if g.get("sep") == "." and not g.get("ap") and not g.get("tz"):
        return False  # "3.45" alone is a number
    if g.get("h") is not None and not (g.get("ap") or g.get("tz")):
        # "14:30" alone may be a video's length, a score or a ratio: want "at 14:30", a date
        # just before ("June 9, 2023, 14:30") or the start of a line (a transcript's dateline)
        if c.g.get("mod"):
            return True
        if _prev(text, c.start) in _CLOCK_CUES or text[max(0, c.start - 1) : c.start] in ("\n", ""):
            return True
        return bool(_DATE_BEFORE.search(text, max(0, c.start - 40), c.start))
    return True


def _check_quarter(text: str, c: _Cand) -> bool:
    return _next(text, c.end) != "of" or bool(c.g.get("y") or c.g.get("rel"))


def _check_q_abbr(text: str, c: _Cand) -> bool:
    return text[c.start] == "Q"


_CHECKS: dict[str, Callable[[str, _Cand], bool]] = {
    "year": _check_year,
    "apos_year": _check_apos_year,
    "decade": _check_decade,
    "weekday": _check_weekday,
    "deictic": _check_deictic,
    "season": _check_season,
    "ref": _check_ref,
    "duration": _check_duration,
    "vague_dur": _check_vague,
    "set": _check_set,
    "rel_unit": _check_rel_unit,
    "pod": _check_pod,
    "numeric": _check_numeric,
    "year_range": _check_year_range,
    "clock": _check_clock,
    "quarter": _check_quarter,
    "q_abbr": _check_q_abbr,
}


def _with_modifier(text: str, c: _Cand) -> _Cand:
    """Take a position modifier ("early", "the end of", "late on") into the span."""
    m = _MOD_PREFIX.search(text, max(0, c.start - 40), c.start)
    if m is None or m.end() != c.start:
        return c
    mod = m.group(0)
    if mod.strip().lower() in ("just", "about", "around") and c.kind not in ("clock", "year"):
        return c
    return _Cand(m.start(), c.end, c.kind, c.g, c.rank, c.parts)


def _merge(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Join a day and a time of day into one TIME: "June 9, 2023, 14:30", "12:00 UTC Monday",
    "late into the night on Wednesday, April 5th"."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if i + 1 < len(cands):
            d = cands[i + 1]
            gap = text[c.end : d.start]
            if _BLANK_LINE.search(gap):
                out.append(c)
                i += 1
                continue
            if (
                _is_dayish(c)
                and d.kind in _CLOCKISH
                and re.fullmatch(r"\s*(?:,\s*)?(?:at\s+|in\s+the\s+)?", gap)
            ):
                out.append(_Cand(c.start, d.end, "datetime", {}, 0, (c, d)))
                i += 2
                continue
            # "12:00 UTC Monday", "14:30 on June 9"; after a comma the date stands alone
            joins = r"\s+(?:on\s+|of\s+)?" if c.kind == "clock" else r"\s+(?:on|of)\s+"
            if c.kind in _CLOCKISH and _is_dayish(d) and re.fullmatch(joins, gap):
                out.append(_Cand(c.start, d.end, "datetime", {}, 0, (d, c)))
                i += 2
                continue
            if c.kind == "clock" and _is_dayish(d) and re.fullmatch(r"\s*,\s*", gap):
                # "at 16:15 UTC, June 1st": two expressions, the clock on the day after it
                out.append(_Cand(c.start, c.end, c.kind, c.g, c.rank, (d,)))
                i += 1
                continue
        out.append(c)
        i += 1
    return out


def _is_dayish(c: _Cand) -> bool:
    if c.kind in ("weekday", "deictic"):
        return not c.g.get("pod") and not c.g.get("pl")
    if c.kind in ("mdy", "dmy"):
        return not c.g.get("d2")
    if c.kind == "iso":
        return not c.g.get("h")
    if c.kind == "rel_unit":
        return (c.g.get("u") or "").lower() == "day"
    return c.kind in ("numeric", "holiday", "anaphor") and (c.g.get("u") or "day").lower() == "day"


# --------------------------------------------------------------------------------------------
# resolution


@dataclass(slots=True)
class _Val:
    type: TimeType
    value: str
    anchor: TimeAnchor


@dataclass(slots=True)
class _Prev:
    day: date
    value: str
    start: int
    sentence: int
    paragraph: int


@dataclass
class _Ctx:
    doc: Doc
    text: str
    ref: date | None
    ref_anchor: TimeAnchor
    sent_starts: list[int] = field(default_factory=list)
    para_starts: list[int] = field(default_factory=list)
    prev: _Prev | None = None
    prev_any: _Prev | None = None  # the last time at any granularity
    _tense_cache: dict[tuple[int, int], Tense] = field(default_factory=dict)

    def sentence_of(self, pos: int) -> int:
        return _bisect(self.sent_starts, pos)

    def paragraph_of(self, pos: int) -> int:
        return _bisect(self.para_starts, pos)

    def previous(self, start: int, max_sentences: int = 3, coarse: bool = False) -> _Prev | None:
        """The last day-level time before ``start`` in the same passage: at most a few
        sentences back, in this paragraph or the one before. ``coarse``: the last time of any
        granularity anywhere before ("the following year" follows the last year named)."""
        p = self.prev_any if coarse else self.prev
        if p is None:
            return None
        if coarse:
            return p
        if self.paragraph_of(start) - p.paragraph > 1:
            return None
        if self.sentence_of(start) - p.sentence > max_sentences:
            return None
        return p

    def tense(self, start: int, end: int) -> Tense:
        key = (start, end)
        if key not in self._tense_cache:
            self._tense_cache[key] = _tense_at(self.doc, self.text, start, end)
        return self._tense_cache[key]


def _bisect(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _reference(document: Document) -> tuple[date | None, TimeAnchor]:
    dl = document.dateline
    if dl is not None and dl.date:
        d = _parse_iso_date(dl.date)
        if d is not None:
            return d, "dateline"
    if document.published:
        d = _parse_iso_date(document.published)
        if d is not None:
            return d, "published"
    return None, "published"


def _parse_iso_date(s: str) -> date | None:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _num_value(s: str) -> float | None:
    """The number a duration counts; None for a vague one ("several")."""
    s = re.sub(r"\s+", " ", s.lower().strip())
    if s in _VAGUE_NUMBERS:
        return None
    if s in ("a couple of", "a couple", "couple of"):
        return 2
    if s == "a dozen":
        return 12
    if s in ("half a", "half an", "a half"):
        return 0.5
    m = re.fullmatch(r"(.+) and a half", s)
    if m:
        base = _num_value(m.group(1))
        return None if base is None else base + 0.5
    m = re.fullmatch(r"(a|one|two|three|four|five|six|seven|eight|nine) hundred", s)
    if m:
        return 100 * _NUMBER_WORDS[m.group(1)]
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    total = 0
    for part in re.split(r"[\s-]+", s):
        if part not in _NUMBER_WORDS:
            return None
        total += _NUMBER_WORDS[part]
    return total


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _duration_value(n: float | None, unit: str) -> str:
    code, timey, mult = _UNITS[unit]
    t = "T" if timey else ""
    if n is None:
        return f"P{t}X{_VAGUE_CODE.get(unit, code)}"
    if code == "Q":
        return f"P{_fmt(n * 3)}M" if n != int(n) else f"P{_fmt(n)}Q"
    return f"P{t}{_fmt(n * mult)}{code}"


def _unit_key(u: str) -> str:
    u = u.lower().replace("-", "")
    if u.endswith("s") and u[:-1] in _UNITS:
        u = u[:-1]
    return u


def _add_months(d: date, n: int) -> date:
    idx = d.year * 12 + d.month - 1 + n
    y, m = divmod(idx, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _at_granularity(d: date, unit: str) -> str:
    if unit in ("day", "night", "morning", "afternoon", "evening"):
        return d.isoformat()
    if unit in ("week", "fortnight"):
        return _week_value(d)
    if unit == "weekend":
        return _week_value(d) + "-WE"
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit in ("century", "centurie"):
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def _shift(d: date, unit: str, n: float) -> date:
    """``d`` moved by ``n`` units (calendar units move by calendar steps)."""
    if unit in ("day", "night", "morning", "afternoon", "evening"):
        return d + timedelta(days=round(n))
    if unit in ("week", "weekend"):
        return d + timedelta(days=round(7 * n))
    if unit == "fortnight":
        return d + timedelta(days=round(14 * n))
    if unit == "month":
        return _add_months(d, round(n))
    if unit == "quarter":
        return _add_months(d, round(3 * n))
    if unit == "year":
        return _add_months(d, round(12 * n))
    if unit == "decade":
        return _add_months(d, round(120 * n))
    if unit in ("century", "centurie"):
        return _add_months(d, round(1200 * n))
    if unit in ("hour", "minute", "second", "hr", "min", "sec"):
        return d
    return d


_UNANCHORED = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}


def _unanchored(unit: str) -> str:
    return _UNANCHORED.get(unit, "XXXX-XX-XX")


def _pick_date(
    ref: date,
    month: int,
    day: int | None,
    direction: Tense,
    weekday: int | None = None,
    months: int = 1,
) -> date | None:
    """The year for a year-less month (and day) that the reference and tense imply; a
    stretch of ``months`` months from ``month`` when there is no day (a quarter: 3)."""
    cands: list[tuple[date, date]] = []  # (start, end) of the day or stretch
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            if day is not None:
                d = date(y, month, day)
                cands.append((d, d))
            else:
                first = date(y, month, 1)
                cands.append((first, _add_months(first, months) - timedelta(days=1)))
        except ValueError:
            continue
    if not cands:
        return None
    if weekday is not None and day is not None:
        fitting = [c for c in cands if c[0].weekday() == weekday]
        if len(fitting) == 1:
            return fitting[0][0]
    if direction == "past":
        past = [c for c in cands if c[0] <= ref + timedelta(days=1)]
        if past:
            return max(past)[0]
    elif direction == "future":
        future = [c for c in cands if c[1] >= ref]
        if future:
            return min(future)[0]

    def dist(c: tuple[date, date]) -> int:
        if c[0] <= ref <= c[1]:
            return 0
        return min(abs((c[0] - ref).days), abs((c[1] - ref).days))

    # the nearest; on a tie the earlier, since news reports more than it forecasts
    return min(cands, key=lambda c: (dist(c), c[0] > ref))[0]


def _pick_weekday(ref: date, wd: int, direction: Tense, rel: str) -> date:
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return ref - timedelta(days=back or 7)
    if rel in ("next", "coming", "following"):
        return ref + timedelta(days=ahead or 7)
    if rel == "this":
        return ref - timedelta(days=ref.weekday()) + timedelta(days=wd)
    if direction == "future":
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def _month_num(s: str) -> int:
    return _MONTHS[s.lower().rstrip(".")]


def _year_of(s: str, ref: date | None) -> int:
    s = s.strip("'’")
    if len(s) == 2:
        yy = int(s)
        # two-digit years: the century that puts the year closest to the reference's past
        base = ref.year if ref else 2000
        y = (base // 100) * 100 + yy
        if y > base + 10:
            y -= 100
        return y
    return int(s)


def _direction(ctx: _Ctx, c: _Cand) -> Tense:
    tense = ctx.tense(c.start, c.end)
    prev = _prev(ctx.text, c.start)
    if prev == "since":
        return "past"
    if prev in ("until", "till", "through", "by", "before", "to"):
        # the date is an end point, not the event: "was delayed until July 2" may look
        # forward from a past report; "has kept markets closed until Friday" does
        if tense in ("perfect", "present"):
            return "future"
        if tense == "past":
            return None
    if tense == "perfect":
        return "past"
    if tense == "present":
        return None
    return tense


def _rel_sign(rel: str, unit: str = "") -> tuple[int, str]:
    """Offset and what it counts from for a relative determiner."""
    rel = re.sub(r"\s+", " ", rel.lower().strip())
    table = {
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
    if rel.startswith(("a ", "an ")):
        return 0, "prev"
    if rel == "the" and unit == "day":
        return 0, "prev"  # "ended the day higher": the day the passage is about
    return table.get(rel, (0, "ref"))


def _resolve(c: _Cand, ctx: _Ctx) -> _Val | None:
    fn = _RESOLVERS.get(c.kind)
    return fn(c, ctx) if fn is not None else None


def _base(ctx: _Ctx, c: _Cand, source: str, coarse: bool = False) -> tuple[date | None, TimeAnchor]:
    """The day a relative expression counts from: the previous time or the reference.

    ``coarse`` expressions ("the previous year", "the same month") may count from a previous
    time of any granularity; day-level ones ("the next day") only from a previous day."""
    if source == "prev":
        p = ctx.previous(c.start, coarse=coarse)
        if p is not None:
            return p.day, "previous"
    return ctx.ref, ctx.ref_anchor


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _value_date(v: str) -> date | None:
    """The first day of the time a TIMEX3 date value names (None where it names no year)."""
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q([1-4])|-W(\d\d)|-H([12])|-(SP|SU|FA|WI))?", v)
    if m is None:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            return date(y, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            return date(y, int(m.group(2)), 1)
        if m.group(4):
            return date(y, 3 * int(m.group(4)) - 2, 1)
        if m.group(5):
            return date.fromisocalendar(y, int(m.group(5)), 1)
        if m.group(6):
            return date(y, 1 if m.group(6) == "1" else 7, 1)
        if m.group(7):
            return date(y, _SEASON_START[m.group(7)], 1)
        return date(y, 1, 1)
    except ValueError:
        return None


def _r_iso(c: _Cand, ctx: _Ctx) -> _Val | None:
    g = c.g
    try:
        d = date(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0))
    except ValueError:
        return None
    if g.get("h"):
        return _Val("TIME", f"{d.isoformat()}T{g['h']}:{g['mi']}{g.get('z') or ''}", "absolute")
    return _Val("DATE", d.isoformat(), "absolute")


def _r_numeric(c: _Cand, ctx: _Ctx) -> _Val | None:
    g = c.g
    a, b = int(g["a"] or 0), int(g["b"] or 0)
    if g.get("s") == "." or a > 12:
        day, month = a, b  # European order where it must be, or with dots
    else:
        month, day = a, b
    try:
        d = date(_year_of(g["y"] or "", ctx.ref), month, day)
    except ValueError:
        return None
    return _Val("DATE", d.isoformat(), "absolute")


def _day_num(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))  # type: ignore[union-attr]


def _r_mdy(c: _Cand, ctx: _Ctx) -> _Val | None:
    g = c.g
    month = _month_num(g["mon"] or "")
    day = _day_num(g["d"] or "")
    month2 = _month_num(g["mon2"]) if g.get("mon2") else month
    day2 = _day_num(g["d2"]) if g.get("d2") else None
    wd = _WEEKDAYS.get((g.get("wd") or "").lower().rstrip("."))
    if g.get("y"):
        year = _year_of(g["y"] or "", ctx.ref)
        anchor: TimeAnchor = "absolute"
    elif ctx.ref is not None:
        picked = _pick_date(ctx.ref, month, day, _direction(ctx, c), wd)
        if picked is None:
            return None
        year, anchor = picked.year, ctx.ref_anchor
    else:
        return _unanchored_day(month, day, month2, day2)
    try:
        d1 = date(year, month, day)
        if day2 is None:
            return _Val("DATE", d1.isoformat(), anchor)
        y2 = year + 1 if month2 < month else year
        d2 = date(y2, month2, day2)
    except ValueError:
        return None
    if d2 <= d1:
        return _Val("DATE", d1.isoformat(), anchor)
    return _Val("DATE", f"{d1.isoformat()}/{d2.isoformat()}", anchor)


def _unanchored_day(month: int, day: int, month2: int, day2: int | None) -> _Val:
    v = f"XXXX-{month:02d}-{day:02d}"
    if day2 is not None:
        v += f"/XXXX-{month2:02d}-{day2:02d}"
    return _Val("DATE", v, "absolute")


def _r_my(c: _Cand, ctx: _Ctx) -> _Val | None:
    g = c.g
    y = _year_of(g["y"] or "", ctx.ref)
    m1 = _month_num(g["mon"] or "")
    if g.get("mon2"):
        m2 = _month_num(g["mon2"] or "")
        if m2 > m1:
            return _Val("DATE", f"{y:04d}-{m1:02d}/{y:04d}-{m2:02d}", "absolute")
    return _Val("DATE", f"{y:04d}-{m1:02d}", "absolute")


def _r_m_rel(c: _Cand, ctx: _Ctx) -> _Val | None:
    month = _month_num(c.g["mon"] or "")
    off, source = _rel_sign(c.g["rel"] or "")
    base, anchor = _base(ctx, c, source)
    if base is None:
        return _Val("DATE", f"XXXX-{month:02d}", "absolute")
    return _Val("DATE", f"{base.year + off:04d}-{month:02d}", anchor)


def _r_month(c: _Cand, ctx: _Ctx) -> _Val | None:
    month = _month_num(c.g["mon"] or "")
    rel = re.sub(r"\s+", " ", (c.g.get("rel") or "").lower())
    if ctx.ref is None:
        return _Val("DATE", f"XXXX-{month:02d}", "absolute")
    ref = ctx.ref
    if rel in ("last", "past", "the past", "the previous"):
        y = ref.year if month < ref.month else ref.year - 1
    elif rel in ("next", "coming", "the coming", "the following"):
        y = ref.year if month > ref.month else ref.year + 1
    elif rel == "this":
        y = ref.year
    else:
        picked = _pick_date(ref, month, None, _direction(ctx, c))
        if picked is None:
            return None
        y = picked.year
    return _Val("DATE", f"{y:04d}-{month:02d}", ctx.ref_anchor)


def _r_week_of(c: _Cand, ctx: _Ctx) -> _Val | None:
    g = c.g
    month = _month_num(g["mon"] or "")
    if g.get("y"):
        year, anchor = int(g["y"] or 0), "absolute"
    elif ctx.ref is not None:
        picked = _pick_date(ctx.ref, month, None, _direction(ctx, c))
        if picked is None:
            return None
        year, anchor = picked.year, ctx.ref_anchor
    else:
        return _Val("DATE", "XXXX-WXX", "absolute")
    last = calendar.monthrange(year, month)[1]
    ordinal = (g.get("ord") or "").lower()
    day = {"first": 4, "second": 11, "third": 18, "fourth": 25}.get(ordinal, last - 3)
    d = date(year, month, min(day, last))
    suffix = "-WE" if (g.get("u") or "").lower() == "weekend" else ""
    return _Val("DATE", _week_value(d) + suffix, anchor)  # type: ignore[arg-type]


def _r_year_range(c: _Cand, ctx: _Ctx) -> _Val | None:
    y1 = int(c.g["y1"] or 0)
    y2s = c.g["y2"] or ""
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    return _Val("DATE", f"{y1:04d}/{y2:04d}", "absolute")


def _r_decade(c: _Cand, ctx: _Ctx) -> _Val | None:
    g = c.g
    if g.get("c"):
        return _Val("DATE", f"{g['c']}{g['d']}", "absolute")
    d = int(g.get("d2") or g.get("d3") or 0)
    if ctx.ref is None:
        return _Val("DATE", f"XX{d}", "absolute")
    century = ctx.ref.year // 100
    if d * 10 > ctx.ref.year % 100:
        century -= 1
    return _Val("DATE", f"{century}{d}", ctx.ref_anchor)


_ORDINALS = {
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


def _r_century(c: _Cand, ctx: _Ctx) -> _Val | None:
    n = c.g["n"] or ""
    k = int(n) if n.isdigit() else _ORDINALS.get(n.lower(), 0)
    if not 1 <= k <= 22:
        return None
    return _Val("DATE", f"{k - 1:02d}", "absolute")


def _r_year(c: _Cand, ctx: _Ctx) -> _Val | None:
    return _Val("DATE", f"{int(c.g['y'] or 0):04d}", "absolute")


def _r_apos_year(c: _Cand, ctx: _Ctx) -> _Val | None:
    y = _year_of(c.g["yy"] or "", ctx.ref)
    return _Val("DATE", f"{y:04d}", "absolute" if ctx.ref is None else ctx.ref_anchor)


def _r_fiscal(c: _Cand, ctx: _Ctx) -> _Val | None:
    y = c.g.get("y") or c.g.get("y3") or ""
    if len(y) == 2:
        y = str(_year_of(y, ctx.ref))
    return _Val("DATE", f"FY{y}", "absolute")


def _quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _r_quarter(c: _Cand, ctx: _Ctx) -> _Val | None:
    g = c.g
    ordinal = (g.get("ord") or "").lower()
    y = g.get("y") or g.get("y2")
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    if ordinal == "last" and not y and not rel:
        # "the last quarter": the latest finished one
        if ctx.ref is None:
            return _Val("DATE", "XXXX-QX", "absolute")
        d = _add_months(ctx.ref, -3)
        return _Val("DATE", f"{d.year}-Q{_quarter_of(d)}", ctx.ref_anchor)
    q = 4 if ordinal in ("final", "last") else _ORDINALS.get(ordinal, 0)
    if not 1 <= q <= 4:
        return None
    if y:
        return _Val("DATE", f"{y}-Q{q}", "absolute")
    if rel:
        off, source = _rel_sign(rel if rel != "the" else "this")
        base, anchor = _base(ctx, c, source)
        if base is None:
            return _Val("DATE", f"XXXX-Q{q}", "absolute")
        return _Val("DATE", f"{base.year + off}-Q{q}", anchor)
    if ctx.ref is None:
        return _Val("DATE", f"XXXX-Q{q}", "absolute")
    ref = ctx.ref
    direction = _direction(ctx, c)
    current = _quarter_of(ref)
    if direction == "future":
        year = ref.year if q >= current else ref.year + 1
    elif direction == "past":
        # results are reported for quarters that have ended, so a past mention of the current
        # quarter or a later one is last year's
        year = ref.year if q < current else ref.year - 1
    else:
        picked = _pick_date(ref, 3 * q - 2, None, None, months=3)
        year = picked.year if picked is not None else ref.year
    return _Val("DATE", f"{year}-Q{q}", ctx.ref_anchor)


def _r_q_abbr(c: _Cand, ctx: _Ctx) -> _Val | None:
    q = int(c.g["q"] or 0)
    y = c.g.get("y")
    if y:
        return _Val("DATE", f"{_year_of(y, ctx.ref)}-Q{q}", "absolute")
    return _r_quarter(
        _Cand(c.start, c.end, "quarter", {"ord": ["", "first", "second", "third", "fourth"][q]}),
        ctx,
    )


def _r_half(c: _Cand, ctx: _Ctx) -> _Val | None:
    g = c.g
    h = 1 if (g.get("ord") or "").lower() in ("first", "1st") else 2
    if g.get("y"):
        return _Val("DATE", f"{g['y']}-H{h}", "absolute")
    off, _ = _rel_sign(g.get("rel") or "this")
    if ctx.ref is None:
        return _Val("DATE", f"XXXX-H{h}", "absolute")
    return _Val("DATE", f"{ctx.ref.year + off}-H{h}", ctx.ref_anchor)


def _r_season(c: _Cand, ctx: _Ctx) -> _Val | None:
    g = c.g
    code, start_month = _SEASONS[(g.get("s") or "").lower()]
    if g.get("y"):
        return _Val("DATE", f"{g['y']}-{code}", "absolute")
    if ctx.ref is None:
        return _Val("DATE", f"XXXX-{code}", "absolute")
    ref = ctx.ref
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    # seasons as three-month stretches from their start month; winter belongs to its December
    starts = [date(y, start_month, 1) for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)]
    current = [s for s in starts if s <= ref < _add_months(s, 3)]
    if rel in ("last", "the past"):
        past = [s for s in starts if _add_months(s, 3) <= ref]
        chosen = max(past)
    elif rel in ("next", "the coming"):
        chosen = min(s for s in starts if s > ref)
    elif current:
        chosen = current[0]
    else:
        direction = _direction(ctx, c)
        if direction == "past":
            chosen = max(s for s in starts if s <= ref)
        elif direction == "future":
            chosen = min(s for s in starts if s > ref)
        else:
            chosen = min(starts, key=lambda s: abs((s - ref).days))
    return _Val("DATE", f"{chosen.year}-{code}", ctx.ref_anchor)


def _r_same_period(c: _Cand, ctx: _Ctx) -> _Val | None:
    prev = ctx.previous(c.start, coarse=True)
    if c.g.get("y"):
        y = c.g["y"]
        if prev is not None:
            return _Val("DATE", f"{y}{prev.value[4:]}", "previous")
        return _Val("DATE", f"{y}", "absolute")
    if prev is not None:
        return _Val("DATE", f"{int(prev.value[:4]) - 1:04d}{prev.value[4:]}", "previous")
    if ctx.ref is None:
        return _Val("DATE", "XXXX", "absolute")
    return _Val("DATE", f"{ctx.ref.year - 1:04d}", ctx.ref_anchor)


def _r_weekday(c: _Cand, ctx: _Ctx) -> _Val | None:
    g = c.g
    wd = _WEEKDAYS[(g["wd"] or "").lower()]
    if g.get("pl"):
        return _Val("SET", f"XXXX-WXX-{wd + 1}", "absolute")
    pod = _POD.get((g.get("pod") or "").lower())
    if ctx.ref is None:
        v = f"XXXX-WXX-{wd + 1}"
        return _Val("TIME" if pod else "DATE", v + (f"T{pod}" if pod else ""), "absolute")
    rel = (g.get("rel") or "").lower()
    d = _pick_weekday(ctx.ref, wd, _direction(ctx, c) if not rel else None, rel)
    if pod:
        return _Val("TIME", f"{d.isoformat()}T{pod}", ctx.ref_anchor)
    return _Val("DATE", d.isoformat(), ctx.ref_anchor)


def _r_deictic(c: _Cand, ctx: _Ctx) -> _Val | None:
    w = re.sub(r"\s+", " ", (c.g.get("w") or "").lower())
    offset = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[w]
    pod = _POD.get((c.g.get("pod") or "").lower()) or ("NI" if w == "tonight" else None)
    if ctx.ref is None:
        if pod:
            return _Val("TIME", f"XXXX-XX-XXT{pod}", "absolute")
        return _Val("DATE", "XXXX-XX-XX", "absolute")
    d = ctx.ref + timedelta(days=offset)
    if pod:
        return _Val("TIME", f"{d.isoformat()}T{pod}", ctx.ref_anchor)
    return _Val("DATE", d.isoformat(), ctx.ref_anchor)


def _r_rel_unit(c: _Cand, ctx: _Ctx) -> _Val | None:
    rel = re.sub(r"\s+", " ", (c.g.get("rel") or "").lower().strip())
    unit = (c.g.get("u") or "").lower().replace("-", "")
    stretch = rel in ("the past", "the last") or (rel == "the next" and unit != "day")
    if unit in _UNITS and stretch:
        # "the past year" is a stretch of time, not a calendar year
        return _Val("DURATION", _duration_value(1, unit), "absolute")
    pod = _POD.get(unit)
    if pod:
        if rel == "last" and unit in ("night", "evening"):
            off, source = -1, "ref"
        elif rel in ("this", "the current"):
            off, source = 0, "ref"
        else:
            off, source = _rel_sign(rel)
        base, anchor = _base(ctx, c, source)
        if base is None:
            return _Val("TIME", f"XXXX-XX-XXT{pod}", "absolute")
        d = base + timedelta(days=off)
        typ: TimeType = "DATE" if rel == "this" else "TIME"
        return _Val(typ, f"{d.isoformat()}T{pod}", anchor)
    off, source = _rel_sign(rel, unit)
    if unit == "time":
        # "by that time": whatever time the passage last named
        prev = ctx.previous(c.start, coarse=True)
        if prev is not None:
            return _Val("DATE", prev.value, "previous")
        if ctx.ref is None:
            return _Val("DATE", "XXXX-XX-XX", "absolute")
        return _Val("DATE", ctx.ref.isoformat(), ctx.ref_anchor)
    if unit == "weekend" and rel in ("the", "this"):
        base, anchor = _base(ctx, c, "ref")
        if base is None:
            return _Val("DATE", "XXXX-WXX-WE", "absolute")
        direction = _direction(ctx, c)
        if base.weekday() >= 5 or direction == "future" or rel == "this":
            d = base
        else:
            d = base - timedelta(days=7)
        return _Val("DATE", _week_value(d) + "-WE", anchor)
    base, anchor = _base(ctx, c, source, coarse=unit != "day")
    if base is None:
        return _Val("DATE", _unanchored(unit), "absolute")
    d = _shift(base, unit, off)
    return _Val("DATE", _at_granularity(d, unit), anchor)


def _r_anaphor(c: _Cand, ctx: _Ctx) -> _Val | None:
    unit = (c.g.get("u") or "").lower()
    direction = (c.g.get("dir") or "").lower()
    off = -1 if direction in ("before", "previous", "prior", "earlier") else 1
    pod = _POD.get(unit)
    base, anchor = _base(ctx, c, "prev", coarse=unit in ("week", "month", "year"))
    if base is None:
        return _Val("DATE", _unanchored("day" if pod else unit), "absolute")
    d = _shift(base, "day" if pod else unit, off)
    if pod:
        return _Val("TIME", f"{d.isoformat()}T{pod}", anchor)
    return _Val("DATE", _at_granularity(d, unit), anchor)


def _clock_suffix(g: dict[str, str | None]) -> tuple[str, int] | None:
    """ "T14:30Z" and the day offset it implies (midnight belongs to the next day)."""
    noon = (g.get("noon") or "").lower()
    if noon:
        if noon == "midnight":
            return "T00:00", 1
        return "T12:00", 0
    ap = (g.get("ap") or g.get("ap2") or "").lower().replace(".", "").replace(" ", "")
    if g.get("h") is not None:
        h, mi = int(g["h"] or 0), int(g["mi"] or 0)
    elif g.get("h2") is not None:
        h, mi = int(g["h2"] or 0), 0
    elif g.get("h3") is not None:
        h, mi = int(g["h3"] or 0), int(g["mi3"] or 0)
    elif g.get("h4") is not None:
        h, mi = int(g["h4"] or 0), 0
    else:
        return None
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    tz = (g.get("tz") or "").upper()
    # an offset from GMT is local time, which a TIMEX3 value writes without a zone
    z = "Z" if tz in ("UTC", "GMT", "Z") and not g.get("off") else ""
    return f"T{h:02d}:{mi:02d}{z}", 0


def _r_clock(c: _Cand, ctx: _Ctx) -> _Val | None:
    suffix = _clock_suffix(c.g)
    if suffix is None:
        return None
    t, day_off = suffix
    base, anchor = _base(ctx, c, "prev")
    if c.parts:
        day = _resolve(c.parts[0], ctx)
        if day is not None and _DAY_VALUE.fullmatch(day.value):
            base, anchor = date.fromisoformat(day.value), day.anchor
    if base is None:
        return _Val("TIME", f"XXXX-XX-XX{t}", "absolute")
    return _Val("TIME", f"{(base + timedelta(days=day_off)).isoformat()}{t}", anchor)


def _r_pod(c: _Cand, ctx: _Ctx) -> _Val | None:
    pod = _POD[(c.g.get("pod") or "").lower()]
    base, anchor = _base(ctx, c, "prev")
    if base is None:
        return _Val("TIME", f"XXXX-XX-XXT{pod}", "absolute")
    return _Val("TIME", f"{base.isoformat()}T{pod}", anchor)


def _r_datetime(c: _Cand, ctx: _Ctx) -> _Val | None:
    day_part, time_part = c.parts
    dv = _resolve(day_part, ctx)
    if dv is None:
        return None
    day_value = dv.value.split("T")[0]
    if time_part.kind == "clock":
        suffix = _clock_suffix(time_part.g)
        if suffix is None:
            return dv
        t, day_off = suffix
    else:
        t, day_off = f"T{_POD[(time_part.g.get('pod') or '').lower()]}", 0
    if day_off and re.fullmatch(r"\d{4}-\d\d-\d\d", day_value):
        day_value = (date.fromisoformat(day_value) + timedelta(days=day_off)).isoformat()
    if not re.fullmatch(r"(?:\d{4}|XXXX)-(?:\d\d|XX|W\d\d|WXX)-(?:\d\d|XX|\d)", day_value):
        return dv
    return _Val("TIME", day_value + t, dv.anchor)


def _r_ref(c: _Cand, ctx: _Ctx) -> _Val | None:
    w = re.sub(r"\s+", " ", (c.g.get("w") or "").lower())
    if w in ("recently", "recent", "lately", "the past", "once upon a time"):
        return _Val("DATE", "PAST_REF", "absolute")
    if "future" in w or "term" in w or "ahead" in w or w in ("soon", "later"):
        return _Val("DATE", "FUTURE_REF", "absolute")
    return _Val("DATE", "PRESENT_REF", "absolute")


def _r_duration(c: _Cand, ctx: _Ctx) -> _Val | None:
    g = c.g
    unit = _unit_key(g["unit"] or "")
    if unit not in _UNITS:
        return None
    n = _num_value(g["num"] or "")
    if n is not None and g.get("half"):
        n += 0.5
    if n is None and (g["num"] or "").lower() in ("a", "an"):
        n = 1
    suf = re.sub(r"\s+", " ", (g.get("suf") or "").lower())
    if suf in ("ago", "back", "from now", "hence", "later", "earlier", "on") or (
        suf in ("before", "after") and re.match(r"\s*(?:[,.;:)!?]|$)", ctx.text[c.end : c.end + 2])
    ):
        if n is None:
            back = suf in ("ago", "back", "earlier", "before")
            return _Val("DATE", "PAST_REF" if back else "FUTURE_REF", "absolute")
        sign = -1 if suf in ("ago", "back", "earlier", "before") else 1
        source = "ref" if suf in ("ago", "back", "from now", "hence") else "prev"
        base, anchor = _base(ctx, c, source)
        gran = {"week": "day", "fortnight": "day", "hour": "day", "minute": "day", "second": "day"}
        if base is None:
            return _Val("DATE", _unanchored(gran.get(unit, unit)), "absolute")
        d = _shift(base, unit, sign * n)
        return _Val("DATE", _at_granularity(d, gran.get(unit, unit)), anchor)
    return _Val("DURATION", _duration_value(n, unit), "absolute")


def _r_vague_dur(c: _Cand, ctx: _Ctx) -> _Val | None:
    unit = _unit_key(c.g.get("unit") or "")
    if unit not in _UNITS:
        return None
    suf = (c.g.get("suf") or "").lower()
    if suf and _UNITS[unit][1]:
        # "seconds later", "hours earlier": still the day in question
        base, anchor = _base(ctx, c, "ref" if suf == "ago" else "prev")
        if base is None:
            return _Val("DATE", "XXXX-XX-XX", "absolute")
        return _Val("DATE", base.isoformat(), anchor)
    if suf:
        return _Val("DATE", "FUTURE_REF" if suf == "later" else "PAST_REF", "absolute")
    return _Val("DURATION", _duration_value(None, unit), "absolute")


def _r_adj_dur(c: _Cand, ctx: _Ctx) -> _Val | None:
    return _r_vague_dur(c, ctx)


def _r_intraday(c: _Cand, ctx: _Ctx) -> _Val | None:
    return _Val("DURATION", "P1D", "absolute")


def _r_set(c: _Cand, ctx: _Ctx) -> _Val | None:
    g = c.g
    if g.get("w"):
        return _Val("SET", _SET_WORDS[(g["w"] or "").lower()], "absolute")
    if g.get("wdpl"):
        return _Val("SET", f"XXXX-WXX-{_WEEKDAYS[(g['wdpl'] or '').lower()] + 1}", "absolute")
    unit_word = (g.get("unit") or g.get("unit2") or g.get("unit3") or "").lower()
    if unit_word in _WEEKDAYS:
        return _Val("SET", f"XXXX-WXX-{_WEEKDAYS[unit_word] + 1}", "absolute")
    if unit_word in _POD:
        return _Val("SET", f"XXXX-XX-XXT{_POD[unit_word]}", "absolute")
    if unit_word == "weekend":
        return _Val("SET", "XXXX-WXX-WE", "absolute")
    unit = _unit_key(unit_word)
    if unit not in _UNITS:
        return None
    n = _num_value(g["num"]) if g.get("num") else 1
    return _Val("SET", _duration_value(n if n is not None else 1, unit), "absolute")


def _easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(y, month, day + 1)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y, month, calendar.monthrange(y, month)[1])
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _holiday(name: str, y: int) -> date:
    name = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    fixed = {
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
    if name in fixed:
        return date(y, *fixed[name])
    if name.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 3, 4)
    if name.startswith(("labor", "labour")):
        return _nth_weekday(y, 9, 0, 1)
    if name.startswith("memorial"):
        return _nth_weekday(y, 5, 0, -1)
    easter = _easter(y)
    return {
        "good friday": easter - timedelta(days=2),
        "easter monday": easter + timedelta(days=1),
    }.get(name, easter)


def _r_holiday(c: _Cand, ctx: _Ctx) -> _Val | None:
    name = c.g.get("h") or ""
    if ctx.ref is None:
        d = _holiday(name, 2001)
        return _Val("DATE", f"XXXX-{d.month:02d}-{d.day:02d}", "absolute")
    ref = ctx.ref
    rel = (c.g.get("rel") or "").lower()
    cands = [_holiday(name, y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if rel == "last":
        d = max(x for x in cands if x < ref)
    elif rel == "next":
        d = min(x for x in cands if x > ref)
    elif rel == "this":
        d = cands[1]
    else:
        direction = _direction(ctx, c)
        if direction == "past":
            d = max(x for x in cands if x <= ref)
        elif direction == "future":
            d = min(x for x in cands if x >= ref)
        else:
            d = min(cands, key=lambda x: abs((x - ref).days))
    return _Val("DATE", d.isoformat(), ctx.ref_anchor)


_RESOLVERS: dict[str, Callable[[_Cand, _Ctx], _Val | None]] = {
    "iso": _r_iso,
    "numeric": _r_numeric,
    "mdy": _r_mdy,
    "dmy": _r_mdy,
    "my": _r_my,
    "m_rel": _r_m_rel,
    "month": _r_month,
    "week_of": _r_week_of,
    "year_range": _r_year_range,
    "decade": _r_decade,
    "century": _r_century,
    "year": _r_year,
    "apos_year": _r_apos_year,
    "fiscal": _r_fiscal,
    "quarter": _r_quarter,
    "q_abbr": _r_q_abbr,
    "half": _r_half,
    "season": _r_season,
    "same_period": _r_same_period,
    "weekday": _r_weekday,
    "deictic": _r_deictic,
    "rel_unit": _r_rel_unit,
    "anaphor": _r_anaphor,
    "clock": _r_clock,
    "pod": _r_pod,
    "datetime": _r_datetime,
    "ref": _r_ref,
    "duration": _r_duration,
    "vague_dur": _r_vague_dur,
    "adj_dur": _r_adj_dur,
    "intraday": _r_intraday,
    "set": _r_set,
    "holiday": _r_holiday,
}


# --------------------------------------------------------------------------------------------
# tense


def _tokens(doc: Doc, start: int, end: int) -> SpacySpan | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span


def _is_verb(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") or t.tag_ == "MD"


def _governor(t: Token) -> Token | None:
    """The nearest verb above ``t`` (``t`` itself if it is one)."""
    seen = 0
    while seen < 10:
        if _is_verb(t) and dep_role(t.dep_) not in ("auxiliary", "passive_auxiliary"):
            return t
        if t.head.i == t.i:
            return t if _is_verb(t) else None
        t = t.head
        seen += 1
    return None


def _verb_tense(v: Token, depth: int = 0) -> Tense:
    """past, future or present for the clause ``v`` heads; None when it cannot tell."""
    kids = list(v.children)
    aux = [
        c for c in kids if dep_role(c.dep_) in ("auxiliary", "passive_auxiliary") or c.tag_ == "MD"
    ]
    for c in aux:
        if c.lower_ in _FUTURE_WORDS:
            return "future"
        if c.lower_ in ("would", "could", "might", "may", "should", "must", "can"):
            # "would"/"may" look forward from their clause; "should"/"must" are not tense
            return "future" if c.lower_ in ("would", "may", "might", "could") else None
    if v.lemma_.lower() in _SCHEDULE_VERBS:
        return "future"  # what is scheduled, slated or due lies ahead
    head = v.head
    has_head = head.i != v.i and depth < 4
    role = dep_role(v.dep_)
    # "to be held": the passive "be" does not make a tensed clause
    tensed = [c for c in aux if c.lower_ not in ("be", "been", "being", "to")]
    infinitive = any(c.lower_ == "to" for c in kids) or "Inf" in v.morph.get("VerbForm")
    if infinitive and not tensed and has_head:
        if head.lemma_.lower() in _FUTURE_HEADS or head.lower_ in _FUTURE_HEADS:
            return "future"  # "plans to meet", "is due to sign"
        if head.lower_ in ("is", "are", "am", "'s", "'re"):
            return "future"  # "is to meet"
        if head.pos_ in ("NOUN", "PROPN"):
            # what is still to happen: "an event to be held on October 12", and the headline
            # future, "Russian markets to remain closed until Friday"
            return "future"
        if _is_verb(head) and role != "adverbial_clause":
            return _verb_tense(head, depth + 1)
        return None
    if role == "open_complement" and not tensed and has_head and _is_verb(head):
        return _verb_tense(head, depth + 1)  # "remain closed", "kept rising"
    for c in aux:
        if c.lower_ in ("going", "gon"):
            return "future"
        if c.lower_ in _PAST_AUX or "Past" in c.morph.get("Tense"):
            return "past"
        if c.lower_ in _PERFECT_AUX:
            return "perfect"  # the present perfect reports what has happened
    tense = v.morph.get("Tense")
    form = v.morph.get("VerbForm")
    if v.tag_ == "VBD" or ("Past" in tense and "Part" not in form):
        return "past"
    if v.tag_ == "VBN" or ("Past" in tense and "Part" in form):
        if tensed:
            return None
        if role in ("clausal_modifier", "adjective") and has_head:
            # a reduced relative shares the time of its clause ("kept markets closed until
            # Friday"), though what it reports happened before any plan ("the deal signed
            # on Monday will take effect")
            outer = _governor(head.head) if head.head.i != head.i else None
            inner = _verb_tense(outer, depth + 1) if outer is not None else None
            return "past" if inner in (None, "future") else inner
        return "past"  # a headline: "Markets closed on Monday"
    if v.tag_ == "VBG" or "Ger" in form or ("Pres" in tense and "Part" in form):
        if any(c.lower_ in ("was", "were") for c in aux):
            return "past"
        # "is meeting on Monday" may be a plan or what goes on now: not tense enough
        return None
    if v.tag_ in ("VBZ", "VBP") or "Pres" in tense:
        return "present"
    return None


def _tense_at(doc: Doc, text: str, start: int, end: int) -> Tense:
    span = _tokens(doc, start, end)
    if span is None:
        return _lexical_tense(text, start)
    if doc.has_annotation("DEP"):
        gov = _governor(span.root)
        if gov is not None:
            return _verb_tense(gov)
    if doc.has_annotation("TAG") or doc.has_annotation("MORPH"):
        return _window_tense(doc, span)
    return _lexical_tense(text, start)


def _window_tense(doc: Doc, span: SpacySpan) -> Tense:
    """Without a usable parse: the tense of the nearest verb before the expression."""
    lo = max(0, span.start - 12)
    if doc.has_annotation("SENT_START"):
        lo = max(lo, span.sent.start)
    for t in reversed(doc[lo : span.start]):
        if t.lower_ in _FUTURE_WORDS:
            return "future"
        if _is_verb(t):
            tense = _verb_tense(t)
            if tense is not None:
                return tense
    return None


_FUTURE_LEX = re.compile(
    r"\b(?:will|shall|won't|going\s+to|plans?\s+to|planned\s+to|expects?\s+to|expected\s+to"
    r"|scheduled|set\s+to|due\s+to|is\s+to|are\s+to|intends?\s+to|would)\b|['’]ll\b",
    re.IGNORECASE,
)


def _lexical_tense(text: str, start: int) -> Tense:
    """No tags at all: cue words in the clause before the expression."""
    lo = max(0, start - 80)
    window = text[lo:start]
    cut = max(window.rfind(". "), window.rfind("\n"))
    if cut >= 0:
        window = window[cut + 1 :]
    if _FUTURE_LEX.search(window):
        return "future"
    words = re.findall(r"[a-z]+", window.lower())
    if any(w in _LEXICAL_PAST or w in _PAST_AUX or w in _PERFECT_AUX for w in words):
        return "past"
    return None


# --------------------------------------------------------------------------------------------
# entry points


def _regions(document: Document) -> list[tuple[int, int]]:
    n = len(document.text)
    body = document.body
    if body is None:
        return [(0, n)]
    regions = [(body.start, body.end)]
    dl = document.dateline
    if dl is not None and not (body.start <= dl.span.start and dl.span.end <= body.end):
        regions.append((dl.span.start, dl.span.end))
    return sorted(regions)


def _boundaries(doc: Doc, text: str) -> tuple[list[int], list[int]]:
    paras = [0] + [m.end() for m in re.finditer(r"\n\s*", text)]
    if doc.has_annotation("SENT_START"):
        sents = [s.start_char for s in doc.sents]
    else:
        sents = [0] + [m.end() for m in re.finditer(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])", text)]
    return sents, paras


def extract_times(doc: Doc, document: Document) -> list[Time]:
    """The temporal expressions of ``document`` (body and dateline), in text order."""
    text = document.text
    ref, ref_anchor = _reference(document)
    cands = _merge(text, _scan(text, _windows(doc, text, _regions(document))))
    if not cands:
        return []
    sents, paras = _boundaries(doc, text)
    ctx = _Ctx(doc, text, ref, ref_anchor, sents, paras)
    times: list[Time] = []
    for c in cands:
        try:
            v = _resolve(c, ctx)
        except (ValueError, OverflowError):
            v = None  # a date the calendar does not have ("February 30"): no time, not no record
        if v is None:
            continue
        times.append(
            Time(
                id=f"t{len(times) + 1}",
                span=Span.of(text, c.start, c.end),
                type=v.type,
                value=v.value,
                anchor=v.anchor,
            )
        )
        _note(ctx, c, v)
    return times


_DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


def _note(ctx: _Ctx, c: _Cand, v: _Val) -> None:
    """Remember the time as the reference for anaphora that follow."""
    if v.type in ("DURATION", "SET") or v.value.endswith("_REF"):
        return
    if v.value.startswith(("XXXX", "FY")):
        return
    para = ctx.paragraph_of(c.start)
    first = v.value.split("/")[0]
    start_day = _value_date(first)
    if start_day is not None:
        ctx.prev_any = _Prev(start_day, first, c.start, ctx.sentence_of(c.start), para)
    m = _DAY_VALUE.match(v.value)
    if m:
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return
        ctx.prev = _Prev(d, v.value, c.start, ctx.sentence_of(c.start), para)


def time_for(token_or_span: Token | SpacySpan, times: list[Time], doc: Doc) -> str | None:
    """The id of the time that governs a verb or clause, or None.

    A time governs a verb when the verb is the nearest verb above the expression in the
    parse ("met on Monday", "the talks on Monday were held"). Failing that, a verb shares the
    time of the verb it is coordinated with or complements ("met and agreed on Monday",
    "plans to meet on Monday"). Dates and times are preferred to durations and sets; among
    equals, the nearest. Without a parse, the nearest date or time in the same sentence.
    """
    if not times:
        return None
    if isinstance(token_or_span, SpacySpan):
        if len(token_or_span) == 0:
            return None
        anchor_tok = token_or_span.root
    else:
        anchor_tok = token_or_span
    placed = [(t, _tokens(doc, t.span.start, t.span.end)) for t in times]
    if doc.has_annotation("DEP"):
        verb = _governor(anchor_tok) or anchor_tok
        chain = [verb]
        if dep_role(verb.dep_) in ("conjunct", "open_complement") and verb.head.i != verb.i:
            chain.append(verb.head)
        for v in chain:
            hits = [(t, sp) for t, sp in placed if sp is not None and _same(_governor(sp.root), v)]
            if hits:
                return _best(hits, v.i)
        return None
    if doc.has_annotation("SENT_START"):
        sent = anchor_tok.sent
        hits = [
            (t, sp)
            for t, sp in placed
            if sp is not None and sent.start <= sp.start and sp.end <= sent.end
        ]
        return _best(hits, anchor_tok.i) if hits else None
    return None


def _same(a: Token | None, b: Token) -> bool:
    return a is not None and a.i == b.i


def _best(hits: Iterable[tuple[Time, SpacySpan | None]], i: int) -> str:
    def key(item: tuple[Time, SpacySpan | None]) -> tuple[int, int]:
        t, sp = item
        weak = t.type in ("DURATION", "SET") or t.value.endswith("_REF")
        dist = min(abs(sp.start - i), abs(sp.end - 1 - i)) if sp is not None else 10**6
        return (1 if weak else 0, dist)

    return min(hits, key=key)[0].id


__all__ = ["extract_times", "time_for"]


def _debug(text: str, published: str | None = None) -> list[dict[str, Any]]:
    """Times of a text with a blank tokenizer: a quick look from a shell."""
    import spacy

    nlp = spacy.blank("en")
    doc = nlp(text)
    document = Document(id="debug", source="debug", text=text, published=published)
    return [
        {"text": t.span.text, "type": t.type, "value": t.value, "anchor": t.anchor}
        for t in extract_times(doc, document)
    ]
