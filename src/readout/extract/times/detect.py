"""Detection: the stretches of text worth scanning, the scan of the rules' patterns over
them, the checks a candidate must pass, and the merge of a day and a time of day."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import IDX, LOWER, ORTH, SHAPE  # type: ignore[import-not-found]
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc

from readout.extract.times.candidate import Candidate
from readout.extract.times.checks import month_ok
from readout.extract.times.lexicon import MONTHS, TRIGGER_WORDS
from readout.extract.times.rules import RULES, Rule
from readout.lexicon import entries
from readout.model import Document


def regions(document: Document) -> list[tuple[int, int]]:
    """Where times are looked for: the body, and the dateline where it lies outside the body;
    the whole text when there is no body."""
    n = len(document.text)
    body = document.body
    if body is None:
        return [(0, n)]
    regions = [(body.start, body.end)]
    dl = document.dateline
    if dl is not None and not (body.start <= dl.span.start and dl.span.end <= body.end):
        regions.append((dl.span.start, dl.span.end))
    return sorted(regions)


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")

_CAPITAL_FORMS = [
    form
    for name in [*MONTHS, *entries("weekday_abbreviations")]
    for cased in (name.title(), name.upper())
    for form in (cased, cased + ".")
]

_TRIGGER_HASHES = np.array([hash_string(w) for w in TRIGGER_WORDS], dtype=np.uint64)

_CAPITAL_HASHES = np.array([hash_string(w) for w in _CAPITAL_FORMS], dtype=np.uint64)

_DIGIT_SHAPES: dict[int, bool] = {}

_REACH = 8  # tokens scanned either side of a trigger: modifiers lead, units trail


def windows(doc: Doc, text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of the regions around trigger tokens, cut at blank lines."""
    stretches = _trigger_stretches(doc, text)
    breaks = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)]
    break_ends = [be for _, be in breaks]
    out: list[tuple[int, int]] = []
    for rs, re_ in regions:
        for ws, we in stretches:
            _cut(max(rs, ws), min(re_, we), breaks, break_ends, out)
    return out


def _cut(
    s: int, e: int, breaks: list[tuple[int, int]], break_ends: list[int], out: list[tuple[int, int]]
) -> None:
    """Add to ``out`` the pieces of ``s``-``e`` between blank lines."""
    # start at the first break that ends after ``s`` (by bisection: a pass over all the
    # breaks for each stretch would cost breaks x stretches)
    i = bisect_right(break_ends, s)
    while i < len(breaks) and breaks[i][0] < e:
        bs, be = breaks[i]
        if bs > s:
            out.append((s, bs))
        s = max(s, be)
        i += 1
    if s < e:
        out.append((s, e))


def _trigger_stretches(doc: Doc, text: str) -> list[tuple[int, int]]:
    """The text of the tokens within ``_REACH`` of a trigger token, joined where they touch."""
    last = doc[-1] if len(doc) else None
    if last is None or last.idx + len(last.text_with_ws) != len(text):
        return [(0, len(text))]  # no usable tokens: scan it all
    arr = doc.to_array([LOWER, ORTH, SHAPE, IDX])
    n = len(doc)
    starts = arr[:, 3].tolist()
    stretches: list[tuple[int, int]] = []
    lo = hi = -1
    for i in np.nonzero(_trigger_hits(doc, arr))[0].tolist():
        a, b = max(0, i - _REACH), min(n - 1, i + _REACH)
        if lo >= 0 and a <= hi + 1:
            hi = b
            continue
        if lo >= 0:
            stretches.append((starts[lo], starts[hi + 1] if hi + 1 < n else len(text)))
        lo, hi = a, b
    if lo >= 0:
        stretches.append((starts[lo], starts[hi + 1] if hi + 1 < n else len(text)))
    return stretches


def _trigger_hits(doc: Doc, arr: np.ndarray) -> np.ndarray:
    """Which tokens are triggers: a trigger word, a capitalised month or weekday, a digit."""
    shapes = arr[:, 2]
    digit_shapes = []
    for h in np.unique(shapes).tolist():
        if h not in _DIGIT_SHAPES:
            _DIGIT_SHAPES[h] = "d" in doc.vocab.strings[h]
        if _DIGIT_SHAPES[h]:
            digit_shapes.append(h)
    return (
        np.isin(arr[:, 0], _TRIGGER_HASHES)
        | np.isin(arr[:, 1], _CAPITAL_HASHES)
        | np.isin(shapes, np.array(digit_shapes, dtype=np.uint64))
    )


_DIGIT = re.compile(r"\d")


def scan(text: str, windows: Iterable[tuple[int, int]]) -> list[Candidate]:
    """The longest leftmost accepted candidates in ``windows``, none overlapping."""
    found: list[Candidate] = []
    for start, end in windows:
        found.extend(_window_candidates(text, start, end))
    return _longest_leftmost(found)


