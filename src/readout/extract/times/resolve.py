"""The resolvers of the rules: each turns a candidate's groups into a TIMEX3 value, counting
from the reference or the previous time where the expression is relative."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from readout.extract.times.candidate import Candidate
from readout.extract.times.context import (
    Context,
    Previous,
    Value,
    direction_of,
    rel_sign,
    relative_base,
)
from readout.extract.times.dates import (
    DAY_VALUE,
    add_months,
    at_granularity,
    day_num,
    duration_value,
    holiday_date,
    month_num,
    num_value,
    pick_date,
    pick_weekday,
    quarter_of,
    shift,
    unanchored,
    unit_key,
    week_value,
    weekday_year,
    year_of,
)
from readout.extract.times.lexicon import (
    ORDINALS,
    POD,
    SEASONS,
    SET_WORDS,
    UNITS,
    WEEKDAYS,
    speech_lemmas,
)
from readout.model import TimeAnchor, TimeType


def r_iso(c: Candidate, ctx: Context) -> Value | None:
    g = c.g
    try:
        d = date(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0))
    except ValueError:
        return None
    if g.get("h"):
        return Value("TIME", f"{d.isoformat()}T{g['h']}:{g['mi']}{g.get('z') or ''}", "absolute")
    return Value("DATE", d.isoformat(), "absolute")


def r_numeric(c: Candidate, ctx: Context) -> Value | None:
    g = c.g
    a, b = int(g["a"] or 0), int(g["b"] or 0)
    if g.get("s") == "." or a > 12:
        day, month = a, b  # European order where it must be, or with dots
    else:
        month, day = a, b
    try:
        d = date(year_of(g["y"] or "", ctx.ref), month, day)
    except ValueError:
        return None
    return Value("DATE", d.isoformat(), "absolute")


def r_mdy(c: Candidate, ctx: Context) -> Value | None:
    g = c.g
    month = month_num(g["mon"] or "")
    day = day_num(g["d"] or "")
    month2 = month_num(g["mon2"] or "") if g.get("mon2") else month
    day2 = day_num(g["d2"] or "") if g.get("d2") else None
    wd = WEEKDAYS.get((g.get("wd") or "").lower().rstrip("."))
    if g.get("y"):
        year = year_of(g["y"] or "", ctx.ref)
        anchor: TimeAnchor = "absolute"
    elif ctx.ref is not None:
        inferred = weekday_year(ctx.ref, month, day, wd)
        picked = pick_date(ctx.ref, month, day, direction_of(ctx, c), wd)
        if inferred is not None:
            year, anchor = inferred, "inferred"
        elif picked is None:
            return None
        else:
            year, anchor = picked.year, ctx.ref_anchor
    else:
        return _unanchored_day(month, day, month2, day2)
    try:
        d1 = date(year, month, day)
        if day2 is None:
            return Value("DATE", d1.isoformat(), anchor)
        y2 = year + 1 if month2 < month else year
        d2 = date(y2, month2, day2)
    except ValueError:
        return None
    if d2 <= d1:
        return Value("DATE", d1.isoformat(), anchor)
    return Value("DATE", f"{d1.isoformat()}/{d2.isoformat()}", anchor)


def _unanchored_day(month: int, day: int, month2: int, day2: int | None) -> Value:
    v = f"XXXX-{month:02d}-{day:02d}"
    if day2 is not None:
        v += f"/XXXX-{month2:02d}-{day2:02d}"
    return Value("DATE", v, "absolute")


def r_my(c: Candidate, ctx: Context) -> Value | None:
    g = c.g
    y = year_of(g["y"] or "", ctx.ref)
    m1 = month_num(g["mon"] or "")
    if g.get("mon2"):
        m2 = month_num(g["mon2"] or "")
        if m2 > m1:
            return Value("DATE", f"{y:04d}-{m1:02d}/{y:04d}-{m2:02d}", "absolute")
    return Value("DATE", f"{y:04d}-{m1:02d}", "absolute")


def r_m_rel(c: Candidate, ctx: Context) -> Value | None:
    month = month_num(c.g["mon"] or "")
    off, source = rel_sign(c.g["rel"] or "")
    base, anchor = relative_base(ctx, c, source)
    if base is None:
        return Value("DATE", f"XXXX-{month:02d}", "absolute")
    return Value("DATE", f"{base.year + off:04d}-{month:02d}", anchor)


def r_month(c: Candidate, ctx: Context) -> Value | None:
    month = month_num(c.g["mon"] or "")
    rel = re.sub(r"\s+", " ", (c.g.get("rel") or "").lower())
    if ctx.ref is None:
        return Value("DATE", f"XXXX-{month:02d}", "absolute")
    ref = ctx.ref
    if rel in ("last", "past", "the past", "the previous"):
        y = ref.year if month < ref.month else ref.year - 1
    elif rel in ("next", "coming", "the coming", "the following"):
        y = ref.year if month > ref.month else ref.year + 1
    elif rel == "this":
        y = ref.year
    else:
        picked = pick_date(ref, month, None, direction_of(ctx, c))
        if picked is None:
            return None
        y = picked.year
    return Value("DATE", f"{y:04d}-{month:02d}", ctx.ref_anchor)


def r_week_of(c: Candidate, ctx: Context) -> Value | None:
    g = c.g
    month = month_num(g["mon"] or "")
    if g.get("y"):
        year, anchor = int(g["y"] or 0), "absolute"
    elif ctx.ref is not None:
        picked = pick_date(ctx.ref, month, None, direction_of(ctx, c))
        if picked is None:
            return None
        year, anchor = picked.year, ctx.ref_anchor
    else:
        return Value("DATE", "XXXX-WXX", "absolute")
    last = calendar.monthrange(year, month)[1]
    ordinal = (g.get("ord") or "").lower()
    day = {"first": 4, "second": 11, "third": 18, "fourth": 25}.get(ordinal, last - 3)
    d = date(year, month, min(day, last))
    suffix = "-WE" if (g.get("u") or "").lower() == "weekend" else ""
    return Value("DATE", week_value(d) + suffix, anchor)  # type: ignore[arg-type]


def r_year_range(c: Candidate, ctx: Context) -> Value | None:
    y1 = int(c.g["y1"] or 0)
    y2s = c.g["y2"] or ""
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    return Value("DATE", f"{y1:04d}/{y2:04d}", "absolute")


def r_decade(c: Candidate, ctx: Context) -> Value | None:
    g = c.g
    if g.get("c"):
        return Value("DATE", f"{g['c']}{g['d']}", "absolute")
    d = int(g.get("d2") or g.get("d3") or 0)
    if ctx.ref is None:
        return Value("DATE", f"XX{d}", "absolute")
    century = ctx.ref.year // 100
    if d * 10 > ctx.ref.year % 100:
        century -= 1
    return Value("DATE", f"{century}{d}", ctx.ref_anchor)


def r_century(c: Candidate, ctx: Context) -> Value | None:
    n = c.g["n"] or ""
    k = int(n) if n.isdigit() else ORDINALS.get(n.lower(), 0)
    if not 1 <= k <= 22:
        return None
    return Value("DATE", f"{k - 1:02d}", "absolute")


def r_year(c: Candidate, ctx: Context) -> Value | None:
    return Value("DATE", f"{int(c.g['y'] or 0):04d}", "absolute")


def r_apos_year(c: Candidate, ctx: Context) -> Value | None:
    y = year_of(c.g["yy"] or "", ctx.ref)
    return Value("DATE", f"{y:04d}", "absolute" if ctx.ref is None else ctx.ref_anchor)


def r_fiscal(c: Candidate, ctx: Context) -> Value | None:
    rel = (c.g.get("rel") or "").lower()
    if rel:
        # "this fiscal year": the reference's year stands for it (the year a fiscal year
        # ends in names it, in the US and most reports); XXXX without a reference
        if ctx.ref is None:
            return Value("DATE", "FYXXXX", "absolute")
        step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
        return Value("DATE", f"FY{ctx.ref.year + step}", ctx.ref_anchor)
    y = c.g.get("y") or c.g.get("y3") or ""
    if len(y) == 2:
        y = str(year_of(y, ctx.ref))
    return Value("DATE", f"FY{y}", "absolute")


def r_quarter(c: Candidate, ctx: Context) -> Value | None:
    g = c.g
    ordinal = (g.get("ord") or "").lower()
    y = g.get("y") or g.get("y2")
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    if ordinal == "last" and not y and not rel:
        # "the last quarter": the latest finished one
        if ctx.ref is None:
            return Value("DATE", "XXXX-QX", "absolute")
        d = add_months(ctx.ref, -3)
        return Value("DATE", f"{d.year}-Q{quarter_of(d)}", ctx.ref_anchor)
    q = 4 if ordinal in ("final", "last") else ORDINALS.get(ordinal, 0)
    if not 1 <= q <= 4:
        return None
    if y:
        return Value("DATE", f"{y}-Q{q}", "absolute")
    if rel:
        off, source = rel_sign(rel if rel != "the" else "this")
        base, anchor = relative_base(ctx, c, source)
        if base is None:
            return Value("DATE", f"XXXX-Q{q}", "absolute")
        return Value("DATE", f"{base.year + off}-Q{q}", anchor)
    if ctx.ref is None:
        return Value("DATE", f"XXXX-Q{q}", "absolute")
    ref = ctx.ref
    direction = direction_of(ctx, c)
    current = quarter_of(ref)
    if direction == "future":
        year = ref.year if q >= current else ref.year + 1
    elif direction == "past":
        # results are reported for quarters that have ended, so a past mention of the current
        # quarter or a later one is last year's
        year = ref.year if q < current else ref.year - 1
    else:
        picked = pick_date(ref, 3 * q - 2, None, None, months=3)
        year = picked.year if picked is not None else ref.year
    return Value("DATE", f"{year}-Q{q}", ctx.ref_anchor)


def r_q_abbr(c: Candidate, ctx: Context) -> Value | None:
    q = int(c.g["q"] or 0)
    y = c.g.get("y")
    if y:
        return Value("DATE", f"{year_of(y, ctx.ref)}-Q{q}", "absolute")
    return r_quarter(
        Candidate(
            c.start, c.end, "quarter", {"ord": ["", "first", "second", "third", "fourth"][q]}
        ),
        ctx,
    )


def r_half(c: Candidate, ctx: Context) -> Value | None:
    g = c.g
    h = 1 if (g.get("ord") or "").lower() in ("first", "1st") else 2
    if g.get("y"):
        return Value("DATE", f"{g['y']}-H{h}", "absolute")
    off, _ = rel_sign(g.get("rel") or "this")
    if ctx.ref is None:
        return Value("DATE", f"XXXX-H{h}", "absolute")
    return Value("DATE", f"{ctx.ref.year + off}-H{h}", ctx.ref_anchor)


def r_season(c: Candidate, ctx: Context) -> Value | None:
    g = c.g
    code, start_month = SEASONS[(g.get("s") or "").lower()]
    if g.get("y"):
        return Value("DATE", f"{g['y']}-{code}", "absolute")
    if ctx.ref is None:
        return Value("DATE", f"XXXX-{code}", "absolute")
    ref = ctx.ref
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    # seasons as three-month stretches from their start month; winter belongs to its December
    starts = [date(y, start_month, 1) for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)]
    current = [s for s in starts if s <= ref < add_months(s, 3)]
    if rel in ("last", "the past"):
        past = [s for s in starts if add_months(s, 3) <= ref]
        chosen = max(past)
    elif rel in ("next", "the coming"):
        chosen = min(s for s in starts if s > ref)
    elif current:
        chosen = current[0]
    else:
        direction = direction_of(ctx, c)
        if direction == "past":
            chosen = max(s for s in starts if s <= ref)
        elif direction == "future":
            chosen = min(s for s in starts if s > ref)
        else:
            chosen = min(starts, key=lambda s: abs((s - ref).days))
    return Value("DATE", f"{chosen.year}-{code}", ctx.ref_anchor)


def r_same_period(c: Candidate, ctx: Context) -> Value | None:
    prev = ctx.previous(c.start, coarse=True)
    if c.g.get("y"):
        y = c.g["y"]
        if prev is not None:
            return Value("DATE", f"{y}{prev.value[4:]}", "previous")
        return Value("DATE", f"{y}", "absolute")
    if prev is not None:
        return Value("DATE", f"{int(prev.value[:4]) - 1:04d}{prev.value[4:]}", "previous")
    if ctx.ref is None:
        return Value("DATE", "XXXX", "absolute")
    return Value("DATE", f"{ctx.ref.year - 1:04d}", ctx.ref_anchor)


def r_weekday(c: Candidate, ctx: Context) -> Value | None:
    g = c.g
    wd = WEEKDAYS[(g["wd"] or "").lower()]
    if g.get("pl"):
        return Value("SET", f"XXXX-WXX-{wd + 1}", "absolute")
    pod = POD.get((g.get("pod") or "").lower())
    if ctx.ref is None:
        v = f"XXXX-WXX-{wd + 1}"
        return Value("TIME" if pod else "DATE", v + (f"T{pod}" if pod else ""), "absolute")
    rel = (g.get("rel") or "").lower()
    base, anchor = ctx.ref, ctx.ref_anchor
    frame = None if rel else reported_frame(ctx, c)
    if frame is not None:
        if not DAY_VALUE.match(frame.value):
            # "a report from April 2013 said that on Friday": a Friday of then, not of now
            return Value("TIME" if pod else "DATE", f"XXXX-WXX-{wd + 1}", "absolute")
        base, anchor = frame.day, "previous"
    d = pick_weekday(base, wd, direction_of(ctx, c) if not rel else None, rel)
    if pod:
        return Value("TIME", f"{d.isoformat()}T{pod}", anchor)
    return Value("DATE", d.isoformat(), anchor)


def reported_frame(ctx: Context, c: Candidate) -> Previous | None:
    """The older time a report in this sentence is dated by, when the expression stands in
    what that report said: "A report from April 2013 said that on Friday ...", "On March 1,
    the minister said Friday's vote ...". None when the sentence has no such report, or
    its time is the reference's own day."""
    p = ctx.prev_any
    if p is None or ctx.ref is None or ctx.sentence_of(p.start) != ctx.sentence_of(c.start):
        return None
    if not p.absolute or p.day >= ctx.ref - timedelta(days=1):
        return None
    between = ctx.doc.char_span(p.start, c.start, alignment_mode="expand")
    if between is None:
        return None
    said = any(t.lemma_.lower() in speech_lemmas() and t.pos_ == "VERB" for t in between)
    return p if said else None


