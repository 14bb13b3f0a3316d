"""Document structure from the text alone: kind, publication date, dateline, body, translation.

``analyse_structure`` fills these in on a :class:`~readout.model.Document` in place. It works
line by line on ``document.text`` and never changes the text, so every span it sets is an
exact slice of it. Chrome detection is deliberately conservative: a doubtful line stays in
the body, because cutting real content loses facts while keeping a stray "Print" costs
nothing downstream.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from readout.lexicon import table, words
from readout.model import Dateline, Document, PublishedFrom, Span
from readout.read.turns import (
    LabelMatch,
    Line,
    has_pronoun,
    headline_like,
    is_title,
    match_label,
    name_of_label,
    speech_like,
    split_lines,
)

# --- dates -----------------------------------------------------------------------------

# by their first three letters, as datelines abbreviate them ("Jan", "Sept." -> "sep")
_MONTHS = {w[:3]: int(n) for w, n in table("months").items()}
_WEEKDAYS = {w[:3]: int(n) for w, n in table("weekdays").items()}

_M = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_W = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?"
)
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d)"

_DATE = re.compile(
    rf"(?:(?P<wd>{_W})\s*,?\s+(?:the\s+)?)?"
    rf"(?:(?P<m1>{_M})\s+(?P<d1>{_D})\b(?:\s*,?\s*(?P<y1>{_Y})\b)?"
    rf"|(?P<d2>{_D})\s+(?:of\s+)?(?P<m2>{_M})(?:\s*,?\s*(?P<y2>{_Y})\b)?"
    rf"|(?P<y3>{_Y})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)\b"
    rf"|(?P<d4>[0-3]?\d)\.(?P<m4>[01]?\d)\.(?P<y4>{_Y})\b)",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?P<h>2[0-3]|[01]?\d):(?P<mi>[0-5]\d)(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?"
    r"(?:\s*\(?(?:GMT|UTC|MSK|BST|CET|CEST|EST|EDT|PST|PDT|local time)\)?)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Date:
    start: int
    end: int
    year: int | None
    month: int
    day: int
    weekday: int | None

    def iso(self) -> str | None:
        if self.year is None:
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _date_at(s: str, pos: int = 0, *, anchored: bool = True) -> _Date | None:
    """A calendar date in ``s`` at ``pos`` (or the first one after it), validated."""
    for m in [_DATE.match(s, pos)] if anchored else _DATE.finditer(s, pos):
        if m is None:
            continue
        g = m.groupdict()
        if g["m1"]:
            month, day, year = g["m1"], g["d1"], g["y1"]
        elif g["m2"]:
            month, day, year = g["m2"], g["d2"], g["y2"]
        elif g["y3"]:
            month, day, year = g["m3"], g["d3"], g["y3"]
        else:
            month, day, year = g["m4"], g["d4"], g["y4"]
        mo = int(month) if month.isdigit() else _MONTHS[month[:3].lower()]
        d = int(re.match(r"\d+", day).group())  # type: ignore[union-attr]
        y = int(year) if year else None
        try:
            dt.date(y or 2000, mo, d)  # 2000 is a leap year, so 29 February passes
        except ValueError:
            continue
        wd = _WEEKDAYS[g["wd"][:3].lower()] if g["wd"] else None
        return _Date(m.start(), m.end(), y, mo, d, wd)
    return None


def _time_at(s: str, pos: int) -> tuple[str, int] | None:
    m = _TIME.match(s, pos)
    if m is None:
        return None
    h, mi = int(m.group("h")), int(m.group("mi"))
    ap = (m.group("ap") or "").lower()
    if ap:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap == "p" else 0)
    return f"{h:02d}:{mi:02d}", m.end()


# --- chrome ----------------------------------------------------------------------------

_NAV_WORDS = words("navigation")
_SKIP = re.compile(
    r"^(?:skip to (?:main )?content|skip navigation|(?:main |open |close )?menu|search"
    r"|toggle navigation|navigation|sign in|log in|login|register|subscribe|close"
    r"|accessibility|en|ru|english)\W*$",
    re.IGNORECASE,
)
_CRUMB_SEP = re.compile(r"\s+(?:>|›|»|/|\||·|•)\s+")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)]*$")


def _words(s: str) -> list[str]:
    return s.split()


def _is_nav(s: str) -> bool:
    parts = [p for p in _CRUMB_SEP.split(s) if p]
    if len(parts) >= 2 and all(len(p.split()) <= 4 and len(p) <= 30 for p in parts):
        if len(parts) >= 3 or parts[0].lower() == "home":
            return True
    tokens = [t.lower().strip("|·•") for t in s.split()]
    tokens = [t for t in tokens if t]
    return len(tokens) >= 3 and all(t in _NAV_WORDS for t in tokens)


def _is_date_only(s: str) -> _Date | None:
    """A line that is a date and perhaps a time, nothing else ("Mon. Jul 22nd, 2024")."""
    d = _date_at(s)
    if d is None:
        return None
    rest = s[d.end :].strip(" ,|-–—")
    if rest:
        t = _time_at(rest, 0)
        if t is None or rest[t[1] :].strip():
            return None
    return d


def _time_after(s: str, d: _Date) -> str | None:
    sep = _SEP.match(s, d.end)
    t = _time_at(s, sep.end()) if sep else None
    return t[0] if t else None


def _site_names(document: Document) -> set[str]:
    names: set[str] = set()
    for key in ("outlet", "site_name", "site", "publisher"):
        value = document.meta.get(key)
        if isinstance(value, str) and value.strip():
            names.add(value.strip().lower())
    if document.source and " " in document.source.strip() and "/" not in document.source:
        names.add(document.source.strip().lower())
    return names


def _is_short(s: str) -> bool:
    return len(s.split()) <= 6 and len(s) <= 50 and not _SENTENCE_END.search(s)


# Header lines (site name, menus, viewing dates, the repeated title) are looked for only among
# a page's first lines, so an article's own short lines further down are never taken for them.
_TOP_LINES = 15


def _top_end(lines: Sequence[Line], document: Document) -> tuple[int, list[_Date]]:
    """Index of the first body line, and the dates in the page header (viewing dates)."""
    end, header_dates = _header_end(lines, document)
    title = (document.title or "").strip()
    if title:
        k = _title_line(lines, title, end)
        if k is not None:
            for x in range(end, k):
                d = _is_date_only(lines[x].text)
                if d is not None:
                    header_dates.append(d)
            end = k
    return end, header_dates


def _header_end(lines: Sequence[Line], document: Document) -> tuple[int, list[_Date]]:
    """Index of the first line after the site's header lines, and the dates among them."""
    limit = min(len(lines), _TOP_LINES)
    sites = _site_names(document)

    def strong(i: int) -> bool:
        s = lines[i].text
        return bool(_SKIP.match(s)) or _is_nav(s) or s.lower() in sites

    end = 0
    header_dates: list[_Date] = []
    i = 0
    while i < limit:
        s = lines[i].text
        d = _is_date_only(s)
        if strong(i):
            i += 1
            end = i
            continue
        # A date line heads the page when it is first or sits among header lines; one just
        # under a headline is the article's own date and stays.
        if (
            d is not None
            and i == end
            and (
                d.weekday is not None
                # a date and time after a title is a transcript's dateline, so without a
                # weekday only a bare date among header lines counts
                or (_time_after(s, d) is None and (i > 0 or (i + 1 < limit and strong(i + 1))))
            )
        ):
            header_dates.append(d)
            i += 1
            end = i
            continue
        if _is_short(s) and match_label(lines[i]) is None:
            j = i
            while j < limit and j - i < 3 and not strong(j) and _is_short(lines[j].text):
                j += 1
            if j < limit and strong(j):
                header_dates.extend(
                    d for x in range(i, j) if (d := _is_date_only(lines[x].text)) is not None
                )
                i = j
                continue
        break
    return end, header_dates


