"""A candidate expression, as a rule's pattern found it, and the words around it in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    kind: str
    g: dict[str, str | None]
    rank: int = 0
    parts: tuple[Candidate, ...] = ()


def word_before(text: str, pos: int) -> str:
    """The word just before ``pos``, as written."""
    m = re.search(r"([\w$€£¥.'’]+)[^\w\n]*$", text[max(0, pos - 30) : pos])
    return m.group(1) if m else ""


def word_after(text: str, pos: int) -> str:
    """The word just after ``pos``, as written."""
    m = re.match(r"[^\S\n]*([\w%/'’]+)", text[pos : pos + 30])
    return m.group(1) if m else ""


def prev_word(text: str, pos: int) -> str:
    return word_before(text, pos).lower()


def next_word(text: str, pos: int) -> str:
    return word_after(text, pos).lower()


def capitalised(word: str) -> bool:
    return word[:1].isupper()


def sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:"


def title_case_name(text: str, c: Candidate) -> bool:
    """Capitalised in mid-sentence, so part of a name: "This Week", "Morning Joe"."""
    words = re.findall(r"[A-Za-z]+", text[c.start : c.end])
    if not words or not words[-1][:1].isupper() or sentence_initial(text, c.start):
        return False
    return all(w[:1].isupper() for w in words)
