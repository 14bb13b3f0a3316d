"""One small mapping layer over label schemes, so extraction rules never name a scheme.

readout's own pipeline speaks Universal Dependencies (``nsubj:pass``, ``obj``, ``flat``) and
UNER entity labels (``PER``, ``ORG``, ``LOC``); the official spaCy English pipelines speak
ClearNLP dependencies (``nsubjpass``, ``dobj``, ``compound``) and OntoNotes entities
(``PERSON``, ``GPE``, ``NORP``). Rules ask these functions instead of comparing strings.
"""

from __future__ import annotations

import functools
from typing import Literal

EntityKind = Literal["person", "organization", "place", "nationality", "other"]

_ENTITY: dict[str, EntityKind] = {
    "PER": "person",
    "PERSON": "person",
    "ORG": "organization",
    "ORGANIZATION": "organization",
    "LOC": "place",
    "GPE": "place",
    "FAC": "place",
    "LOCATION": "place",
    "NORP": "nationality",
}

# dependency label -> readout's own role name
_DEP: dict[str, str] = {
    # subjects
    "nsubj": "subject",
    "csubj": "subject",
    "nsubj:pass": "passive_subject",
    "nsubjpass": "passive_subject",
    "csubj:pass": "passive_subject",
    "csubjpass": "passive_subject",
    "expl": "expletive",
    # objects
    "obj": "object",
    "dobj": "object",
    "iobj": "indirect_object",
    "dative": "indirect_object",
    # clausal complements (what was said)
    "ccomp": "clausal_complement",
    "xcomp": "open_complement",
    "parataxis": "parataxis",
    # agents of passives ("was quoted by TASS")
    "obl:agent": "agent",
    "agent": "agent",
    # oblique and prepositional attachments
    "obl": "oblique",
    "obl:tmod": "oblique",
    "obl:npmod": "oblique",
    "prep": "preposition",
    "pobj": "prepositional_object",
    "case": "case",
    # names and modifiers inside a noun phrase
    "flat": "name_part",
    "flat:name": "name_part",
    "compound": "compound",
    "appos": "apposition",
    "nmod:poss": "possessive",
    "poss": "possessive",
    "amod": "adjective",
    "det": "determiner",
    "nummod": "number",
    "advcl": "adverbial_clause",
    "mark": "marker",
    "aux": "auxiliary",
    "aux:pass": "passive_auxiliary",
    "auxpass": "passive_auxiliary",
    "neg": "negation",
    "advmod": "adverb",
    "conj": "conjunct",
    "cc": "coordinator",
    "acl": "clausal_modifier",
    "acl:relcl": "relative_clause",
    "relcl": "relative_clause",
    "ROOT": "root",
    "root": "root",
}


def entity_kind(label: str) -> EntityKind:
    """``PER``/``PERSON`` -> ``person``, ``LOC``/``GPE``/``FAC`` -> ``place`` and so on."""
    return _ENTITY.get(label.upper(), "other")


@functools.cache  # a few dozen labels, looked up for every token the stages visit
def dep_role(label: str) -> str:
    """The scheme-free role of a dependency label; unknown labels map to ``other``."""
    role = _DEP.get(label)
    if role is None and ":" in label:
        role = _DEP.get(label.split(":", 1)[0])
    return role or "other"


def is_subject(label: str) -> bool:
    return dep_role(label) in ("subject", "passive_subject")


def is_passive_subject(label: str) -> bool:
    return dep_role(label) == "passive_subject"


def is_object(label: str) -> bool:
    return dep_role(label) in ("object", "indirect_object")


def is_name_part(label: str) -> bool:
    """Inside a multi-word name: UD ``flat``, ClearNLP ``compound``."""
    return dep_role(label) in ("name_part", "compound")


def is_negation(token_dep: str, token_lower: str) -> bool:
    """UD marks "not" as ``advmod``; ClearNLP as ``neg``."""
    return dep_role(token_dep) == "negation" or (
        dep_role(token_dep) == "adverb" and token_lower in ("not", "n't", "never")
    )
