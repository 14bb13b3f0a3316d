"""The actor a subject pronoun of a speech verb stands for: sentence bounds, gender and
subject rank of the candidates, and the "it" that stands for nothing."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from spacy.tokens import Doc, Token

from readout.doccache import cached
from readout.extract.actors.context import PERSON_TITLES
from readout.extract.actors.index import MentionIndex
from readout.extract.actors.titles import TITLE_WORDS
from readout.kb.lookup import KB, default_kb
from readout.labels import dep_role
from readout.lexicon import tagged, words
from readout.model import Actor, Span

_FEMALE_WORDS = words("female_words")


_MALE_WORDS = words("male_words")


# Slavic and other names ending in -a that are men's
_MALE_A_NAMES = words("male_names_in_a")


_PRONOUN_GENDER = {w: g for g in ("male", "female") for w in sorted(tagged("pronouns", g))}


# Pronouns that may stand for an organisation, country or group: "it", "they", "we" (not
# "us", the writer's side)
_PLURAL_PRONOUNS = (tagged("pronouns", "plural") | tagged("pronouns", "neuter")) - tagged(
    "pronouns", "first", "object"
)


def resolve_pronoun(
    token: Token,
    doc: Doc,
    actors: Sequence[Actor],
    kb: KB | None = None,
    speakers: Sequence[tuple[int, str]] = (),
    *,
    index: MentionIndex | None = None,
) -> str | None:
    """The actor a subject pronoun of a speech verb refers to: "he said" -> the nearest person
    mentioned before it in the same sentence, else the subject of the main verb (or the first
    person) of the nearest sentence before it that names one, within its paragraph and the
    one before, of a compatible gender; failing that, the latest of ``speakers`` ((char,
    actor id) of the speakers already found) of that gender in the last ``_SPEAKER_REACH``
    characters: a run of quotation paragraphs each closed by "he said" goes on with one
    speaker. "it"/"they"/"we" likewise to organisations, countries and groups, from the same
    or the previous sentence only. None when nothing fits, and for an "it" that stands for
    nothing ("it appeared that", "it was revealed that").

    ``index``, a :class:`MentionIndex` built over ``actors``, gives the same answer without
    scanning every mention."""
    wanted = _wanted(token)
    if wanted is None:
        return None
    types, want_gender = wanted
    kb = kb if kb is not None else default_kb()
    bounds = _sentence_bounds(token, doc)
    if want_gender is None:
        # "it"/"they"/"we" often point at no named actor ("it appeared that ..."): only the
        # previous sentence is searched for them
        bounds = bounds[:2]
    if index is None:
        fits: _Fits = _ScannedFits(actors, types, want_gender, kb, token.idx)
    else:
        fits = _IndexedFits(index, actors, types, want_gender, kb, token.idx, min(bounds))
    found = _antecedent(doc, fits.mentions, bounds)
    if found is not None or want_gender is None:
        return found
    pos = token.idx
    recent = sorted(
        (s for s in speakers if s[0] < pos and pos - s[0] <= _SPEAKER_REACH), reverse=True
    )
    for _at, actor_id in recent:
        if fits.has(actor_id):
            return actor_id
    return None


def _wanted(token: Token) -> tuple[tuple[str, ...], str | None] | None:
    """The actor types and gender a pronoun may stand for; None for a pronoun that stands for
    no actor."""
    low = token.lower_
    if low in _PRONOUN_GENDER:
        return ("person",), _PRONOUN_GENDER[low]
    if low not in _PLURAL_PRONOUNS or (low in ("it", "its") and _expletive(token)):
        return None
    types = {
        "we": ("country", "organization", "group"),
        "our": ("country", "organization", "group"),
        "they": ("organization", "group"),  # a country is rarely "they"
        "them": ("organization", "group"),
        "their": ("organization", "group"),
    }.get(low, ("organization", "country", "group"))
    return types, None


def _antecedent(doc: Doc, fits: list[tuple[Span, Actor]], bounds: list[int]) -> str | None:
    """Among the fitting mentions before the pronoun (in list order, actor by actor), the
    nearest in its sentence, else the best of the nearest earlier sentence that has one."""
    same = [(m, a) for m, a in fits if m.start >= bounds[0]]
    if same:
        return max(same, key=lambda ma: ma[0].start)[1].id
    # an earlier sentence, the nearest that names one: the subject of its main verb ("Sarin
    # was used, Kerry said. He added": Kerry), else any subject, else whoever it names first
    for lo, hi in zip(bounds[1:], bounds, strict=False):
        here = [(m, a) for m, a in fits if lo <= m.start < hi]
        if not here:
            continue
        ranked = [(_subject_rank(doc, m), m, a) for m, a in here]
        best = min(r for r, _m, _a in ranked)
        pool = [(m, a) for r, m, a in ranked if r == best]
        return min(pool, key=lambda ma: ma[0].start)[1].id
    return None


class _Fits(Protocol):
    # (mention, actor) of the mentions ending by the pronoun whose actor fits it, in list
    # order, actor by actor: all of them, or (indexed) all that start in its sentence bounds
    mentions: list[tuple[Span, Actor]]

    def has(self, actor_id: str) -> bool:
        """An actor with this id fits and has a mention ending by the pronoun."""
        ...


class _ScannedFits:
    def __init__(
        self,
        actors: Sequence[Actor],
        types: tuple[str, ...],
        want_gender: str | None,
        kb: KB | None,
        pos: int,
    ) -> None:
        self.mentions = [
            (m, a)
            for a in actors
            if a.type in types and (want_gender is None or _gender(a, kb) in (None, want_gender))
            for m in a.mentions
            if m.end <= pos
        ]
        self._ids = {a.id for _m, a in self.mentions}

    def has(self, actor_id: str) -> bool:
        return actor_id in self._ids


class _IndexedFits:
    def __init__(
        self,
        index: MentionIndex,
        actors: Sequence[Actor],
        types: tuple[str, ...],
        want_gender: str | None,
        kb: KB | None,
        pos: int,
        lo: int,
    ) -> None:
        if index.actors is not actors:
            raise ValueError("the mention index was built over another actor list")
        self.index, self.actors, self.types, self.pos = index, actors, types, pos
        self.want_gender, self.kb = want_gender, kb
        # a mention ending by the pronoun starts by it: [lo, pos] holds all that may count
        rows = sorted(index.starting(lo, pos + 1), key=lambda row: (row[1], row[2]))
        self.mentions = [
            (m, actors[order]) for m, order, _k in rows if m.end <= pos and self._fits(order)
        ]

    def _fits(self, order: int) -> bool:
        a = self.actors[order]
        if a.type not in self.types:
            return False
        if self.want_gender is None:
            return True
        return _indexed_gender(self.index, order, a, self.kb) in (None, self.want_gender)

    def has(self, actor_id: str) -> bool:
        return any(
            self.index.first_end(order) <= self.pos and self._fits(order)
            for order in self.index.places(actor_id)
        )


def _indexed_gender(index: MentionIndex, order: int, a: Actor, kb: KB | None) -> str | None:
    """:func:`_gender`, kept in the index while what it reads of the actor stays the same
    (mentions are only ever appended)."""
    fingerprint = (a.name, a.kb, a.type, len(a.mentions))
    held = index.derived.get(order)
    if held is not None and held[0] is kb and held[1] == fingerprint:
        return held[2]
    gender = _gender(a, kb)
    index.derived[order] = (kb, fingerprint, gender)
    return gender


_SPEAKER_REACH = 1500  # characters back to the last speaker a bare "he said" may continue


_RAISING = words("raising_verbs")


def _expletive(token: Token) -> bool:
    """ "it" as a placeholder subject: "It is clear that", "it appeared that", "it was
    revealed that"."""
    if token.dep_ == "expl":
        return True
    role = dep_role(token.dep_)
    return role == "passive_subject" or (
        role == "subject" and token.head.lemma_.lower() in _RAISING
    )


