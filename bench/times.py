"""Accuracy of the times stage against MEANTIME, TempEval-3 style; and what the stage costs.

    .venv/bin/python bench/times.py [--model NAME] [--errors] [--speed [N]] [--recognizers]

MEANTIME (../shared/benchmarks/meantime/, four topic folders of CAT XML; READOUT_SHARED
overrides ../shared): each file becomes one Document whose text is rebuilt from the tokens,
so gold TIMEX3 token spans map to character offsets; ``published`` is the document creation
time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``). The text is parsed by the
pipeline and ``extract_times`` runs on it. Only the first sentences of each MEANTIME file are
annotated, so system times after the last sentence holding any markable are not scored.

Scores, per topic and overall:

* strict span P/R/F1: extents equal;
* relaxed span P/R/F1: extents overlap (one-to-one, largest overlap first);
* value: accuracy over relaxed matches, and value F1 = relaxed F1 counting only matches whose
  TIMEX3 value equals the gold one (TempEval-3 "attribute F1").

A handful of gold TIMEX3 carry neither type nor value (unfinished annotations): they count
as gold for the span scores and are left out of the value scores on both sides. TIMEX3 with
no tokens (empty, implicit times) are not in the text and are not scored.

``--speed`` parses N (default 300) articles of ../shared/corpora/news-4k.jsonl.gz and reports
the time the times stage adds on top of parsing alone. ``--recognizers`` runs the regression
cases of ../shared/benchmarks/recognizers-text/DateTime_DateTimeModel.json and reports span
and value agreement; their conventions differ from TIMEX3 in places, so it is informative only.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import gzip
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("READOUT_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "src"))

from readout.extract.times import extract_times  # noqa: E402
from readout.model import Document, Time  # noqa: E402

TOPICS = ("apple", "boeing", "gm", "stock")

# --------------------------------------------------------------------------------------------
# MEANTIME


@dataclass(slots=True)
class Gold:
    start: int
    end: int
    type: str
    value: str
    text: str

    @property
    def complete(self) -> bool:
        return bool(self.type and self.value)


@dataclass(slots=True)
class Item:
    topic: str
    name: str
    document: Document
    gold: list[Gold]
    limit: int  # character offset after which nothing is annotated


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'", "”"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "US$", "#"}
_CLITICS = re.compile(r"^(?:'s|'re|'ve|'ll|'d|'m|n't|’s)$", re.IGNORECASE)
_SURFACE = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}


def _rebuild(tokens: list[tuple[str, str, int]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Natural text from tokens (title, date line and body as paragraphs), with offsets."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    prev_sent = -1
    quote_open = False
    glue_next = False
    for tid, tok, sent in tokens:
        surface = _SURFACE.get(tok, tok)
        opening = tok == "``" or (tok == '"' and not quote_open)
        closing = tok == "''" or (tok == '"' and quote_open)
        if prev_sent == -1:
            sep = ""
        elif sent != prev_sent and prev_sent <= 1:
            sep = "\n\n"  # the title and the date line stand alone, as on the page
        elif closing or tok in _NO_SPACE_BEFORE or _CLITICS.match(tok) or glue_next:
            sep = ""
        else:
            sep = " "
        glue_next = opening or tok in _NO_SPACE_AFTER
        quote_open = (quote_open or opening) and not closing
        parts.append(sep + surface)
        pos += len(sep)
        offsets[tid] = (pos, pos + len(surface))
        pos += len(surface)
        prev_sent = sent
    return "".join(parts), offsets


_DATE_LINE = re.compile(r"([A-Z][a-z]+)\s+(\d{1,2}),?\s+(\d{4})")
_MONTHS = {
    m: i
    for i, m in enumerate(
        "January February March April May June July August September October November "
        "December".split(),
        1,
    )
}


def load_meantime(root: Path) -> list[Item]:
    items: list[Item] = []
    for topic in TOPICS:
        for path in sorted((root / topic).glob("*.xml")):
            items.append(_load_file(topic, path))
    return items


def _load_file(topic: str, path: Path) -> Item:
    tree = ET.parse(path).getroot()
    tokens = [
        (t.get("t_id") or "", t.text or "", int(t.get("sentence") or 0)) for t in tree.iter("token")
    ]
    text, offsets = _rebuild(tokens)
    sentence_of = {tid: s for tid, _, s in tokens}
    markables = tree.find("Markables")
    annotated = [
        sentence_of[a.get("t_id") or ""]
        for m in (markables if markables is not None else [])
        for a in m.findall("token_anchor")
    ]
    last_sentence = max(annotated) if annotated else -1
    limit = max((offsets[tid][1] for tid, _, s in tokens if s <= last_sentence), default=0)
    gold: list[Gold] = []
    dct: str | None = None
    for tx in tree.iter("TIMEX3"):
        ids = [a.get("t_id") or "" for a in tx.findall("token_anchor")]
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value")
        if not ids:
            continue
        start = min(offsets[i][0] for i in ids)
        end = max(offsets[i][1] for i in ids)
        gold.append(Gold(start, end, tx.get("type") or "", tx.get("value") or "", text[start:end]))
    if dct is None or not re.fullmatch(r"\d{4}-\d\d-\d\d.*", dct):
        # a few files lack a creation time (or give it as "03-02-2009"); the date line says it
        second = text.split("\n\n")[1] if "\n\n" in text else ""
        m = _DATE_LINE.search(second)
        if m and m.group(1) in _MONTHS:
            dct = f"{m.group(3)}-{_MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}"
    document = Document(id=path.stem, source=str(path), text=text, published=dct)
    return Item(topic, path.stem, document, gold, limit)


# --------------------------------------------------------------------------------------------
# scoring


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_gold: int = 0
    value_system: int = 0
    value_matched: int = 0
    value_correct: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in (
            "gold",
            "system",
            "strict",
            "relaxed",
            "value_gold",
            "value_system",
            "value_matched",
            "value_correct",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)


def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_item(item: Item, times: list[Time]) -> Score:
    text = item.document.text
    system = [t for t in times if t.span.start < item.limit]
    gold = item.gold
    s = Score(gold=len(gold), system=len(system))
    spans = {(t.span.start, t.span.end) for t in system}
    s.strict = sum(1 for g in gold if (g.start, g.end) in spans)
    # relaxed, one to one: the largest overlaps first
    pairs = sorted(
        (
            (_overlap((g.start, g.end), (t.span.start, t.span.end)), gi, ti)
            for gi, g in enumerate(gold)
            for ti, t in enumerate(system)
            if _overlap((g.start, g.end), (t.span.start, t.span.end)) > 0
        ),
        reverse=True,
    )
    g_used: dict[int, int] = {}
    t_used: set[int] = set()
    for _, gi, ti in pairs:
        if gi in g_used or ti in t_used:
            continue
        g_used[gi] = ti
        t_used.add(ti)
    s.relaxed = len(g_used)
    incomplete_sys = {ti for gi, ti in g_used.items() if not gold[gi].complete}
    s.value_gold = sum(1 for g in gold if g.complete)
    s.value_system = len(system) - len(incomplete_sys)
    for gi, ti in g_used.items():
        g, t = gold[gi], system[ti]
        if not g.complete:
            continue
        s.value_matched += 1
        if _same_value(t.value, g.value):
            s.value_correct += 1
        else:
            s.errors.append(
                f"VALUE {item.name}: {t.span.text!r} {t.value} ({t.anchor})"
                f" vs gold {g.text!r} {g.value}"
            )
    for gi, ti in g_used.items():
        g, t = gold[gi], system[ti]
        if (g.start, g.end) != (t.span.start, t.span.end):
            s.errors.append(f"SPAN  {item.name}: {t.span.text!r} vs gold {g.text!r}")
    for gi, g in enumerate(gold):
        if gi not in g_used:
            s.errors.append(f"MISS  {item.name}: {g.text!r} {g.type} {g.value} | {_ctx(text, g)}")
    for ti, t in enumerate(system):
        if ti not in t_used:
            s.errors.append(
                f"FP    {item.name}: {t.span.text!r} {t.type} {t.value} | {_ctx(text, t.span)}"
            )
    return s


def _same_value(system: str, gold: str) -> bool:
    return system.strip().upper() == gold.strip().upper()


def _ctx(text: str, span: Any) -> str:
    lo = max(0, span.start - 50)
    hi = min(len(text), span.end + 50)
    return (
        text[lo : span.start] + "[" + text[span.start : span.end] + "]" + text[span.end : hi]
    ).replace("\n", " ")


def _row(name: str, s: Score) -> str:
    sp, sr, sf = _prf(s.strict, s.system, s.gold)
    rp, rr, rf = _prf(s.relaxed, s.system, s.gold)
    vp, vr, vf = _prf(s.value_correct, s.value_system, s.value_gold)
    acc = s.value_correct / s.value_matched if s.value_matched else 0.0
    return (
        f"{name:<8} {s.gold:>5} {s.system:>5} | {sp:5.3f} {sr:5.3f} {sf:5.3f} | "
        f"{rp:5.3f} {rr:5.3f} {rf:5.3f} | {acc:5.3f} {vp:5.3f} {vr:5.3f} {vf:5.3f}"
    )


def run_meantime(nlp: Any, errors: bool) -> dict[str, Score]:
    items = load_meantime(SHARED / "benchmarks" / "meantime")
    docs = nlp.pipe([it.document.text for it in items], batch_size=16)
    scores = {topic: Score() for topic in TOPICS}
    for item, doc in zip(items, docs, strict=True):
        scores[item.topic].add(score_item(item, extract_times(doc, item.document)))
    total = Score()
    for topic in TOPICS:
        total.add(scores[topic])
    scores["all"] = total
    print(f"MEANTIME, {len(items)} documents (model: {_model_name(nlp)})")
    print(
        f"{'topic':<8} {'gold':>5} {'sys':>5} | {'strict P':>8} {'R':>5} {'F1':>5} | "
        f"{'relax P':>7} {'R':>5} {'F1':>5} | {'v.acc':>5} {'val P':>5} {'R':>5} {'F1':>5}"
    )
    for name, s in scores.items():
        print(_row(name, s))
    if errors:
        print()
        for line in sorted(total.errors):
            print(line)
    return scores


# --------------------------------------------------------------------------------------------
# speed


def _news(limit: int) -> Iterable[Document]:
    path = SHARED / "corpora" / "news-4k.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= limit:
                break
            row = json.loads(line)
            yield Document(
                id=str(row.get("id", n)),
                source=str(path),
                text=row.get("text") or "",
                url=row.get("url"),
                title=row.get("title"),
                published=row.get("published") or None,
            )


def run_speed(nlp: Any, limit: int) -> None:
    documents = list(_news(limit))
    try:
        from readout.read.structure import analyse_structure

        for d in documents:
            analyse_structure(d)
    except ImportError:
        pass  # no structure stage yet: whole texts are the body
    texts = [d.text for d in documents]
    # CPU time as well as wall time: the machine may be busy with other work
    wall, cpu = time.perf_counter(), time.process_time()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse_wall, parse_cpu = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    found = sum(len(extract_times(doc, d)) for doc, d in zip(docs, documents, strict=True))
    stage_wall, stage_cpu = time.perf_counter() - wall, time.process_time() - cpu
    chars = sum(len(t) for t in texts)
    print(f"speed, {len(documents)} articles of news-4k, {chars:,} characters, {found} times")
    print(f"{'':18} {'wall s':>8} {'cpu s':>8} {'chars/s (cpu)':>14}")
    print(f"{'parse (nlp.pipe)':18} {parse_wall:8.2f} {parse_cpu:8.2f} {chars / parse_cpu:14,.0f}")
    print(f"{'times stage':18} {stage_wall:8.2f} {stage_cpu:8.2f} {chars / stage_cpu:14,.0f}")
    print(
        f"{'overhead':18} {100 * stage_wall / parse_wall:7.2f}% {100 * stage_cpu / parse_cpu:7.2f}%"
        " of parsing"
    )


# --------------------------------------------------------------------------------------------
# recognizers-text regression cases


def run_recognizers(nlp: Any) -> None:
    path = SHARED / "benchmarks" / "recognizers-text" / "DateTime_DateTimeModel.json"
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    gold_n = sys_n = matched = same_value = 0
    for case in cases:
        text = case["Input"]
        ref = (case.get("Context") or {}).get("ReferenceDateTime")
        document = Document(id="rt", source=str(path), text=text, published=ref)
        times = extract_times(nlp(text), document)
        results = case.get("Results") or []
        gold_n += len(results)
        sys_n += len(times)
        used: set[int] = set()
        for r in results:
            lo, hi = r["Start"], r["End"] + 1
            for i, t in enumerate(times):
                if i not in used and _overlap((lo, hi), (t.span.start, t.span.end)):
                    used.add(i)
                    matched += 1
                    values = (r.get("Resolution") or {}).get("values") or []
                    wanted = {v.get(k) for v in values for k in ("timex", "value") if v.get(k)}
                    if t.value in wanted or any(
                        w and w.replace(" ", "T").startswith(t.value) for w in wanted
                    ):
                        same_value += 1
                    break
    p, r, f = _prf(matched, sys_n, gold_n)
    print(f"recognizers-text DateTimeModel, {len(cases)} cases (informative; conventions differ)")
    print(f"  spans: gold {gold_n}, readout {sys_n}, overlap P {p:.3f} R {r:.3f} F1 {f:.3f}")
    share = same_value / matched if matched else 0.0
    print(f"  values equal on {same_value} of {matched} overlapping ({share:.3f})")


# --------------------------------------------------------------------------------------------


def _model_name(nlp: Any) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def load_nlp(name: str | None) -> Any:
    import spacy

    if name == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        from readout.nlp import load_pipeline

        return load_pipeline(name)
    except Exception as exc:  # readout's loader may be mid-change; the model may be missing
        try:
            return spacy.load(name or "en_readout_core")
        except OSError:
            if name:
                raise
        print(f"(no default pipeline: {exc}; using a blank English tokenizer)", file=sys.stderr)
        return load_nlp("blank")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", help="spaCy pipeline (default en_readout_core; 'blank')")
    ap.add_argument("--errors", action="store_true", help="list misses, false hits, bad values")
    ap.add_argument("--speed", nargs="?", type=int, const=300, help="time the stage on N articles")
    ap.add_argument("--recognizers", action="store_true", help="recognizers-text agreement")
    ap.add_argument("--no-meantime", action="store_true")
    args = ap.parse_args(argv)
    nlp = load_nlp(args.model)
    if not args.no_meantime:
        run_meantime(nlp, args.errors)
    if args.recognizers:
        print()
        run_recognizers(nlp)
    if args.speed:
        print()
        run_speed(nlp, args.speed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
