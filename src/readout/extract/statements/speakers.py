"""Speakers: from the words that name a speaker, relay or addressee to an actor id.

The actors stage lists the actors it found; this stage resolves its mentions against them
(:func:`readout.extract.actors.actor_at`, :func:`~readout.extract.actors.resolve_pronoun`)
and extends the list with the speakers it did not list
(:class:`~readout.extract.actors.ActorList`).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from readout.extract.actors import ActorList, MentionIndex, actor_at, resolve_pronoun
from readout.extract.actors.context import PERSON_TITLES
from readout.extract.statements.context import Candidate
from readout.extract.statements.syntax import (
    char_range,
    name_range,
    np_range,
    role_of,
    trim,
)
from readout.labels import entity_kind, is_name_part, is_subject
from readout.lexicon import table, tagged, words
from readout.model import Actor, ActorType, Document, Span

# nouns that name people or groups who speak without being a named actor
PERSON_NOUNS = words("person_nouns") | words("body_nouns")

FIRST_PERSON = tagged("pronouns", "first")
_SECOND_PERSON = tagged("pronouns", "second")
_PRONOUNS = words("pronouns")

# Speaker nouns that name a body of people, not one person ("the administration said")
_BODY_NOUNS = words("body_nouns")


def _cut_at_punct(doc: Doc, lo: int, hi: int) -> int:
    for k in range(lo + 1, hi):
        if doc[k].is_punct:
            return k
    return hi


def _unknown_person(doc: Doc, head: Token, lo: int, hi: int) -> tuple[int, int] | None:
    """The name (token range, titles left out) of an untagged or person-tagged proper-noun
    speaker that reads as a person: two to four capitalised words with a title before them
    ("Sen. Saxby Chambliss"), a person tag, or a description beside them that names a
    person ("Intizar Khadim, a political analyst"). None otherwise."""
    if head.ent_type_ and entity_kind(head.ent_type_) != "person":
        return None
    titled = lo > 0 and doc[lo - 1].lower_.rstrip(".") in PERSON_TITLES
    while lo < hi - 1 and doc[lo].lower_.rstrip(".") in PERSON_TITLES:
        lo += 1
        titled = True
    hi = _cut_at_punct(doc, lo, hi)  # "Saxby Chambliss, R-Ga.": the name ends at the comma
    words = doc[lo:hi]
    if not 2 <= len(words) <= 4 or not all(t.is_alpha and t.text[:1].isupper() for t in words):
        return None
    if titled or head.ent_type_:
        return lo, hi
    described = any(
        role_of(c) == "apposition" and c.lemma_.lower() in PERSON_NOUNS for c in head.children
    )
    return (lo, hi) if described else None


def _unknown_organization(doc: Doc, head: Token, lo: int, hi: int) -> tuple[int, int] | None:
    """The name of an untagged proper-noun speaker written with "the" ("The Christian
    Science Monitor", "the Post"): people's names do not take the article."""
    if head.ent_type_ and entity_kind(head.ent_type_) not in ("organization", "other"):
        return None
    hi = _cut_at_punct(doc, lo, hi)
    while (
        lo > 0
        and doc[lo - 1].text[:1].isupper()
        and doc[lo - 1].lower_ != "the"
        and lo <= doc[lo - 1].head.i < hi
    ):
        lo -= 1  # "Christian" (tagged an adjective) in "The Christian Science Monitor"
    words = doc[lo:hi]
    if not 1 <= len(words) <= 5 or not all(t.is_alpha and t.text[:1].isupper() for t in words):
        return None
    if lo == 0 or doc[lo - 1].lower_ != "the" or doc[lo - 1].head.i != head.i:
        return None
    return lo, hi


class Resolver:
    """Maps speaker and addressee mentions to actor ids, adding actors for "officials",
    "a source", and names the actors stage did not list
    (:class:`~readout.extract.actors.ActorList`)."""

    def __init__(self, doc: Doc, document: Document, actors: list[Actor]) -> None:
        self.doc = doc
        self.text = document.text
        self.actor_list = ActorList(actors)
        self.actors = actors
        # kept current as the actor list grows, so each lookup costs what the mentions near
        # it cost, not a scan of them all
        self.index = MentionIndex(actors)
        # (char of the mention, actor id) of each speaker found so far, for "he said" to go on
        self.speakers: list[tuple[int, str]] = []
        # head noun -> the latest actor a description with it named ("a senior official")
        self.described: dict[str, Actor] = {}

    def _at(self, start: int, end: int) -> str | None:
        return actor_at(self.actors, start, end, index=self.index)

    def names_someone(self, tok: Token) -> bool:
        """Whether an actor's mention covers the word ("May" of Theresa May, not the month)."""
        return self._at(tok.idx, tok.idx + len(tok.text)) is not None

    def turn_speaker(self, turn: Any) -> str | None:
        """The actor speaking a transcript turn: the one mentioned by its label, else the
        one whose name the label resolves to."""
        label = getattr(turn, "label", None)
        if label is not None:
            found = self._at(label.start, label.end)
            if found is not None:
                return found
        name = getattr(turn, "name", None)
        by_name = self.actor_list.by_name
        if isinstance(name, str) and name.lower() in by_name:
            return by_name[name.lower()].id
        return None

    def resolve(
        self,
        head: Token,
        mention: tuple[int, int],
        turn_speaker: str | None,
        listener: str | None = None,
    ) -> str | None:
        """The actor a speaker, relay or addressee mention names; inside a transcript turn
        "I"/"we" is the turn's speaker and "you" the other side of the dialogue."""
        low = head.lower_
        if low in FIRST_PERSON and turn_speaker is not None:
            return turn_speaker
        if low in _SECOND_PERSON and listener is not None:
            return listener
        if head.pos_ == "PRON" or low in _PRONOUNS:
            # None when no actor fits: better no speaker than the wrong one
            return resolve_pronoun(
                head, self.doc, self.actors, speakers=self.speakers, index=self.index
            )
        if head.pos_ == "NOUN" and head.lemma_.lower() in PERSON_NOUNS:
            return self._person_noun(head, mention)
        nlo, nhi = name_range(head)
        # a description's own head word, not the names it holds ("the CBS News interviewer")
        named = (nlo, nhi) if head.pos_ != "NOUN" else (head.i, head.i + 1)
        found = self._at(*char_range(self.doc, *named))
        if found is None and head.is_upper and head.is_alpha and len(head.text) > 2:
            found = self._capitals_name(head.text)  # "TRUMP: ..." in a headline
        if found is None and head.pos_ == "PROPN":
            # a name the tagger missed is its own actor, not the place in its description
            person = _unknown_person(self.doc, head, nlo, nhi)
            if person is not None:  # "Intizar Khadim, a political analyst in Kabul"
                return self._named_actor(*person, "person")
            org = _unknown_organization(self.doc, head, nlo, nhi)
            if org is not None:  # "The Christian Science Monitor reported"
                return self._same_name_end(*org) or self._named_actor(*org, "organization")
        found = found or self._at(*self._naming_part(head, mention))
        if found is not None:
            return found
        return self._new_actor(head, mention)

    def _naming_part(self, head: Token, mention: tuple[int, int]) -> tuple[int, int]:
        """The characters of a speaker mention an actor may be named in: a description's
        head word alone ("the CBS News interviewer" is not CBS News, "the top Democrat in
        Congress" not Congress), a name's words up to its apposition ("Hoyt Bleakley, an
        associate professor at the University of Michigan" is not the university)."""
        if head.pos_ == "NOUN":
            return head.idx, head.idx + len(head.text)
        comma = self.text.find(",", head.idx + len(head.text), mention[1])
        return mention[0], comma if comma >= 0 else mention[1]

    def author(self, start: int, end: int) -> str | None:
        """The actor an embedded tweet's author line names ("Julia Carrie Wong"): one of
        the list's, else a new one, a person unless the tagger reads an organisation."""
        for a in self.actors:
            if any(start <= m.start and m.end <= end for m in a.mentions):
                return a.id  # the actors stage found the name there
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        kinds = {entity_kind(t.ent_type_) for t in span if t.ent_type_}
        atype: ActorType = "organization" if kinds == {"organization"} else "person"
        return self.actor_list.add(self.text[start:end], atype, Span.of(self.text, start, end))

    def _capitals_name(self, word: str) -> str | None:
        """The one person whose surname a word in capitals is ("PUTIN" -> Vladimir Putin)."""
        low = word.lower()
        found = {
            a.id
            for a in self.actors
            if a.type == "person" and a.name.split() and a.name.split()[-1].lower() == low
        }
        return found.pop() if len(found) == 1 else None

    def _person_noun(self, head: Token, mention: tuple[int, int]) -> str | None:
        """ "Kremlin sources", "White House officials": a group of their own, not the
        Kremlin, unless an actor's mention covers the noun itself ("the spokesman")."""
        found = self._at(head.idx, head.idx + len(head.text))
        for c in head.children:
            if found is None and (
                role_of(c) == "apposition" or (is_name_part(c.dep_) and c.i > head.i)
            ):
                # "the agency Novosti", "the state news agency BelTA": the name beside it
                found = self._at(*char_range(self.doc, *name_range(c)))
        return found if found is not None else self._new_actor(head, mention)

    def _named_actor(self, lo: int, hi: int, atype: ActorType) -> str | None:
        """The actor named by tokens ``lo:hi`` (the whole name is the mention)."""
        return self.actor_list.add(
            self.doc[lo:hi].text, atype, Span.of(self.text, *char_range(self.doc, lo, hi))
        )

    def _same_name_end(self, lo: int, hi: int) -> str | None:
        """An organisation already found whose name ends with these words: "the Post" after
        "The Washington Post", "the Journal" after "The Wall Street Journal"."""
        words = self.doc[lo:hi].text.lower().split()
        found = [
            a
            for a in self.actors
            if a.type == "organization" and a.name.lower().split()[-len(words) :] == words
        ]
        if len({a.id for a in found}) != 1:
            return None
        span = Span.of(self.text, *char_range(self.doc, lo, hi))
        return self.actor_list.add_mention(found[0], span)

    def _new_actor(self, head: Token, mention: tuple[int, int]) -> str | None:
        doc = self.doc
        kind = entity_kind(head.ent_type_) if head.ent_type_ else "other"
        lemma = head.lemma_.lower()
        lo, hi = head.i, head.i + 1
        atype: ActorType
        if kind == "person" or kind == "organization":
            nlo, nhi = name_range(head)
            name = doc[nlo:nhi].text
            atype = "person" if kind == "person" else "organization"
        elif head.pos_ == "NOUN" and _speaking_noun(lemma):
            lo, hi = trim(doc, head.left_edge.i, head.i + 1, keep_quotes=False)
            # "according to the agency": neither the preposition nor the article names it
            while lo < hi and (
                role_of(doc[lo]) == "determiner"
                or (
                    doc[lo].head.i in (head.i, lo - 1) and doc[lo].dep_ in ("case", "fixed", "mark")
                )
            ):
                lo += 1
            name = doc[lo:hi].text
            atype = _description_type(head)
            span = Span.of(self.text, *char_range(doc, lo, hi))
            if hi - lo == 1 and _definite(head):
                # "a senior official said ... the official added": the one named before
                earlier = self.described.get(lemma)
                if earlier is not None:
                    return self.actor_list.add_mention(earlier, span)
            found = self.actor_list.add(name, atype, span)
            actor = next((a for a in self.actors if a.id == found), None)
            if actor is not None:
                self.described[lemma] = actor
            return found
        else:
            return None
        return self.actor_list.add(name, atype, Span.of(self.text, *char_range(doc, lo, hi)))


def _definite(head: Token) -> bool:
    """ "the official", "that official": a description that refers back."""
    return any(
        role_of(c) == "determiner" and c.lower_ in ("the", "this", "that") for c in head.children
    )


def _description_type(head: Token) -> ActorType:
    """The type of an actor a description names: many speakers are a group ("Companies",
    "Liberal cranks"); one is a person when the noun names people ("the spokesman", "the
    interviewer", "the top Democrat"), else the body that speaks ("the agency", "the
    research organization", "the statement" of an administration)."""
    lemma = head.lemma_.lower()
    if "Plur" in head.morph.get("Number", []) or head.tag_ in ("NNS", "NNPS"):
        return "group"
    speaking = table("speaking_nouns").get(lemma)
    if speaking in ("group", "organization"):
        return speaking  # type: ignore[return-value]
    if lemma in _BODY_NOUNS:
        return "organization"
    if lemma in PERSON_NOUNS or lemma in words("party_words") or _agent_noun(lemma):
        return "person"
    return "organization"


def _speaking_noun(lemma: str) -> bool:
    """A noun that can name who speaks: people, bodies, the media, agent nouns."""
    return (
        lemma in PERSON_NOUNS
        or lemma in words("speaking_nouns")
        or lemma in words("party_words")
        or _agent_noun(lemma)
    )


def _agent_noun(lemma: str) -> bool:
    """A noun for someone who does something ("interviewer", "analyst", "historian")."""
    return len(lemma) > 5 and lemma.endswith(("er", "or", "ist", "ian"))


# ---------------------------------------------------------------------------------------------
# a candidate's mentions


class TurnSpeakers:
    """Inside a transcript turn: the turn's speaker ("I", "we", and the first of ``via``)
    and whom "you" means (the nearest other speaker of the dialogue)."""

    def __init__(self, resolver: Resolver, turn_ranges: list[tuple[int, int, Any]]) -> None:
        self.resolver = resolver
        self.turn_ranges = turn_ranges
        self._speaker: dict[int, str | None] = {}  # id of the turn -> its speaker

    def _of(self, k: int) -> str | None:
        turn = self.turn_ranges[k][2]
        key = id(turn)
        if key not in self._speaker:
            self._speaker[key] = self.resolver.turn_speaker(turn)
        return self._speaker[key]

    def at(self, char: int) -> tuple[str | None, str | None]:
        """(speaker, listener) of the turn that holds ``char``; (None, None) outside turns."""
        for k, (tlo, thi, _) in enumerate(self.turn_ranges):
            if tlo <= char < thi:
                speaker = self._of(k)
                for j in [*range(k - 1, -1, -1), *range(k + 1, len(self.turn_ranges))]:
                    other = self._of(j)
                    if other is not None and other != speaker:
                        return speaker, other
                return speaker, None
        return None, None


def _outside(rng: tuple[int, int], content: tuple[int, int], anchor: int) -> tuple[int, int]:
    """A speaker mention cut back so that it does not run into the content (the parser may
    hang the content clause on the speaker's name), keeping the side that holds ``anchor``."""
    lo, hi = rng
    if hi <= content[0] or lo >= content[1]:
        return rng
    if anchor < content[0]:
        hi = content[0]
    elif anchor >= content[1]:
        lo = content[1]
    else:
        return rng  # the speaker is inside the content ("'A,' he said, 'B'")
    return lo, hi


def _stray_source(doc: Doc, start: int) -> bool:
    """A speaker mention opening with a preposition other than "by" ("at lawmakers", "for
    him", "of protest camps in Cairo") is a phrase next to the cue, not who spoke: on
    PolNeAR dev about one in ten such picks is right, against four in five overall."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    return tok.pos_ == "ADP" and tok.lower_ not in ("by", "according")


_MENTION_EDGE = ",;:—–-"
_TIME_WORDS = words("weekdays") | words("months") | words("time_nouns")


def speaker_head(head: Token) -> Token | None:
    """The word that names a candidate's speaker, given the one the rules or the model
    chose: a time never speaks ("Earlier Thursday, Secretary Napolitano said": the parser
    may take the day for a second subject, and the other subject is the speaker); None when
    a time is all there is."""
    if not _time_word(head):
        return head
    for c in head.head.children:
        if c.i != head.i and is_subject(c.dep_) and not (c.is_space or c.is_punct):
            if not _time_word(c):
                return c
    return None


def _time_word(tok: Token) -> bool:
    if tok.ent_type_ and entity_kind(tok.ent_type_) == "person":
        return False  # "May said": Theresa May, not the month
    return tok.lower_ in _TIME_WORDS or tok.lemma_.lower() in _TIME_WORDS


def speaker_mention(
    doc: Doc, text: str, c: Candidate, head: Token, dateline: Span | None
) -> tuple[int, int] | None:
    """The characters of ``text`` that name a candidate's speaker (``head`` its head word):
    its source, else the noun phrase, kept clear of the content and the dateline; None when
    nothing is left or it reads as a phrase beside the cue."""
    rng = c.source if c.source is not None else char_range(doc, *np_range(head, doc[c.cue_tok]))
    lo, hi = _outside(rng, c.content, head.idx)
    if dateline is not None and lo < dateline.end <= head.idx:
        lo = dateline.end  # "MOSCOW, April 6 - Kremlin spokesperson ...": not his name
    lo, hi = _on_the_cues_line(text, lo, hi, c.cue)
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in _MENTION_EDGE):
        hi -= 1
    while lo < hi and (text[lo].isspace() or text[lo] in _MENTION_EDGE):
        lo += 1
    if hi <= lo or _stray_source(doc, lo):
        return None
    return lo, hi


def _on_the_cues_line(text: str, lo: int, hi: int, cue: tuple[int, int]) -> tuple[int, int]:
    """The part of a speaker mention on the cue's line: a parse that runs a heading into
    the sentence under it ("Farms / Farmers were pissed") does not make the heading speak."""
    if hi <= cue[0]:
        if "\n" in text[hi : cue[0]]:
            return lo, lo  # nothing on the cue's line
        cut = text.rfind("\n", lo, hi)
        return (cut + 1, hi) if cut >= 0 else (lo, hi)
    if lo >= cue[1]:
        if "\n" in text[cue[1] : lo]:
            return lo, lo
        cut = text.find("\n", lo, hi)
        return (lo, cut) if cut >= 0 else (lo, hi)
    return lo, hi