def _window_candidates(text: str, start: int, end: int) -> Iterator[Candidate]:
    low = text[start:end].lower()
    digits = _DIGIT.search(low) is not None
    for rank, rule in enumerate(RULES):
        if not any(digits if w == "0" else w in low for w in rule.needs):
            continue  # cheaper to look for the word the pattern needs than to run it
        for m in rule.pattern.finditer(text, start, end):
            if m.end() == m.start():
                continue
            c = _accept(text, rule, Candidate(m.start(), m.end(), rule.name, m.groupdict(), rank))
            if c is not None:
                yield c


def _longest_leftmost(found: list[Candidate]) -> list[Candidate]:
    # where two start together and are as long, the earlier rule wins
    found.sort(key=lambda c: (c.start, -(c.end - c.start), c.rank))
    chosen: list[Candidate] = []
    last_end = -1
    for c in found:
        if c.start < last_end:
            continue
        chosen.append(c)
        last_end = c.end
    return chosen


def _accept(text: str, rule: Rule, c: Candidate) -> Candidate | None:
    """Context checks a regular expression cannot make cheaply; None rejects."""
    mon = c.g.get("mon")
    if mon is not None and not month_ok(text, c, mon):
        return None
    chunk_start = text.rfind(" ", 0, c.start) + 1
    chunk_end = text.find(" ", c.end)
    chunk = text[chunk_start : chunk_end if chunk_end >= 0 else len(text)]
    if "://" in chunk or "www." in chunk or "@" in chunk:
        return None
    if not rule.check(text, c):
        return None
    # a season's own "early", "late" or "mid" is its modifier already (no other rule's
    # ``rel`` group holds those words)
    if rule.takes_modifier and (c.g.get("rel") or "").lower() not in ("early", "late", "mid"):
        c = _with_modifier(text, c)
    return c


_MOD_PREFIX = re.compile(
    r"(?:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|outset|rest"
    r"|remainder|dawn|eve)\s+of|(?:early|late|later|earlier)(?:\s+(?:in|on|into|during))?"
    r"|mid|sometime(?:\s+in)?|some\s+time\s+in|as\s+early\s+as|as\s+late\s+as|no\s+later\s+than"
    r"|around|about|approximately|roughly|(?:well|just|shortly|long|soon)\s+(?:after|before|past)"
    r"|just)[\s-]+$",
    re.IGNORECASE,
)


def _with_modifier(text: str, c: Candidate) -> Candidate:
    """Take a position modifier ("early", "the end of", "late on") into the span."""
    m = _MOD_PREFIX.search(text, max(0, c.start - 40), c.start)
    if m is None or m.end() != c.start:
        return c
    mod = m.group(0)
    if mod.strip().lower() in ("just", "about", "around") and c.kind not in ("clock", "year"):
        return c
    return Candidate(m.start(), c.end, c.kind, c.g, c.rank, c.parts)


_CLOCKISH = frozenset({"clock", "pod"})


def merge(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join a day and a time of day into one TIME: "June 9, 2023, 14:30", "12:00 UTC Monday",
    "late into the night on Wednesday, April 5th"."""
    out: list[Candidate] = []
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
                out.append(Candidate(c.start, d.end, "datetime", {}, 0, (c, d)))
                i += 2
                continue
            # "12:00 UTC Monday", "14:30 on June 9"; after a comma the date stands alone
            joins = r"\s+(?:on\s+|of\s+)?" if c.kind == "clock" else r"\s+(?:on|of)\s+"
            if c.kind in _CLOCKISH and _is_dayish(d) and re.fullmatch(joins, gap):
                out.append(Candidate(c.start, d.end, "datetime", {}, 0, (d, c)))
                i += 2
                continue
            if c.kind == "clock" and _is_dayish(d) and re.fullmatch(r"\s*,\s*", gap):
                # "at 16:15 UTC, June 1st": two expressions, the clock on the day after it
                out.append(Candidate(c.start, c.end, c.kind, c.g, c.rank, (d,)))
                i += 1
                continue
        out.append(c)
        i += 1
    return out


def _is_dayish(c: Candidate) -> bool:
    if c.kind in ("weekday", "deictic"):
        return not c.g.get("pod") and not c.g.get("pl")
    if c.kind in ("mdy", "dmy"):
        return not c.g.get("d2")
    if c.kind == "iso":
        return not c.g.get("h")
    if c.kind == "rel_unit":
        return (c.g.get("u") or "").lower() == "day"
    return c.kind in ("numeric", "holiday", "anaphor") and (c.g.get("u") or "day").lower() == "day"
