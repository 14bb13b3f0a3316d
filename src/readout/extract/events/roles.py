"""Who did an event to whom, read off the parse: the predicate's subject is the source,
its object (or the object of "with", "to", "against" ...) the target; a passive turns them
round ("was attacked by X"); a noun's participants stand in "between X and Y", "with Y",
"X's visit"."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Token

from readout.extract.actors import resolve_pronoun
from readout.extract.events.parties import Parties
from readout.labels import dep_role

_TARGET_CASES = ("with", "to", "against", "on", "into", "from", "for", "toward", "towards")
_PLACE_CASES = ("in", "at", "inside", "near")
_SKIP = ("relative_clause", "clausal_modifier", "clausal_complement", "adverbial_clause")


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
    return _modified_subject(pred) or _misread_subject(pred), False


def _modified_subject(pred: Token) -> Token | None:
    """ "Kennedy, meeting with Khrushchev in Vienna, declared ...": a present participle
    that modifies a name has that name for its subject."""
    if dep_role(pred.dep_) == "clausal_modifier" and pred.tag_ == "VBG":
        if pred.head.pos_ in ("PROPN", "NOUN") and pred.head.i < pred.i:
            return pred.head
    return None


def _misread_subject(pred: Token) -> Token | None:
    """ "Thousands of farmers demonstrated in Brussels": a sentence with no verb at its root
    but this past-tense modifier is a clause the parse misread; the noun it hangs on is its
    subject."""
    if dep_role(pred.dep_) != "clausal_modifier" or (pred.tag_ != "VBD" and pred.tag_ != "VBN"):
        return None
    root = pred.sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(t.pos_ == "VERB" and t.i < pred.i for t in pred.sent):
        return None
    return pred.head


def _subject_actors(subject: Token, parties: Parties) -> list[str]:
    return _conjoined(subject, parties)


def _conjoined(head: Token, parties: Parties, proper: bool = True) -> list[str]:
    """The actors an argument names, or the one its description makes; a pronoun's
    antecedent, or inside a transcript turn the speaker it means."""
    if head.pos_ == "PRON":
        in_turn = parties.in_turn(head)
        if in_turn:
            return in_turn
        found = resolve_pronoun(head, head.doc, parties.actors, index=parties.index)
        return [found] if found else []
    return parties.of_argument(head, _tokens(head), proper)


def verb_roles(pred: Token, parties: Parties) -> Roles:
    roles = Roles()
    subject, passive = _subject_of(pred)
    if subject is not None:
        found = _subject_actors(subject, parties)
        (roles.target if passive else roles.source).extend(found)
    objects = []
    for role, arg in _arguments(pred):
        case = _case(arg)
        if role == "agent" or (passive and case == "by"):
            roles.source.extend(_conjoined(arg, parties))
        elif role in ("object", "indirect_object"):
            roles.target.extend(_conjoined(arg, parties, proper=False))
            objects.append(arg)
        elif role == "oblique" and case in _PLACE_CASES:
            roles.place.extend(parties.named(_tokens(arg)))
        elif role == "oblique" and case in _TARGET_CASES:
            roles.target.extend(_conjoined(arg, parties, proper=False))
        elif role == "open_complement":
            _complement_targets(arg, roles, parties)
    if not roles.source and not passive and _main_clause(pred):
        roles.source = _left_of(pred, parties)
    if not roles.target:
        # "detained the opposition leader in Istanbul": the leader, not the city
        roles.target = [a for arg in objects[:1] for a in _conjoined(arg, parties, proper=False)]
    if not roles.target:
        right = [t for t in pred.subtree if t.i > pred.i]
        found = [a for a in parties.named(right) if a not in roles.source]
        roles.target = found[:1] or _described_right(right, parties)
    return _tidy(roles)


def _described_right(right: list[Token], parties: Parties) -> list[str]:
    """ "gave in to demands from the rebels": the first agent named after the verb."""
    for tok in right:
        if tok.pos_ == "NOUN" and dep_role(tok.dep_) not in ("compound", "adjective"):
            found = parties.describe(tok, proper=False)
            if found:
                return [found]
    return []


def _main_clause(pred: Token) -> bool:
    """The verb heads its sentence or a report in it ("Israeli helicopters and tanks
    shelled ...", where the parse lost the subject), not a modifier or an adverbial
    clause, whose missing subject is someone else's."""
    tok = pred
    while dep_role(tok.dep_) == "conjunct" and tok.head.i != tok.i:
        tok = tok.head
    return tok.head.i == tok.i or dep_role(tok.dep_) in ("clausal_complement", "parataxis")


def _left_of(pred: Token, parties: Parties) -> list[str]:
    """Where the parse gives the verb no subject, the actors named before it in its
    sentence, the nearest group of them ("Israeli helicopters and tanks shelled ...")."""
    top = pred
    while top.head.i != top.i and dep_role(top.dep_) not in ("clausal_complement", "parataxis"):
        top = top.head
    # inside reported speech, only the words of the report: "Peskov told reporters that
    # the talks went well" does not make Peskov a party to the talks
    words = top.subtree if top.head.i != top.i else pred.sent
    left = [t for t in words if t.i < pred.i and not t.is_punct]
    return parties.named(left)[-2:]


def _complement_targets(xcomp: Token, roles: Roles, parties: Parties) -> None:
    """ "agreed to help Romania": the complement's object is the target."""
    for role, arg in _arguments(xcomp):
        if role in ("object", "indirect_object") or (
            role == "oblique" and _case(arg) in _TARGET_CASES
        ):
            roles.target.extend(parties.named(_tokens(arg)))
            return


def noun_roles(noun: Token, parties: Parties) -> Roles:
    """Participants a noun names: "talks between X and Y", "X's visit to Y", "talks with Y"."""
    roles = Roles()
    for role, arg in _arguments(noun):
        case = _case(arg)
        found = parties.named(_tokens(arg))
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
