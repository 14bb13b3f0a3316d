"""Benchmark the events stage: PLOVER gold records, a news sample, and its cost.

    .venv/bin/python bench/events.py [--split all|tune|held] [--records FILE] [-v]
    .venv/bin/python bench/events.py --sample 300 [--check 20]
    .venv/bin/python bench/events.py --cost [--limit 200]

PLOVER: builds the input with ``<shared>/benchmarks/plover/score.py --make-input``, runs
``readout extract`` on it, and prints the scorer's line and a per-type table for the two
halves of the dev file: ``tune`` (two thirds, by a hash of the record id, where the rules
were tuned) and ``held`` (the rest, left untouched while tuning), and for all of it.

``--sample N``: runs readout on N news-4k articles (lines 2000 to 2000+N, not used to
tune anything) and prints the events per article, the types and statuses, and the share of
CONSULT events with two or more participants, a place and a time; ``--check K`` writes K
events drawn at random (seed 7) with their evidence to stdout for a hand check.

``--cost``: the events stage's time as a share of bare spaCy parsing of the same news texts.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    return Path(os.environ.get("READOUT_SHARED", ROOT.parent / "shared")).resolve()


def half(record_id: str) -> str:
    """The dev half a gold record belongs to: a third held out, by a hash of its id."""
    return "held" if hashlib.sha256(f"held:{record_id}".encode()).digest()[0] % 3 == 0 else "tune"


def extract(inputs: Path, out: Path) -> None:
    cmd = [sys.executable, "-m", "readout", "extract", str(inputs), "-o", str(out), "-q"]
    cmd += ["--errors", str(out.with_suffix(".errors.jsonl"))]
    subprocess.run(cmd, check=False)


def score(gold: list[dict], records: Path, verbose: bool) -> list[str]:
    scorer = shared_dir() / "benchmarks/plover/score.py"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(gold, f)
    out = subprocess.run(
        [sys.executable, str(scorer), f.name, str(records), "-v"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    os.unlink(f.name)
    return out if verbose else [line for line in out if not line.startswith("  [")]


def plover(args: argparse.Namespace) -> None:
    shared = shared_dir()
    gold_path = shared / "benchmarks/plover/dev.json"
    gold = [g for g in json.loads(gold_path.read_text()) if g.get("event") != "DOCUMENT"]
    tmp = Path(tempfile.mkdtemp(prefix="readout-events-"))
    records = Path(args.records) if args.records else tmp / "records.jsonl"
    if not args.records:
        inputs = tmp / "input.jsonl"
        scorer = shared / "benchmarks/plover/score.py"
        subprocess.run(
            [sys.executable, str(scorer), "--make-input", str(gold_path), str(inputs)], check=True
        )
        extract(inputs, records)
    splits = ["tune", "held", "all"] if args.split == "all" else [args.split]
    for split in splits:
        part = [g for g in gold if split == "all" or half(g["id"]) == split]
        print(f"\n== PLOVER dev, {split} ({len(part)} records)")
        for line in score(part, records, args.verbose):
            print(line)


def _news(n: int, first: int = 2000) -> list[dict]:
    path = shared_dir() / "corpora/news-4k.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for k, line in enumerate(f) if first <= k < first + n]
    return rows


def sample(args: argparse.Namespace) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="readout-events-"))
    records = Path(args.records) if args.records else tmp / "news.jsonl"
    if not args.records:
        inputs = tmp / "news-in.jsonl"
        inputs.write_text("".join(json.dumps(r) + "\n" for r in _news(args.sample)))
        extract(inputs, records)
    recs = [json.loads(line) for line in records.open(encoding="utf-8")]
    events = [(r, e) for r in recs for e in r.get("events", [])]
    per = len(events) / max(1, len(recs))
    print(f"articles {len(recs)}, events {len(events)}, per article {per:.2f}")
    for name, key in (("type", "type"), ("status", "status")):
        counts = collections.Counter(e[key] for _r, e in events)
        print(f"{name:8}", ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    meets = [e for _r, e in events if e["type"] == "CONSULT"]
    n = max(1, len(meets))
    two = sum(len(set(e["actors"]["source"] + e["actors"]["target"])) >= 2 for e in meets)
    print(
        f"CONSULT {len(meets)}: >=2 participants {two / n:.2f}, place "
        f"{sum(bool(e['place']) for e in meets) / n:.2f}, time "
        f"{sum(bool(e['time']['start']) for e in meets) / n:.2f}, reported "
        f"{sum(bool(e['reported_by']) for e in meets) / n:.2f}, modes "
        + ", ".join(
            f"{k} {v}" for k, v in collections.Counter(e["mode"] for e in meets).most_common()
        )
    )
    if args.check:
        _check(events, args.check)


def _check(events: list[tuple[dict, dict]], k: int) -> None:
    rng = random.Random(7)
    for r, e in rng.sample(events, min(k, len(events))):
        names = {a["id"]: a["name"] for a in r["actors"]}

        def who(ids: list[str], names: dict[str, str] = names) -> str:
            return ", ".join(names.get(i, i) for i in ids) or "-"

        ev = " | ".join(re.sub(r"\s+", " ", s["text"])[:220] for s in e["evidence"])
        print(
            f"\n[{r['document']['id']}] {e['id']} {e['type']}/{e['mode']} {e['status']} "
            f"src: {who(e['actors']['source'])} tgt: {who(e['actors']['target'])} "
            f"place: {names.get(e['place'], '-')} time: {e['time']['start']} "
            f"reported_by: {who(e['reported_by'])}\n    {ev}"
        )


def cost(args: argparse.Namespace) -> None:
    """The events stage's time over bare spaCy parse time, on news texts parsed once."""
    from readout.model import Document, Record
    from readout.nlp import load_pipeline
    from readout.stages import STAGES, Context, run_stage

    nlp = load_pipeline()
    texts = [r["text"] for r in _news(args.limit)]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - t0
    spent: collections.Counter[str] = collections.Counter()
    for k, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        record = Record(document=Document(id=str(k), source="bench", text=text))
        context = Context()
        for stage in STAGES:
            t = time.perf_counter()
            run_stage(stage, doc, record, context)
            spent[stage.name] += time.perf_counter() - t
    print(f"{len(texts)} news-4k articles")
    print(f"{'stage':12} {'seconds':>8} {'share of parse':>15}")
    print(f"{'parse':12} {parse:8.2f} {1.0:15.3f}")
    for name, sec in spent.items():
        print(f"{name:12} {sec:8.2f} {sec / parse:15.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["all", "tune", "held"], default="all")
    ap.add_argument("--records", help="score these records instead of running readout")
    ap.add_argument("--sample", type=int, help="run on this many news-4k articles")
    ap.add_argument("--check", type=int, default=0, help="print this many random events")
    ap.add_argument("--cost", action="store_true", help="time the stage against parsing")
    ap.add_argument("--limit", type=int, default=200, help="articles for --cost")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.cost:
        cost(args)
    elif args.sample:
        sample(args)
    else:
        plover(args)


if __name__ == "__main__":
    main()
