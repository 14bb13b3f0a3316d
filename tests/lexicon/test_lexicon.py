"""The word lists: each in one file, loaded once, readable by name."""

from __future__ import annotations

import pytest

from readout import lexicon


def test_every_list_loads_and_has_entries() -> None:
    for name in lexicon.available():
        found = lexicon.words(name)
        assert found, name
        assert all(e == e.strip() and "#" not in e for e in found), name


def test_an_unknown_list_says_which_exist() -> None:
    with pytest.raises(KeyError, match="word list"):
        lexicon.words("no such list")


def test_a_list_is_loaded_once() -> None:
    if not lexicon.available():
        pytest.skip("no lists yet")
    name = lexicon.available()[0]
    assert lexicon.words(name) is lexicon.words(name)


def test_a_table_gives_its_words_and_their_values() -> None:
    assert lexicon.table("months")["march"] == "3"
    assert "march" in lexicon.words("months")
    assert lexicon.entries("months")[:2] == ("january", "february")
    assert lexicon.tagged("pronouns", "first", "plural") == {"we", "us", "our"}


def test_no_two_lists_are_the_same() -> None:
    seen: dict[frozenset[str], str] = {}
    for name in lexicon.available():
        found = lexicon.words(name)
        assert found not in seen, f"{name} and {seen.get(found)} hold the same words"
        seen[found] = name
