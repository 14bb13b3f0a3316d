"""readout's word lists, each in one data file of this folder and loaded once.

A list is ``<name>.txt``: one entry per line (an entry may be several words, "head of
state"), ``#`` starts a comment, blank lines are skipped, entries are kept as written
(lists are lower-case unless their header says otherwise). Stages ask for a list by name
(:func:`words`) instead of keeping a frozenset of their own, so a word added for one stage
reaches every stage that reads the list: "congressman" is a title for article names and
for transcript labels alike.

The lists of this folder are readout's own; no third-party data is shipped here.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["available", "words"]


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of the list ``name`` (``titles``, ``honorifics``, ...)."""
    return frozenset(entries(name))


@functools.cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of a list in file order (for lists whose order matters)."""
    path = resources.files(__name__).joinpath(f"{name}.txt")
    if not path.is_file():
        raise KeyError(f"readout has no word list {name!r}; the lists are {available()}")
    found: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            found.append(entry)
    return tuple(found)


def available() -> list[str]:
    """The names of all lists."""
    return sorted(
        p.name[: -len(".txt")]
        for p in resources.files(__name__).iterdir()
        if p.name.endswith(".txt")
    )
