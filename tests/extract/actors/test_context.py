"""The actors stage's shared state: finding a token by char, spans near a range, lines."""

from __future__ import annotations

from spacy.language import Language

from readout.extract.actors.context import Context, Spans, in_ranges
from readout.model import Document


def test_the_token_at_a_char_is_the_one_a_scan_finds(blank: Language) -> None:
    text = "  Vladimir  Putin,\n\nmet (Lukashenko) in Sochi.  "
    doc = blank(text)
    ctx = Context(doc, Document(id="x", source="t", text=text), None)
    for char in range(-1, len(text) + 2):
        scan = next((t.i for t in doc if t.idx <= char < t.idx + max(1, len(t.text))), len(doc))
        assert ctx.tok_at(char) == scan, char


def test_spans_near_a_range_hold_every_one_that_overlaps_or_touches_it() -> None:
    ranges = [(0, 4), (2, 9), (10, 11), (12, 30), (31, 33), (40, 41)]
    spans = Spans((s, e, (s, e)) for s, e in ranges)
    spans.add(20, 22, (20, 22))
    ranges.append((20, 22))
    for lo in range(-2, 45):
        for hi in range(lo, 45, 3):
            near = spans.near(lo, hi)
            assert all(r in near for r in ranges if r[0] <= hi and r[1] >= lo), (lo, hi)
            assert near == sorted(near, key=lambda r: r[0])


def test_a_char_in_ranges_as_a_scan_finds_it() -> None:
    lines = [(0, 5), (9, 9), (10, 20), (25, 26)]
    for char in range(-1, 30):
        assert in_ranges(lines, char) == any(a <= char < b for a, b in lines), char