def r_deictic(c: Candidate, ctx: Context) -> Value | None:
    w = re.sub(r"\s+", " ", (c.g.get("w") or "").lower())
    offset = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[w]
    pod = POD.get((c.g.get("pod") or "").lower()) or ("NI" if w == "tonight" else None)
    if ctx.ref is None:
        if pod:
            return Value("TIME", f"XXXX-XX-XXT{pod}", "absolute")
        return Value("DATE", "XXXX-XX-XX", "absolute")
    d = ctx.ref + timedelta(days=offset)
    if pod:
        return Value("TIME", f"{d.isoformat()}T{pod}", ctx.ref_anchor)
    return Value("DATE", d.isoformat(), ctx.ref_anchor)


def r_rel_unit(c: Candidate, ctx: Context) -> Value | None:
    rel = re.sub(r"\s+", " ", (c.g.get("rel") or "").lower().strip())
    unit = (c.g.get("u") or "").lower().replace("-", "")
    stretch = rel in ("the past", "the last") or (rel == "the next" and unit != "day")
    if unit in UNITS and stretch:
        # "the past year" is a stretch of time, not a calendar year
        return Value("DURATION", duration_value(1, unit), "absolute")
    pod = POD.get(unit)
    if pod:
        return _rel_part_of_day(c, ctx, rel, unit, pod)
    if unit == "time":
        return _that_time(c, ctx)
    if unit == "weekend" and rel in ("the", "this"):
        return _the_weekend(c, ctx, rel)
    off, source = rel_sign(rel, unit)
    base, anchor = relative_base(ctx, c, source, coarse=unit != "day")
    if base is None:
        return Value("DATE", unanchored(unit), "absolute")
    d = shift(base, unit, off)
    return Value("DATE", at_granularity(d, unit), anchor)


