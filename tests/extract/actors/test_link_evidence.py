"""Knowledge-base links need evidence in the document: one test per error class of the
unseen-news check (issue 21, class 1), on the built knowledge base and the real pipeline."""

from __future__ import annotations

import pytest

from readout.extract.actors import extract_actors
from readout.kb.lookup import default_kb
from readout.model import Actor, Document

pytestmark = pytest.mark.skipif(default_kb() is None, reason="the knowledge base is not built")


def _actors(nlp, text: str, published: str | None) -> dict[str, Actor]:
    document = Document(id="t", source="t", text=text, published=published)
    return {a.name: a for a in extract_actors(nlp(text), document)}


def test_a_former_president_keeps_his_own_country_not_an_ex_officio_one(nlp) -> None:
    text = "Former French President Nicolas Sarkozy said he would run again. Sarkozy spoke."
    sarkozy = _actors(nlp, text, "2016-05-01")["Nicolas Sarkozy"]
    assert sarkozy.country == "FRA"


def test_a_senate_leader_is_not_given_a_head_of_states_role(nlp) -> None:
    text = "Senate Majority Leader Mitch McConnell said the bill would not pass."
    for actor in _actors(nlp, text, "2019-05-01").values():
        assert "head of state" not in actor.roles


def test_a_name_after_the_article_links_to_no_person(nlp) -> None:
    text = "The senator told the Hill that the vote would happen on Tuesday."
    for actor in _actors(nlp, text, "2019-05-01").values():
        assert not (actor.type == "person" and actor.kb)


def test_american_is_no_island_territory(nlp) -> None:
    text = "American officials said the talks had failed. American Airlines cancelled flights."
    assert all(a.kb != "Q16644" for a in _actors(nlp, text, "2019-05-01").values())


def test_a_bare_surname_links_to_the_office_holder_of_the_date(nlp) -> None:
    text = "Obama said the deal was good. Obama spoke at the White House."
    actors = _actors(nlp, text, "2015-05-01")
    assert actors["Barack Obama"].kb == "Q76"


def test_a_bare_surname_out_of_office_on_the_date_stays_unlinked(nlp) -> None:
    # Obama held no office in 2005: a bare "Obama" then has no evidence for the president
    actors = _actors(nlp, "Obama said the deal was good.", "2005-05-01")
    assert all(a.kb != "Q76" for a in actors.values())
