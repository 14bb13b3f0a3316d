"""Calendar arithmetic and TIMEX3 values: months and weeks added, days shifted by units, a
day written at a granularity, the year a year-less date takes, Easter, the nth weekday of a
month and the holidays, durations and the numbers they count."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from readout.extract.times.lexicon import (
    FIXED_HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    SEASON_START,
    UNANCHORED,
    UNITS,
    VAGUE_CODE,
    VAGUE_NUMBERS,
)
from readout.extract.times.tense import Tense

DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")


def parse_iso_date(s: str) -> date | None:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def value_date(v: str) -> date | None:
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
            return date(y, SEASON_START[m.group(7)], 1)
        return date(y, 1, 1)
    except ValueError:
        return None


def num_value(s: str) -> float | None:
    """The number a duration counts; None for a vague one ("several")."""
    s = re.sub(r"\s+", " ", s.lower().strip())
    if s in VAGUE_NUMBERS:
        return None
    if s in ("a couple of", "a couple", "couple of"):
        return 2
    if s == "a dozen":
        return 12
    if s in ("half a", "half an", "a half"):
        return 0.5
    m = re.fullmatch(r"(.+) and a half", s)
    if m:
        base = num_value(m.group(1))
        return None if base is None else base + 0.5
    m = re.fullmatch(r"(a|one|two|three|four|five|six|seven|eight|nine) hundred", s)
    if m:
        return 100 * NUMBER_WORDS[m.group(1)]
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    total = 0
    for part in re.split(r"[\s-]+", s):
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return total


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    code, timey, mult = UNITS[unit]
    t = "T" if timey else ""
    if n is None:
        return f"P{t}X{VAGUE_CODE.get(unit, code)}"
    if code == "Q":
        return f"P{_fmt(n * 3)}M" if n != int(n) else f"P{_fmt(n)}Q"
    return f"P{t}{_fmt(n * mult)}{code}"


def unit_key(u: str) -> str:
    u = u.lower().replace("-", "")
    if u.endswith("s") and u[:-1] in UNITS:
        u = u[:-1]
    return u


def add_months(d: date, n: int) -> date:
    idx = d.year * 12 + d.month - 1 + n
    y, m = divmod(idx, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def at_granularity(d: date, unit: str) -> str:
    if unit in ("day", "night", "morning", "afternoon", "evening"):
        return d.isoformat()
    if unit in ("week", "fortnight"):
        return week_value(d)
    if unit == "weekend":
        return week_value(d) + "-WE"
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit in ("century", "centurie"):
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def shift(d: date, unit: str, n: float) -> date:
    """``d`` moved by ``n`` units (calendar units move by calendar steps)."""
    if unit in ("day", "night", "morning", "afternoon", "evening"):
        return d + timedelta(days=round(n))
    if unit in ("week", "weekend"):
        return d + timedelta(days=round(7 * n))
    if unit == "fortnight":
        return d + timedelta(days=round(14 * n))
    if unit == "month":
        return add_months(d, round(n))
    if unit == "quarter":
        return add_months(d, round(3 * n))
    if unit == "year":
        return add_months(d, round(12 * n))
    if unit == "decade":
        return add_months(d, round(120 * n))
    if unit in ("century", "centurie"):
        return add_months(d, round(1200 * n))
    if unit in ("hour", "minute", "second", "hr", "min", "sec"):
        return d
    return d


def unanchored(unit: str) -> str:
    return UNANCHORED.get(unit, "XXXX-XX-XX")


def weekday_year(ref: date, month: int, day: int | None, weekday: int | None) -> int | None:
    """ "Wednesday, April 5th" where April 5 is no Wednesday in the years around ``ref``: the
    latest year up to ``ref`` in which it is (the text's weekday is evidence of its year,
    as for an article republished without its date). None when a nearby year fits or the
    weekday and date say nothing."""
    if weekday is None or day is None:
        return None
    if any(c[0].weekday() == weekday for c in _stretches(ref, month, day, 1)):
        return None
    for year in range(ref.year, ref.year - 29, -1):  # the calendar repeats in 28 years
        try:
            d = date(year, month, day)
        except ValueError:
            continue  # February 29th
        if d <= ref and d.weekday() == weekday:
            return year
    return None


def pick_date(
    ref: date,
    month: int,
    day: int | None,
    direction: Tense,
    weekday: int | None = None,
    months: int = 1,
) -> date | None:
    """The year for a year-less month (and day) that the reference and tense imply; a
    stretch of ``months`` months from ``month`` when there is no day (a quarter: 3)."""
    cands = _stretches(ref, month, day, months)
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
    return _nearest(ref, cands)


def _stretches(ref: date, month: int, day: int | None, months: int) -> list[tuple[date, date]]:
    """(start, end) of the day, or of the stretch of months, in the years around ``ref``."""
    cands: list[tuple[date, date]] = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            if day is not None:
                d = date(y, month, day)
                cands.append((d, d))
            else:
                first = date(y, month, 1)
                cands.append((first, add_months(first, months) - timedelta(days=1)))
        except ValueError:
            continue
    return cands


def _nearest(ref: date, cands: list[tuple[date, date]]) -> date:
    def dist(c: tuple[date, date]) -> int:
        if c[0] <= ref <= c[1]:
            return 0
        return min(abs((c[0] - ref).days), abs((c[1] - ref).days))

    # the nearest; on a tie the earlier, since news reports more than it forecasts
    return min(cands, key=lambda c: (dist(c), c[0] > ref))[0]


def pick_weekday(ref: date, wd: int, direction: Tense, rel: str) -> date:
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


def month_num(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def day_num(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))  # type: ignore[union-attr]


def year_of(s: str, ref: date | None) -> int:
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


def holiday_date(name: str, y: int) -> date:
    name = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    if name in FIXED_HOLIDAYS:
        return date(y, *FIXED_HOLIDAYS[name])
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