def _rel_part_of_day(c: Candidate, ctx: Context, rel: str, unit: str, pod: str) -> Value:
    """ "last night", "this morning", "that evening"."""
    if rel == "last" and unit in ("night", "evening"):
        off, source = -1, "ref"
    elif rel in ("this", "the current"):
        off, source = 0, "ref"
    else:
        off, source = rel_sign(rel)
    base, anchor = relative_base(ctx, c, source)
    if base is None:
        return Value("TIME", f"XXXX-XX-XXT{pod}", "absolute")
    d = base + timedelta(days=off)
    typ: TimeType = "DATE" if rel == "this" else "TIME"
    return Value(typ, f"{d.isoformat()}T{pod}", anchor)


def _that_time(c: Candidate, ctx: Context) -> Value:
    # "by that time": whatever time the passage last named
    prev = ctx.previous(c.start, coarse=True)
    if prev is not None:
        return Value("DATE", prev.value, "previous")
    if ctx.ref is None:
        return Value("DATE", "XXXX-XX-XX", "absolute")
    return Value("DATE", ctx.ref.isoformat(), ctx.ref_anchor)


def _the_weekend(c: Candidate, ctx: Context, rel: str) -> Value:
    """ "this weekend" is the weekend of the reference's week; so is "the weekend" on a
    Saturday or Sunday and in plans, while a report on a weekday means the one before."""
    base, anchor = relative_base(ctx, c, "ref")
    if base is None:
        return Value("DATE", "XXXX-WXX-WE", "absolute")
    direction = direction_of(ctx, c)
    if base.weekday() >= 5 or direction == "future" or rel == "this":
        d = base
    else:
        d = base - timedelta(days=7)
    return Value("DATE", week_value(d) + "-WE", anchor)


