"""What kind of actor a tagged entity names: the tagger's label, corrected by the words of the
name and the word before it where they say otherwise."""

from __future__ import annotations

import functools

from spacy.tokens import Span as SpacySpan

from readout.extract.actors.context import Context, lower_words
from readout.labels import entity_kind
from readout.lexicon import words

_TITLE_ENDS = words("title_ends")
_GROUP_WORDS = words("group_words")
_PLACE_ENDS = words("place_ends")
_HONORIFICS = words("honorifics")
_PARTICLES = words("name_particles")
_COMPANY = words("company_words") | words("legal_suffixes")
# words before a name that make it a place: "in Ann Arbor", "visited Grand Rapids"
_PLACE_LEADS = words("locative_words")
# words that make a tagged "person" an organisation
ORG_HEADS = words("org_heads")
# last words that make a tagged place (or person) an organisation: newspapers, forces
BODY_ENDS = ORG_HEADS | words("media_and_forces")


def entity_kind_of(ctx: Context, ent: SpacySpan) -> str | None:
    """What a tagged entity names (:func:`readout.labels.entity_kind`), corrected by its
    words; None for a tag that names no actor."""
    kind = entity_kind(ent.label_)
    if kind == "other":
        return None
    if kind == "person" and len(ent) == 1 and ent[0].lower_ in _GROUP_WORDS:
        return None  # "Hispanic": a group word, not a person
    last = ent[-1].lower_.rstrip(".")
    if kind == "organization" and len(ent) > 1 and last in _TITLE_ENDS:
        return None  # "House Speaker", "Senate Majority" (Leader): a title, not a body
    if kind == "person" and any(t.lower_ in ORG_HEADS for t in ent):
        return "organization"  # "Nelson A. Rockefeller Institute of Government"
    if kind in ("person", "place") and len(ent) > 1 and last in BODY_ENDS:
        return "organization"  # "The New York Times", "Metropolitan Police" tagged places
    if kind in ("person", "organization") and len(ent) > 1 and last in _PLACE_ENDS:
        return "place"  # "Wall Street", "the Rose Garden"
    if kind in ("place", "organization") and _reads_as_person(ctx, ent):
        return "person"  # "Sergio Marchionne", "Mr Guo" tagged a place
    return kind


@functools.cache
def _region_names() -> frozenset[str]:
    """The one-word names of the world's states, provinces and regions ("Virginia",
    "Georgia"), which are also first names."""
    import pycountry

    return frozenset(sub.name.casefold() for sub in pycountry.subdivisions if " " not in sub.name)


def _reads_as_person(ctx: Context, ent: SpacySpan) -> bool:
    """A name after an honorific ("Mr Guo", "Dr. Bordini"), or two or three capitalised
    words opening with a first name the knowledge base knows and naming nothing it holds
    ("Vincent Bordini"), not one that reads as a place ("in Ann Arbor", "the Rose Garden")
    or that the knowledge base holds ("Georgia")."""
    doc = ctx.doc
    before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
    if before in _HONORIFICS and before not in ("lord", "lady"):
        return not any(t.lower_ in BODY_ENDS for t in ent)
    if ctx.kb is None or not 2 <= len(ent) <= 3 or before in _PLACE_LEADS or before == "the":
        return False
    if ent[-1].lower_ in _PLACE_ENDS or ent[-1].lower_ in BODY_ENDS:
        return False
    if not all(t.is_alpha and t.text[:1].isupper() and t.text[1:].islower() for t in ent):
        return False
    if ctx.kb.given_name_gender(ent[0].text) is None or ent[0].lower_ in _PARTICLES:
        return False  # "Al Qaeda"
    if ent[0].lower_ in _region_names() or any(t.lower_.endswith("s") for t in ent[1:]):
        return False  # "Virginia Democrats", "Marine Corps", "Des Moines"
    lower = lower_words(doc)
    if any(t.lower_ in lower or t.lower_ in _COMPANY for t in ent[1:]):
        return False  # "Hamilton Medical": a word, not a surname
    return not ctx.kb.lookup(ent.text) and not any(ctx.kb.lookup(t.text) for t in ent[1:])
