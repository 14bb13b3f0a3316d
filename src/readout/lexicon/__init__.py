"""readout's word lists, each in one data file of this folder and loaded once.

A list is ``<name>.txt``: one entry per line (an entry may be several words, "head of
state"), ``#`` starts a comment, blank lines are skipped, entries are kept as written
(lists are lower-case unless their header says otherwise). Stages ask for a list by name
(:func:`words`) instead of keeping a frozenset of their own, so a word added for one stage
reaches every stage that reads the list: "congressman" is a title for article names and
for transcript labels alike.

A table is a list whose entries carry a value after a tab: ``january<TAB>1``. :func:`table`
gives word -> value (the value as written, a string; the reader converts it), in file
order; :func:`words` and :func:`entries` give its words alone. A value may be several
space-separated tags (``her<TAB>third singular female object possessive``);
:func:`tagged` gives the words that carry all of the tags asked for.

``cues.txt``, the speech-cue lexicon, has a format of its own (a lemma, blanks, its
classes), read by :func:`readout.extract.statements.load_cues`.

The lists of this folder are readout's own; no third-party data is shipped here.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["available", "entries", "table", "tagged", "words"]


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of the list ``name`` (``titles``, ``honorifics``, ...)."""
    return frozenset(entries(name))


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of a list in file order (for lists whose order matters)."""
    return tuple(_rows(name))


@functools.cache
def table(name: str) -> dict[str, str]:
    """The table ``name``: each word -> its value, in file order."""
    return dict(_rows(name).items())


@functools.cache
def tagged(name: str, *tags: str) -> frozenset[str]:
    """The words of the table ``name`` whose value holds every one of ``tags``."""
    return frozenset(w for w, value in _rows(name).items() if set(tags) <= set(value.split()))


@functools.cache
def _rows(name: str) -> dict[str, str]:
    path = resources.files(__name__).joinpath(f"{name}.txt")
    if not path.is_file():
        raise KeyError(f"readout has no word list {name!r}; the lists are {available()}")
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        entry, _tab, value = line.split("#", 1)[0].partition("\t")
        entry = entry.strip()
        if entry:
            found[entry] = value.strip()
    return found


def available() -> list[str]:
    """The names of all lists."""
    return sorted(
        p.name[: -len(".txt")]
        for p in resources.files(__name__).iterdir()
        if p.name.endswith(".txt")
    )
