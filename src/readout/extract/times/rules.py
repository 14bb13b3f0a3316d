"""The rules of the times stage, one per kind of expression: its pattern, the words a
stretch of text must hold for the pattern to be worth running, the context check a match
must pass and the resolver that turns its groups into a TIMEX3 value.

The order of the table matters: where two candidates start together and are as long, the
earlier rule wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from readout.extract.times.candidate import Candidate
from readout.extract.times.checks import (
    check_apos_year,
    check_clock,
    check_dated_weekday,
    check_decade,
    check_deictic,
    check_duration,
    check_numeric,
    check_pod,
    check_q_abbr,
    check_quarter,
    check_ref,
    check_rel_unit,
    check_season,
    check_set,
    check_vague,
    check_weekday,
    check_year,
    check_year_range,
    no_check,
)
from readout.extract.times.context import Context, Value, relative_base
from readout.extract.times.dates import DAY_VALUE
from readout.extract.times.lexicon import (
    DAY_WORDS,
    MONTH_WORDS,
    POD,
    POD_WORDS,
    SMALL,
    TENS,
    UNIT_WORDS,
)
from readout.extract.times.resolve import (
    clock_suffix,
    r_adj_dur,
    r_anaphor,
    r_apos_year,
    r_century,
    r_decade,
    r_deictic,
    r_duration,
    r_fiscal,
    r_half,
    r_holiday,
    r_intraday,
    r_iso,
    r_m_rel,
    r_mdy,
    r_month,
    r_my,
    r_numeric,
    r_pod,
    r_q_abbr,
    r_quarter,
    r_ref,
    r_rel_unit,
    r_same_period,
    r_season,
    r_set,
    r_vague_dur,
    r_week_of,
    r_weekday,
    r_year,
    r_year_range,
)


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of expression. ``needs``: words one of which a stretch of text must hold for
    the pattern to be worth running there ("0": any digit). ``takes_modifier``: a position
    modifier just before a match ("early", "the end of", "late on") joins its span."""

    name: str
    pattern: re.Pattern[str]
    needs: tuple[str, ...]
    check: Callable[[str, Candidate], bool]
    resolve: Callable[[Candidate, Context], Value | None]
    takes_modifier: bool = False


# regular-expression pieces the patterns share
_MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_WD_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WD_ANY = rf"(?:{_WD_FULL}|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_NUMWORD = (
    rf"(?:(?:{'|'.join(TENS)})(?:[\s-](?:{'|'.join(SMALL[1:10])}))?"
    rf"|{'|'.join(sorted(SMALL[1:], key=len, reverse=True))})"
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
    r"|under|upwards\s+of|close\s+to|the\s+better\s+part\s+of|a\s+full)"
)
# focus adverbs ("just two weeks after", "only a year") stay outside the expression, as
# TimeML and MEANTIME draw it; "over the next four years": "over" is then a preposition
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


def _p(pattern: str) -> re.Pattern[str]:
    # no expression starts inside a word ("k-now", "A380")
    return re.compile(r"(?<!\w)(?:" + pattern + ")", re.IGNORECASE)


# The two resolvers that resolve a part through the table live here, with the table.


def _r_clock(c: Candidate, ctx: Context) -> Value | None:
    # the one part of a clock time is the day after it ("at 16:15 UTC, June 1st")
    suffix = clock_suffix(c.g)
    if suffix is None:
        return None
    t, day_off = suffix
    base, anchor = relative_base(ctx, c, "prev")
    if c.parts:
        day = resolve(c.parts[0], ctx)
        if day is not None and DAY_VALUE.fullmatch(day.value):
            base, anchor = date.fromisoformat(day.value), day.anchor
    if base is None:
        return Value("TIME", f"XXXX-XX-XX{t}", "absolute")
    return Value("TIME", f"{(base + timedelta(days=day_off)).isoformat()}{t}", anchor)


