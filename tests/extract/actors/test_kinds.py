"""The kind of actor a tagged entity names, corrected by its own words."""

from __future__ import annotations

from actors_helpers import by_name, run
from spacy.language import Language

from readout.kb.lookup import KB


def test_a_person_tagged_as_a_place_reads_as_a_person(kb: KB, blank: Language) -> None:
    text = "Vladimir Bordini, an engineer, left. Mr Guo stayed with Dr. Okafor Smith."
    ents = {"Vladimir Bordini": "LOC", "Guo": "LOC", "Okafor Smith": "ORG"}
    actors = run(kb, blank, text, ents, None)
    assert by_name(actors, "Vladimir Bordini").type == "person"
    assert by_name(actors, "Guo").type == "person"
    assert by_name(actors, "Okafor Smith").type == "person"


def test_places_read_as_places(kb: KB, blank: Language) -> None:
    text = (
        "They met in the Rose Garden and at the Alexander Hotel. Officials in Vladimir "
        "Valley and from Dmitry Oblasts agreed."
    )
    ents = {
        "Rose Garden": "PER",
        "Alexander Hotel": "ORG",
        "Vladimir Valley": "LOC",
        "Dmitry Oblasts": "LOC",
    }
    actors = run(kb, blank, text, ents, None)
    assert by_name(actors, "Rose Garden").type == "place"
    assert by_name(actors, "Alexander Hotel").type == "place"
    assert by_name(actors, "Vladimir Valley").type == "place"  # after "in"
    assert by_name(actors, "Dmitry Oblasts").type == "place"  # a plural is no surname


def test_a_name_the_knowledge_base_holds_keeps_its_kind(kb: KB, blank: Language) -> None:
    text = "Alexander Minsk talks began. The Vladimir Holdings board met."
    ents = {"Vladimir Holdings": "ORG"}
    actors = run(kb, blank, text, ents, None)
    assert by_name(actors, "Vladimir Holdings").type == "organization"