def _title_line(lines: Sequence[Line], title: str, start: int) -> int | None:
    """The line from ``start`` on that repeats the document's title, when only short lines
    come before it; None when there is none or a longer line comes first."""
    norm = " ".join(title.split()).lower()
    for k in range(start, min(len(lines), _TOP_LINES)):
        line = " ".join(lines[k].text.split()).lower()
        # an HTML <title> often carries the site name too: "Headline | Site"
        if line == norm or (
            min(len(norm), len(line)) >= 20 and (line.startswith(norm) or norm.startswith(line))
        ):
            return k if all(_is_short(lines[x].text) for x in range(start, k)) else None
    return None


_SHARE_WORDS = words("share_buttons")
_FOOTER = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(?:share(?: this(?: article| story| page)?| on \w+| article| story)?|tweet|print"
        r"|e-?mail(?: this)?|copy link|like this|loading\.*)\W*$",
        r"^forward (?:this )?to (?:your |a )?friends?\W*$",
        r"^send (?:this )?to (?:a )?friend\W*$",
        r"^\(?sources?\s*[-–—:]\s*[^\n]{1,80}$",
        r"^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))",
        r"\ball rights reserved\b",
        r"^(?:subscribe to|sign up for|newsletter\W*$|follow us\b|join our\b|get our\b)",
        r"^(?:tags?|topics?|keywords|categories|category)\s*:|^(?:filed under|posted in)\b",
        r"^(?:(?:privacy policy|terms of (?:use|service)|terms and conditions|cookie policy"
        r"|cookies?(?: settings)?|contact us|about us|imprint|impressum|advertisement"
        r"|advertising)\s*(?:[|·•]\s*|$))+$",
        r"^\(?(?:reporting|writing|editing|additional reporting|compiled)\s+by\b",
        r"^(?:photo|image|video|picture|cover photo)s?(?: credit)?\s*[:\-–—]",
    )
]
_SECTION = re.compile(
    r"^(?:related(?: articles| stories| news| content| posts| reading)?|read (?:more|also|next)"
    r"|see also|more from\b.{0,40}|more on this(?: topic| story)?|you (?:may|might) also like"
    r"|recommended(?: for you)?|most (?:read|popular|viewed)|popular(?: now)?"
    r"|latest(?: news)?|trending(?: now)?|comments?(?: \(\d+\))?|leave a (?:comment|reply)"
    r"|what to read next)\s*:?$",
    re.IGNORECASE,
)


