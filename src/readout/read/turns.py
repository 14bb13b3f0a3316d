"""Transcript turns: speaker-labelled paragraphs ("Vladimir Putin: ...") and who speaks them.

Text-only: a turn is a line that opens with a speaker label and the paragraphs that follow
it up to the next label or the end of ``document.body``. Label recognition lives here too
because :mod:`readout.read.structure` needs it to decide whether a document is a transcript.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from readout.lexicon import words
from readout.model import Actor, Document, Span, Statement

# --- lines -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the text; ``start``/``end`` bound it with surrounding space cut."""

    start: int
    end: int
    text: str


_LINE = re.compile(r"[^\n]+")


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The non-blank lines of ``text[start:end]``, with document offsets."""
    out: list[Line] = []
    for m in _LINE.finditer(text, start, len(text) if end is None else end):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        s = m.start() + (len(raw) - len(raw.lstrip()))
        out.append(Line(s, s + len(stripped), stripped))
    return out


# --- labels ----------------------------------------------------------------------------

# Lower-case words a label may contain between its capitalised words.
_CONNECTORS = words("name_connectors")
_PARTICLES = words("name_particles")
_DASHES = frozenset({"-", "–", "—"})

# Words that make up titles and offices, stripped from the front of a label to get the name;
# the lists are written without a trailing dot, so a word is looked up without its dot
# ("Sen." -> "sen").
_TITLE_WORDS = (
    words("titles")
    | words("honorifics")
    | words("ranks")
    | words("portfolios")
    | words("title_qualifiers")
)

# Words naming the body an office belongs to ("Minister of Foreign Affairs", "Tula Region").
_ORG_WORDS = words("office_bodies")

_COUNTRY_ALIASES = words("country_words")

# Labels that name a role in the exchange, not a person.
_GENERIC = words("role_labels") | words("interview_labels")
_GENERIC_LEAD = words("role_label_leads")

# First words of "Word: ..." lines that are page furniture or headings, not speakers.
_STOP_FIRST = words("not_speaker_labels") | words("months") | words("weekdays")

_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’.\-])*$")
_LABEL = re.compile(
    r"(?P<label>[^\W\d_][^:\n]{0,99}?)[ \t]*(?:\((?P<note>[^()\n]{1,40})\)[ \t]*)?:(?=\s|$)"
)


@dataclass(frozen=True, slots=True)
class LabelMatch:
    """Where a speaker label sits in a line, in document offsets."""

    start: int  # label start
    end: int  # label end, before any "(retranslated)" note and the colon
    colon_end: int
    generic: bool  # "Question", "Moderator": a role, not a named person


def _token_ok(tok: str) -> bool:
    low = tok.lower()
    if tok in _DASHES:
        return True
    if tok.islower() and (low in _CONNECTORS or low in _PARTICLES or _title_word(low)):
        return True
    # "PelosiOvernight": link texts run together, not a name ("McCain", "LaHood" pass)
    if re.search(r"[a-z]{3}[A-Z]", tok):
        return False
    return bool(_WORD.match(tok)) and tok[0].isupper()


def _initials_talking(label: str, said: str) -> bool:
    """ "CC: Do you mean ...?": a speaker's initials that happen to spell a furniture word
    ("CC:" of an e-mail) are a label when what follows talks to someone."""
    return 2 <= len(label) <= 3 and label.isalpha() and label.isupper() and has_pronoun(said)


def has_pronoun(said: str) -> bool:
    """First or second person near the start: people in a transcript talk to each other."""
    return bool(_PRONOUN.search(said[:400]))


def is_generic_label(label: str) -> bool:
    words = label.lower().replace(".", "").split()
    while len(words) > 1 and words[0] in _GENERIC_LEAD:
        words = words[1:]
    return " ".join(words) in _GENERIC


def match_label(line: Line) -> LabelMatch | None:
    """The speaker label opening ``line`` ("President of Russia Vladimir Putin:"), if any.

    A label is short, made of capitalised name-like words (with "of", "the", particles and
    dashes between them), holds no digits or commas, is followed by a colon and a space or
    the end of the line, and is not a furniture word like "Note" or "Source".
    """
    m = _LABEL.match(line.text)
    if m is None:
        return None
    label = m.group("label")
    tokens = label.split()
    if not tokens or len(tokens) > 12:
        return None
    if not all(_token_ok(t) for t in tokens):
        return None
    if not (_WORD.match(tokens[0]) and tokens[0][0].isupper()):
        return None
    if not (_WORD.match(tokens[-1]) and tokens[-1][0].isupper()):
        return None
    lead = tokens[1:] if len(tokens) > 1 and tokens[0].lower() in ("the", "a", "an") else tokens
    first = lead[0].lower().rstrip(".")
    if (first in _STOP_FIRST or lead[0].lower() in _STOP_FIRST) and not _initials_talking(
        label, line.text[m.end() :]
    ):
        return None
    generic = is_generic_label(label)
    # Bare single capitals other than Q/A are list markers ("B: ...") more often than people.
    if len(label) == 1 and not generic:
        return None
    return LabelMatch(
        start=line.start,
        end=line.start + len(label),
        colon_end=line.start + m.end(),
        generic=generic,
    )


_SMALL_WORDS = words("small_words")
_SPOKEN_END = re.compile(r"[.!?…:;—–\-][\"'”’»)\]]*$")
_QUOTE_OPEN = "\"“‘'«„"
_PRONOUN = re.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|mine|we|we're|we’re|we've|we’ve|"
    r"we'll|we’ll|us|our|ours|you|you're|you’re|you've|you’ve|your|yours)\b",
    re.IGNORECASE,
)


def headline_like(said: str) -> bool:
    """ "Voters Have High Expectations (10:45 a.m.)": a heading after a name, not speech."""
    words = re.findall(r"[^\W\d_][\w'’\-]*", said)
    if len(words) < 3 or re.search(r"[.!?…]['\"”’»]*$", said.strip()):
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and sum(w[0].isupper() for w in big) >= 0.75 * len(big)


def speech_like(said: str) -> bool:
    """Does the text after a label read like someone talking (not a heading or a citation)?"""
    inline = bool(said.split("\n", 1)[0].strip())
    para = said.strip().split("\n", 1)[0]  # the first paragraph of the turn
    if not para or headline_like(para) or para[0] in _QUOTE_OPEN:
        return False
    # Spoken paragraphs end as sentences; headings and list items often do not.
    if not _SPOKEN_END.search(para) and len(para.split()) < 25:
        return False
    if inline:
        return True
    # A name alone on its line is as often a heading over a profile or position summary,
    # so there the paragraph must sound like someone talking.
    return has_pronoun(para) or len(para.split()) <= 8


# --- names -----------------------------------------------------------------------------


@cache
def _place_words() -> frozenset[str]:
    import pycountry

    words: set[str] = set(_COUNTRY_ALIASES)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                words.update(w.strip(",()").lower() for w in value.split())
    return frozenset(w for w in words if w and w not in _CONNECTORS and w not in _PARTICLES)


def is_title(tok: str) -> bool:
    return _title_word(tok.lower()) or tok in _DASHES


def _title_word(low: str) -> bool:
    return low.removesuffix(".") in _TITLE_WORDS


def _is_connector(tok: str) -> bool:
    return tok.lower() in _CONNECTORS and tok.lower() not in _PARTICLES


def name_of_label(label: str) -> str:
    """The person's name in a label, titles and offices stripped from the front.

    "President of Belarus Alexander Lukashenko" -> "Alexander Lukashenko"; "Putin" -> "Putin".
    A label that is all title ("The President") is kept whole.
    """
    tokens = label.split()
    # "Rep. Joaquin Castro of Texas", "Ben Wizner of the ACLU": a name, then an affiliation.
    for k, tok in enumerate(tokens):
        if tok.lower() in ("of", "from") and k > 0:
            before = name_of_label(" ".join(tokens[:k]))
            if _is_full(before) and not any(is_title(t) for t in before.split()):
                return before
            break
    j = len(tokens)
    while j > 0:
        tok = tokens[j - 1]
        if is_title(tok) or _is_connector(tok):
            break
        low = tok.lower()
        preceding = tokens[: j - 1]
        in_office = any(is_title(t) or _is_connector(t) for t in preceding)
        # "Jordan Peterson" keeps "Jordan"; only inside an office is it a place.
        if in_office and (low in _ORG_WORDS or low in _place_words()):
            break
        j -= 1
    name = tokens[j:]
    # "Mayor of Moscow Sergei Sobyanin": the word after "of" belongs to the office.
    if len(name) >= 3 and j > 0 and _is_connector(tokens[j - 1]):
        name = name[1:]
    while name and name[0].lower() in _PARTICLES and len(name) > 1 and name[0].islower():
        name = name[1:]
    return " ".join(name) if name else " ".join(tokens)


def _parts(name: str) -> list[str]:
    """Name words with initials split off: "V.Putin" -> ["V.", "Putin"]."""
    out: list[str] = []
    for tok in name.split():
        pieces = [p for p in re.split(r"(?<=\.)", tok) if p]
        out.extend(pieces)
    return out


def _is_initial(part: str) -> bool:
    return bool(re.fullmatch(r"[^\W\d_]{1,2}\.?", part)) and (part.endswith(".") or len(part) == 1)


def _is_full(name: str) -> bool:
    parts = _parts(name)
    return len(parts) >= 2 and not _is_initial(parts[0]) and not is_title(parts[0])


def _compatible(short: str, full: str) -> bool:
    """Does "Putin" / "V. Putin" fit "Vladimir Putin"?"""
    sp, fp = _parts(short), _parts(full)
    if not sp or sp[-1].lower() != fp[-1].lower():
        return False
    initials = [p[0].lower() for p in sp[:-1]]
    firsts = [p[0].lower() for p in fp[:-1]]
    it = iter(firsts)
    return all(any(i == f for f in it) for i in initials)


_NAME_WORD = r"[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?"


def resolve_names(names: list[str], text: str) -> list[str]:
    """Full names for label names: a later "Putin" becomes the "Vladimir Putin" seen before.

    A short name resolves to a full label name with the same surname (and matching
    initials); failing that, to "First Surname" as written in the text itself; failing
    that, to the fullest form among the labels ("A. Lukashenko"), or stays as it is.
    """
    fulls = [n for n in names if _is_full(n)]
    from_text: dict[str, str | None] = {}  # a long transcript repeats its short labels
    out: list[str] = []
    for i, name in enumerate(names):
        if _is_full(name) or not _parts(name):
            out.append(name)
            continue
        candidates = [f for f in fulls if _compatible(name, f)]
        if candidates:
            earlier = [f for f in names[:i] if f in candidates]
            out.append(earlier[-1] if earlier else candidates[0])
            continue
        if name not in from_text:
            from_text[name] = _name_from_text(name, text)
        found = from_text[name]
        if found is None:
            # "Lukashenko" after "A. Lukashenko": the fullest form the labels give
            longer = [
                n for n in names if len(_parts(n)) > len(_parts(name)) and _compatible(name, n)
            ]
            found = max(longer, key=lambda n: len(_parts(n)), default=None)
        out.append(found or name)
    return out


def _name_from_text(name: str, text: str) -> str | None:
    surname = _parts(name)[-1]
    if not surname[:1].isupper():
        return None
    seen: Counter[str] = Counter()
    pattern = re.compile(rf"\b({_NAME_WORD})\s+({re.escape(surname)})\b", re.IGNORECASE)
    for m in pattern.finditer(text):
        first = m.group(1)
        if not first[0].isupper() or not m.group(2)[0].isupper():
            continue
        low = first.lower()
        if _title_word(low) or low in _place_words() or low in _STOP_FIRST:
            continue
        if low in _CONNECTORS or low in _GENERIC:
            continue
        full = f"{first} {m.group(2)}"
        if _compatible(name, full):
            seen[full] += 1
    if not seen:
        return None
    return seen.most_common(1)[0][0]


# --- turns -----------------------------------------------------------------------------


@dataclass
class Turn:
    label: Span  # the speaker label as written, without the colon
    name: str  # the full name the label resolves to
    content: Span  # the words spoken, label excluded, stripped
    generic: bool = False  # the label names a role ("Question"), not a person


def body_lines(document: Document) -> list[Line]:
    body = document.body
    if body is None:
        return split_lines(document.text)
    return split_lines(document.text, body.start, body.end)


def find_turns(document: Document) -> list[Turn]:
    """The speaker-labelled turns in ``document.body`` (the whole text when body is unset).

    Text before the first label (a dateline, an introduction) belongs to no turn; a turn
    runs to the next label or the end of the body. Callers decide whether the document is a
    transcript (``document.kind``); this finds labelled lines either way.
    """
    text = document.text
    lines = body_lines(document)
    found: list[tuple[int, LabelMatch]] = []
    for i, line in enumerate(lines):
        lm = match_label(line)
        if lm is not None and not headline_like(text[lm.colon_end : line.end]):
            found.append((i, lm))
    if not found:
        return []
    raw_names = [
        text[lm.start : lm.end] if lm.generic else name_of_label(text[lm.start : lm.end])
        for _, lm in found
    ]
    person_idx = [k for k, (_, lm) in enumerate(found) if not lm.generic]
    resolved = resolve_names([raw_names[k] for k in person_idx], text)
    names = list(raw_names)
    for k, full in zip(person_idx, resolved, strict=True):
        names[k] = full

    turns: list[Turn] = []
    for k, (_i, lm) in enumerate(found):
        next_i = found[k + 1][0] if k + 1 < len(found) else len(lines)
        last = lines[next_i - 1]
        start = lm.colon_end
        while start < last.end and text[start].isspace():
            start += 1
        if start >= last.end:
            continue  # a label with nothing said before the next label
        turns.append(
            Turn(
                label=Span.of(text, lm.start, lm.end),
                name=names[k],
                content=Span.of(text, start, last.end),
                generic=lm.generic,
            )
        )
    return turns


def turn_actors_and_statements(
    document: Document, turns: list[Turn]
) -> tuple[list[Actor], list[Statement]]:
    """One person Actor per named speaker and one "turn" Statement per turn.

    Role labels ("Question", "Moderator") get no actor: they name different people in
    different turns and documents, so their statements carry ``speaker=None`` with the label
    as ``speaker_mention``. When exactly two people speak, each person's turn is addressed
    to the other.
    """
    actors: list[Actor] = []
    by_name: dict[str, Actor] = {}
    for turn in turns:
        if turn.generic:
            continue
        actor = by_name.get(turn.name)
        if actor is None:
            actor = Actor(id=f"a{len(actors) + 1}", name=turn.name, type="person")
            actors.append(actor)
            by_name[turn.name] = actor
        actor.mentions.append(turn.label)

    pair = [a.id for a in actors] if len(actors) == 2 else None
    statements: list[Statement] = []
    for turn in turns:
        speaker = None if turn.generic else by_name[turn.name].id
        addressee = None
        if pair is not None and speaker is not None:
            addressee = pair[1] if speaker == pair[0] else pair[0]
        statements.append(
            Statement(
                id=f"s{len(statements) + 1}",
                kind="turn",
                content=turn.content,
                speaker=speaker,
                speaker_mention=turn.label,
                addressee=addressee,
                cue=None,
            )
        )
    return actors, statements