def _r_datetime(c: Candidate, ctx: Context) -> Value | None:
    day_part, time_part = c.parts
    dv = resolve(day_part, ctx)
    if dv is None:
        return None
    day_value = dv.value.split("T")[0]
    if time_part.kind == "clock":
        suffix = clock_suffix(time_part.g)
        if suffix is None:
            return dv
        t, day_off = suffix
    else:
        t, day_off = f"T{POD[(time_part.g.get('pod') or '').lower()]}", 0
    if day_off and re.fullmatch(r"\d{4}-\d\d-\d\d", day_value):
        day_value = (date.fromisoformat(day_value) + timedelta(days=day_off)).isoformat()
    if not re.fullmatch(r"(?:\d{4}|XXXX)-(?:\d\d|XX|W\d\d|WXX)-(?:\d\d|XX|\d)", day_value):
        return dv
    return Value("TIME", day_value + t, dv.anchor)


# Where candidates overlap, the longest leftmost one wins, then the kind's resolver turns the
# groups into a value.
RULES: list[Rule] = [
    Rule(
        "iso",
        _p(
            r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
            r"(?:[T\s](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?P<z>Z)?)?"
            r"(?![\w/-])"
        ),
        needs=("0",),
        check=no_check,
        resolve=r_iso,
    ),
    Rule(
        "numeric",
        _p(
            r"(?<![\w/.$-])(?P<a>\d{1,2})(?P<s>[/.])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
            r"(?![\w/%]|[.,]\d)"
        ),
        needs=("0",),
        check=check_numeric,
        resolve=r_numeric,
    ),
    Rule(
        "mdy",
        _p(
            rf"(?:(?P<wd>{_WD_ANY})\.?,?\s+)?(?P<mon>{_MONTH_RE})\b\.?\s*"
            rf"(?<![\d])(?P<d>{_DAY})"
            rf"(?:\s*(?:-|–|—|to|through|until)\s*(?:(?P<mon2>{_MONTH_RE})\b\.?\s+)?"
            rf"(?P<d2>{_DAY})(?![\d:]))?"
            rf"(?:(?:,\s*|\s+)(?:of\s+)?(?P<y>{_YEAR}|['’]\d\d)(?![\d%]))?"
            r"(?![\d:%]|,\d{3}|\.\d)"
        ),
        needs=("0",),
        check=check_dated_weekday,
        resolve=r_mdy,
        takes_modifier=True,
    ),
    Rule(
        "dmy",
        _p(
            rf"(?:(?P<wd>{_WD_ANY})\.?,?\s+)?(?:the\s+(?=\d+(?:st|nd|rd|th)?\s+of\s))?"
            rf"(?<![\d.,$])(?P<d>{_DAY})"
            rf"(?:\s*(?:-|–|—|to)\s*(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\b\.?"
            rf"(?:,?\s+(?P<y>{_YEAR})(?![\d%]))?"
        ),
        needs=("0",),
        check=check_dated_weekday,
        resolve=r_mdy,
        takes_modifier=True,
    ),
    Rule(
        "my",
        _p(
            rf"(?P<mon>{_MONTH_RE})\b\.?(?:\s*(?:-|–|—|to)\s*(?P<mon2>{_MONTH_RE})\b\.?)?"
            rf"(?:\s*,\s*|\s+of\s+|\s+)(?P<y>{_YEAR}|['’]\d\d)(?![\d%]|,\d{{3}})"
        ),
        needs=("0",),
        check=no_check,
        resolve=r_my,
        takes_modifier=True,
    ),
    Rule(
        "m_rel",
        _p(
            rf"(?P<mon>{_MONTH_RE})\b\.?\s+(?:of\s+)?(?P<rel>this|last|next|the\s+following"
            r"|the\s+previous|the\s+same)\s+year\b"
        ),
        needs=("year",),
        check=no_check,
        resolve=r_m_rel,
    ),
    Rule(
        "month",
        _p(
            r"(?:(?P<rel>last|next|this|coming|past|the\s+coming|the\s+past|the\s+previous"
            rf"|the\s+following|the\s+month\s+of)\s+)?(?P<mon>{_MONTH_RE})\b(?!['’]s\s)"
        ),
        needs=MONTH_WORDS,
        check=no_check,
        resolve=r_month,
        takes_modifier=True,
    ),
    Rule(
        "week_of",
        _p(
            r"the\s+(?P<ord>first|second|third|fourth|last|final)\s+(?P<u>week|weekend)\s+of\s+"
            rf"(?P<mon>{_MONTH_RE})\b(?:,?\s+(?P<y>{_YEAR}))?"
        ),
        needs=("week",),
        check=no_check,
        resolve=r_week_of,
    ),
    Rule(
        "year_range",
        _p(
            rf"(?<![\w$£€.,/#-])(?P<y1>{_YEAR})\s*(?:-|–|—|/)\s*(?P<y2>{_YEAR}|\d\d)"
            r"(?![\w%/-]|[.,]\d)"
        ),
        needs=("0",),
        check=check_year_range,
        resolve=r_year_range,
    ),
    Rule(
        "decade",
        _p(
            r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?"
            r"(?:(?P<c>1[0-9]|20)(?P<d>\d)0|['’](?P<d2>\d)0|(?<![\w$.,])(?P<d3>[1-9])0)['’]?s\b"
        ),
        needs=("0",),
        check=check_decade,
        resolve=r_decade,
    ),
    Rule(
        "century",
        _p(
            r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<n>\d{1,2}|first|second|third|fourth"
            r"|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
            r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)"
            r"(?:st|nd|rd|th)?[\s-]+century\b"
        ),
        needs=("centur",),
        check=no_check,
        resolve=r_century,
    ),
    Rule(
        "year",
        _p(rf"(?P<y>{_YEAR})(?![\w%/]|[.,]\d|-\d|-based|-old|\s*(?:%|percent|per\s+cent))"),
        needs=("0",),
        check=check_year,
        resolve=r_year,
        takes_modifier=True,
    ),
    Rule(
        "apos_year",
        _p(r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%.,]\d|\w)"),
        needs=("0",),
        check=check_apos_year,
        resolve=r_apos_year,
    ),
    Rule(
        "fiscal",
        _p(
            r"(?:(?:fiscal|financial)\s+(?:year\s+)?(?P<y>\d{4})(?:\s*[-/–]\s*(?P<y2>\d{2,4}))?"
            r"|\bFY\s?['’]?(?P<y3>\d{4}|\d{2})\b"
            r"|(?:the\s+)?(?P<rel>this|last|next|current|previous|coming)\s+(?:fiscal|financial)"
            r"\s+year\b)"
        ),
        needs=("fiscal", "financial", "fy"),
        check=no_check,
        resolve=r_fiscal,
    ),
    Rule(
        "quarter",
        _p(
            r"(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
            r"(?:fiscal\s+|financial\s+|calendar\s+)?quarter\b"
            rf"(?:\s+(?:of|in)\s+(?:(?:fiscal|the\s+year|the\s+fiscal\s+year)\s+)?(?P<y>{_YEAR})"
            r"|\s+(?:of\s+)?(?P<rel>this|last|next|the\s+previous|the\s+current|the)\s+year"
            rf"|,?\s+(?P<y2>{_YEAR}))?"
        ),
        needs=("quarter",),
        check=check_quarter,
        resolve=r_quarter,
    ),
    Rule(
        "q_abbr",
        _p(rf"\bQ(?P<q>[1-4])(?:\s*(?:-|/|\s)\s*(?P<y>{_YEAR}|['’]?\d\d))?\b"),
        needs=("q1", "q2", "q3", "q4"),
        check=check_q_abbr,
        resolve=r_q_abbr,
    ),
    Rule(
        "half",
        _p(
            r"(?:the\s+)?(?P<ord>first|second|1st|2nd)[\s-]+half\s+of\s+"
            rf"(?:(?P<y>{_YEAR})|(?P<rel>this|last|next|the)\s+year)"
        ),
        needs=("half",),
        check=no_check,
        resolve=r_half,
    ),
    Rule(
        "season",
        _p(
            r"(?:(?P<rel>this|last|next|the\s+coming|the\s+past|the|early|late|mid)[\s-]+)?"
            rf"(?P<s>spring|summer|autumn|fall|winter)(?!-)\b(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?"
        ),
        needs=("spring", "summer", "autumn", "fall", "winter"),
        check=check_season,
        resolve=r_season,
        takes_modifier=True,
    ),
    Rule(
        "same_period",
        _p(
            r"the\s+(?:very\s+)?same\s+(?P<u>period|month|quarter|week|day|time|season|months"
            r"|weeks|date)\s+(?:of\s+)?(?:(?:the\s+)?(?:last|previous|prior)\s+year"
            r"|a\s+year\s+(?:ago|earlier|before)|(?:in|of)\s+(?P<y>\d{4}))"
            r"|the\s+year[\s-](?:ago|earlier)\s+(?P<u2>period|quarter|month)"
        ),
        needs=("same", "year-", "year "),
        check=no_check,
        resolve=r_same_period,
    ),
    Rule(
        "weekday",
        _p(
            r"(?:(?P<rel>last|next|this|coming|past|previous|following)\s+)?"
            rf"(?P<wd>{_WD_FULL})(?P<pl>s)?\b"
            r"(?:\s+(?P<pod>morning|afternoon|evening|night|midday|lunchtime))?"
        ),
        needs=("day",),
        check=check_weekday,
        resolve=r_weekday,
        takes_modifier=True,
    ),
    Rule(
        "deictic",
        _p(
            r"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight"
            r"|yesterday|tomorrow)\b"
            r"(?:\s+(?P<pod>morning|afternoon|evening|night|midday|lunchtime))?"
        ),
        needs=("today", "tonight", "yesterday", "tomorrow"),
        check=check_deictic,
        resolve=r_deictic,
        takes_modifier=True,
    ),
    Rule(
        "rel_unit",
        _p(
            r"(?P<rel>this|last|next|coming|the\s+coming|the\s+following|the\s+previous|the\s+prior"
            r"|the\s+same|that|that\s+same|the\s+current|the\s+past|the\s+last|the\s+next"
            r"|the\s+very\s+same|the\s+very\s+next|an?\s+(?:second|third|fourth|fifth)"
            r"\s+(?:consecutive|straight)|the\s+(?:entire|whole|full)|the\s+)"
            r"\s*(?P<u>week-?end|week|month|year|quarter|day|decade|century|fortnight|morning"
            r"|afternoon|evening|night|time)\b(?!-)"
        ),
        needs=(*UNIT_WORDS, *POD_WORDS, "time"),
        check=check_rel_unit,
        resolve=r_rel_unit,
        takes_modifier=True,
    ),
    Rule(
        "anaphor",
        _p(
            r"the\s+(?P<u>day|week|month|year|night|morning|evening)\s+(?P<dir>before|after"
            r"|previous|prior|earlier|later|following)\b"
            r"(?=\s*(?:[,.;:)!?—–-]|$)|\s+(?:and|when|as|but|to|in|at|on|with|by|he|she|it"
            r"|they|we|the)\b)"
        ),
        needs=("the",),
        check=no_check,
        resolve=r_anaphor,
    ),
    Rule(
        "clock",
        _p(
            r"(?:(?P<mod>(?:well|just|shortly|long|soon)\s+(?:past|after|before)|past|around"
            r"|about|approximately|roughly|exactly)\s+)?"
            rf"(?:{_CLOCK}|(?P<noon>noon|midday|midnight)\b)"
        ),
        needs=("0", "noon", "midday", "midnight"),
        check=check_clock,
        resolve=_r_clock,
    ),
    Rule(
        "pod",
        _p(
            r"(?:(?P<mod>late|early)\s+(?:into|in)\s+the\s+|(?:the|overnight)\s+(?=\w+\s+(?:of|on)"
            r"\s))?(?P<pod>morning|afternoon|evening|night|overnight)\b"
        ),
        needs=(*POD_WORDS, "overnight"),
        check=check_pod,
        resolve=r_pod,
    ),
    Rule(
        "ref",
        _p(
            # an intensifier is part of the expression ("very soon", "more recently")
            r"(?:(?:very|more|most|so|too)\s+(?=soon\b|recently\b|lately\b))?"
            r"(?P<w>right\s+now|now|currently|at\s+present|presently|nowadays|these\s+days"
            r"|at\s+the\s+moment|the\s+time\s+being|recently|recent|lately"
            r"|the\s+past|the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future"
            r"|in\s+future|soon|later|the\s+(?:near|long|short|medium)(?:er)?\s+term"
            r"|the\s+(?:days|weeks|months|years)\s+ahead|once\s+upon\s+a\s+time)\b(?!-)"
        ),
        needs=(
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
        check=check_ref,
        resolve=r_ref,
    ),
    Rule(
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
        needs=(*UNIT_WORDS, *DAY_WORDS, *POD_WORDS, "ly", "annual", "ennial"),
        check=check_set,
        resolve=r_set,
    ),
    Rule(
        "duration",
        _p(
            rf"(?:(?P<approx>{_APPROX})\s+(?!the\s))?"
            r"(?:(?P<det>the\s+(?:past|last|next|first|previous|following|coming|final"
            r"|remaining|same|other|ensuing|preceding|prior)|another|a\s+further|an\s+additional"
            r"|an?\s+extra|a\s+full|a\s+whole|the\s+whole|the\s+entire|an?\s+entire)\s+)?"
            rf"(?P<num>{_NUM})(?:\s+|-)"
            r"(?:(?:straight|consecutive|full|long|successive|trading|business|working|calendar"
            r"|more|additional|further|extra|whole|entire|solid|weekly|hour|day)[\s-]+){0,2}"
            rf"(?P<unit>{_UNIT_RE})(?P<pl>s)?\b(?!-old)"
            r"(?P<half>\s+and\s+a\s+half)?"
            # "after"/"before" join only as an adverb ("two days before."); before an event
            # they are a signal outside the expression ("Five years after the launch")
            r"(?:\s+(?P<suf>ago|later|earlier|(?:before|after)(?=\s*(?:[,.;:)!?]|$))"
            r"|from\s+now|hence|old|in\s+a\s+row"
            r"|running|back|on(?=\s*(?:[,.;:!?)]|$)))\b)?"
        ),
        needs=UNIT_WORDS,
        check=check_duration,
        resolve=r_duration,
    ),
    Rule(
        # the first end of a range of durations ("between 60 and 90 days"): TimeML marks
        # each end, and the first takes the unit of the second
        "range_start",
        _p(
            rf"(?P<num>\d+(?:\.\d+)?|{_NUMWORD})(?=\s*(?:and|to|-|–)\s*(?:\d+(?:\.\d+)?|{_NUMWORD})"
            rf"[\s-]+(?P<unit>{_UNIT_RE})(?P<pl>s)\b)"
        ),
        needs=UNIT_WORDS,
        check=check_duration,
        resolve=r_duration,
    ),
    Rule(
        "vague_dur",
        _p(
            r"(?:(?P<det>recent|coming|past|next|last|following|ensuing|previous|the\s+coming"
            r"|the\s+past|the\s+next|the\s+last|the\s+following|the\s+ensuing|the\s+previous"
            r"|the)\s+)?"
            r"(?P<unit>second|minute|hour|day|week|month|year|decade|centurie)s\b(?!['’])"
            r"(?:-long\b|\s+(?P<suf>ago|later|earlier)\b)?"
        ),
        needs=UNIT_WORDS,
        check=check_vague,
        resolve=r_vague_dur,
    ),
    Rule(
        "adj_dur",
        _p(r"(?P<unit>hour|day|week|month|year|decade)s-long\b"),
        needs=("-long",),
        check=no_check,
        resolve=r_adj_dur,
    ),
    Rule(
        "intraday",
        _p(r"\b(?:an?\s+)?(?:intraday|intra-day|single-day|one-day|overnight)\b"),
        needs=("day", "overnight"),
        check=no_check,
        resolve=r_intraday,
    ),
    Rule(
        "holiday",
        re.compile(
            r"(?:(?P<rel>this|last|next)\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?"
            r"|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|Independence\s+Day"
            r"|Valentine['’]s\s+Day|Halloween|Boxing\s+Day|Labou?r\s+Day|Memorial\s+Day"
            r"|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday)\b"
        ),
        needs=("christmas", "year", "thanksgiving", "day", "halloween", "easter", "friday"),
        check=no_check,
        resolve=r_holiday,
    ),
]

_BY_NAME = {rule.name: rule for rule in RULES}


def resolve(c: Candidate, ctx: Context) -> Value | None:
    """The value of a candidate: its rule's resolver, or the join of a day and a time."""
    if c.kind == "datetime":
        return _r_datetime(c, ctx)
    return _BY_NAME[c.kind].resolve(c, ctx)