def _is_footer(s: str) -> bool:
    if len(s.split()) > 40:
        return False
    if any(p.search(s) for p in _FOOTER):
        return True
    if _translation_language(s) is not None:
        return True
    tokens = [t.lower().strip("|·•,") for t in s.split()]
    tokens = [t for t in tokens if t]
    return 0 < len(tokens) <= 8 and all(t in _SHARE_WORDS for t in tokens)


# Promotions set into the middle of an article: never anyone's words
_PROMO = re.compile(
    r"\bdelivered to your inbox\b|\bby signing up\b|^story continued below\W*$|^click here\b"
    r"|\bsign up for\b[^.]{0,40}\bnewsletters?\b|\bcontinue reading the main story\b"
    r"|\bverify you're not a robot\b|^(?:click|tap) here to\b"
    r"|\btoggle caption\b|^enlarge this image\b|^image copyright\b|\bgetty images\W*$",
    re.IGNORECASE,
)


def is_chrome(line: str) -> bool:
    """Whether a line of text is page chrome (share buttons, copyright, a newsletter
    promotion, "Story Continued Below") rather than the report: stages skip such lines
    inside the body, where the body's bounds cannot cut them out."""
    s = line.strip()
    if not s or len(s.split()) > 40:
        return False
    return _is_footer(s) or bool(_SECTION.match(s)) or bool(_PROMO.search(s))


