"""Actors: one per person, organisation, country or place a document names, with every mention.

Mentions come from three places: the pipeline's named entities (any label scheme, read through
:func:`readout.labels.entity_kind`), the knowledge base's aliases matched in the text (countries,
demonyms, capitals, international bodies, news agencies, seats of power, office holders'
full names: what a news-trained NER often misses or mislabels), and political naming habits
resolved within the document:

- full name, then surname: "Dmitry Peskov" ... "Peskov";
- first name and patronymic in direct address: "Vladimir Vladimirovich";
- title phrases: "the Russian President", "Belarusian leader", "the Kremlin spokesperson",
  "President of the Republic of Belarus", "Putin's spokesman", resolved through the apposed name
  when there is one, else through the knowledge base's office holders on the document's date;
- capitals as metonyms for their governments: "Moscow and Minsk have been working" (but
  "talks in Minsk" and a "MOSCOW, April 6 -" dateline stay places);
- transcript speaker labels (``seed``), kept with their ids.

Linking prefers the candidate consistent with the document's date, the countries the document
mentions and the title words next to the name; a name the knowledge base does not know, or
knows ambiguously, stays an actor with ``kb`` null.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from readout.kb.lookup import KB, Entry, Match, case_ok, default_kb, loose_key, name_key
from readout.labels import dep_role, entity_kind
from readout.model import Actor, ActorType, Document, Span
from readout.read.structure import chrome_lines

# --- vocabulary ------------------------------------------------------------------------

# Title words -> role categories they stand for (first = preferred), longest phrases first.
_TITLES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = tuple(
    sorted(
        (
            (("president",), ("head of state",)),
            (("leader",), ("head of state", "head of government")),
            (("head", "of", "state"), ("head of state",)),
            (("prime", "minister"), ("head of government",)),
            (("premier",), ("head of government",)),
            (("chancellor",), ("head of government",)),
            (("pm",), ("head of government",)),
            (("foreign", "minister"), ("foreign minister",)),
            (("minister", "of", "foreign", "affairs"), ("foreign minister",)),
            (("minister", "for", "foreign", "affairs"), ("foreign minister",)),
            (("foreign", "secretary"), ("foreign minister",)),
            (("secretary", "of", "state"), ("foreign minister",)),
            (("top", "diplomat"), ("foreign minister",)),
            (("defence", "minister"), ("defence minister",)),
            (("defense", "minister"), ("defence minister",)),
            (("finance", "minister"), ("finance minister",)),
            (("spokesperson",), ("spokesperson",)),
            (("spokesman",), ("spokesperson",)),
            (("spokeswoman",), ("spokesperson",)),
            (("press", "secretary"), ("spokesperson",)),
            (("vice", "president"), ("vice president",)),
            (("king",), ("head of state",)),
            (("queen",), ("head of state",)),
        ),
        key=lambda t: -len(t[0]),
    )
)
# Words before a title that change nothing about whom it names.
_TITLE_FILLER = frozenset({"acting", "incumbent", "current", "new", "newly", "elected", "chief"})
# Words before a title that say the office is no longer held: never resolved to today's holder.
_TITLE_PAST = frozenset({"former", "ex", "then", "late", "outgoing", "previous", "first"})
# Titles and honorifics that may lead a person entity: not part of the name.
_HONORIFICS = frozenset(
    (
        "mr mrs ms miss dr sir lord lady madam president premier prime minister "
        "chancellor king queen prince princess sheikh foreign defence defense finance "
        "secretary spokesman spokeswoman spokesperson general gen colonel col ambassador "
        "senator sen governor gov mayor deputy vice comrade press leader the speaker rep "
        "representative congressman congresswoman sens attorney"
    ).split()
)
# military ranks double as words in names ("General Motors"): kept in a tagged name
_RANKS = frozenset({"general", "gen", "colonel", "col"})
_FEMALE_WORDS = frozenset(
    {"mrs", "ms", "miss", "madam", "spokeswoman", "queen", "princess", "lady"}
)
_MALE_WORDS = frozenset({"mr", "spokesman", "king", "prince", "sir", "lord"})
# Slavic and other names ending in -a that are men's
_MALE_A_NAMES = frozenset(
    (
        "nikita ilya ilia foma kuzma luka luca joshua ezra akira sasha misha grisha dima "
        "kolya vanya yasha andrea mustafa musa isa hamza osama attila gianluca zhora "
        "savva yeshua elijah"
    ).split()
)
_PATRONYMIC = re.compile(
    r"(?:ovich|evich|ievich|yevich|ich|ovna|evna|ievna|yevna|ichna|inichna)$", re.I
)
_LOCATIVE = frozenset(
    (
        "in at to from near outside inside into toward towards via around across through "
        "throughout visit visited visiting visits arrived reached left leaving of"
    ).split()
)
_LANGUAGE_CONTEXT = frozenset({"from", "into", "in", "speak", "speaks", "spoke", "speaking"})
_ROLE_RANK = {
    "head of state": 3.0,
    "head of government": 2.5,
    "foreign minister": 2.0,
    "spokesperson": 2.0,
    "vice president": 1.5,
    "deputy head of government": 1.5,
    "defence minister": 1.5,
    "finance minister": 1.5,
    "news agency": 1.5,
}
_PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
}
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "it", "its", "we", "our"})


# --- internal state --------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    kind: str  # name | surname | patronymic | title | demonym | metonym | place | seed
    ner: str | None = None  # entity_kind of an NER entity, None for knowledge-base matches
    matches: list[Match] = field(default_factory=list)


@dataclass(slots=True)
class _Actor:
    actor: Actor
    entry: Entry | None = None
    keys: set[str] = field(default_factory=set)  # name keys that cluster into this actor
    surname: str | None = None  # loose key
    given: str | None = None  # loose key
    hint_roles: list[str] = field(default_factory=list)
    first: int = 10**9
    kinds: dict[tuple[int, int], str] = field(default_factory=dict)
    votes: Counter[str] = field(default_factory=Counter)  # NER types of an unknown name

    def add(self, text: str, start: int, end: int, kind: str) -> None:
        span = Span.of(text, start, end)
        if all((m.start, m.end) != (start, end) for m in self.actor.mentions):
            self.actor.mentions.append(span)
            self.kinds[(start, end)] = kind
        self.first = min(self.first, start)


@dataclass(slots=True)
class _Title:
    start: int  # chars, including a leading "the"
    end: int
    tok_start: int
    tok_end: int  # exclusive
    roles: tuple[str, ...]
    country: str | None = None
    seat: Entry | None = None
    possessor: tuple[int, int] | None = None  # chars of "Putin" in "Putin's spokesman"
    past: bool = False
    qualified: bool = False
    title_filter: str | None = None  # a word the office's title must contain ("president")


class _Context:
    def __init__(self, doc: Doc, document: Document, kb: KB | None) -> None:
        self.doc = doc
        self.document = document
        self.text = document.text
        self.kb = kb
        body = document.body
        self.lo, self.hi = (body.start, body.end) if body else (0, len(document.text))
        self.date = _doc_date(document)
        self.actors: list[_Actor] = []
        self.countries: Counter[str] = Counter()
        self.dateline_place = document.dateline.place if document.dateline else None

    def inside(self, start: int, end: int) -> bool:
        return self.lo <= start and end <= self.hi

    def new_actor(self, name: str, type_: ActorType, entry: Entry | None = None) -> _Actor:
        a = _Actor(Actor(id="", name=name, type=type_))
        self.actors.append(a)
        if entry is not None:
            self.link(a, entry)
        return a

    def link(self, a: _Actor, entry: Entry) -> None:
        a.entry = entry
        a.actor.kb = entry.qid
        a.actor.name = entry.name
        a.actor.type = entry.type  # type: ignore[assignment]
        a.actor.country = entry.country
        if entry.type == "person":
            words = entry.name.split()
            if entry.given:
                a.given = loose_key(entry.given)
            if len(words) >= 2:
                a.surname = loose_key(words[0] if entry.given == words[-1] else words[-1])
        a.keys.add(name_key(entry.name))

    def find(self, entry: Entry) -> _Actor | None:
        for a in self.actors:
            if a.entry is not None and a.entry.id == entry.id:
                return a
        return None


def _doc_date(document: Document) -> str | None:
    for value in (document.published, document.dateline.date if document.dateline else None):
        if value and re.match(r"\d{4}-\d{2}-\d{2}", value):
            return value[:10]
    return None


# --- public API ------------------------------------------------------------------------


def extract_actors(
    doc: Doc, document: Document, seed: list[Actor] | None = None, kb: KB | None = None
) -> list[Actor]:
    """One actor per referent, with every mention, ids continuing after ``seed``'s.

    ``kb`` defaults to the built knowledge base (:func:`readout.kb.default_kb`); without one
    actors still come out, from the entities alone and unlinked.
    """
    actors, _kinds = extract_actors_detailed(doc, document, seed or [], kb)
    return actors


def extract_actors_detailed(
    doc: Doc, document: Document, seed: list[Actor], kb: KB | None = None
) -> tuple[list[Actor], dict[tuple[int, int], str]]:
    """:func:`extract_actors`, plus how each mention was found (``(start, end)`` -> "name",
    "surname", "patronymic", "title", "demonym", "metonym", "seed"): for benchmarks that count
    named mentions only."""
    ctx = _Context(doc, document, kb if kb is not None else default_kb())
    _add_seed(ctx, seed)
    mentions = _collect(ctx)
    for m in mentions:
        for country in _countries_of(m):
            ctx.countries[country] += 1
    titles = _find_titles(ctx)
    _resolve_names(ctx, mentions, titles)
    _propagate(ctx)
    _resolve_titles(ctx, titles)
    return _finish(ctx, seed)


def actor_at(actors: Sequence[Actor], start: int, end: int) -> str | None:
    """The id of the actor with a mention overlapping ``[start, end)``: the largest overlap,
    then the mention that sticks out least ("Russian" in "the Russian President" is Russia's,
    the whole phrase is the President's)."""
    best: tuple[int, int, int] | None = None
    found: str | None = None
    for order, a in enumerate(actors):
        for m in a.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            key = (-overlap, (m.end - m.start) - overlap, order)
            if best is None or key < best:
                best, found = key, a.id
    return found


def resolve_pronoun(
    token: Token,
    doc: Doc,
    actors: Sequence[Actor],
    kb: KB | None = None,
    speakers: Sequence[tuple[int, str]] = (),
) -> str | None:
    """The actor a subject pronoun of a speech verb refers to: "he said" -> the nearest person
    mentioned before it in the same sentence, else the subject of the main verb (or the first
    person) of the nearest sentence before it that names one, within its paragraph and the
    one before, of a compatible gender; failing that, the latest of ``speakers`` ((char,
    actor id) of the speakers already found) of that gender in the last ``_SPEAKER_REACH``
    characters: a run of quotation paragraphs each closed by "he said" goes on with one
    speaker. "it"/"they"/"we" likewise to organisations, countries and groups, from the same
    or the previous sentence only. None when nothing fits, and for an "it" that stands for
    nothing ("it appeared that", "it was revealed that")."""
    low = token.lower_
    if low in _PRONOUN_GENDER:
        want_gender: str | None = _PRONOUN_GENDER[low]
        types: tuple[str, ...] = ("person",)
    elif low in _PLURAL_PRONOUNS:
        if low in ("it", "its") and _expletive(token):
            return None
        want_gender = None
        types = {
            "we": ("country", "organization", "group"),
            "our": ("country", "organization", "group"),
            "they": ("organization", "group"),  # a country is rarely "they"
            "them": ("organization", "group"),
            "their": ("organization", "group"),
        }.get(low, ("organization", "country", "group"))
    else:
        return None
    kb = kb if kb is not None else default_kb()
    pos = token.idx
    fits = [
        (m, a)
        for a in actors
        if a.type in types and (want_gender is None or _gender(a, kb) in (None, want_gender))
        for m in a.mentions
        if m.end <= pos
    ]
    bounds = _sentence_bounds(token, doc)
    if want_gender is None:
        # "it"/"they"/"we" often point at no named actor ("it appeared that ..."): only the
        # previous sentence is searched for them
        bounds = bounds[:2]
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
    if want_gender is not None:
        fitting = {a.id for _m, a in fits}
        for at, actor_id in sorted(speakers, reverse=True):
            if at < pos and pos - at <= _SPEAKER_REACH and actor_id in fitting:
                return actor_id
    return None


_SPEAKER_REACH = 1500  # characters back to the last speaker a bare "he said" may continue


# --- collecting mentions ---------------------------------------------------------------


def _add_seed(ctx: _Context, seed: list[Actor]) -> None:
    for actor in seed:
        a = _Actor(actor)
        ctx.actors.append(a)
        for m in actor.mentions:
            a.kinds[(m.start, m.end)] = "seed"
            a.first = min(a.first, m.start)
        name = _strip_honorifics(actor.name)
        a.keys.add(name_key(name))
        words = name.split()
        if len(words) >= 2:
            a.surname = loose_key(words[-1])
            a.given = loose_key(words[0])
        if ctx.kb is not None and actor.kb is None and actor.type == "person":
            if len(words) >= 2:
                cands = [e for e in ctx.kb.candidates(name) if e.type == "person"]
                best = _choose(ctx, cands, hint_roles=(), exact=True)
            else:
                best = _choose(ctx, ctx.kb.by_surname(name), hint_roles=(), exact=False)
            if best is not None:
                ctx.link(a, best)  # the canonical name replaces the label's wording
        elif actor.kb is not None and ctx.kb is not None:
            entry = ctx.kb.entry(actor.kb)
            if entry is not None:
                a.entry = entry


def _collect(ctx: _Context) -> list[_Mention]:
    """Named-entity mentions and knowledge-base matches, overlaps settled."""
    doc = ctx.doc
    gaz = _scan(ctx) if ctx.kb is not None else []
    gaz += _scan_patronymics(ctx)
    ner: list[_Mention] = []
    lower_words = {t.text for t in doc if t.is_lower}
    chrome = chrome_lines(ctx.text, ctx.lo, ctx.hi)
    for ent in doc.ents:
        kind = entity_kind(ent.label_)
        if kind == "other":
            continue
        if _in(chrome, ent.start_char) or _set_phrase(doc, ent.start_char):
            continue  # "ADVERTISEMENT", "Photo: Getty Images", "Roe v. Wade"
        if kind == "person" and len(ent) == 1 and ent[0].lower_ in _GROUP_WORDS:
            continue  # "Hispanic": a group word, not a person
        last = ent[-1].lower_.rstrip(".")
        if kind == "organization" and len(ent) > 1 and last in _TITLE_ENDS:
            continue  # "House Speaker", "Senate Majority" (Leader): a title, not a body
        if kind == "person" and any(t.lower_ in _ORG_HEADS for t in ent):
            kind = "organization"  # "Nelson A. Rockefeller Institute of Government"
        elif kind in ("person", "place") and len(ent) > 1 and last in _BODY_ENDS:
            kind = "organization"  # "The New York Times", "Metropolitan Police" tagged places
        elif kind == "person" and len(ent) > 1 and last in _STREET_WORDS:
            kind = "place"  # "Wall Street"
        s, e = _trim(ent, person=kind == "person")
        if s >= e or not ctx.inside(s, e):
            continue
        toks = doc.char_span(s, e, alignment_mode="expand")
        if toks is None or all(
            t.is_stop
            or t.lower_ in _HONORIFICS
            or (kind == "person" and t.lower_ in _PARTY_WORDS)  # the party itself is a name
            or not t.is_alpha
            for t in toks
        ):
            continue  # "We", "President", "Republican Senator": a tagger's slip, not a name
        if any(
            s <= g.start
            and g.end <= e
            and (g.start, g.end) != (s, e)
            and any(x.entry.type == "person" for x in g.matches)
            and not (g.start == s and _generation_of(ctx.text[s:e]))
            for g in gaz
        ):
            # "Russian President Vladimir Putin" tagged as one name: the known person in it,
            # and the known words around it, stand in for it
            continue
        if len(toks) == 1 and _common_word_opening(doc, toks[0], lower_words):
            continue
        named = _after_title(ctx, toks)
        if named is not None:
            if named[0] < named[1]:
                ner.append(_Mention(named[0], named[1], "name", ner="person"))
            continue
        if kind != "person":
            e = _with_legal_suffix(doc, toks.end, e)
        ner.append(_Mention(s, e, "name", ner=kind))
    _add_generation(ctx, ner, gaz)
    gaz += _repeated_proper_nouns(ctx, ner, gaz)
    ner += _titled_names(ctx, ner, gaz)
    out: list[_Mention] = []
    ner_spans = {(m.start, m.end): m for m in ner}
    for g in gaz:
        same = ner_spans.get((g.start, g.end))
        if same is not None:
            same.matches = g.matches
            if g.kind in ("demonym", "patronymic"):
                same.kind = g.kind
            continue
        if any(n.start <= g.start and g.end <= n.end for n in ner):
            # "Washington" in "George Washington", "Qatar" in "Qatar Airways": part of a name
            continue
        covering = [
            n
            for n in ner
            if g.start <= n.start and n.end <= g.end and (n.start, n.end) != (g.start, g.end)
        ]
        crossing = [
            n
            for n in ner
            if n.start < g.end
            and g.start < n.end
            and n not in covering
            and not (n.start <= g.start and g.end <= n.end)
        ]
        if crossing:
            continue
        for n in covering:  # "Novosti" inside "RIA Novosti": the longer known name wins
            ner.remove(n)
            ner_spans.pop((n.start, n.end), None)
            if g.ner is None:
                g.ner = n.ner
        out.append(g)
    out.extend(ner)
    # however found (tagged, known, repeated): nothing from a photo credit or a case name
    out = [m for m in out if not _set_phrase(doc, m.start) and not _in(chrome, m.start)]
    out.sort(key=lambda m: (m.start, -(m.end - m.start)))
    return out


def _in(ranges: list[tuple[int, int]], char: int) -> bool:
    return any(a <= char < b for a, b in ranges)


def _set_phrase(doc: Doc, start_char: int) -> bool:
    """A name that is part of a set phrase: "Roe v. Wade", "State of the Union"."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    i = span.start
    before = [t.lower_ for t in doc[max(0, i - 3) : i]]
    return before[-1:] in (["v."], ["v"], ["vs."], ["vs"]) or before == ["state", "of", "the"]


_TITLE_WORDS = frozenset(
    w
    for words, _roles in _TITLES
    for w in words
    if w not in ("of", "for", "state", "affairs", "top", "head")
)


def _after_title(ctx: _Context, toks: SpacySpan) -> tuple[int, int] | None:
    """Where the name is in a tagged span that holds a title: "President of Belarus
    Alexander Lukashenko" -> "Alexander Lukashenko", "Sen. Ted Cruz of Texas" -> "Ted Cruz";
    an empty range at the span's end when it is all title; None when there is no title in
    it, or the title ends it ("Martin Luther King"), or what follows the title is not a
    short name."""
    doc = ctx.doc
    k = None
    for i in range(toks.start, toks.end):
        for words, _roles in _TITLES:
            n = len(words)
            if i + n <= toks.end and all(doc[i + x].lower_ == w for x, w in enumerate(words)):
                k = i + n
                break
    if k is None:
        return None
    end = toks.end
    if k >= end:
        whole_title = all(
            t.lower_ in _TITLE_WORDS
            or t.lower_ in _HONORIFICS
            or not t.is_alpha
            or (t.i < k and _is_country_word(ctx, t))  # "Belarusian Prime Minister"
            for t in toks
        )
        return (toks.end_char, toks.end_char) if whole_title else None
    if ctx.doc[k].lower_ == "of":
        k += 1
        if k < end and ctx.doc[k].lower_ == "the":
            k += 1
        best = None
        if ctx.kb is not None:
            for j in range(min(end, k + 6), k, -1):
                surface = ctx.text[ctx.doc[k].idx : ctx.doc[j - 1].idx + len(ctx.doc[j - 1].text)]
                if any(m.entry.type == "country" for m in ctx.kb.scan(surface)):
                    best = j
                    break
        if best is None:
            return None
        k = best
    cut = k
    while cut < end and ctx.doc[cut].lower_ not in ("of", "from", ","):
        cut += 1
    if cut < end and cut > k and cut + 1 < end and ctx.doc[cut + 1].text[:1].isupper():
        end = cut  # "Sen. Ted Cruz of Texas": the state he represents is not his name
    rest = ctx.doc[k:end]
    if not 1 <= len(rest) <= 3 or not all(
        t.text[:1].isupper() and (t.is_alpha or _INITIAL.fullmatch(t.text)) for t in rest
    ):
        return None
    return rest.start_char, rest.end_char


def _is_country_word(ctx: _Context, tok: Token) -> bool:
    """A country's name or demonym ("Belarus", "Belarusian")."""
    if ctx.kb is None or not tok.text[:1].isupper():
        return False
    return any(
        m.kind == "demonym" or m.entry.type == "country"
        for m in ctx.kb.lookup(tok.text)
        if case_ok(tok.text, m.alias)
    )


_INITIAL = re.compile(r"[A-Z]\.")
# Last words of a tagged "organisation" that is a title ("House Speaker", "Senate Majority")
_TITLE_ENDS = frozenset(
    """speaker leader whip chairman chairwoman spokesman spokeswoman spokesperson secretary
    majority minority""".split()
)
_GROUP_WORDS = frozenset(
    """hispanic hispanics latino latina latinos black white asian muslim muslims christian
    christians jewish jew jews catholic catholics evangelical evangelicals""".split()
)
_STREET_WORDS = frozenset("street avenue square boulevard road lane".split())
_PARTY_WORDS = frozenset(
    """republican republicans democrat democrats democratic gop conservative conservatives
    liberal liberals labour tory tories""".split()
)
# Words that make a tagged "person" an organisation
_ORG_HEADS = frozenset(
    """institute university college foundation committee party council commission
    agency ministry department association corporation company bank fund center centre
    school academy museum hospital court union league federation organization
    organisation group""".split()
)


# Last words that make a tagged place (or person) an organisation: newspapers, forces
_BODY_ENDS = _ORG_HEADS | frozenset(
    """times post journal news herald tribune gazette telegraph guardian monitor observer
    chronicle examiner inquirer mirror express standard magazine radio television network
    channel press police army navy service""".split()
)

_LEGAL = frozenset("inc corp co ltd plc llc ag sa nv se gmbh spa bv".split())
_GENERATION = frozenset({"jr", "sr", "ii", "iii", "iv"})
_OPENERS = frozenset("\"'“‘([«")


def _common_word_opening(doc: Doc, tok: Token, lower_words: set[str]) -> bool:
    """A lone tagged word where capitals say nothing (a sentence or quotation opening) that is
    an ordinary word: the tagger does not call it a proper noun ("Closely watched ..."), or the
    document writes it in lower case elsewhere ("Sarin was used" beside "sarin gas")."""
    opening = tok.is_sent_start or (tok.i > 0 and doc[tok.i - 1].text in _OPENERS)
    if not opening or not tok.is_alpha or tok.is_upper:
        return False  # "(UCMJ)": an abbreviation is a name wherever it stands
    if tok.tag_ and tok.pos_ not in ("PROPN", ""):
        return True
    return tok.lower_ in lower_words


def _generation_end(doc: Doc, text: str, end_char: int) -> int:
    """The end of a generational suffix right after a name ("Donald Trump Jr.", "Martin Luther
    King, Jr.", "Henry Ford II"), or ``end_char`` when none follows."""
    span = doc.char_span(end_char, end_char, alignment_mode="expand")
    k = _tok_at(doc, end_char) if span is None else span.start
    if k < len(doc) and doc[k].idx < end_char:
        k += 1
    if k < len(doc) and doc[k].text == "," and k + 1 < len(doc):
        k += 1
    if k >= len(doc) or doc[k].text.rstrip(".").lower() not in _GENERATION:
        return end_char
    tok = doc[k]
    if not tok.text[:1].isupper() or "\n" in text[end_char : tok.idx]:
        return end_char
    end = tok.idx + len(tok.text)
    if tok.text.lower() in ("jr", "sr") and end < len(text) and text[end] == ".":
        end += 1  # "Jr." split from its dot
    return end


def _add_generation(ctx: _Context, ner: list[_Mention], gaz: list[_Mention]) -> None:
    """A person named with a generational suffix is not the namesake the knowledge base holds
    without it: "Donald Trump Jr." is his own actor. The suffix joins the mention, and the
    entry matched without it is dropped."""
    doc = ctx.doc
    for group in (ner, gaz):
        for m in group:
            if not (m.ner == "person" or any(x.entry.type == "person" for x in m.matches)):
                continue
            if m.kind != "name":
                continue
            end = _generation_end(doc, ctx.text, m.end)
            if end != m.end and ctx.inside(m.start, end):
                m.end = end
                m.matches = [x for x in m.matches if _generation_of(x.alias) is not None]
                if not m.matches and m.ner is None:
                    m.ner = "person"
    # a KB match "Donald Trump" now inside the NER mention "Donald Trump Jr." is part of it
    gaz[:] = [
        g
        for g in gaz
        if not any(
            n.start <= g.start and g.end < n.end and _generation_of(ctx.text[n.start : n.end])
            for n in ner
        )
    ]


def _generation_of(name: str) -> str | None:
    words = name.replace(",", " ").split()
    if len(words) >= 2 and words[-1].rstrip(".").lower() in _GENERATION:
        return words[-1].rstrip(".").lower()
    return None


def _with_legal_suffix(doc: Doc, next_tok: int, end: int) -> int:
    """ "Apple" tagged in "Apple Inc." ends after "Inc.": the suffix is part of the name."""
    k = next_tok
    if k < len(doc) and doc[k].lower_ == ",":
        k += 1  # "Apple, Inc."
    if k < len(doc) and doc[k].lower_.replace(".", "") in _LEGAL and doc[k].text[:1].isupper():
        return doc[k].idx + len(doc[k].text)
    return end


def _trim(ent: SpacySpan, person: bool) -> tuple[int, int]:
    """An entity's name without a leading "the", leading honorifics (for people), a
    possessive "'s" or punctuation at either end, token by token."""
    toks = list(ent)
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ == "the"):
        toks = toks[1:]
    if person:
        while (
            len(toks) > 1
            and toks[0].lower_.rstrip(".") in _HONORIFICS - _RANKS
            and toks[1].text[:1].isupper()
        ):
            toks = toks[1:]
        # "Republican Sen. Ted Cruz of Texas", "Texas GOP Sen. Ted Cruz": the name is what
        # follows the title, up to where he is from
        for i in (1, 2):
            if (
                i < len(toks) - 1
                and toks[i].lower_.rstrip(".") in _HONORIFICS - _RANKS - {"the"}
                and toks[i + 1].text[:1].isupper()
            ):
                toks = toks[i + 1 :]
                break
        for i in range(2, len(toks) - 1):
            if toks[i].lower_ == "of" and all(t.text[:1].isupper() for t in toks[i + 1 :]):
                toks = toks[:i]
                break
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].lower_ in ("'s", "’s", "'")):
        toks = toks[:-1]
    if not toks:
        return ent.start_char, ent.start_char
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _scan(ctx: _Context) -> list[_Mention]:
    """Longest knowledge-base aliases in the text, left to right."""
    kb, doc, text = ctx.kb, ctx.doc, ctx.text
    assert kb is not None
    out: list[_Mention] = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if not tok.text[:1].isupper() or not ctx.inside(tok.idx, tok.idx + len(tok.text)):
            i += 1
            continue
        first = re.split(r"[\s\-]", name_key(tok.text), maxsplit=1)[0]
        words = kb.scan_length(first)
        if not words:
            i += 1
            continue
        found: tuple[int, list[Match]] | None = None
        for j in range(min(n, i + 2 * words + 1), i, -1):
            last = doc[j - 1]
            if j - 1 > i and (last.is_punct or last.is_space):
                continue
            s, e = tok.idx, last.idx + len(last.text)
            surface = text[s:e]
            if "\n" in surface or not ctx.inside(s, e):
                continue
            matches = [m for m in kb.scan(surface) if case_ok(surface, m.alias)]
            if matches:
                found = (j, matches)
                break
        if found is None:
            i += 1
            continue
        j, matches = found
        s, e = tok.idx, doc[j - 1].idx + len(doc[j - 1].text)
        kinds = {m.kind for m in matches}
        if kinds == {"demonym"} and _language_use(doc, i, j):
            i = j
            continue
        kind = (
            "demonym" if kinds == {"demonym"} else "patronymic" if "patronymic" in kinds else "name"
        )
        out.append(_Mention(s, e, kind, matches=matches))
        i = j
    return out


