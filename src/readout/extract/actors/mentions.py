"""Collecting mentions: the pipeline's entities (trimmed of titles and honorifics, with
generational and legal suffixes), the knowledge base's aliases, first name and patronymic,
untagged names after a title and proper nouns the text repeats, overlaps settled."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from readout.extract.actors.context import (
    GENERATION,
    PERSON_TITLES,
    RANKS,
    Context,
    Mention,
    Spans,
    generation_of,
    in_ranges,
    lower_words,
)
from readout.extract.actors.kinds import BODY_ENDS, entity_kind_of
from readout.extract.actors.titles import TITLE_WORDS, title_at
from readout.kb.lookup import Match, case_ok, name_key
from readout.lexicon import words
from readout.read.structure import chrome_lines

# a bare "-ich" only after the letters Russian short patronymics have there ("Ilyich",
# "Kuzmich", "Nikitich"), not the German "-rich", "-eich" of surnames ("Friedrich",
# "Liebreich")
_PATRONYMIC = re.compile(
    r"(?:ovich|evich|ievich|yevich|[yiumktvl]ich|ovna|evna|ievna|yevna|ichna|inichna)$", re.I
)


_LANGUAGE_CONTEXT = words("language_cues")


def collect_mentions(ctx: Context) -> list[Mention]:
    """Named-entity mentions and knowledge-base matches, overlaps settled."""
    doc = ctx.doc
    gaz = _scan(ctx) if ctx.kb is not None else []
    gaz += _scan_patronymics(ctx)
    chrome = chrome_lines(ctx.text, ctx.lo, ctx.hi)
    ner = _entity_mentions(ctx, gaz, chrome)
    _add_generation(ctx, ner, gaz)
    gaz += _repeated_proper_nouns(ctx, ner, gaz)
    ner += _titled_names(ctx, ner, gaz)
    out = _settle_overlaps(ner, gaz)
    # however found (tagged, known, repeated): nothing from a photo credit or a case name
    out = [m for m in out if not _set_phrase(doc, m.start) and not in_ranges(chrome, m.start)]
    out.sort(key=lambda m: (m.start, -(m.end - m.start)))
    return out


def _entity_mentions(
    ctx: Context, gaz: list[Mention], chrome: list[tuple[int, int]]
) -> list[Mention]:
    """The pipeline's entities that name an actor, each cut to the name in it."""
    doc = ctx.doc
    lower = lower_words(doc)
    known = Spans((g.start, g.end, g) for g in gaz)
    out: list[Mention] = []
    for ent in doc.ents:
        kind = entity_kind_of(ctx, ent)
        if kind is None or in_ranges(chrome, ent.start_char) or _set_phrase(doc, ent.start_char):
            continue  # "ADVERTISEMENT", "Photo: Getty Images", "Roe v. Wade"
        m = _entity_mention(ctx, ent, kind, known, lower)
        if m is not None:
            out.append(m)
    return out


def _entity_mention(
    ctx: Context, ent: SpacySpan, kind: str, known: Spans[Mention], lower_words: set[str]
) -> Mention | None:
    """The mention a tagged entity of ``kind`` makes, or None where it makes none."""
    doc = ctx.doc
    s, e = _trim(ent, person=kind == "person")
    if s >= e or not ctx.inside(s, e):
        return None
    toks = doc.char_span(s, e, alignment_mode="expand")
    if toks is None or all(
        t.is_stop
        or t.lower_ in PERSON_TITLES
        or (kind == "person" and t.lower_ in _PARTY_WORDS)  # the party itself is a name
        or not t.is_alpha
        for t in toks
    ):
        return None  # "We", "President", "Republican Senator": a tagger's slip, not a name
    if any(
        s <= g.start
        and g.end <= e
        and (g.start, g.end) != (s, e)
        and any(x.entry.type == "person" for x in g.matches)
        and not (g.start == s and generation_of(ctx.text[s:e]))
        for g in known.near(s, e)
    ):
        # "Russian President Vladimir Putin" tagged as one name: the known person in it,
        # and the known words around it, stand in for it
        return None
    if len(toks) == 1 and _common_word_opening(doc, toks[0], lower_words):
        return None
    if kind == "person" and len(toks) > 1:
        toks = _without_opening_words(ctx, toks, lower_words)
        s = toks.start_char
    named = _after_title(ctx, toks)
    if named is not None:
        return Mention(named[0], named[1], "name", ner="person") if named[0] < named[1] else None
    if kind != "person":
        e = _with_legal_suffix(doc, toks.end, e)
    return Mention(s, e, "name", ner=kind)