def chrome_lines(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Character ranges of the chrome lines (:func:`is_chrome`) between ``lo`` and ``hi``."""
    hi = len(text) if hi is None else hi
    out = []
    pos = lo
    while pos < hi:
        end = text.find("\n", pos, hi)
        end = hi if end < 0 else end
        if is_chrome(text[pos:end]):
            out.append((pos, end))
        pos = end + 1
    return out


def _bottom_end(lines: Sequence[Line], first: int) -> int:
    """Index one past the last body line."""
    end = len(lines)
    # A "Related articles" block: everything after the marker is headlines and links.
    # footers are short: look for the marker among the last lines only
    for i in range(max(first + 1, len(lines) - 80), len(lines)):
        if not _SECTION.match(lines[i].text):
            continue
        tail = lines[i + 1 :]
        if all(len(t.text.split()) <= 25 and match_label(t) is None for t in tail):
            end = i
            break
    while end > first + 1 and _is_footer(lines[end - 1].text):
        end -= 1
    while end > first + 1 and _SECTION.match(lines[end - 1].text):
        end -= 1
    return end


# --- translation ------------------------------------------------------------------------

_TRANSLATION = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\W{0,3}(?:(?:this|the)\s+(?:[\w-]+\s+){0,3}?(?:has\s+been|have\s+been|was|were|is"
        r"|are)\s+)?(?:(?:machine|automatically|auto)[-\s]?)?translated\s+(?:[\w.-]+\s+){0,4}?"
        r"from\s+(?:the\s+)?(?:original\s+)?(?P<lang>[^\W\d_]+)",
        r"^\W{0,3}(?:machine\s+|automatic\s+)?translation\s+from\s+(?:the\s+)?(?P<lang>[^\W\d_]+)",
    )
]
_LANGUAGE_ALIASES = {"farsi": "fa", "mandarin": "zh", "cantonese": "zh", "belorussian": "be"}


@cache
def _language_code(name: str) -> str | None:
    low = name.lower()
    if low in _LANGUAGE_ALIASES:
        return _LANGUAGE_ALIASES[low]
    if len(low) < 4:  # codes and short words ("his", "our") are not language names here
        return None
    import pycountry

    try:
        lang = pycountry.languages.lookup(name)
    except LookupError:
        return None
    if lang.name.lower() != low:
        return None
    return getattr(lang, "alpha_2", None) or lang.alpha_3


def _translation_language(s: str) -> str | None:
    if len(s.split()) > 30:
        return None
    for p in _TRANSLATION:
        m = p.match(s)
        if m is not None:
            return _language_code(m.group("lang"))
    return None


# --- dateline --------------------------------------------------------------------------

_SEP = re.compile(r"\s*(?:[,/|·•]|[–—-](?=\s))?\s*")
_WIRE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,3})"
    r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)(?![A-Za-z.]*\s*\d))?"
    r"(?P<comma>\s*,\s*)?"
)
_AGENCY = re.compile(r"\.?\s*(?:\((?P<a1>[^()\n]{1,30})\)|/(?P<a2>[^/\s](?:[^/\n]{0,28}[^/\s])?)/)")
_DASH_AFTER = re.compile(r"\s*[-–—]\s+\S")
_DOT_AFTER = re.compile(r"\.?\s+\S")


def _is_place(s: str) -> bool:
    words = s.split()
    if not 1 <= len(words) <= 5 or len(s) > 50 or any(c.isdigit() for c in s):
        return False
    if _SENTENCE_END.search(s) or ":" in s:
        return False
    return all(w[0].isupper() or w.lower() in ("of", "the", "de", "on", "am") for w in words)


@dataclass(frozen=True, slots=True)
class _Found:
    dateline: Dateline
    date: _Date | None
    line: int


def _transcript_dateline(text: str, lines: Sequence[Line], k: int) -> _Found | None:
    """ "June 9, 2023, 14:30, Sochi" (place perhaps on the next line)."""
    line = lines[k]
    s = line.text
    d = _date_at(s)
    if d is None:
        return None
    pos = d.end
    time = None
    sep = _SEP.match(s, pos)
    t = _time_at(s, sep.end()) if sep else None
    if t is not None:
        time, pos = t
    end = line.start + pos
    place: Span | None = None
    sep = _SEP.match(s, pos)
    rest = s[sep.end() :] if sep else s[pos:]
    if rest:
        if _is_place(rest):
            place = Span.of(text, line.start + sep.end(), line.end)  # type: ignore[union-attr]
            end = line.end
        elif sep and re.match(r"\s*[-–—:|]", s[pos:]) and d.year is not None:
            pass  # "June 9, 2023 — The president ..." : the date opens a paragraph
        else:
            return None
    elif k + 1 < len(lines):
        nxt = lines[k + 1]
        if _is_place(nxt.text) and len(nxt.text.split()) <= 4 and match_label(nxt) is None:
            place = Span.of(text, nxt.start, nxt.end)
            end = nxt.end
    return _Found(Dateline(Span.of(text, line.start, end), d.iso(), time, place), d, k)


_NOT_PLACES = words("not_dateline_places")
_AGENCY_NAME = re.compile(r"^[A-Za-z][A-Za-z.&' ]{0,28}[A-Za-z.]$|^[A-Z]$")
_AGENCIES = words("news_agencies")


def _wire_dateline(text: str, lines: Sequence[Line], k: int) -> _Found | None:
    """ "MOSCOW, April 6 (Reuters) - ..." opening a paragraph."""
    line = lines[k]
    s = line.text
    m = _WIRE.match(s)
    if m is None:
        return None
    place = m.group("place")
    pos = m.end("region") if m.group("region") else m.end("place")
    d = None
    if m.group("comma"):
        d = _date_at(s, m.end())
        if d is not None:
            pos = d.end
    a = _AGENCY.match(s, pos)
    if a is not None:
        pos = a.end()
    # "MOSCOW, April 6 (Reuters) - ..." or TASS's "MOSCOW, April 6. /TASS/. ..."
    if _DASH_AFTER.match(s, pos) is None and (a is None or _DOT_AFTER.match(s, pos) is None):
        return None
    if place.split()[0].rstrip(".").lower() in _NOT_PLACES:
        return None  # "FILE - In this photo ...", "UPDATE - ..."
    letters = [c for c in place if c.isalpha()]
    caps = len(letters) >= 3 and all(c.isupper() for c in letters)
    agency = (a.group("a1") or a.group("a2")).strip() if a is not None else None
    # "(R-ME)" after a senator's name is a party, not a news agency.
    if agency is not None and not _AGENCY_NAME.match(agency):
        return None
    known = agency is not None and (
        agency.lower() in _AGENCIES or (agency.isupper() and len(agency) <= 6)
    )
    if not (caps or known or d is not None):
        return None
    place_end = m.end("region") if m.group("region") else m.end("place")
    place_span = Span.of(text, line.start + m.start("place"), line.start + place_end)
    return _Found(
        Dateline(
            Span.of(text, line.start, line.start + pos), d.iso() if d else None, None, place_span
        ),
        d,
        k,
    )


def _find_dateline(text: str, lines: Sequence[Line], first: int, last: int) -> _Found | None:
    for k in range(first, min(last, first + 4)):
        found = _transcript_dateline(text, lines, k) or _wire_dateline(text, lines, k)
        if found is not None:
            return found
        # Only a headline, kicker or byline may come before a dateline.
        if len(lines[k].text.split()) > 25:
            return None
    return None


# --- publication date --------------------------------------------------------------------

_PUBLISHED = re.compile(
    r"^(?P<what>first published|published|posted|date|released|issued|last updated|updated"
    r"|modified)(?:\s+on)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)


def _published_line(lines: Sequence[Line]) -> tuple[str, str] | None:
    """The date of a "Published: ..." (or failing that "Updated ...") line."""
    best: dict[str, str] = {}
    for line in lines:
        if len(line.text.split()) > 15:
            continue
        m = _PUBLISHED.match(line.text)
        if m is None:
            continue
        d = _date_at(line.text, m.end(), anchored=False)
        if d is None or d.iso() is None:
            continue
        kind = (
            "updated"
            if "updated" in m.group("what").lower() or "modified" in m.group("what").lower()
            else "published"
        )
        best.setdefault(kind, d.iso())  # type: ignore[arg-type]
    for kind in ("published", "updated"):
        if kind in best:
            return best[kind], kind
    return None


_BYLINE = re.compile(r"^by\s+\S", re.IGNORECASE)


def _byline_date(lines: Sequence[Line]) -> str | None:
    """A full date on a short line under the headline ("By Jane Doe | April 6, 2023")."""
    for line in lines:
        s = line.text
        if len(s.split()) > 12 or match_label(line) is not None:
            continue
        if not (_is_date_only(s) or _BYLINE.match(s) or re.search(r"\s[|·•]\s", s)):
            continue
        d = _date_at(s, anchored=False)
        if d is not None and d.iso() is not None:
            return d.iso()
    return None


_WEEKDAY_MENTION = re.compile(
    rf"\b(?P<wd>{_W})\s*,?\s+(?:the\s+)?(?:(?P<m1>{_M})\s+(?P<d1>{_D})|(?P<d2>{_D})\s+(?:of\s+)?"
    rf"(?P<m2>{_M}))\b(?!\s*,?\s*{_Y})",
    re.IGNORECASE,
)


def _infer_year(month: int, day: int, body: str, bound: dt.date | None) -> int | None:
    """The year of a dateline's month and day, where the text pins it down.

    A full date with the same month and day settles it. Otherwise a weekday with a date
    ("Wednesday, April 5th") narrows the year to a few candidates, and a page-viewing date
    bounds it from above: the latest such year before the bound, moved to the year that puts
    the dateline nearest the mention.
    """
    for m in _DATE.finditer(body):
        d = _date_at(body, m.start())
        if d is not None and d.year is not None and (d.month, d.day) == (month, day):
            return d.year
    if bound is None:
        return None
    for m in _WEEKDAY_MENTION.finditer(body):
        mo = _MONTHS[(m.group("m1") or m.group("m2"))[:3].lower()]
        dd = int(re.match(r"\d+", m.group("d1") or m.group("d2")).group())  # type: ignore[union-attr]
        wd = _WEEKDAYS[m.group("wd")[:3].lower()]
        for year in range(bound.year, bound.year - 12, -1):
            try:
                mention = dt.date(year, mo, dd)
            except ValueError:
                continue
            if mention > bound or mention.weekday() != wd:
                continue
            best: int | None = None
            for y in (year - 1, year, year + 1):
                try:
                    cand = dt.date(y, month, day)
                except ValueError:
                    continue
                if cand > bound:
                    continue
                if best is None or abs((cand - mention).days) < abs(
                    (dt.date(best, month, day) - mention).days
                ):
                    best = y
            return best
    return None


# --- kind ------------------------------------------------------------------------------

_QUESTION_LABELS = words("interview_labels")


def _is_transcript(text: str, lines: Sequence[Line]) -> bool:
    """Speaker-labelled turns make up the text: several labels, speakers who talk in turn,
    and what follows the labels reads as speech, not headings, citations or profiles."""
    labelled: list[tuple[int, LabelMatch]] = []
    for i, line in enumerate(lines):
        lm = match_label(line)
        if lm is not None and not headline_like(text[lm.colon_end : line.end]):
            labelled.append((i, lm))
    if len(labelled) < 3:
        return False
    speakers: Counter[str] = Counter()
    person_turns = asks = answers = speechlike = offices = talking = 0
    for k, (_i, lm) in enumerate(labelled):
        label = text[lm.start : lm.end]
        if lm.generic:
            key = label.lower().rstrip(".")
            if key in _QUESTION_LABELS:
                asks += 1
            else:
                answers += 1
        else:
            person_turns += 1
            name = name_of_label(label)
            offices += any(is_title(t) for t in label.split())
            key = name.split()[-1].lower()
        speakers[key] += 1
        end = lines[labelled[k + 1][0] - 1].end if k + 1 < len(labelled) else lines[-1].end
        said = text[lm.colon_end : end]
        # A profile ("UNDERWOOD: Rep. Lauren Underwood's district ...") names its subject.
        own = not lm.generic and re.search(rf"\b{re.escape(key)}\b", said[:300], re.I)
        if speech_like(said) and not own:
            speechlike += 1
        talking += has_pronoun(said.strip())
    if len(speakers) < 2:
        return False
    if person_turns < 2 and not (asks >= 2 and answers >= 1):
        return False
    if speechlike < 3 or speechlike < 0.6 * len(labelled):
        return False
    # Headlines relayed under outlet names ("Reuters: Stocks fall.") read like sentences
    # too, but nobody in them says "I", "we" or "you".
    if talking < 0.3 * len(labelled):
        return False
    # Speakers take turns; a run of distinct "Name:" headings each used once is a list,
    # unless they are officials speaking in order at a summit.
    if max(speakers.values()) < 2 and offices < 3:
        return False
    # Most of the body comes after the first label: an article quoting a short exchange
    # near its end is still an article.
    body_start, body_end = lines[0].start, lines[-1].end
    first_label = lines[labelled[0][0]].start
    return first_label - body_start <= 0.5 * (body_end - body_start)


# --- entry point -------------------------------------------------------------------------


def analyse_structure(document: Document) -> None:
    """Fill in ``kind``, ``published``/``published_from``, ``dateline``, ``body`` and
    ``translated_from`` on ``document`` from its text (metadata values are kept)."""
    text = document.text
    lines = split_lines(text)
    if not lines:
        document.body = Span.of(text, 0, 0)
        document.kind = "article"
        if document.published:
            document.published_from = document.published_from or "metadata"
        return

    first, header_dates = _top_end(lines, document)
    last = _bottom_end(lines, first) if first < len(lines) else len(lines)
    if first >= last:  # everything looked like chrome: keep it all rather than nothing
        first, last = 0, len(lines)
        header_dates = []
    document.body = Span.of(text, lines[first].start, lines[last - 1].end)
    body_lines = lines[first:last]

    if document.translated_from is None:
        outside = list(lines[:first]) + list(lines[last:])
        near_edges = list(body_lines[:2]) + list(body_lines[-2:])
        for line in outside[::-1] + near_edges:
            code = _translation_language(line.text)
            if code is not None:
                document.translated_from = code
                break

    found = _find_dateline(text, lines, first, last)
    document.dateline = found.dateline if found else None

    if document.published:
        document.published_from = document.published_from or "metadata"
    else:
        document.published, document.published_from = _published_from_text(
            text, lines, first, last, found, header_dates
        )

    document.kind = "transcript" if _is_transcript(text, body_lines) else "article"


def _published_from_text(
    text: str,
    lines: Sequence[Line],
    first: int,
    last: int,
    found: _Found | None,
    header_dates: list[_Date],
) -> tuple[str | None, PublishedFrom | None]:
    if found is not None and found.dateline.date is not None:
        return found.dateline.date, "text"
    published = _published_line(list(lines[:first]) + list(lines[first : min(last, first + 8)]))
    if published is not None:
        return published[0], "text"
    before = found.line if found is not None else min(last, first + 4)
    byline = _byline_date(lines[first:before])
    if byline is not None:
        return byline, "text"
    if found is not None and found.date is not None:
        bound = None
        for h in header_dates:
            if h.iso() is not None:
                bound = dt.date.fromisoformat(h.iso())  # type: ignore[arg-type]
        body = text[lines[first].start : lines[last - 1].end]
        year = _infer_year(found.date.month, found.date.day, body, bound)
        if year is not None:
            return f"{year:04d}-{found.date.month:02d}-{found.date.day:02d}", "inferred"
    return None, None
