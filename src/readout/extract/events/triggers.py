"""Which words of a sentence report an event, and how PLOVER codes them.

A verb is coded by the CAMEO dictionary: the most specific of its verb block's patterns
whose words stand after it (or before it, for subject patterns), else readout's own coding
of the verb (``event_verbs``), else the block's code. A noun that names an event ("talks",
"sanctions") is coded where the sentence reports it happening: the subject of an
occurrence verb ("the talks began") or the object of a light verb ("held talks").

A sentence's events are its main ones: a trigger under another trigger is the other's
content ("agreed to set up", "threatened to attack", "accused X of attacking") and is
not an event of its own, except a meeting under an agreement, which the PLOVER manual
codes as AGREE and readout keeps as a planned CONSULT too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from readout.extract.events.lexicon import (
    Coding,
    Pattern,
    block_patterns,
    event_nouns,
    inherited_codes,
    plover,
    verb_codes,
    verb_overrides,
)
from readout.labels import dep_role
from readout.lexicon import words

_OCCURRENCE = words("occurrence_verbs")
_LIGHT = words("light_verbs")
_SMALL_WORDS = words("small_words")
_CONVERSING = words("conversation_verbs")
_WEAK = words("weak_event_verbs")
_CONSULTING = words("consult_verbs")
_TRAVEL = words("travel_verbs")
_PHONE_WORDS = words("phone_words")
_WINDOW = 12  # words after a verb that its object patterns may use
# a trigger inside these is a description of something, not a reported event
_MODIFIER_ROLES = ("relative_clause", "clausal_modifier", "adjective")


@dataclass(slots=True)
class Trigger:
    """A word that reports an event: ``token`` the verb or noun, ``predicate`` the verb
    whose subject, objects, tense and negation the event takes."""

    token: Token
    predicate: Token
    coding: Coding
    confidence: float
    noun: bool = False


def verb_lemma(tok: Token) -> str:
    """The verb with its particle: "pull out", "step down"."""
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ in ("compound:prt", "prt") and c.i > tok.i:
            return f"{lemma} {c.lower_}"
    return lemma


def _side_words(tok: Token, side: str) -> list[tuple[str, str]]:
    """(lower, lemma) of the words a pattern may use on one side of the verb."""
    if side == "object":
        right = [t for t in tok.subtree if t.i > tok.i]
        return [(t.lower_, t.lemma_.lower()) for t in right[:_WINDOW]]
    subj = [c for c in tok.children if dep_role(c.dep_) in ("subject", "passive_subject")]
    return [(t.lower_, t.lemma_.lower()) for s in subj for t in s.subtree]


def _slot_at(slot: frozenset[str], seq: list[tuple[str, str]], k: int) -> int:
    """How many words of ``seq`` from ``k`` the slot takes (0: it does not fit there)."""
    for spelling in slot:
        parts = spelling.split(" ")
        if k + len(parts) > len(seq):
            continue
        if all(p in seq[k + j] for j, p in enumerate(parts)):
            return len(parts)
    return 0


def _fits(pattern: Pattern, seq: list[tuple[str, str]]) -> bool:
    """The pattern's slots stand in ``seq`` in order, with gaps."""
    k = 0
    for slot in pattern.slots:
        while k < len(seq) and not _slot_at(slot, seq, k):
            k += 1
        if k >= len(seq):
            return False
        k += _slot_at(slot, seq, k)
    return True


def _best_pattern(tok: Token, block: str, verb: str) -> Pattern | None:
    """The block's most specific pattern that fits the sentence: first those written for
    this verb (or for every verb of the block), then those written for its synonyms, but
    not one of a bare preposition ("welcome ... to" is a visit, "praise ... to" is not)."""
    patterns = block_patterns().get(block, ())
    sides: dict[str, tuple[list[tuple[str, str]], set[str]]] = {}
    own = [p for p in patterns if not p.verb or p.verb == verb]
    others = [p for p in patterns if p.verb and p.verb != verb and not _bare(p)]
    for pattern in own + others:
        side = sides.get(pattern.side)
        if side is None:
            seq = _side_words(tok, pattern.side)
            side = sides[pattern.side] = (seq, {w for pair in seq for w in pair})
        seq, present = side
        if all(not h.isdisjoint(present) for h in pattern.heads) and _fits(pattern, seq):
            return pattern
    return None


def _loose_consult(coding: Coding, verb: str) -> bool:
    return coding.type == "CONSULT" and verb not in _CONSULTING and verb not in _TRAVEL


def _bare(pattern: Pattern) -> bool:
    return all(slot <= _SMALL_WORDS for slot in pattern.slots)


def code_verb(tok: Token) -> Coding | bool | None:
    """The coding of a verb; None for a verb that codes nothing; False for one whose
    pattern makes it a public statement (a Statement, never an event)."""
    return verb_coding(tok)[0]


