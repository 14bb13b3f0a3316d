"""The label mapping answers the same for UD/UNER labels and ClearNLP/OntoNotes labels."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from readout import labels

# (UD label from readout's pipeline, ClearNLP label from the official pipelines, role)
PAIRS = [
    ("nsubj", "nsubj", "subject"),
    ("nsubj:pass", "nsubjpass", "passive_subject"),
    ("csubj:pass", "csubjpass", "passive_subject"),
    ("obj", "dobj", "object"),
    ("iobj", "dative", "indirect_object"),
    ("obl:agent", "agent", "agent"),
    ("nmod:poss", "poss", "possessive"),
    ("aux:pass", "auxpass", "passive_auxiliary"),
    ("acl:relcl", "relcl", "relative_clause"),
    ("ROOT", "ROOT", "root"),
]


@pytest.mark.parametrize(("ud", "clear", "role"), PAIRS)
def test_dependency_roles_agree_across_schemes(ud: str, clear: str, role: str) -> None:
    assert labels.dep_role(ud) == labels.dep_role(clear) == role


def test_unknown_subtype_falls_back_to_its_base_label() -> None:
    assert labels.dep_role("obl:unmarked") == "oblique"
    assert labels.dep_role("nsubj:outer") == "subject"
    assert labels.dep_role("nonsense") == "other"


def test_name_parts_in_both_schemes() -> None:
    assert labels.is_name_part("flat")
    assert labels.is_name_part("flat:name")
    assert labels.is_name_part("compound")
    assert not labels.is_name_part("amod")


def test_subject_and_object_predicates() -> None:
    for label in ("nsubj", "nsubj:pass", "nsubjpass"):
        assert labels.is_subject(label)
    assert labels.is_passive_subject("nsubj:pass") and labels.is_passive_subject("nsubjpass")
    assert not labels.is_passive_subject("nsubj")
    for label in ("obj", "dobj", "iobj", "dative"):
        assert labels.is_object(label)
    assert not labels.is_object("nsubj")


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("PER", "person"),
        ("PERSON", "person"),
        ("ORG", "organization"),
        ("LOC", "place"),
        ("GPE", "place"),
        ("FAC", "place"),
        ("NORP", "nationality"),
        ("DATE", "other"),
        ("per", "person"),
    ],
)
def test_entity_kinds(label: str, kind: str) -> None:
    assert labels.entity_kind(label) == kind


def test_negation_in_both_schemes() -> None:
    assert labels.is_negation("neg", "not")  # ClearNLP
    assert labels.is_negation("advmod", "not")  # UD
    assert labels.is_negation("advmod", "n't")
    assert not labels.is_negation("advmod", "very")


def test_same_sentence_in_both_schemes_gives_the_same_roles() -> None:
    """One hand-built parse of "Smith was told by Ivanov", labelled each way."""
    vocab = spacy.blank("en").vocab
    words = ["Smith", "was", "told", "by", "Ivanov"]
    heads = [2, 2, 2, 4, 2]
    ud = Doc(
        vocab,
        words=words,
        heads=heads,
        deps=["nsubj:pass", "aux:pass", "ROOT", "case", "obl:agent"],
    )
    clear = Doc(
        vocab, words=words, heads=heads, deps=["nsubjpass", "auxpass", "ROOT", "prep", "agent"]
    )
    ud_roles = [labels.dep_role(t.dep_) for t in ud]
    clear_roles = [labels.dep_role(t.dep_) for t in clear]
    # The preposition is "case" in UD and "prep" in ClearNLP; everything else agrees.
    assert [r for i, r in enumerate(ud_roles) if i != 3] == [
        r for i, r in enumerate(clear_roles) if i != 3
    ]
    assert ud_roles[0] == "passive_subject" and ud_roles[4] == "agent"
