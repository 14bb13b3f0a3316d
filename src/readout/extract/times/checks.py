"""The context checks of the rules: what a regular expression cannot tell cheaply ("May" the
month or the name, "2000" the year or the count). Each takes the text and a candidate and
says whether to keep it."""

from __future__ import annotations

import re

from readout.extract.times.candidate import (
    Candidate,
    capitalised,
    next_word,
    prev_word,
    sentence_initial,
    title_case_name,
    word_after,
    word_before,
)
from readout.extract.times.lexicon import (
    CLOCK_CUES,
    COUNT_NOUNS,
    MONTHS,
    NAMED_DAYS,
    NOT_YEAR_BEFORE,
    VAGUE_DUR_BEFORE,
    YEAR_PREPS,
)

_PUNCTUATION_AFTER = re.compile(r"\s*[,.;:]")


def month_ok(text: str, c: Candidate, mon: str) -> bool:
    if not capitalised(mon):
        return False
    if c.kind != "month" or c.g.get("rel"):
        return True
    low = mon.lower()
    prev_raw = word_before(text, c.start)
    prev = prev_raw.lower()
    if low in ("may", "march") or len(low) <= 4:
        # "May" and "March" alone are too often a name, a modal or a verb: want "in May"
        before = text[max(0, c.start - 30) : c.start]
        if prev not in YEAR_PREPS and not re.search(
            r"(?:early|late|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of|of)[\s-]*$",
            before,
            re.IGNORECASE,
        ):
            return False
    if prev_raw and capitalised(prev_raw) and prev not in YEAR_PREPS:
        if not sentence_initial(text, c.start - len(prev_raw) - 1) or prev_raw.endswith("."):
            return False  # "Theresa May", "Prime Minister May"
    nxt = word_after(text, c.end)
    if nxt and capitalised(nxt) and low in ("may", "june", "april", "august"):
        # a first name followed by a surname: "June Carter"
        if not _PUNCTUATION_AFTER.match(text, c.end):
            return False
    return True


def check_year(text: str, c: Candidate) -> bool:
    y = int(c.g["y"] or 0)
    before_char = text[c.start - 1] if c.start > 0 else " "
    if before_char.isalnum() or before_char in "$£€¥#/.,_'’":
        return False
    if before_char in "-–" and not text[max(0, c.start - 4) : c.start].lower() == "mid-":
        return False
    prev = prev_word(text, c.start)
    if prev in NOT_YEAR_BEFORE or re.fullmatch(r"[\d,.]+", prev or "x"):
        return False
    if next_word(text, c.end) in COUNT_NOUNS:
        return False
    before = word_before(text, c.start)
    if capitalised(before) and capitalised(word_after(text, c.end)) and prev not in YEAR_PREPS:
        if not before.endswith(".") and prev not in MONTHS:
            return False  # a name: "Russell 2000 Index", "Windows 2000 Server"
    if 1900 <= y <= 2049:
        return True
    return prev in YEAR_PREPS and y >= 1000


def check_apos_year(text: str, c: Candidate) -> bool:
    prev = prev_word(text, c.start)
    return prev in YEAR_PREPS or prev in MONTHS or prev in ("class", "the")


def check_decade(text: str, c: Candidate) -> bool:
    if c.g.get("d3") is None:
        return True
    # a bare "80s" is a decade only after "the" or in a list of decades ("70s and 80s")
    prev = prev_word(text, c.start)
    if prev in ("their", "his", "her", "its", "my", "our", "your"):
        return False
    return text[c.start : c.start + 4].lower() == "the " or prev in ("and", "or", "to", "the")


def check_weekday(text: str, c: Candidate) -> bool:
    if c.g.get("rel"):
        return True
    prev = word_before(text, c.start)
    return not (capitalised(prev) and prev.lower() in NAMED_DAYS)


def check_season(text: str, c: Candidate) -> bool:
    s = (c.g.get("s") or "").lower()
    rel = re.sub(r"\s+", " ", (c.g.get("rel") or "").lower())
    has_year = bool(c.g.get("y"))
    if s == "fall" and not (rel in ("this", "last", "next", "early", "late") or has_year):
        # "fall" is a verb or a drop far more often than a season
        if not (
            rel == "the" and prev_word(text, c.start) in ("in", "during", "by", "until", "since")
        ):
            return False
    word = re.search(r"spring|summer|autumn|fall|winter", text[c.start : c.end], re.IGNORECASE)
    if word and capitalised(word.group(0)) and not has_year and not rel:
        prev = word_before(text, c.start)
        named_after = capitalised(word_after(text, c.end))
        named_before = capitalised(prev) and not prev.endswith(".")
        if named_after or (named_before and not sentence_initial(text, c.start)):
            return False  # "Summer Olympics", "Arab Spring"
    if rel == "the" and not has_year:
        return next_word(text, c.end) != "of"
    return True


def check_deictic(text: str, c: Candidate) -> bool:
    word = text[c.start : c.end]
    if word[:1].isupper() and not sentence_initial(text, c.start):
        prev = word_before(text, c.start)
        return not capitalised(prev)  # "USA Today", "NBC's TODAY"
    return True


def check_ref(text: str, c: Candidate) -> bool:
    w = re.sub(r"\s+", " ", (c.g.get("w") or "").lower())
    prev = prev_word(text, c.start)
    nxt = next_word(text, c.end)
    if w == "soon" and (prev == "as" or nxt in ("as", "after", "thereafter")):
        return False  # "as soon as" is a conjunction
    if w == "current" and nxt in ("account", "accounts", "affairs", "events", "flow", "flows"):
        return False
    return not (w == "the past" and nxt in ("tense", "participle", "perfect"))