_LOOKBACK = 8  # sentences before the pronoun's that may hold its antecedent ...


_LOOKBACK_PARAGRAPHS = 1  # ... within its paragraph and this many before it


class _Sentences(NamedTuple):
    text: str
    sents: list[tuple[int, int, int]]  # (start, first word, end of last word) chars
    starts: list[int]


def _sentences(doc: Doc) -> _Sentences:
    """The text and the sentences, once per document, since ``Doc.text`` and ``Doc.sents``
    are rebuilt on every access."""

    def make() -> _Sentences:
        text = doc.text
        sents = []
        for sent in doc.sents:
            a, b = sent.start_char, sent.end_char
            chunk = text[a:b]
            first = a + len(chunk) - len(chunk.lstrip())
            end = a + len(chunk.rstrip())
            sents.append((a, first, max(first, end)))
        return _Sentences(text, sents, [s for s, _f, _e in sents])

    return cached(doc, "actors.sentences", make)


def _sentence_bounds(token: Token, doc: Doc) -> list[int]:
    """Start chars of the token's sentence and of the sentences before it, nearest first:
    up to ``_LOOKBACK`` of them, within the token's paragraph and the one before it (a
    quotation of several sentences between "Boehner said" and "he said" is common)."""
    if doc.has_annotation("SENT_START"):
        text, sents, starts = _sentences(doc)
        k = bisect.bisect_right(starts, token.idx) - 1
        out = [sents[k][0]]
        cur_first = sents[k][1]
        breaks = 0
        for j in range(k - 1, -1, -1):
            start, first, end = sents[j]
            if len(out) > _LOOKBACK:
                break
            if first >= end:
                continue  # a blank stretch
            # a line break between the two sentences' words, whatever sentence holds it
            if "\n" in text[end:cur_first]:
                breaks += 1
                if breaks > _LOOKBACK_PARAGRAPHS:
                    break
            out.append(start)
            cur_first = first
        return out
    # no sentence boundaries: full stops and line breaks stand in for them
    text = cached(doc, "actors.text", lambda: doc.text)
    out = []
    pos = token.idx
    while len(out) <= _LOOKBACK:
        cut = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
        out.append(cut)
        if cut <= 0:
            break
        pos = max(0, cut - 2)
    return out


