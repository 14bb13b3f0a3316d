"""Actors benchmark: named-mention detection against MEANTIME, plus knowledge-base figures.

    .venv/bin/python bench/actors.py [--meantime DIR] [--model NAME] [--errors N]

Gold data: MEANTIME English (NewsReader; Wikinews articles) in CAT XML, under
``$READOUT_SHARED/benchmarks/meantime`` (default ``../shared``). Each file holds the tokens
(with sentence numbers), ``ENTITY_MENTION`` markables (token anchors and a
``syntactic_type``), ``ENTITY`` instances (``ent_type`` PER, ORG, LOC, PRO, FIN, MIX) and
``REFERS_TO`` relations from mentions to instances.

Which gold mentions count ("named mentions of persons, organisations and locations"):

- the mention refers to an ENTITY of type PER, ORG or LOC, and
- it is a name: ``syntactic_type`` NAM or PRE.NAM (a name used as a premodifier: "Apple" in
  "Apple CEO", "German" in "German carmaker"), or, where the annotators left
  ``syntactic_type`` empty (about half the files), every word after a leading "the" is
  capitalised or a name connector (of, and, &, de, ...) and it holds no bracket, comma or
  digit-only word ("Northrop Grumman", "the United States", not "the nation" or
  "Mobile , Alabama").

Only the first sentences of each file are annotated; predictions in later sentences are not
scored. A predicted mention that overlaps no counted gold mention but does overlap another
gold entity mention (a product or financial name such as "iPhone" or "Dow Jones", or an
unnamed phrase such as "Jobs , aged 55") is neither credited nor penalised: the annotation
says something is there, of a type this benchmark does not score. Predicted mentions are the
actors' mentions found as names (including surnames, patronymics, demonyms and capitals used
as metonyms); title phrases ("the Russian President") are descriptions, not names, and are
left out.

Matching is one-to-one. "exact": the same characters once a leading "the" and a trailing
possessive are dropped from both sides. "overlap": any shared character.

The knowledge base is built afresh from ``../shared/data/gazetteer`` into a temporary file
to time the build; its load time and size are printed too.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from readout.extract.actors import extract_actors_detailed  # noqa: E402
from readout.kb.build import build_kb  # noqa: E402
from readout.kb.lookup import KB, default_shared_dir  # noqa: E402
from readout.model import Document  # noqa: E402

SCORED_TYPES = ("PER", "ORG", "LOC")
NAMED = ("NAM", "PRE.NAM")
PREDICTED_KINDS = frozenset({"name", "surname", "patronymic", "demonym", "metonym", "seed"})
_CONNECTORS = frozenset(
    {
        "of",
        "and",
        "&",
        "de",
        "du",
        "des",
        "la",
        "le",
        "van",
        "von",
        "der",
        "for",
        "-",
        "'s",
        "y",
        "al",
    }
)
_NOT_NAMES = frozenset(
    {
        "he",
        "she",
        "it",
        "we",
        "they",
        "i",
        "you",
        "his",
        "her",
        "its",
        "our",
        "their",
        "this",
        "that",
        "these",
        "those",
        "who",
        "which",
        "prime",
        "minister",
        "president",
        "ceo",
        "chairman",
        "chief",
        "executive",
        "mr",
        "mrs",
        "ms",
        "government",
        "company",
    }
)
_NO_SPACE_BEFORE = frozenset(
    {
        ",",
        ".",
        ";",
        ":",
        "!",
        "?",
        "%",
        ")",
        "]",
        "}",
        "'s",
        "'",
        "n't",
        "''",
        "'re",
        "'ll",
        "'ve",
        "'m",
        "'d",
        "'S",
    }
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "#", "US$"})
_MONTH = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


@dataclass
class GoldMention:
    start: int
    end: int
    type: str
    text: str
    counted: bool


@dataclass
class Article:
    name: str
    text: str
    published: str | None
    scored_until: int  # chars: predictions at or after this are not scored
    gold: list[GoldMention] = field(default_factory=list)


def read_article(path: Path) -> Article:
    root = ET.parse(path).getroot()
    tokens = [
        (t.get("t_id"), int(t.get("sentence") or 0), t.text or "") for t in root.iter("token")
    ]
    text, offsets = _detokenise(tokens)
    markables = root.find("Markables")
    relations = root.find("Relations")
    assert markables is not None
    annotated_sents: set[int] = set()
    sent_of = {tid: s for tid, s, _ in tokens}
    for mk in markables:
        for anchor in mk.iter("token_anchor"):
            annotated_sents.add(sent_of[anchor.get("t_id")])
    last_sent = max(annotated_sents, default=-1)
    scored_until = len(text)
    for tid, s, _ in tokens:
        if s > last_sent:
            scored_until = offsets[tid][0]
            break
    ent_type = {e.get("m_id"): e.get("ent_type") or "" for e in markables.iter("ENTITY")}
    mention_type: dict[str, str] = {}
    if relations is not None:
        for rel in relations.iter("REFERS_TO"):
            target = rel.find("target")
            if target is None:
                continue
            for src in rel.iter("source"):
                mention_type[src.get("m_id") or ""] = ent_type.get(target.get("m_id") or "", "")
    published = None
    for tx in markables.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME" and tx.get("value"):
            published = tx.get("value")
    art = Article(path.stem, text, published, scored_until)
    for m in markables.iter("ENTITY_MENTION"):
        ids = [a.get("t_id") for a in m.iter("token_anchor")]
        if not ids:
            continue
        words = [t for tid in ids for t in [next(w for i, _s, w in tokens if i == tid)]]
        start, end = offsets[ids[0]][0], offsets[ids[-1]][1]
        type_ = mention_type.get(m.get("m_id") or "", "")
        named = _is_named(m.get("syntactic_type") or "", words)
        art.gold.append(
            GoldMention(start, end, type_, text[start:end], named and type_ in SCORED_TYPES)
        )
    return art


def _is_named(syntactic_type: str, words: list[str]) -> bool:
    if syntactic_type in NAMED:
        return True
    if syntactic_type:
        return False
    ws = words[1:] if words and words[0].lower() == "the" else words
    if not ws or any(w in ("(", ")", ",", "``", "''") for w in ws):
        return False
    if all(w.lower() in _NOT_NAMES for w in ws):
        return False  # "He", "It", "the Prime Minister": not names
    if not ws[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _CONNECTORS or w == "." for w in ws)


def _detokenise(tokens: list[tuple[str, int, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Plain text from MEANTIME's tokens, and each token's characters in it: the title and a
    date line each on a line of their own, the body as one paragraph."""
    out: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    prev_word = ""
    prev_sent = -1
    glue_next = False
    for k, (tid, sent, word) in enumerate(tokens):
        shown = '"' if word in ("``", "''") else word
        if k == 0:
            sep = ""
        elif sent != prev_sent and prev_sent <= 1:
            sep = "\n"
        elif glue_next or word in _NO_SPACE_BEFORE:
            sep = ""
        elif (
            word == "-"
            and prev_word.isalnum()
            and k + 1 < len(tokens)
            and tokens[k + 1][2].isalnum()
        ):
            sep = ""
        elif (
            prev_word == "-"
            and k >= 2
            and tokens[k - 2][2].isalnum()
            and word.isalnum()
            and out
            and not out[-1].startswith(" ")
        ):
            sep = ""
        else:
            sep = " "
        if sent != prev_sent and prev_sent == 0 and not (sent == 1 and _MONTH.match(word)):
            sep = "\n"
        out.append(sep)
        pos += len(sep)
        out.append(shown)
        offsets[tid] = (pos, pos + len(shown))
        pos += len(shown)
        glue_next = word in _NO_SPACE_AFTER
        prev_word = word
        prev_sent = sent
    return "".join(out), offsets


