"""Who did an event to whom, read off the parse: the predicate's subject is the source,
its object (or the object of "with", "to", "against" ...) the target; a passive turns them
round ("was attacked by X"); a noun's participants stand in "between X and Y", "with Y",
"X's visit"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from readout.extract.actors import MentionIndex, resolve_pronoun
from readout.labels import dep_role
from readout.model import Actor

_TARGET_CASES = ("with", "to", "against", "on", "into", "from", "for", "toward", "towards")
_PLACE_CASES = ("in", "at", "inside", "near")
_SKIP = ("relative_clause", "clausal_modifier", "clausal_complement", "adverbial_clause")
_PLACE_TYPES = ("place",)


@dataclass(slots=True)
class Roles:
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    place: list[str] = field(default_factory=list)
    between: bool = False  # "talks between X and Y": every participant is a source


def _case(tok: Token) -> str | None:
    """The preposition of an oblique (UD ``case`` child) or of a ClearNLP ``pobj``."""
    for c in tok.children:
        if dep_role(c.dep_) == "case":
            return c.lower_
    if dep_role(tok.dep_) == "prepositional_object":
        return tok.head.lower_
    return None


def _arguments(pred: Token) -> Iterable[tuple[str, Token]]:
    """(role, head of the argument) for the predicate's arguments, ClearNLP prepositions
    unwrapped to their objects."""
    for c in pred.children:
        role = dep_role(c.dep_)
        if role == "preposition":
            for g in c.children:
                if dep_role(g.dep_) == "prepositional_object":
                    yield "oblique", g
        else:
            yield role, c


def _tokens(head: Token) -> list[Token]:
    """The argument's words, without the clauses that hang on it."""
    out = [head]
    for c in head.children:
        if dep_role(c.dep_) not in _SKIP:
            out.extend(_tokens(c))
    return out


def actors_in(tokens: Sequence[Token], actors: Sequence[Actor], index: MentionIndex) -> list[str]:
    """The actors mentioned inside the words, people and bodies before places."""
    if not tokens:
        return []
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    hits: list[tuple[int, str, str]] = []
    inside = {t.idx for t in tokens}
    for m, order, _k in index.overlapping(start, end):
        if m.start >= start and m.end <= end and any(m.start <= i < m.end for i in inside):
            a = actors[order]
            hits.append((m.start, a.id, a.type))
    hits.sort()
    people = [i for _s, i, kind in hits if kind not in _PLACE_TYPES]
    found = people or [i for _s, i, _k in hits]
    return list(dict.fromkeys(found))


def _subject_of(pred: Token) -> tuple[Token | None, bool]:
    """The predicate's subject and whether it is passive, climbing from an open
    complement or conjunct to the verb that has one ("agreed to meet", "met and agreed")."""
    tok = pred
    for _ in range(4):
        for c in tok.children:
            role = dep_role(c.dep_)
            if role in ("subject", "passive_subject"):
                return c, role == "passive_subject"
        if dep_role(tok.dep_) in ("open_complement", "conjunct") and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    return None, False


def _subject_actors(
    subject: Token, doc: Doc, actors: Sequence[Actor], index: MentionIndex
) -> list[str]:
    if subject.pos_ == "PRON":
        found = resolve_pronoun(subject, doc, actors, index=index)
        return [found] if found else []
    return actors_in(_tokens(subject), actors, index)


def verb_roles(pred: Token, actors: Sequence[Actor], index: MentionIndex) -> Roles:
    roles = Roles()
    subject, passive = _subject_of(pred)
    if subject is not None:
        found = _subject_actors(subject, pred.doc, actors, index)
        (roles.target if passive else roles.source).extend(found)
    for role, arg in _arguments(pred):
        case = _case(arg)
        if role == "agent" or (passive and case == "by"):
            roles.source.extend(actors_in(_tokens(arg), actors, index))
        elif role in ("object", "indirect_object"):
            roles.target.extend(actors_in(_tokens(arg), actors, index))
        elif role == "oblique" and case in _PLACE_CASES:
            roles.place.extend(actors_in(_tokens(arg), actors, index))
        elif role == "oblique" and case in _TARGET_CASES:
            roles.target.extend(actors_in(_tokens(arg), actors, index))
        elif role == "open_complement":
            _complement_targets(arg, roles, actors, index)
    if not roles.source and not passive:
        roles.source = _left_of(pred, actors, index)
    if not roles.target:
        right = [t for t in pred.subtree if t.i > pred.i]
        roles.target = [a for a in actors_in(right, actors, index) if a not in roles.source][:1]
    return _tidy(roles)


def _left_of(pred: Token, actors: Sequence[Actor], index: MentionIndex) -> list[str]:
    """Where the parse gives the verb no subject, the actors named before it in its
    sentence, the nearest group of them ("Israeli helicopters and tanks shelled ...")."""
    sent = pred.sent
    left = [t for t in sent if t.i < pred.i and not t.is_punct]
    found = actors_in(left, actors, index)
    return found[-2:]


def _complement_targets(
    xcomp: Token, roles: Roles, actors: Sequence[Actor], index: MentionIndex
) -> None:
    """ "agreed to help Romania": the complement's object is the target."""
    for role, arg in _arguments(xcomp):
        if role in ("object", "indirect_object") or (
            role == "oblique" and _case(arg) in _TARGET_CASES
        ):
            roles.target.extend(actors_in(_tokens(arg), actors, index))
            return


def noun_roles(noun: Token, actors: Sequence[Actor], index: MentionIndex) -> Roles:
    """Participants a noun names: "talks between X and Y", "X's visit to Y", "talks with Y"."""
    roles = Roles()
    for role, arg in _arguments(noun):
        case = _case(arg)
        found = actors_in(_tokens(arg), actors, index)
        if role == "possessive" or (role in ("compound", "adjective") and found):
            roles.source.extend(found)
        elif case == "between" or case == "among":
            roles.source.extend(found)
            roles.between = True
        elif case in _PLACE_CASES:
            roles.place.extend(found)
        elif case in _TARGET_CASES or case == "of":
            roles.target.extend(found)
    return _tidy(roles)


def _tidy(roles: Roles) -> Roles:
    roles.source = list(dict.fromkeys(roles.source))
    roles.target = [t for t in dict.fromkeys(roles.target) if t not in roles.source]
    roles.place = [p for p in dict.fromkeys(roles.place) if p not in roles.source]
    return roles
