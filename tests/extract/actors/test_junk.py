"""Page furniture, section headings and headline fragments are no actors."""

from __future__ import annotations

from readout.extract.actors import extract_actors
from readout.model import Document


def _names(nlp, text: str) -> set[str]:
    return {a.name for a in extract_actors(nlp(text), Document(id="j", source="j", text=text))}


def test_page_furniture_and_headings_give_no_actors(nlp) -> None:
    text = (
        "Slideshow\n\nHide caption\n\nEnergy\n\n"
        "Senator Joe Manchin said on Monday that the energy bill would pass.\n\n"
        "IOWA CAUCUS MESS LEAVES DEMOCRATS FUMING\n\n"
        "The mess leaves the party in trouble, Manchin said."
    )
    names = _names(nlp, text)
    assert "Joe Manchin" in names
    assert not names & {"Slideshow", "Hide", "Energy", "IOWA CAUCUS MESS LEAVES DEMOCRATS FUMING"}
    assert not any(n.isupper() and " " in n for n in names)


def test_an_all_caps_name_that_is_a_name_stays(nlp) -> None:
    text = "AMY GOODMAN: Welcome to the show.\n\nAmy Goodman said the guests would speak."
    assert any("GOODMAN" in n.upper() for n in _names(nlp, text))


def test_credits_and_a_datelines_agency_are_no_actors(nlp) -> None:
    text = (
        "Senator Joe Manchin spoke in Charleston on Monday. REUTERS/Leah Millis\n\n"
        "The bill stalled [File: Andrew Harnik/AP]\n\n"
        "(Photo: Eduardo Verdugo, AP)\n\n"
        "Manchin said the energy bill would pass."
    )
    names = _names(nlp, text)
    assert "Joe Manchin" in names
    assert not names & {"Leah Millis", "Andrew Harnik", "Eduardo Verdugo"}


def test_a_seeded_speaker_keeps_its_type(nlp) -> None:
    from readout.model import Actor, Span

    text = "HH: Welcome back.\n\nHH said the show would go on."
    seed = [Actor(id="a1", name="HH", type="person", mentions=[Span.of(text, 0, 2)])]
    actors = extract_actors(nlp(text), Document(id="j", source="j", text=text), seed=seed)
    assert [a.type for a in actors if a.name == "HH"] == ["person"]


def test_a_capitalised_sentence_opener_is_no_person(nlp) -> None:
    text = "Earlier Thursday, Senator Joe Manchin said the energy bill would pass."
    assert "Earlier" not in _names(nlp, text)


def test_menu_items_and_section_headings_are_no_actors(nlp) -> None:
    text = (
        "Hotels / Real Estate / Entertainment / Retail\n\n"
        "Retail\n\nSenator Joe Manchin said the energy bill would pass.\n\n"
        "Entertainment\n\nThe bill stalled."
    )
    names = _names(nlp, text)
    assert "Joe Manchin" in names
    assert not names & {"Entertainment", "Retail"}