def _subject_rank(doc: Doc, m: Span) -> int:
    """0: the mention is the subject of its sentence's main verb (or of a verb joined to it);
    1: the subject of another clause; 2: no subject, or no parse to tell."""
    if not doc.has_annotation("DEP"):
        return 2
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return 2
    rank = 2
    for tok in span:
        if dep_role(tok.dep_) not in ("subject", "passive_subject"):
            continue
        verb = tok.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        rank = min(rank, 0 if verb.head.i == verb.i else 1)
    return rank


def _given_name(name: str) -> str | None:
    """The first name in a person's name, past titles and ranks ("Marine Gen. Kenneth
    McKenzie" -> "Kenneth"); None for a lone surname."""
    words = name.replace(",", " ").split()
    start = 0
    for i, w in enumerate(words[:-1]):
        low = w.lower().rstrip(".")
        if low in PERSON_TITLES or low in TITLE_WORDS or (w.endswith(".") and len(w) > 2):
            start = i + 1
    rest = words[start:]
    if len(rest) < 2 or not rest[0][:1].isupper() or rest[0].endswith("."):
        return None
    return rest[0]


def _gender(actor: Actor, kb: KB | None) -> str | None:
    if kb is not None:
        entry = kb.entry(actor.kb) if actor.kb else None
        if entry is None:
            cands = [e for e in kb.candidates(actor.name) if e.type == "person"]
            entry = cands[0] if len(cands) == 1 else None
        if entry is not None and entry.gender in ("male", "female"):
            return entry.gender
    given = _given_name(actor.name)
    if kb is not None and given is not None and actor.type == "person":
        # "Dianne Feinstein": most people the knowledge base knows by that first name
        found = kb.given_name_gender(given)
        if found is not None:
            return found
    words = {w.lower().strip(".,") for m in actor.mentions for w in m.text.split()}
    if words & _FEMALE_WORDS:
        return "female"
    if words & _MALE_WORDS:
        return "male"
    first = actor.name.split()[0].lower() if actor.name.split() else ""
    if first.endswith("a") and first not in _MALE_A_NAMES and len(actor.name.split()) >= 2:
        return "female"
    return None