def r_anaphor(c: Candidate, ctx: Context) -> Value | None:
    unit = (c.g.get("u") or "").lower()
    direction = (c.g.get("dir") or "").lower()
    off = -1 if direction in ("before", "previous", "prior", "earlier") else 1
    pod = POD.get(unit)
    base, anchor = relative_base(ctx, c, "prev", coarse=unit in ("week", "month", "year"))
    if base is None:
        return Value("DATE", unanchored("day" if pod else unit), "absolute")
    d = shift(base, "day" if pod else unit, off)
    if pod:
        return Value("TIME", f"{d.isoformat()}T{pod}", anchor)
    return Value("DATE", at_granularity(d, unit), anchor)


def clock_suffix(g: dict[str, str | None]) -> tuple[str, int] | None:
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


def r_pod(c: Candidate, ctx: Context) -> Value | None:
    pod = POD[(c.g.get("pod") or "").lower()]
    base, anchor = relative_base(ctx, c, "prev")
    if base is None:
        return Value("TIME", f"XXXX-XX-XXT{pod}", "absolute")
    return Value("TIME", f"{base.isoformat()}T{pod}", anchor)


def r_ref(c: Candidate, ctx: Context) -> Value | None:
    w = re.sub(r"\s+", " ", (c.g.get("w") or "").lower())
    if w in ("recently", "recent", "lately", "the past", "once upon a time"):
        return Value("DATE", "PAST_REF", "absolute")
    if "future" in w or "term" in w or "ahead" in w or w in ("soon", "later"):
        return Value("DATE", "FUTURE_REF", "absolute")
    return Value("DATE", "PRESENT_REF", "absolute")


