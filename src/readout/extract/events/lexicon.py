"""The event lexicon: CAMEO verb codes and verb patterns (derived from PETRARCH2's
dictionary by ``training/events_lexicon.py``), the CAMEO -> PLOVER table, and readout's
own event nouns and overrides (in :mod:`readout.lexicon`)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from readout.lexicon import table


@dataclass(frozen=True, slots=True)
class Pattern:
    """Words that must stand on one side of the verb for ``code`` to apply: each slot is
    the set of its spellings ("detention|custody|jail")."""

    side: str  # "object" (after the verb) or "subject" (before it)
    slots: tuple[frozenset[str], ...]
    code: str
    # per slot, the first words of its spellings: a quick test before the ordered one
    heads: tuple[frozenset[str], ...] = ()
    verb: str = ""  # the block's verb it was written for; "" for every verb of the block


@dataclass(frozen=True, slots=True)
class Coding:
    """A PLOVER type with its mode, and the CAMEO code it came from."""

    type: str
    mode: str | None
    cameo: str | None


def _rows(name: str) -> list[list[str]]:
    path = resources.files(__package__).joinpath("data", name)
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@functools.cache
def verb_codes() -> dict[str, tuple[str, str]]:
    """verb -> (its CAMEO code, or "---" for none of its own; its verb block)."""
    return {row[0]: (row[1], row[2]) for row in _rows("cameo_verbs.tsv")}


@functools.cache
def inherited_codes() -> frozenset[str]:
    """The verbs whose code is only their block's (a WordNet synonym set's), not their own."""
    return frozenset(row[0] for row in _rows("cameo_verbs.tsv") if row[3:] == ["block"])


@functools.cache
def block_patterns() -> dict[str, tuple[Pattern, ...]]:
    """verb block -> its patterns, the longest first (the most specific wins)."""
    found: dict[str, list[Pattern]] = {}
    for block, side, words, code, verb in _rows("cameo_patterns.tsv"):
        slots = tuple(frozenset(s.split("|")) for s in words.split(" ") if s)
        heads = tuple(frozenset(sp.split(" ")[0] for sp in slot) for slot in slots)
        found.setdefault(block, []).append(Pattern(side, slots, code, heads, verb))
    return {b: tuple(sorted(ps, key=lambda p: -len(p.slots))) for b, ps in found.items()}


@functools.cache
def _plover_table() -> dict[str, tuple[str | None, str | None]]:
    return {
        code: (None if kind == "-" else kind, None if mode == "-" else mode)
        for code, kind, mode in _rows("cameo_plover.tsv")
    }


def plover(cameo: str) -> Coding | None:
    """The PLOVER type and mode of a CAMEO code, by its longest listed prefix; None for a
    code PLOVER does not keep (public statements)."""
    tab = _plover_table()
    for n in range(len(cameo), 1, -1):
        hit = tab.get(cameo[:n])
        if hit is not None:
            kind, mode = hit
            return Coding(kind, mode, cameo) if kind else None
    return None


def _coding(value: str) -> Coding:
    kind, _sep, mode = value.partition(" ")
    mode = mode.strip()
    return Coding(kind, None if mode in ("", "-") else mode, None)


@functools.cache
def event_nouns() -> dict[str, Coding]:
    """Nouns that name an event ("talks", "summit", "sanctions") -> their coding."""
    return {noun: _coding(v.replace("\t", " ")) for noun, v in table("event_nouns").items()}


@functools.cache
def verb_overrides() -> dict[str, Coding]:
    """readout's own codings of verbs the CAMEO dictionary leaves without a code of their
    own or codes otherwise than PLOVER ("reject", "sign")."""
    return {verb: _coding(v.replace("\t", " ")) for verb, v in table("event_verbs").items()}
