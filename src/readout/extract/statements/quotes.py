"""Quotations found on the text itself: straight, curly and doubled apostrophe ('') marks,
quotes that run across paragraphs, nested quotes as part of their outer one."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE_OPEN = "“„«‟"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‹"
_SINGLE_CLOSE = "’›"
QUOTE_CHARS = frozenset(_DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE + "\"'")
_OPEN_BEFORE = frozenset("([{<—–-/")
_CLOSE_AFTER = frozenset(".,;:!?)]}>—–-…")
_DOUBLE_FAMILIES = ("d", "D", '"')

_MARK_CHARS = re.compile("[\"'`“”„«»‟‘’‹›]")


@dataclass(frozen=True, slots=True)
class Quote:
    """A top-level quotation: ``start`` at its opening mark, ``end`` after its closing one."""

    start: int
    end: int
    closed: bool = True
    single: bool = False


def _mark(text: str, i: int) -> tuple[str, int]:
    """The quotation mark at ``i`` as (family, length): family is one of "d" (double,
    directional open), "D" (double, directional close), '"' (double, straight), "s", "S",
    "'" likewise for single marks; ("", 0) when there is none."""
    ch = text[i]
    if ch == "'" and text.startswith("''", i):
        return '"', 2  # typewriter double quotes written as two apostrophes (NYT archive)
    if ch == "`" and text.startswith("``", i):
        return "d", 2
    if ch in _DOUBLE_OPEN:
        return "d", 1
    if ch in _DOUBLE_CLOSE:
        return "D", 1
    if ch == '"':
        return '"', 1
    if ch in _SINGLE_OPEN:
        return "s", 1
    if ch in _SINGLE_CLOSE:
        return "S", 1
    if ch == "'":
        return "'", 1
    return "", 0


def _flanks(text: str, i: int, n: int, lo: int, hi: int) -> tuple[bool, bool]:
    """Whether a mark at text[i:i+n] can open (left-flanking) and close (right-flanking)."""
    p = text[i - 1] if i > lo else " "
    q = text[i + n] if i + n < hi else " "
    left = not q.isspace() and (p.isspace() or p in _OPEN_BEFORE or p in QUOTE_CHARS)
    right = not p.isspace() and (q.isspace() or q in _CLOSE_AFTER or q in QUOTE_CHARS)
    return left, right


def _paragraphs(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [(lo + m.start(), lo + m.end()) for m in re.finditer(r"[^\n]+", text[lo:hi])]


class _Paragraph:
    """One paragraph's marks, read left to right: the quotations still open as a stack of
    ("d" | "s", position of the opening mark); the top-level ones it closes go to
    ``quotes``."""

    def __init__(self, text: str, start: int, end: int, quotes: list[Quote]) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.quotes = quotes
        self.stack: list[tuple[str, int]] = []

    def scan(self, carried: int | None) -> list[tuple[str, int]]:
        """Read the paragraph; ``carried`` is the opening mark of a quotation the paragraph
        before left open. Returns the quotations left open at its end."""
        text, i = self.text, self.start
        if carried is not None:
            self.stack.append(("d", carried))
            fam, n = _mark(text, i)
            if fam in _DOUBLE_FAMILIES:
                i += n
        while i < self.end:
            m = _MARK_CHARS.search(text, i, self.end)
            if m is None:
                break
            i = m.start()
            fam, n = _mark(text, i)
            if not n:
                i += 1
                continue
            if fam in _DOUBLE_FAMILIES:
                self._double(i, n, fam)
            else:
                self._single(i, n, fam)
            i += n
        return self.stack

    def _double(self, i: int, n: int, fam: str) -> None:
        left, right = _flanks(self.text, i, n, self.start, self.end)
        stack = self.stack
        has_double = any(k == "d" for k, _ in stack)
        if fam == "d":
            opens = not (right and not left)
        elif fam == "D":
            opens = left and not right  # a closing mark used to open ('”Mr. Trump')
        else:
            opens = (left and not right) or (left == right and not has_double)
        if opens:
            stack.append(("d", i))
        elif has_double:
            k = max(j for j, (kind, _) in enumerate(stack) if kind == "d")
            start = stack[k][1]
            del stack[k:]
            if not stack:
                self.quotes.append(Quote(start, i + n))

    def _single(self, i: int, n: int, fam: str) -> None:
        """Single marks: never inside a word, and closing only what is open."""
        text, stack = self.text, self.stack
        left, right = _flanks(text, i, n, self.start, self.end)
        p = text[i - 1] if i > self.start else " "
        q = text[i + n] if i + n < self.end else " "
        if p.isalnum() and q.isalnum():
            return
        if fam in ("s", "'") and left and not right and (q.isalpha() or q in QUOTE_CHARS):
            stack.append(("s", i))
        elif fam in ("S", "'") and right and stack and stack[-1][0] == "s":
            start = stack.pop()[1]
            if not stack:
                self.quotes.append(Quote(start, i + n, single=True))


def find_quotes(text: str, lo: int = 0, hi: int | None = None) -> list[Quote]:
    """Top-level quotations in ``text[lo:hi]``, in order.

    A paragraph that ends inside a quotation continues it when the next paragraph opens
    with a quotation mark (the typographic convention for multi-paragraph quotes);
    otherwise the quotation ends with its paragraph (``closed=False``). Nested quotations
    are part of their outer one. Apostrophes inside words are never marks.
    """
    hi = len(text) if hi is None else hi
    paragraphs = _paragraphs(text, lo, hi)
    quotes: list[Quote] = []
    carried: int | None = None
    for pi, (ps, pe) in enumerate(paragraphs):
        stack = _Paragraph(text, ps, pe, quotes).scan(carried)
        carried = None
        starts = [pos for kind, pos in stack if kind == "d"]
        if not starts:
            continue
        start = starts[0]
        nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
        if nxt is not None and _mark(text, nxt[0])[0] in _DOUBLE_FAMILIES:
            carried = start
        else:
            end = pe
            while end > start and text[end - 1].isspace():
                end -= 1
            quotes.append(Quote(start, end, closed=False))
    if carried is not None:  # pragma: no cover - the last paragraph always resolves it
        quotes.append(Quote(carried, paragraphs[-1][1], closed=False))
    return quotes