def _norm(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in ",;: ":
        end -= 1
    span = text[start:end]
    m = re.match(r"[Tt]he\s+", span)
    if m:
        start += m.end()
    m = re.search(r"\s*['’]s?$", text[start:end])
    if m and m.start() > 0:
        end = start + m.start()
    return start, end


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score_article(
    art: Article, predicted: list[tuple[int, int]], exact: bool, errors: list[str] | None = None
) -> Score:
    gold = [g for g in art.gold if g.counted and g.start < art.scored_until]
    others = [g for g in art.gold if not g.counted]
    preds = sorted({p for p in predicted if p[0] < art.scored_until})
    text = art.text
    gkeys = [_norm(text, g.start, g.end) for g in gold]
    used: set[int] = set()
    s = Score()
    for p in preds:
        pk = _norm(text, *p)
        hit = None
        for gi, gk in enumerate(gkeys):
            if gi in used:
                continue
            if (pk == gk) if exact else (pk[0] < gk[1] and gk[0] < pk[1]):
                hit = gi
                break
        if hit is not None:
            used.add(hit)
            s.tp += 1
            continue
        overlaps_gold = any(p[0] < g.end and g.start < p[1] for g in gold)
        overlaps_other = any(p[0] < g.end and g.start < p[1] for g in others)
        if overlaps_other and not overlaps_gold:
            continue  # annotated as something this benchmark does not score
        s.fp += 1
        if errors is not None:
            errors.append(f"FP {art.name}: {text[p[0] : p[1]]!r}")
    s.fn = len(gold) - len(used)
    if errors is not None:
        for gi, g in enumerate(gold):
            if gi not in used:
                errors.append(f"FN {art.name}: {g.text!r} ({g.type})")
    return s


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--meantime", type=Path, default=None)
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--model", default=None, help="spaCy pipeline (default en_readout_core)")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    args = ap.parse_args(argv)
    shared = args.shared or default_shared_dir()
    meantime = args.meantime or shared / "benchmarks" / "meantime"

    with tempfile.TemporaryDirectory() as tmp:
        kb_path = Path(tmp) / "kb.sqlite"
        stats = build_kb(shared, kb_path)
        t = time.perf_counter()
        kb = KB.load(kb_path)
        load_s = time.perf_counter() - t
        print(
            f"knowledge base: built in {stats['build_seconds']:.2f} s, loaded in "
            f"{load_s * 1000:.1f} ms, {stats['bytes'] / 1e6:.1f} MB, {stats['entities']} entries, "
            f"{stats['aliases']} aliases, {stats['roles']} roles"
        )

        from readout.nlp import load_pipeline

        t = time.perf_counter()
        nlp = load_pipeline(args.model)
        took = time.perf_counter() - t
        print(f"pipeline: {nlp.meta.get('name')} {nlp.meta.get('version')} loaded in {took:.1f} s")

        articles = [read_article(p) for p in sorted(meantime.glob("*/*.xml"))]
        exact, overlap = Score(), Score()
        by_type: Counter[str] = Counter()
        by_type_hit: Counter[str] = Counter()
        errors: list[str] = []
        t = time.perf_counter()
        for art in articles:
            document = Document(
                id=art.name, source=art.name, text=art.text, published=art.published
            )
            doc = nlp(art.text)
            actors, kinds = extract_actors_detailed(doc, document, [], kb)
            preds = [
                (m.start, m.end)
                for a in actors
                for m in a.mentions
                if kinds.get((m.start, m.end), "name") in PREDICTED_KINDS
            ]
            e = score_article(art, preds, exact=True, errors=errors if args.errors else None)
            o = score_article(art, preds, exact=False)
            for total, part in ((exact, e), (overlap, o)):
                total.tp += part.tp
                total.fp += part.fp
                total.fn += part.fn
            for g in art.gold:
                if g.counted and g.start < art.scored_until:
                    by_type[g.type] += 1
                    if any(p[0] < g.end and g.start < p[1] for p in preds):
                        by_type_hit[g.type] += 1
        secs = time.perf_counter() - t
    n_gold = sum(by_type.values())
    types = ", ".join(f"{k} {v}" for k, v in sorted(by_type.items()))
    print(
        f"MEANTIME: {len(articles)} articles, {n_gold} named gold mentions ({types}), {secs:.1f} s"
    )
    for label, sc in (("exact", exact), ("overlap", overlap)):
        p, r, f = sc.prf()
        print(
            f"  {label:8s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {sc.tp}, fp {sc.fp}, fn {sc.fn})"
        )
    print(
        "  recall by type (overlap): "
        + ", ".join(f"{k} {by_type_hit[k] / by_type[k]:.3f}" for k in sorted(by_type))
    )
    if args.errors:
        fps = [x for x in errors if x.startswith("FP")][: args.errors]
        fns = [x for x in errors if x.startswith("FN")][: args.errors]
        print("\n".join(["", *fps, "", *fns]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