def r_duration(c: Candidate, ctx: Context) -> Value | None:
    g = c.g
    unit = unit_key(g["unit"] or "")
    if unit not in UNITS:
        return None
    n = num_value(g["num"] or "")
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
            return Value("DATE", "PAST_REF" if back else "FUTURE_REF", "absolute")
        sign = -1 if suf in ("ago", "back", "earlier", "before") else 1
        source = "ref" if suf in ("ago", "back", "from now", "hence") else "prev"
        # "in 2006 ... ten years later": a year (or month) counts from a previous time of
        # its own granularity; "three days later" needs a previous day
        coarse = unit in ("month", "quarter", "year", "decade", "century")
        base, anchor = relative_base(ctx, c, source, coarse=coarse)
        gran = {"week": "day", "fortnight": "day", "hour": "day", "minute": "day", "second": "day"}
        if base is None:
            return Value("DATE", unanchored(gran.get(unit, unit)), "absolute")
        d = shift(base, unit, sign * n)
        return Value("DATE", at_granularity(d, gran.get(unit, unit)), anchor)
    return Value("DURATION", duration_value(n, unit), "absolute")


def r_vague_dur(c: Candidate, ctx: Context) -> Value | None:
    unit = unit_key(c.g.get("unit") or "")
    if unit not in UNITS:
        return None
    suf = (c.g.get("suf") or "").lower()
    if suf and UNITS[unit][1]:
        # "seconds later", "hours earlier": still the day in question
        base, anchor = relative_base(ctx, c, "ref" if suf == "ago" else "prev")
        if base is None:
            return Value("DATE", "XXXX-XX-XX", "absolute")
        return Value("DATE", base.isoformat(), anchor)
    if suf:
        return Value("DATE", "FUTURE_REF" if suf == "later" else "PAST_REF", "absolute")
    return Value("DURATION", duration_value(None, unit), "absolute")