def _language_use(doc: Doc, i: int, j: int) -> bool:
    """ "translated from Russian by ...": a language, not the country."""
    prev = doc[i - 1].lower_ if i > 0 else ""
    nxt = doc[j] if j < len(doc) else None
    follows_noun = nxt is not None and (
        nxt.text[:1].isalpha() and nxt.pos_ in ("NOUN", "PROPN", "ADJ")
    )
    if (
        nxt is not None
        and not nxt.pos_
        and nxt.text[:1].islower()
        and nxt.lower_ not in ("by", "and", "or", "to", "is", "was")
    ):
        follows_noun = True  # no tagger: a lower-case word after it is taken for its noun
    return prev in _LANGUAGE_CONTEXT and not follows_noun


_CALENDAR = frozenset(
    (
        "january february march april may june july august september october november "
        "december monday tuesday wednesday thursday friday saturday sunday jan feb mar "
        "apr jun jul aug sep sept oct nov dec christmas easter utc gmt mr mrs ms dr"
    ).split()
)


# Titles right before a person's name ("Majority Leader Mitch McConnell", "Rep. Adam Schiff")
_NAME_TITLES = (_HONORIFICS - {"the", "press", "foreign", "defence", "defense", "finance"}) | {
    "leader",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "speaker",
    "justice",
    "judge",
    "chairman",
    "chairwoman",
}


