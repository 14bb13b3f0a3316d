"""Actors: one per person, organisation, country or place a document names, with every mention.

Mentions come from three places: the pipeline's named entities (any label scheme, read through
:func:`readout.labels.entity_kind`), the knowledge base's aliases matched in the text (countries,
demonyms, capitals, international bodies, news agencies, seats of power, office holders'
full names: what a news-trained NER often misses or mislabels), and political naming habits
resolved within the document:

- full name, then surname: "Dmitry Peskov" ... "Peskov";
- first name and patronymic in direct address: "Vladimir Vladimirovich";
- title phrases: "the Russian President", "Belarusian leader", "the Kremlin spokesperson",
  "President of the Republic of Belarus", "Putin's spokesman", resolved through the apposed name
  when there is one, else through the knowledge base's office holders on the document's date;
- capitals as metonyms for their governments: "Moscow and Minsk have been working" (but
  "talks in Minsk" and a "MOSCOW, April 6 -" dateline stay places);
- transcript speaker labels (``seed``), kept with their ids.

Linking prefers the candidate consistent with the document's date, the countries the document
mentions and the title words next to the name; a name the knowledge base does not know, or
knows ambiguously, stays an actor with ``kb`` null.

In this package :mod:`.mentions` collects the mentions, :mod:`.titles` finds and resolves
title phrases, :mod:`.names` and :mod:`.linking` turn names into actors and knowledge-base
entries, and :mod:`.propagation` adds every other occurrence and hands the actors out.
:func:`actor_at`, :func:`resolve_pronoun` and :class:`ActorList` (:mod:`.additions`) serve
the stages after this one; a stage that
calls them once per statement builds a :class:`MentionIndex` over its actor list and passes it
as ``index=``, for the same answers without a scan per call.
"""

from __future__ import annotations

from spacy.tokens import Doc

from readout.extract.actors.additions import ActorList
from readout.extract.actors.context import Context
from readout.extract.actors.index import MentionIndex, actor_at
from readout.extract.actors.mentions import collect_mentions, countries_of
from readout.extract.actors.names import add_seed, resolve_names
from readout.extract.actors.pronouns import resolve_pronoun
from readout.extract.actors.propagation import finish, propagate
from readout.extract.actors.titles import find_titles, resolve_titles
from readout.kb.lookup import KB, default_kb
from readout.model import Actor, Document

__all__ = [
    "ActorList",
    "MentionIndex",
    "actor_at",
    "extract_actors",
    "extract_actors_detailed",
    "resolve_pronoun",
]


def extract_actors(
    doc: Doc, document: Document, seed: list[Actor] | None = None, kb: KB | None = None
) -> list[Actor]:
    """One actor per referent, with every mention, ids continuing after ``seed``'s.

    ``kb`` defaults to the built knowledge base (:func:`readout.kb.default_kb`); without one
    actors still come out, from the entities alone and unlinked.
    """
    actors, _kinds = extract_actors_detailed(doc, document, seed or [], kb)
    return actors


def extract_actors_detailed(
    doc: Doc, document: Document, seed: list[Actor], kb: KB | None = None
) -> tuple[list[Actor], dict[tuple[int, int], str]]:
    """:func:`extract_actors`, plus how each mention was found (``(start, end)`` -> "name",
    "surname", "patronymic", "title", "demonym", "metonym", "seed"): for benchmarks that count
    named mentions only."""
    ctx = Context(doc, document, kb if kb is not None else default_kb())
    add_seed(ctx, seed)
    mentions = collect_mentions(ctx)
    for m in mentions:
        for country in countries_of(m):
            ctx.countries[country] += 1
    titles = find_titles(ctx)
    resolve_names(ctx, mentions, titles)
    propagate(ctx)
    resolve_titles(ctx, titles)
    return finish(ctx, seed)