def verb_coding(tok: Token) -> tuple[Coding | bool | None, float]:
    """The coding of a verb and how sure it is: a conversation or a dictionary pattern
    that fits is surer than readout's own coding of the verb, which is surer than the bare
    code of the verb's block ("die", "count on" code something only there)."""
    lemma = verb_lemma(tok)
    if lemma in _CONVERSING:
        conversation = _conversation(tok)
        if conversation is not None:
            return conversation, 0.8
    for form in dict.fromkeys((lemma, tok.lemma_.lower())):
        entry = verb_codes().get(form)
        if entry is not None and entry[0].startswith("01"):
            # a verb of public statement ("say", "announce") is a statement whatever its
            # words: the event it reports is its content's
            return False, 0.0
        if entry is not None:
            block = entry[1]
            pattern = _best_pattern(tok, block, form)
            if pattern is not None and not _bare(pattern):
                coding = plover(pattern.code)
                return (coding if coding is not None else False), 0.75
            if pattern is not None:
                # a pattern of a bare preposition ("come ... to") is as loose as no pattern
                coding = plover(pattern.code)
                if coding is not None and _loose_consult(coding, form):
                    continue
                return (coding if coding is not None else False), BARE_CODE - _INHERITED
        if form in verb_overrides():
            return verb_overrides()[form], 0.7
        if form in _TRAVEL:
            return Coding("CONSULT", "visit", "042"), BARE_CODE - _INHERITED
        if entry is not None and entry[0] != "---" and form not in _WEAK:
            coding = plover(entry[0])
            if coding is not None and _loose_consult(coding, form):
                continue  # "considered", "pondered": thinking is no meeting
            inherited = form in inherited_codes()
            return coding, BARE_CODE - (_INHERITED if inherited else 0.0)
    return None, 0.0


BARE_CODE = 0.5  # the confidence of a verb coded by the bare code of its entry
_INHERITED = 0.05  # less when the code is only its block's


def _conversation(tok: Token) -> Coding | None:
    """ "spoke with X", "talked by phone": a conversation (CONSULT, by phone or not)."""
    near = {t.lower_ for t in tok.subtree}
    if near & _PHONE_WORDS:
        return Coding("CONSULT", "phone", "041")
    if any(c.lower_ == "with" for a in tok.children for c in [a, *a.children]):
        return Coding("CONSULT", None, "040")
    return None


def _noun_form(tok: Token) -> str | None:
    nouns = event_nouns()
    if tok.i > 0:
        pair = f"{tok.doc[tok.i - 1].lower_} {tok.lower_}"
        if pair in nouns:
            return pair
    if tok.lower_ in nouns:
        return tok.lower_
    return tok.lemma_.lower() if tok.lemma_.lower() in nouns else None


def _occurs(noun: Token) -> Token | None:
    """The verb that reports the noun's event happening, if one does."""
    head = noun.head
    if head.i == noun.i or head.pos_ not in ("VERB", "AUX"):
        return None
    role = dep_role(noun.dep_)
    lemma = verb_lemma(head)
    if role in ("subject", "passive_subject"):
        place = any(c.lower_ == "place" and dep_role(c.dep_) == "object" for c in head.children)
        if lemma in _OCCURRENCE or (lemma == "take" and place):
            return head
    if role == "object" and lemma in _LIGHT:
        return head
    return None


def noun_mentions(sent: SpacySpan) -> Iterator[tuple[Token, Coding]]:
    """Every noun of the sentence that names an event, coded, whether or not the sentence
    reports it happening ("the talks were productive" refers back to talks)."""
    for tok in sent:
        if tok.pos_ in ("NOUN", "PROPN"):
            form = _noun_form(tok)
            if form is not None:
                yield tok, event_nouns()[form]


def sentence_triggers(sent: SpacySpan) -> list[Trigger]:
    """The sentence's main events."""
    found: list[Trigger] = []
    for tok in sent:
        if tok.pos_ == "VERB":
            coding, sure = verb_coding(tok)
            if isinstance(coding, Coding):
                found.append(Trigger(tok, tok, coding, sure))
    taken = {t.token.i for t in found}
    for noun, coding in noun_mentions(sent):
        verb = _occurs(noun)
        if verb is not None and verb.i not in taken:
            found.append(Trigger(noun, verb, coding, 0.6, noun=True))
            taken.add(verb.i)
        elif verb is not None:
            _prefer_noun(found, verb, noun, coding)
    return _main(found)


def _prefer_noun(found: list[Trigger], verb: Token, noun: Token, coding: Coding) -> None:
    """A light verb coded by its own block ("held" something) gives way to the event its
    object names ("held talks") unless a pattern of its own was specific."""
    for k, t in enumerate(found):
        if t.token.i == verb.i and verb_lemma(verb) in _LIGHT and t.coding.type != coding.type:
            if t.coding.cameo is None or t.coding.type in ("COERCE", "AGREE"):
                found[k] = Trigger(noun, verb, coding, 0.6, noun=True)


def _ancestors(tok: Token) -> Iterator[Token]:
    while tok.head.i != tok.i:
        yield tok.head
        tok = tok.head


def _main(found: list[Trigger]) -> list[Trigger]:
    by_token = {t.predicate.i: t for t in found}
    kept = []
    for t in found:
        above = [by_token[a.i] for a in _ancestors(t.predicate) if a.i in by_token]
        if above and not (t.coding.type == "CONSULT" and above[0].coding.type == "AGREE"):
            continue
        if _describes(t.predicate) and len(found) > 1:
            continue
        kept.append(t)
    return kept


def _describes(tok: Token) -> bool:
    """The verb modifies a noun ("nationals suspected of blowing up a plane")."""
    for a in [tok, *_ancestors(tok)]:
        role = dep_role(a.dep_)
        if role in _MODIFIER_ROLES:
            return True
        if role in ("root", "clausal_complement", "parataxis"):
            return False
    return False