def _titled_names(ctx: _Context, ner: list[_Mention], gaz: list[_Mention]) -> list[_Mention]:
    """Proper nouns right after a capitalised title that the tagger left untagged: "Senate
    Majority Leader Mitch McConnell" -> "Mitch McConnell", a person."""
    doc = ctx.doc
    if not doc.has_annotation("POS"):
        return []
    spans = [(m.start, m.end) for m in ner + gaz]
    out: list[_Mention] = []
    for tok in doc[:-1]:
        if not tok.text[:1].isupper() or tok.lower_.rstrip(".") not in _NAME_TITLES:
            continue
        if tok.lower_ in _RANKS:
            continue  # "General Motors": only the abbreviation "Gen." is surely a rank
        j = tok.i + 1
        while (
            j < len(doc)
            and j - tok.i <= 3
            and doc[j].pos_ == "PROPN"
            and doc[j].text[:1].isupper()
            and (doc[j].is_alpha or _INITIAL.fullmatch(doc[j].text))
            and doc[j].lower_.rstrip(".") not in _NAME_TITLES
            and doc[j].lower_ not in _CALENDAR
        ):
            j += 1
        if j == tok.i + 1 or not doc[j - 1].is_alpha:
            continue
        if any(t.lower_ in _BODY_ENDS for t in doc[tok.i + 1 : j]):
            continue  # "Justice Department": a body, not a judge
        s, e = doc[tok.i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text)
        if ctx.inside(s, e) and not any(s < ee and ss < e for ss, ee in spans):
            out.append(_Mention(s, e, "name", ner="person"))
            spans.append((s, e))
    return out