def r_adj_dur(c: Candidate, ctx: Context) -> Value | None:
    return r_vague_dur(c, ctx)


def r_intraday(c: Candidate, ctx: Context) -> Value | None:
    return Value("DURATION", "P1D", "absolute")


def r_set(c: Candidate, ctx: Context) -> Value | None:
    g = c.g
    if g.get("w"):
        return Value("SET", SET_WORDS[(g["w"] or "").lower()], "absolute")
    if g.get("wdpl"):
        return Value("SET", f"XXXX-WXX-{WEEKDAYS[(g['wdpl'] or '').lower()] + 1}", "absolute")
    unit_word = (g.get("unit") or g.get("unit2") or g.get("unit3") or "").lower()
    if unit_word in WEEKDAYS:
        return Value("SET", f"XXXX-WXX-{WEEKDAYS[unit_word] + 1}", "absolute")
    if unit_word in POD:
        return Value("SET", f"XXXX-XX-XXT{POD[unit_word]}", "absolute")
    if unit_word == "weekend":
        return Value("SET", "XXXX-WXX-WE", "absolute")
    unit = unit_key(unit_word)
    if unit not in UNITS:
        return None
    n = num_value(g["num"] or "") if g.get("num") else 1
    return Value("SET", duration_value(n if n is not None else 1, unit), "absolute")


def r_holiday(c: Candidate, ctx: Context) -> Value | None:
    name = c.g.get("h") or ""
    if ctx.ref is None:
        d = holiday_date(name, 2001)
        return Value("DATE", f"XXXX-{d.month:02d}-{d.day:02d}", "absolute")
    ref = ctx.ref
    rel = (c.g.get("rel") or "").lower()
    cands = [holiday_date(name, y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if rel == "last":
        d = max(x for x in cands if x < ref)
    elif rel == "next":
        d = min(x for x in cands if x > ref)
    elif rel == "this":
        d = cands[1]
    else:
        direction = direction_of(ctx, c)
        if direction == "past":
            d = max(x for x in cands if x <= ref)
        elif direction == "future":
            d = min(x for x in cands if x >= ref)
        else:
            d = min(cands, key=lambda x: abs((x - ref).days))
    return Value("DATE", d.isoformat(), ctx.ref_anchor)
