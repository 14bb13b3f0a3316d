"""Every other occurrence of a found name is a mention too; then ids, roles and the
mention kinds that come out."""

from __future__ import annotations

import re

from spacy.tokens import Token

from readout.extract.actors.context import ActorState, Context, Spans, generation_of
from readout.extract.actors.junk import drop_credits, is_junk
from readout.extract.actors.linking import ROLE_RANK
from readout.lexicon import words
from readout.model import Actor


def propagate(ctx: Context) -> None:
    """Every other occurrence of a name already found, of a found person's surname, of an
    organisation's name without its "Inc." and of its initials ("GM" for "General Motors") is
    a mention too: the tagger finding "Intel" once is evidence enough for the rest."""
    text = ctx.text
    forms = _forms(ctx)
    if not forms:
        return
    taken: Spans[tuple[int, int]] = Spans(
        (m.start, m.end, (m.start, m.end)) for a in ctx.actors for m in a.actor.mentions
    )
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for found in pattern.finditer(text, ctx.lo, ctx.hi):
        s, e = found.span()
        if any(s < te and ts < e for ts, te in taken.near(s, e)):
            continue
        end = _whole_name_end(ctx, s, e)
        if end is None:
            continue
        a, kind = forms[found.group()]
        a.add(text, s, end, kind)
        taken.add(s, end, (s, end))


def _forms(ctx: Context) -> dict[str, tuple[ActorState, str]]:
    """The surface forms to look for, each with its actor and the kind of mention it makes;
    an unknown name's type is settled by its votes first."""
    text = ctx.text
    forms: dict[str, tuple[ActorState, str]] = {}
    in_text: dict[str, bool] = {}  # short form -> whether the text has it as a word
    for a in ctx.actors:
        if a.entry is None and a.votes and "seed" not in a.kinds.values():
            # the first type with the most votes, as Counter.most_common(1) chose it; a seed
            # keeps the type it came with ("HH:" labels a person whatever the tagger reads)
            a.actor.type = max(a.votes, key=a.votes.__getitem__)
        for m in a.actor.mentions:
            kind = a.kinds.get((m.start, m.end))
            if kind in ("name", "surname") and m.text[:1].isupper() and len(m.text) > 1:
                forms.setdefault(m.text, (a, kind))
                if a.actor.type == "organization":
                    for short in _short_forms(m.text):
                        if short in forms:
                            continue
                        if short not in in_text:
                            word = rf"(?<![\w-]){re.escape(short)}(?![\w-])"
                            in_text[short] = re.search(word, text) is not None
                        if in_text[short]:
                            forms[short] = (a, "name")
        if a.actor.type == "person":
            words = a.actor.name.split()
            if len(words) >= 3 and generation_of(a.actor.name):
                forms.setdefault(" ".join(words[-2:]), (a, "name"))
            elif len(words) >= 2 and words[-1][:1].isupper():
                forms.setdefault(words[-1], (a, "surname"))
    return forms


def _whole_name_end(ctx: Context, s: int, e: int) -> int | None:
    """Where a name found at ``s:e`` ends with the corporate words after it ("Apple Inc."),
    or None where it is part of a longer name or no name at all."""
    doc, text = ctx.doc, ctx.text
    span = doc.char_span(s, e)
    if span is None:
        return None
    first, last = span[0], span[-1]
    if len(span) == 1 and first.is_sent_start and first.is_stop:
        return None  # "May" opening a sentence is not Theresa May
    if first.i > 0 and _capitalised(doc[first.i - 1]) and not first.is_sent_start:
        return None  # the end of a longer name: "Martin Mann" is not "Mann"
    k = last.i + 1
    while k < len(doc) and _capitalised(doc[k]) and "\n" not in text[e : doc[k].idx]:
        k += 1
    tail = [t.lower_.rstrip(".") for t in doc[last.i + 1 : k]]
    if tail and tail[0] in _TITLE_AFTER:
        return e  # "Apple CEO Steve Jobs"
    if tail and not all(w in _CORPORATE for w in tail):
        return None  # the start of a longer name: "Apple Corps" is not "Apple"
    return doc[k - 1].idx + len(doc[k - 1].text) if tail else e


_CORPORATE = words("legal_suffixes") | words("company_words")


_TITLE_AFTER = words("titles_after_company")


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


def finish(ctx: Context, seed: list[Actor]) -> tuple[list[Actor], dict[tuple[int, int], str]]:
    seeded = {id(a) for a in seed}
    for a in ctx.actors:
        if id(a.actor) not in seeded:
            drop_credits(ctx, a)
    nums = [int(a.id[1:]) for a in seed if re.fullmatch(r"a\d+", a.id)]
    next_id = max(nums, default=0) + 1
    kept = [
        a for a in ctx.actors if id(a.actor) in seeded or (a.actor.mentions and not is_junk(ctx, a))
    ]
    new = sorted((a for a in kept if id(a.actor) not in seeded), key=lambda a: a.first)
    for a in new:
        a.actor.id = f"a{next_id}"
        next_id += 1
    kinds: dict[tuple[int, int], str] = {}
    for a in kept:
        a.actor.mentions.sort(key=lambda s: (s.start, s.end))
        roles: list[str] = []
        if a.entry is not None:
            roles = sorted(a.entry.role_names_on(ctx.date), key=lambda r: -ROLE_RANK.get(r, 1.0))
        for r in a.hint_roles:
            if r not in roles and (a.entry is None or r == "news agency"):
                roles.append(r)
        if roles:
            a.actor.roles = [*a.actor.roles, *(r for r in roles if r not in a.actor.roles)]
        kinds.update(a.kinds)
    ordered = [a.actor for a in ctx.actors if id(a.actor) in seeded] + [a.actor for a in new]
    return ordered, kinds