def _repeated_proper_nouns(
    ctx: _Context, ner: list[_Mention], gaz: list[_Mention]
) -> list[_Mention]:
    """Proper-noun runs the tagger missed but the text repeats ("General Motors ... General
    Motors"): a name used twice is a name. Typed as organisations; persons and places are
    what the tagger rarely misses twice."""
    doc = ctx.doc
    if not doc.has_annotation("TAG") and not doc.has_annotation("POS"):
        return []
    spans = [(m.start, m.end) for m in ner + gaz]
    runs: dict[str, list[tuple[int, int]]] = {}
    i = 0
    while i < len(doc):
        low = doc[i].lower_
        if not _proper(doc[i]) or low in _CALENDAR or low in _HONORIFICS - _RANKS:
            i += 1  # a run never starts with a title: "President" is nobody's name
            continue
        j = i
        while j < len(doc) and _proper(doc[j]) and doc[j].lower_ not in _CALENDAR and j - i < 4:
            j += 1
        s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        if ctx.inside(s, e) and not any(s < ee and ss < e for ss, ee in spans):
            runs.setdefault(ctx.text[s:e], []).append((s, e))
        i = j
    out: list[_Mention] = []
    for surface, where in runs.items():
        if len(where) >= 2 and len(surface) > 1:
            out.extend(_Mention(s, e, "name", ner="organization") for s, e in where)
    return out