def _settle_overlaps(ner: list[Mention], gaz: list[Mention]) -> list[Mention]:
    """Tagged and known mentions in one list: a known name the tagger found too lends it its
    matches; one inside a tagged name is part of it ("Washington" in "George Washington",
    "Qatar" in "Qatar Airways"); one over tagged names replaces them ("Novosti" inside "RIA
    Novosti": the longer known name wins); one crossing a tagged name is dropped."""
    by_span = {(m.start, m.end): m for m in ner}
    place = {id(n): i for i, n in enumerate(ner)}
    tagged = Spans((n.start, n.end, n) for n in ner)
    replaced: set[int] = set()
    out: list[Mention] = []
    for g in gaz:
        same = by_span.get((g.start, g.end))
        if same is not None:
            same.matches = g.matches
            if g.kind in ("demonym", "patronymic"):
                same.kind = g.kind
            continue
        # the tagged mentions near g, in the order they were found
        near = sorted(
            (n for n in tagged.near(g.start, g.end) if id(n) not in replaced),
            key=lambda n: place[id(n)],
        )
        if any(n.start <= g.start and g.end <= n.end for n in near):
            continue
        covering = [
            n
            for n in near
            if g.start <= n.start and n.end <= g.end and (n.start, n.end) != (g.start, g.end)
        ]
        if any(
            n.start < g.end and g.start < n.end and all(n is not c for c in covering) for n in near
        ):
            continue  # crossing: neither inside g nor holding it
        for n in covering:
            replaced.add(id(n))
            by_span.pop((n.start, n.end), None)
            if g.ner is None:
                g.ner = n.ner
        out.append(g)
    out.extend(n for n in ner if id(n) not in replaced)
    return out