def check_duration(text: str, c: Candidate) -> bool:
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
    if (c.g.get("suf") or "").lower() == "old" or next_word(text, c.end) == "old":
        return False  # ages
    return text[max(0, c.start - 1) : c.start] not in ("$", "£", "€")


def check_vague(text: str, c: Candidate) -> bool:
    if c.g.get("suf"):
        return True  # "years ago", "seconds later"
    det = (c.g.get("det") or "").lower()
    if text[c.end - 5 : c.end].lower() == "-long":
        return True
    if det and det != "the":
        return True
    prev = prev_word(text, c.start)
    # bare plural units are times only after a preposition: "for years", "within minutes"
    if det == "the":
        return prev in ("over", "through", "across", "during")
    return prev in VAGUE_DUR_BEFORE


_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*(?:%|bn|m|k|billion|million|thousand|percent|per\s+cent|[a-z]+s)?"
    r"|twice|once|times|dollars|euros|pounds|hours|days)\s*$",
    re.IGNORECASE,
)


def check_set(text: str, c: Candidate) -> bool:
    g = c.g
    per = (g.get("per") or "").lower()
    if per in ("a", "an") and not _RATE_BEFORE.search(text, max(0, c.start - 24), c.start):
        return False  # "$5bn a year", "15 a year": a rate needs a quantity just before it
    w = g.get("w")
    if w is not None and capitalised(w) and not sentence_initial(text, c.start):
        return False  # "the Daily Telegraph"
    if g.get("wdpl") is not None:
        return prev_word(text, c.start) in ("on", "every", "most", "some", "all")
    return True


_POSITION_OF = re.compile(
    r"\b(?:end|beginning|start|middle|close|turn|rest|remainder|course)\s+of\s+$", re.IGNORECASE
)


def check_rel_unit(text: str, c: Candidate) -> bool:
    rel = re.sub(r"\s+", " ", (c.g.get("rel") or "").lower().strip())
    unit = (c.g.get("u") or "").lower().replace("-", "")
    if unit == "time":
        return rel in ("that", "that same")
    if rel == "the":
        # "the day" (MEANTIME: "end the day", "for the day") and "the weekend"; "the week"
        # and "the year" alone are too often generic, but not after "the end of"
        if unit not in ("day", "weekend"):
            return bool(_POSITION_OF.search(text, max(0, c.start - 30), c.start))
        return unit != "day" or next_word(text, c.end) not in ("of", "when", "that", "-", "before")
    if rel in ("the last", "the past") and unit in ("morning", "afternoon", "evening", "night"):
        return False
    return not title_case_name(text, c)


def check_pod(text: str, c: Candidate) -> bool:
    if title_case_name(text, c):
        return False
    pod = (c.g.get("pod") or "").lower()
    if c.g.get("mod") or text[c.start : c.start + 4].lower() in ("the ", "over"):
        return True
    if pod in ("night", "overnight"):
        return False  # "at night", "overnight" are generic
    return prev_word(text, c.start) not in ("good", "this", "that")


def check_numeric(text: str, c: Candidate) -> bool:
    a, b = int(c.g["a"] or 0), int(c.g["b"] or 0)
    return 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)


def _range_years(g: dict[str, str | None]) -> tuple[int, int]:
    y1 = int(g["y1"] or 0)
    y2s = g["y2"] or "0"
    return y1, int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)


def check_year_range(text: str, c: Candidate) -> bool:
    y1, y2 = _range_years(c.g)
    if not (1900 <= y1 <= 2049) or y2 <= y1 or y2 - y1 > 50:
        return False
    return next_word(text, c.end) not in COUNT_NOUNS


_DATE_BEFORE = re.compile(
    r"(?:\d{4}|\d{1,2}(?:st|nd|rd|th)?|today|yesterday|tomorrow|day)\s*[,.]?\s*$", re.IGNORECASE
)


def check_clock(text: str, c: Candidate) -> bool:
    g = c.g
    if g.get("sep") == "." and not g.get("ap") and not g.get("tz"):
        return False  # "3.45" alone is a number
    if g.get("h") is not None and not (g.get("ap") or g.get("tz")):
        # "14:30" alone may be a video's length, a score or a ratio: want "at 14:30", a date
        # just before ("June 9, 2023, 14:30") or the start of a line (a transcript's dateline)
        if c.g.get("mod"):
            return True
        if prev_word(text, c.start) in CLOCK_CUES or text[max(0, c.start - 1) : c.start] in (
            "\n",
            "",
        ):
            return True
        return bool(_DATE_BEFORE.search(text, max(0, c.start - 40), c.start))
    return True


def check_quarter(text: str, c: Candidate) -> bool:
    return next_word(text, c.end) != "of" or bool(c.g.get("y") or c.g.get("rel"))


def check_q_abbr(text: str, c: Candidate) -> bool:
    return text[c.start] == "Q"


def check_dated_weekday(text: str, c: Candidate) -> bool:
    # an abbreviated weekday counts only as the head of a date ("Wed., April 5")
    wd = c.g.get("wd")
    return wd is None or len(wd) > 4 or capitalised(wd)


def no_check(text: str, c: Candidate) -> bool:
    return True  # the pattern says enough