def _proper(tok: Token) -> bool:
    word = tok.text.rstrip(".")  # "Inc." and "Co." belong to the name
    return tok.pos_ == "PROPN" and word[:1].isupper() and (word.isalpha() or "&" in word)


def _scan_patronymics(ctx: _Context) -> list[_Mention]:
    """ "Vladimir Vladimirovich": a capitalised first name and a patronymic, in direct address."""
    doc = ctx.doc
    out: list[_Mention] = []
    for i in range(len(doc) - 1):
        a, b = doc[i], doc[i + 1]
        if (
            a.text[:1].isupper()
            and b.text[:1].isupper()
            and a.is_alpha
            and b.is_alpha
            and len(b.text) > 5
            and _PATRONYMIC.search(b.text)
            and not (i + 2 < len(doc) and doc[i + 2].text[:1].isupper() and doc[i + 2].is_alpha)
        ):
            s, e = a.idx, b.idx + len(b.text)
            if ctx.inside(s, e):
                out.append(_Mention(s, e, "patronymic"))
    return out


def _countries_of(m: _Mention) -> set[str]:
    out: set[str] = set()
    for match in m.matches:
        if match.entry.type in ("country", "place") and match.entry.country:
            out.add(match.entry.country)
    return out if len(out) == 1 else set()


# --- title phrases ---------------------------------------------------------------------


def _find_titles(ctx: _Context) -> list[_Title]:
    doc = ctx.doc
    out: list[_Title] = []
    n = len(doc)
    i = 0
    while i < n:
        hit = None
        for words, roles in _TITLES:
            k = len(words)
            if i + k <= n and all(doc[i + x].lower_ == w for x, w in enumerate(words)):
                hit = (k, roles)
                break
        if hit is None:
            i += 1
            continue
        k, roles = hit
        if words == ("pm",) and doc[i].text != "PM":
            i += 1
            continue
        t = _Title(doc[i].idx, doc[i + k - 1].idx + len(doc[i + k - 1].text), i, i + k, roles)
        _qualify_left(ctx, t)
        _qualify_right(ctx, t)
        if ctx.inside(t.start, t.end):
            out.append(t)
        i = t.tok_end
    return out


def _qualify_left(ctx: _Context, t: _Title) -> None:
    doc = ctx.doc
    j = t.tok_start - 1
    while j >= 0:
        tok = doc[j]
        low = tok.lower_
        if low in _TITLE_FILLER:
            j -= 1
            continue
        if low in _TITLE_PAST or low.startswith("ex-"):
            t.past = True
            j -= 1
            continue
        if low in ("ministry", "foreign") and "spokesperson" in t.roles:
            t.title_filter = "foreign"
            t.qualified = True
            j -= 1
            continue
        if low in ("'s", "’s", "'") and j > 0:
            # "Russia's President", "Putin's spokesman"
            found = _known_before(ctx, j)
            if found is not None:
                _apply_qualifier(t, found[1])
                j = found[0] - 1
            else:
                k = j - 1
                while k >= 0 and doc[k].text[:1].isupper() and doc[k].is_alpha:
                    k -= 1
                if k == j - 1:
                    break
                t.possessor = (doc[k + 1].idx, doc[j - 1].idx + len(doc[j - 1].text))
                j = k
            t.qualified = True
            continue
        found = _known_before(ctx, j + 1)
        if found is not None and any(
            m.kind == "demonym" or m.entry.type in ("organization", "country") for m in found[1]
        ):
            _apply_qualifier(t, found[1])
            t.qualified = True
            j = found[0] - 1
            continue
        break
    if j >= 0 and doc[j].lower_ == "the":
        t.tok_start = j
    else:
        t.tok_start = j + 1
    t.start = doc[t.tok_start].idx


def _known_before(ctx: _Context, end_tok: int) -> tuple[int, list[Match]] | None:
    """A known name ending just before token ``end_tok``: (its first token, its matches)."""
    doc, kb = ctx.doc, ctx.kb
    if kb is None or end_tok <= 0 or doc[end_tok - 1].is_punct:
        return None  # "a deal with China, President Trump said": the comma ends the qualifier
    end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
    for start_tok in range(max(0, end_tok - 6), end_tok):
        if not doc[start_tok].text[:1].isupper():
            continue
        surface = ctx.text[doc[start_tok].idx : end_char]
        if "\n" in surface:
            continue
        matches = [m for m in kb.scan(surface) if case_ok(surface, m.alias)]
        if matches:
            return start_tok, matches
    return None


def _tok_at(doc: Doc, char: int) -> int:
    for tok in doc:
        if tok.idx <= char < tok.idx + max(1, len(tok.text)):
            return tok.i
    return len(doc)


def _apply_qualifier(t: _Title, matches: list[Match]) -> None:
    for m in matches:
        e = m.entry
        if e.type == "country" or m.kind == "demonym":
            t.country = t.country or e.country
        elif (
            e.type == "organization"
            and e.country
            and any(r.role in ("presidency", "prime minister's office") for r in e.roles)
        ):
            t.seat = e
            t.country = t.country or e.country
            t.title_filter = t.title_filter or (
                "president" if e.roles[0].role == "presidency" else "prime minister"
            )
        elif e.type == "place" and e.country:
            t.country = t.country or e.country


def _qualify_right(ctx: _Context, t: _Title) -> None:
    """ "President of Russia", "President of the Republic of Belarus"."""
    doc, kb = ctx.doc, ctx.kb
    j = t.tok_end
    if kb is None or j >= len(doc) or doc[j].lower_ != "of":
        return
    s = j + 1
    if s < len(doc) and doc[s].lower_ == "the":
        s += 1
    for e in range(min(len(doc), s + 6), s, -1):
        if doc[e - 1].is_punct:
            continue
        surface = ctx.text[doc[s].idx : doc[e - 1].idx + len(doc[e - 1].text)]
        if "\n" in surface:
            continue
        matches = [m for m in kb.scan(surface) if case_ok(surface, m.alias)]
        countries = [m for m in matches if m.entry.type == "country" and m.kind != "demonym"]
        if countries:
            t.country = countries[0].entry.country
            t.qualified = True
            t.tok_end = e
            t.end = doc[e - 1].idx + len(doc[e - 1].text)
            return


# --- names -----------------------------------------------------------------------------