def _set_phrase(doc: Doc, start_char: int) -> bool:
    """A name that is part of a set phrase: "Roe v. Wade", "State of the Union"."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    i = span.start
    before = [t.lower_ for t in doc[max(0, i - 3) : i]]
    return before[-1:] in (["v."], ["v"], ["vs."], ["vs"]) or before == ["state", "of", "the"]


def _after_title(ctx: Context, toks: SpacySpan) -> tuple[int, int] | None:
    """Where the name is in a tagged span that holds a title: "President of Belarus
    Alexander Lukashenko" -> "Alexander Lukashenko", "Sen. Ted Cruz of Texas" -> "Ted Cruz";
    an empty range at the span's end when it is all title; None when there is no title in
    it, or the title ends it ("Martin Luther King"), or what follows the title is not a
    short name."""
    doc = ctx.doc
    k = None
    for i in range(toks.start, toks.end):
        hit = title_at(doc, i, toks.end)
        if hit is not None:
            k = i + len(hit[0])
    if k is None:
        return None
    end = toks.end
    if k >= end:
        whole_title = all(
            t.lower_ in TITLE_WORDS
            or t.lower_ in PERSON_TITLES
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


def _is_country_word(ctx: Context, tok: Token) -> bool:
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
_PARTY_WORDS = words("party_words")


_LEGAL = words("legal_suffixes")


_OPENERS = frozenset("\"'“‘([«")


def _without_opening_words(ctx: Context, toks: SpacySpan, lower_words: set[str]) -> SpacySpan:
    """A tagged person without the ordinary words a sentence opened with ("Regarding Biden",
    "Yet Trump", "Part of Kushner"): words the tagger does not read as proper nouns, before
    the first that it does, where the name opens its sentence, and that are stop words or
    that the document also writes in lower case. A given name the knowledge base knows
    stays ("Jimmy Kimmel", however it was tagged), and so does one never written in lower
    case ("Cory Gardner")."""
    doc, first = ctx.doc, toks[0]
    if ctx.kb is not None and ctx.kb.given_name_gender(first.text) is not None:
        return toks
    if not (first.is_sent_start or (first.i > 0 and doc[first.i - 1].text in _OPENERS)):
        return toks
    k = 0
    while (
        k < len(toks) - 1
        and toks[k].pos_ not in ("PROPN", "")
        and toks[k].lower_ not in PERSON_TITLES
        and toks[k].is_alpha
        and (toks[k].is_stop or toks[k].lower_ in lower_words)
    ):
        k += 1
    return toks[k:] if 0 < k < len(toks) and toks[k].pos_ == "PROPN" else toks


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


def _generation_end(ctx: Context, end_char: int) -> int:
    """The end of a generational suffix right after a name ("Donald Trump Jr.", "Martin Luther
    King, Jr.", "Henry Ford II"), or ``end_char`` when none follows."""
    doc, text = ctx.doc, ctx.text
    span = doc.char_span(end_char, end_char, alignment_mode="expand")
    k = ctx.tok_at(end_char) if span is None else span.start
    if k < len(doc) and doc[k].idx < end_char:
        k += 1
    if k < len(doc) and doc[k].text == "," and k + 1 < len(doc):
        k += 1
    if k >= len(doc) or doc[k].text.rstrip(".").lower() not in GENERATION:
        return end_char
    tok = doc[k]
    if not tok.text[:1].isupper() or "\n" in text[end_char : tok.idx]:
        return end_char
    end = tok.idx + len(tok.text)
    if tok.text.lower() in ("jr", "sr") and end < len(text) and text[end] == ".":
        end += 1  # "Jr." split from its dot
    return end


def _add_generation(ctx: Context, ner: list[Mention], gaz: list[Mention]) -> None:
    """A person named with a generational suffix is not the namesake the knowledge base holds
    without it: "Donald Trump Jr." is his own actor. The suffix joins the mention, and the
    entry matched without it is dropped."""
    for group in (ner, gaz):
        for m in group:
            if not (m.ner == "person" or any(x.entry.type == "person" for x in m.matches)):
                continue
            if m.kind != "name":
                continue
            end = _generation_end(ctx, m.end)
            if end != m.end and ctx.inside(m.start, end):
                m.end = end
                m.matches = [x for x in m.matches if generation_of(x.alias) is not None]
                if not m.matches and m.ner is None:
                    m.ner = "person"
    # a KB match "Donald Trump" now inside the NER mention "Donald Trump Jr." is part of it
    juniors = Spans((n.start, n.end, n) for n in ner if generation_of(ctx.text[n.start : n.end]))
    gaz[:] = [
        g
        for g in gaz
        if not any(n.start <= g.start and g.end < n.end for n in juniors.near(g.start, g.end))
    ]


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
            and toks[0].lower_.rstrip(".") in PERSON_TITLES - RANKS
            and toks[1].text[:1].isupper()
        ):
            toks = toks[1:]
        # "Republican Sen. Ted Cruz of Texas", "Texas GOP Sen. Ted Cruz": the name is what
        # follows the title, up to where he is from
        for i in (1, 2):
            if (
                i < len(toks) - 1
                and toks[i].lower_.rstrip(".") in PERSON_TITLES - RANKS
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


def _scan(ctx: Context) -> list[Mention]:
    """Longest knowledge-base aliases in the text, left to right."""
    kb, doc, text = ctx.kb, ctx.doc, ctx.text
    assert kb is not None
    out: list[Mention] = []
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
        out.append(Mention(s, e, kind, matches=matches))
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


_CALENDAR = (
    words("months")
    | words("month_abbreviations")
    | words("weekdays")
    | words("honorifics")
    | words("not_name_words")
)


# Titles right before a person's name ("Majority Leader Mitch McConnell", "Rep. Adam Schiff"):
# a portfolio ("Foreign") is not yet the title
_NAME_TITLES = PERSON_TITLES - words("portfolios")


def _titled_names(ctx: Context, ner: list[Mention], gaz: list[Mention]) -> list[Mention]:
    """Proper nouns right after a capitalised title that the tagger left untagged: "Senate
    Majority Leader Mitch McConnell" -> "Mitch McConnell", a person."""
    doc = ctx.doc
    if not doc.has_annotation("POS"):
        return []
    taken = Spans((m.start, m.end, m) for m in ner + gaz)
    out: list[Mention] = []
    for tok in doc[:-1]:
        if not tok.text[:1].isupper() or tok.lower_.rstrip(".") not in _NAME_TITLES:
            continue
        if tok.lower_ in RANKS:
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
        if any(t.lower_ in BODY_ENDS for t in doc[tok.i + 1 : j]):
            continue  # "Justice Department": a body, not a judge
        s, e = doc[tok.i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text)
        if ctx.inside(s, e) and not any(s < t.end and t.start < e for t in taken.near(s, e)):
            found = Mention(s, e, "name", ner="person")
            out.append(found)
            taken.add(s, e, found)
    return out


def _repeated_proper_nouns(ctx: Context, ner: list[Mention], gaz: list[Mention]) -> list[Mention]:
    """Proper-noun runs the tagger missed but the text repeats ("General Motors ... General
    Motors"): a name used twice is a name. Typed as organisations; persons and places are
    what the tagger rarely misses twice."""
    doc = ctx.doc
    if not doc.has_annotation("TAG") and not doc.has_annotation("POS"):
        return []
    taken = Spans((m.start, m.end, m) for m in ner + gaz)
    runs: dict[str, list[tuple[int, int]]] = {}
    i = 0
    while i < len(doc):
        low = doc[i].lower_
        if not _proper(doc[i]) or low in _CALENDAR or low in PERSON_TITLES - RANKS:
            i += 1  # a run never starts with a title: "President" is nobody's name
            continue
        j = i
        while j < len(doc) and _proper(doc[j]) and doc[j].lower_ not in _CALENDAR and j - i < 4:
            j += 1
        s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        if ctx.inside(s, e) and not any(s < t.end and t.start < e for t in taken.near(s, e)):
            runs.setdefault(ctx.text[s:e], []).append((s, e))
        i = j
    out: list[Mention] = []
    for surface, where in runs.items():
        if len(where) >= 2 and len(surface) > 1:
            out.extend(Mention(s, e, "name", ner="organization") for s, e in where)
    return out


def _proper(tok: Token) -> bool:
    word = tok.text.rstrip(".")  # "Inc." and "Co." belong to the name
    return tok.pos_ == "PROPN" and word[:1].isupper() and (word.isalpha() or "&" in word)


def _scan_patronymics(ctx: Context) -> list[Mention]:
    """ "Vladimir Vladimirovich": a capitalised first name and a patronymic, in direct address."""
    doc = ctx.doc
    out: list[Mention] = []
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
            and (_from_a_given_name(ctx, b.text) or not _stands_alone(doc, b))
        ):
            s, e = a.idx, b.idx + len(b.text)
            if ctx.inside(s, e):
                out.append(Mention(s, e, "patronymic"))
    return out


def _stands_alone(doc: Doc, word: Token) -> bool:
    """Whether the document names someone by this word alone somewhere ("Kasich said"): a
    surname, since a patronymic never stands without the first name."""
    return any(
        t.text == word.text and (t.i == 0 or not doc[t.i - 1].text[:1].isupper())
        for t in doc
        if t.i != word.i
    )


def _from_a_given_name(ctx: Context, word: str) -> bool:
    """Whether a patronymic-looking word is made from a first name the knowledge base
    knows ("Vladimirovich" from Vladimir, "Sergeyevna" from Sergey), not a surname that ends
    so ("Cernovich", "Kasich")."""
    if ctx.kb is None:
        return False
    m = _PATRONYMIC.search(word)
    assert m is not None
    stem = word[: m.start()] + (m.group()[0] if m.group()[0] in "yiumktvl" else "")
    return any(ctx.kb.given_name_gender(stem + end) == "male" for end in ("", "a", "y", "i", "iy"))


def countries_of(m: Mention) -> set[str]:
    out: set[str] = set()
    for match in m.matches:
        if match.entry.type in ("country", "place") and match.entry.country:
            out.add(match.entry.country)
    return out if len(out) == 1 else set()