def _resolve_names(ctx: _Context, mentions: list[_Mention], titles: list[_Title]) -> None:
    text = ctx.text
    persons = [m for m in mentions if _is_person(m)]
    others = [m for m in mentions if not _is_person(m)]
    title_next = {_next_name_start(ctx, t): t for t in titles}

    def hint_for(m: _Mention) -> tuple[str, ...]:
        t = title_next.get(m.start)
        if t is None:
            t = _apposed_title(ctx, m, titles)
        return t.roles if t is not None else ()

    full = [m for m in persons if m.kind not in ("patronymic",) and len(_words(text, m)) >= 2]
    single = [m for m in persons if m.kind not in ("patronymic",) and len(_words(text, m)) < 2]
    patro = [m for m in persons if m.kind == "patronymic"]
    for m in full:
        _person_full(ctx, m, hint_for(m))
    for m in single:
        _person_single(ctx, m, hint_for(m))
    for m in patro:
        _person_patronymic(ctx, m)
    for m in others:
        _other(ctx, m)


def _is_person(m: _Mention) -> bool:
    if m.kind == "patronymic":
        return True
    if m.matches:
        if any(x.entry.type == "person" for x in m.matches):
            return True
        return False
    return m.ner == "person"


def _words(text: str, m: _Mention) -> list[str]:
    return _strip_honorifics(text[m.start : m.end]).split()


def _strip_honorifics(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _person_full(ctx: _Context, m: _Mention, hint: tuple[str, ...]) -> None:
    text = ctx.text
    name = _strip_honorifics(text[m.start : m.end])
    key, lkey = name_key(name), loose_key(name)
    for a in ctx.actors:
        if a.actor.type == "person" and (key in a.keys or lkey in {loose_key(k) for k in a.keys}):
            a.add(text, m.start, m.end, "name")
            return
    entry = None
    if ctx.kb is not None:
        cands = [x.entry for x in m.matches if x.entry.type == "person"] or [
            e for e in ctx.kb.candidates(name) if e.type == "person"
        ]
        entry = _choose(ctx, _unique(cands), hint, exact=True)
    if entry is not None:
        existing = ctx.find(entry)
        if existing is not None:
            existing.keys.add(key)
            existing.add(text, m.start, m.end, "name")
            return
    words = name.split()
    generation = _generation_of(name)
    if generation is not None:
        # "Trump Jr." after "Donald Trump Jr.": the same man; a bare "Trump" is not
        for a in ctx.actors:
            if a.actor.type == "person" and key in a.keys:
                a.add(text, m.start, m.end, "name")
                return
        a = ctx.new_actor(name, "person", entry)
        a.keys.update({key, name_key(" ".join(words[-2:]))})
        a.add(text, m.start, m.end, "name")
        return
    # an earlier surname-only actor ("Peskov said ... Dmitry Peskov") joins the full name
    for a in ctx.actors:
        if (
            a.actor.type == "person"
            and a.entry is None
            and a.surname is None
            and loose_key(words[-1]) in {loose_key(k) for k in a.keys}
        ):
            a.keys.add(key)
            a.actor.name = name
            a.surname, a.given = loose_key(words[-1]), loose_key(words[0])
            if entry is not None:
                ctx.link(a, entry)
            a.add(text, m.start, m.end, "name")
            return
    a = ctx.new_actor(name, "person", entry)
    a.keys.add(key)
    if entry is None:
        a.surname, a.given = loose_key(words[-1]), loose_key(words[0])
    if hint:
        a.hint_roles.extend(r for r in hint if r not in a.hint_roles)
    a.add(text, m.start, m.end, "name")


def _person_single(ctx: _Context, m: _Mention, hint: tuple[str, ...]) -> None:
    text = ctx.text
    word = _strip_honorifics(text[m.start : m.end])
    lk = loose_key(word)
    same = [
        a
        for a in ctx.actors
        if a.actor.type == "person" and (a.surname == lk or name_key(word) in a.keys)
    ]
    if same:
        before = [a for a in same if a.first <= m.start]
        target = max(before, key=lambda a: a.first) if len(before) > 1 else (before or same)[0]
        target.add(text, m.start, m.end, "surname")
        return
    entry = None
    if ctx.kb is not None:
        entry = _choose(ctx, ctx.kb.by_surname(word), hint, exact=False)
    if entry is not None:
        existing = ctx.find(entry)
        if existing is not None:
            existing.add(text, m.start, m.end, "surname")
            return
        a = ctx.new_actor(entry.name, "person", entry)
    else:
        junior = [
            a
            for a in ctx.actors
            if a.actor.type == "person"
            and a.entry is None
            and _generation_of(a.actor.name)
            and loose_key(a.actor.name.replace(",", " ").split()[-2]) == lk
        ]
        if len(junior) == 1:  # "Nicholson" after "John W. Nicholson Jr.", nobody else
            junior[0].add(text, m.start, m.end, "surname")
            return
        a = ctx.new_actor(word, "person")
        a.keys.add(name_key(word))
        a.votes["person"] += 0.9  # a lone word is weak evidence of a person: other tags outvote it
    a.add(text, m.start, m.end, "surname")


def _person_patronymic(ctx: _Context, m: _Mention) -> None:
    text = ctx.text
    first, patronymic = text[m.start : m.end].split()[:2]
    fk, pk = loose_key(first), loose_key(patronymic)
    people = [a for a in ctx.actors if a.actor.type == "person" and a.given == fk]
    exact = [
        a
        for a in people
        if a.entry is not None and a.entry.patronymic and loose_key(a.entry.patronymic) == pk
    ]
    target = exact[0] if len(exact) == 1 else people[0] if len(people) == 1 else None
    if target is None and ctx.kb is not None:
        cands = [x.entry for x in m.matches if x.entry.type == "person"] or [
            e for e in ctx.kb.candidates(f"{first} {patronymic}") if e.type == "person"
        ]
        entry = _choose(ctx, _unique(cands), (), exact=True)
        if entry is not None:
            target = ctx.find(entry) or ctx.new_actor(entry.name, "person", entry)
    if target is None:
        for a in ctx.actors:
            if a.actor.type == "person" and name_key(f"{first} {patronymic}") in a.keys:
                target = a
                break
    if target is None:
        target = ctx.new_actor(f"{first} {patronymic}", "person")
        target.keys.add(name_key(f"{first} {patronymic}"))
    target.add(text, m.start, m.end, "patronymic")


def _other(ctx: _Context, m: _Mention) -> None:
    text = ctx.text
    surface = text[m.start : m.end]
    key = name_key(surface)
    if m.ner is not None and not m.matches and " " not in surface.strip():
        # "Peskov" tagged as an organisation: a person the document already names wins
        lk = loose_key(surface)
        for a in ctx.actors:
            if a.actor.type == "person" and a.surname == lk and a.actor.name.count(" ") >= 1:
                a.add(text, m.start, m.end, "surname")
                return
    matches = [x for x in m.matches if x.entry.type != "person"]
    if not matches and ctx.kb is not None and m.ner is not None:
        matches = [
            x
            for x in ctx.kb.lookup(surface)
            if x.entry.type != "person"
            and x.kind in ("name", "alt", "abbr", "demonym", "capital")
            and case_ok(surface, x.alias)
        ]
    entry, kind = _pick_entry(matches, m)
    if entry is not None and entry.type == "place" and entry.of and _metonymic(ctx, m):
        country = ctx.kb.entry(entry.of) if ctx.kb is not None else None
        if country is not None:
            entry, kind = country, "metonym"
    if entry is not None:
        a = ctx.find(entry) or ctx.new_actor(entry.name, entry.type, entry)  # type: ignore[arg-type]
        if entry.type == "organization" and any(r.role == "news agency" for r in entry.roles):
            a.hint_roles.append("news agency")
        a.add(text, m.start, m.end, kind)
        return
    if m.ner is None:
        return
    type_: ActorType = {
        "person": "person",
        "organization": "organization",
        "place": "place",
        "nationality": "group",
    }.get(m.ner, "organization")  # type: ignore[assignment]
    for a in ctx.actors:
        # an unknown name is one actor however the tagger labelled each occurrence
        if (
            a.entry is None
            and (a.actor.type != "person" or " " not in a.actor.name)
            and (
                key in a.keys
                or _acronym_of(surface, a.actor.name)
                or _acronym_of(a.actor.name, surface)
            )
        ):
            a.votes[type_] += 1
            a.add(text, m.start, m.end, "name")
            return
    a = ctx.new_actor(surface, type_)
    a.votes[type_] += 1
    a.keys.add(key)
    a.actor.country = _nested_country(ctx, m)
    a.add(text, m.start, m.end, "name")


def _pick_entry(matches: list[Match], m: _Mention) -> tuple[Entry | None, str]:
    """One entry for a known name: a single referent, else the one the NER type agrees with."""
    ids = {x.entry.id for x in matches}
    if not ids:
        return None, "name"
    if len(ids) > 1:
        want = {
            "place": ("country", "place"),
            "organization": ("organization",),
            "nationality": ("country",),
        }.get(m.ner or "", ())
        preferred = {x.entry.id: x for x in matches if x.entry.type in want}
        if len(preferred) != 1:
            demonyms = {x.entry.id for x in matches if x.kind == "demonym"}
            if demonyms and demonyms == ids:
                return None, "demonym"  # "Congolese": two countries
            # a country's name beats a capital or an organisation sharing it
            countries = {x.entry.id: x for x in matches if x.entry.type == "country"}
            if len(countries) != 1:
                return None, "name"
            preferred = countries
        ids = set(preferred)
        matches = list(preferred.values())
    x = matches[0]
    kind = "demonym" if x.kind == "demonym" else "name"
    return x.entry, kind


def _metonymic(ctx: _Context, m: _Mention) -> bool:
    """A capital standing for its government: not after a locative preposition, not in a
    dateline ("MOSCOW, April 6 -"), not "Minsk, Belarus"."""
    doc, text = ctx.doc, ctx.text
    dp = ctx.dateline_place
    if dp is not None and dp.start <= m.start and m.end <= dp.end:
        return False
    line_start = text.rfind("\n", 0, m.start) + 1
    if not text[line_start : m.start].strip() and re.match(
        r"\s*,\s*(?:[A-Z][a-z]+\.? \d|\d)", text[m.end : m.end + 12]
    ):
        return False  # a dispatch dateline
    i = _tok_at(doc, m.start)
    j = i - 1
    while j >= 0:
        low = doc[j].lower_
        if low in ("and", "or", ",") and j > 0:
            # "in Moscow and Minsk": walk back over the coordinated names
            k = j - 1
            while (
                k >= 0
                and (doc[k].text[:1].isupper() or doc[k].is_punct)
                and doc[k].lower_ not in ("the",)
            ):
                if doc[k].text[:1].isupper():
                    k -= 1
                    break
                k -= 1
            j = k
            continue
        if low == "the":
            j -= 1
            continue
        return low not in _LOCATIVE
    return True


def _acronym_of(short: str, long: str) -> bool:
    if not short.isupper() or len(short) < 2 or " " in short:
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", long) if w[0].isupper())
    return initials == short


def _nested_country(ctx: _Context, m: _Mention) -> str | None:
    """ "Russian Foreign Ministry" is Russian: the country a name's first words name."""
    if ctx.kb is None:
        return None
    words = ctx.text[m.start : m.end].split()
    for k in range(min(3, len(words)), 0, -1):
        for x in ctx.kb.scan(" ".join(words[:k])):
            if x.entry.type == "country" and case_ok(" ".join(words[:k]), x.alias):
                return x.entry.country
    return None


def _unique(entries: Iterable[Entry]) -> list[Entry]:
    seen: dict[str, Entry] = {}
    for e in entries:
        seen.setdefault(e.id, e)
    return list(seen.values())


def _choose(
    ctx: _Context, cands: list[Entry], hint_roles: Sequence[str], exact: bool
) -> Entry | None:
    """The candidate the document's date, countries and title words agree with, or None.

    A full name (``exact``) with one candidate links to it; several must be told apart by a
    clear margin. A surname alone links only to someone who held a prominent office on the
    document's date and whom the document's countries or title words back, or who is the only
    such holder of that surname.
    """
    if not cands:
        return None
    scored: list[tuple[float, Entry]] = []
    for e in cands:
        active = e.role_names_on(ctx.date)
        rank = max((_ROLE_RANK.get(r, 1.0) for r in active), default=0.0)
        score = rank + (2.0 if active else 0.0)
        if e.country and e.country in ctx.countries:
            score += 2.0
        if hint_roles and set(hint_roles) & set(active):
            score += 3.0
        scored.append((score, e))
    scored.sort(key=lambda se: -se[0])
    best_score, best = scored[0]
    runner = scored[1][0] if len(scored) > 1 else None
    if exact:
        if runner is None or best_score - runner >= 1.0:
            return best
        return None
    active = best.role_names_on(ctx.date)
    if not active:
        return None
    backed = (best.country in ctx.countries) or bool(hint_roles and set(hint_roles) & set(active))
    prominent = max((_ROLE_RANK.get(r, 1.0) for r in active), default=0.0) >= 2.0
    if runner is not None and best_score - runner < 1.0:
        return None
    return best if (backed or prominent) else None


def _next_name_start(ctx: _Context, t: _Title) -> int:
    """Where a name directly after a title would start ("Kremlin spokesperson Dmitry Peskov")."""
    doc = ctx.doc
    j = t.tok_end
    return doc[j].idx if j < len(doc) else -1


def _apposed_title(ctx: _Context, m: _Mention, titles: list[_Title]) -> _Title | None:
    """ "Dmitry Peskov, the Kremlin spokesperson," or "the Kremlin spokesperson, Dmitry Peskov"."""
    text = ctx.text
    for t in titles:
        between = text[m.end : t.start] if t.start >= m.end else text[t.end : m.start]
        if t.start >= m.end or t.end <= m.start:
            if re.fullmatch(r"\s*,\s*", between):
                return t
    return None


def _propagate(ctx: _Context) -> None:
    """Every other occurrence of a name already found, of a found person's surname, of an
    organisation's name without its "Inc." and of its initials ("GM" for "General Motors") is
    a mention too: the tagger finding "Intel" once is evidence enough for the rest."""
    doc, text = ctx.doc, ctx.text
    taken = [(m.start, m.end) for a in ctx.actors for m in a.actor.mentions]
    forms: dict[str, tuple[_Actor, str]] = {}
    for a in ctx.actors:
        if a.entry is None and a.votes:
            a.actor.type = a.votes.most_common(1)[0][0]  # type: ignore[assignment]
        for m in a.actor.mentions:
            kind = a.kinds.get((m.start, m.end))
            if kind in ("name", "surname") and m.text[:1].isupper() and len(m.text) > 1:
                forms.setdefault(m.text, (a, kind))
                if a.actor.type == "organization":
                    for short in _short_forms(m.text):
                        if re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
                            forms.setdefault(short, (a, "name"))
        if a.actor.type == "person":
            words = a.actor.name.split()
            if len(words) >= 3 and _generation_of(a.actor.name):
                forms.setdefault(" ".join(words[-2:]), (a, "name"))
            elif len(words) >= 2 and words[-1][:1].isupper():
                forms.setdefault(words[-1], (a, "surname"))
    if not forms:
        return
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for found in pattern.finditer(text, ctx.lo, ctx.hi):
        s, e = found.span()
        if any(s < te and ts < e for ts, te in taken):
            continue
        span = doc.char_span(s, e)
        if span is None:
            continue
        first, last = span[0], span[-1]
        if len(span) == 1 and first.is_sent_start and first.is_stop:
            continue  # "May" opening a sentence is not Theresa May
        if first.i > 0 and _capitalised(doc[first.i - 1]) and not first.is_sent_start:
            continue  # the end of a longer name: "Martin Mann" is not "Mann"
        k = last.i + 1
        while k < len(doc) and _capitalised(doc[k]) and "\n" not in text[e : doc[k].idx]:
            k += 1
        tail = [t.lower_.rstrip(".") for t in doc[last.i + 1 : k]]
        if tail and tail[0] in _TITLE_AFTER:
            tail = []  # "Apple CEO Steve Jobs"
        elif tail and not all(w in _CORPORATE for w in tail):
            continue  # the start of a longer name: "Apple Corps" is not "Apple"
        if tail:
            e = doc[k - 1].idx + len(doc[k - 1].text)
        a, kind = forms[found.group()]
        a.add(text, s, e, kind)
        taken.append((s, e))


_CORPORATE = frozenset(
    (
        "inc corp corporation company co ltd limited group plc llc ag sa nv se holdings "
        "motor motors computer international"
    ).split()
)


_TITLE_AFTER = frozenset(
    (
        "ceo cfo chief chairman chairwoman president executive spokesman spokeswoman "
        "spokesperson director head founder co-founder minister secretary leader "
        "officials official"
    ).split()
)


def _short_forms(name: str) -> list[str]:
    """ "General Motors Corporation" -> "General Motors", "GM"; "Apple Inc." -> "Apple"."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in _CORPORATE:
        words = words[:-1]
    out = []
    if len(words) < len(name.split()):
        out.append(" ".join(words))
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) >= 2 and len(caps) == len(words):
        out.append("".join(w[0] for w in caps))
    return out


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and (tok.is_alpha or tok.text.endswith("."))


# --- resolving title phrases -----------------------------------------------------------


def _resolve_titles(ctx: _Context, titles: list[_Title]) -> None:
    text = ctx.text
    for t in titles:
        target = _bound_person(ctx, t)
        if target is None and not t.past:
            target = _holder(ctx, t)
        if target is None:
            continue
        for r in t.roles[:1]:
            if r not in target.hint_roles and target.entry is None:
                target.hint_roles.append(r)
        if target.actor.country is None and t.country:
            target.actor.country = t.country
        if t.qualified or ctx.doc[t.tok_start].lower_ == "the":
            target.add(text, t.start, t.end, "title")


def _bound_person(ctx: _Context, t: _Title) -> _Actor | None:
    """The person a title is apposed to: the name right after it, or across one comma."""
    text = ctx.text
    nxt = _next_name_start(ctx, t)
    owner = _possessor(ctx, t)
    best: _Actor | None = None
    for a in ctx.actors:
        if a.actor.type != "person" or a is owner:
            continue
        for m in a.actor.mentions:
            kind = a.kinds.get((m.start, m.end))
            if kind == "title":
                continue
            if m.start == nxt and m.start >= t.end:
                return a
            between = (
                text[m.end : t.start]
                if m.end <= t.start
                else text[t.end : m.start]
                if t.end <= m.start
                else None
            )
            if (
                between is not None
                and re.fullmatch(r"\s*,\s*", between)
                and kind in ("name", "seed")
            ):
                best = best or a
    return best


def _holder(ctx: _Context, t: _Title) -> _Actor | None:
    """Who held the office the title names on the document's date: someone the document
    already names, else the knowledge base's holder (only a single clear one)."""
    country = t.country
    owner = _possessor(ctx, t)
    if owner is not None:
        country = country or owner.actor.country
        if owner.entry is not None and "head of state" in owner.entry.role_names_on(ctx.date):
            t.title_filter = t.title_filter or "president"
    if country is None and not t.qualified:
        # a bare "the president": only someone the document names, and only one such
        country = None
    for role in t.roles:
        in_doc = [
            a
            for a in ctx.actors
            if a.actor.type == "person"
            and (country is None or a.actor.country == country)
            and (
                (
                    a.entry is not None
                    and any(
                        r.role == role and _title_ok(r.title, t) for r in a.entry.roles_on(ctx.date)
                    )
                )
                or (a.entry is None and role in a.hint_roles)
            )
        ]
        if len(in_doc) > 1:
            # the knowledge base's holder on the day over a name a title was once given
            # ("President John F. Kennedy" in a report on Trump)
            in_doc = [a for a in in_doc if a.entry is not None] or in_doc
        if len(in_doc) == 1:
            return in_doc[0]
        if in_doc:
            return None
        if ctx.kb is None or country is None:
            continue
        holders = [
            (e, r) for e, r in ctx.kb.holders(role, country, ctx.date) if _title_ok(r.title, t)
        ]
        people = _unique(e for e, _r in holders if e.type == "person")
        if len(people) == 1:
            e = people[0]
            return ctx.find(e) or ctx.new_actor(e.name, "person", e)
        if people:
            return None
    return None


def _possessor(ctx: _Context, t: _Title) -> _Actor | None:
    if t.possessor is None:
        return None
    for a in ctx.actors:
        if a.actor.type == "person" and any(m.end == t.possessor[1] for m in a.actor.mentions):
            return a
    return None


def _title_ok(title: str, t: _Title) -> bool:
    return t.title_filter is None or t.title_filter in title.lower()


# --- finishing -------------------------------------------------------------------------


def _finish(ctx: _Context, seed: list[Actor]) -> tuple[list[Actor], dict[tuple[int, int], str]]:
    seeded = {id(a) for a in seed}
    nums = [int(a.id[1:]) for a in seed if re.fullmatch(r"a\d+", a.id)]
    next_id = max(nums, default=0) + 1
    kept = [a for a in ctx.actors if id(a.actor) in seeded or a.actor.mentions]
    new = sorted((a for a in kept if id(a.actor) not in seeded), key=lambda a: a.first)
    for a in new:
        a.actor.id = f"a{next_id}"
        next_id += 1
    kinds: dict[tuple[int, int], str] = {}
    for a in kept:
        a.actor.mentions.sort(key=lambda s: (s.start, s.end))
        roles: list[str] = []
        if a.entry is not None:
            roles = sorted(a.entry.role_names_on(ctx.date), key=lambda r: -_ROLE_RANK.get(r, 1.0))
        for r in a.hint_roles:
            if r not in roles and (a.entry is None or r == "news agency"):
                roles.append(r)
        if roles:
            a.actor.roles = [*a.actor.roles, *(r for r in roles if r not in a.actor.roles)]
        kinds.update(a.kinds)
    ordered = [a.actor for a in ctx.actors if id(a.actor) in seeded] + [a.actor for a in new]
    return ordered, kinds


# --- pronouns --------------------------------------------------------------------------


_RAISING = frozenset({"appear", "seem", "emerge", "transpire", "happen", "turn"})


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


def _sentences(doc: Doc) -> tuple[str, list[tuple[int, int, int]]]:
    """The text, and (start, first word, end of last word) chars of each sentence: once per
    document, since ``Doc.text`` and ``Doc.sents`` are rebuilt on every access."""
    key = "_readout_actor_sents"
    found = doc.user_data.get(key)
    if found is None:
        text = doc.text
        sents = []
        for sent in doc.sents:
            a, b = sent.start_char, sent.end_char
            chunk = text[a:b]
            first = a + len(chunk) - len(chunk.lstrip())
            end = a + len(chunk.rstrip())
            sents.append((a, first, max(first, end)))
        found = (text, sents)
        doc.user_data[key] = found
    return found


def _sentence_bounds(token: Token, doc: Doc) -> list[int]:
    """Start chars of the token's sentence and of the sentences before it, nearest first:
    up to ``_LOOKBACK`` of them, within the token's paragraph and the one before it (a
    quotation of several sentences between "Boehner said" and "he said" is common)."""
    if doc.has_annotation("SENT_START"):
        text, sents = _sentences(doc)
        k = bisect.bisect_right([s for s, _f, _e in sents], token.idx) - 1
        out = [sents[k][0]]
        cur_first = sents[k][1]
        breaks = 0
        for start, first, end in reversed(sents[:k]):
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
    text = doc.text
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
        if low in _HONORIFICS or low in _TITLE_WORDS or (w.endswith(".") and len(w) > 2):
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
