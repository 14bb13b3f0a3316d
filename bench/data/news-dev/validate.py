"""Check gold files against the corpus text and the guideline's format.

python bench/data/news-dev/validate.py [gold/<id>.json ...]   (default: all)
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("READOUT_SHARED", HERE.parents[3] / "shared"))
TYPES = {"person", "organization", "country", "place", "group"}
KINDS = {"direct", "indirect"}
STATUS = {"asserted", "negated", "hypothetical"}
TIME_TYPES = {"DATE", "TIME", "DURATION", "SET"}


def corpus_texts(ids: set[str]) -> dict[str, str]:
    out = {}
    with gzip.open(SHARED / "corpora" / "news-4k.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in ids:
                out[row["id"]] = row["text"]
    return out


def check(gold: dict, text: str) -> list[str]:
    problems: list[str] = []

    def span(s: dict | None, where: str, optional: bool = False) -> None:
        if s is None:
            if not optional:
                problems.append(f"{where}: missing span")
            return
        if text[s["start"] : s["end"]] != s["text"] or s["start"] >= s["end"]:
            problems.append(
                f"{where}: {s} does not hold (text has {text[s['start'] : s['end']]!r})"
            )

    refs = set()
    for a in gold.get("actors", []):
        refs.add(a["ref"])
        if a["type"] not in TYPES:
            problems.append(f"actor {a['ref']}: type {a['type']!r}")
        for k, m in enumerate(a.get("mentions", [])):
            span(m, f"actor {a['ref']} mention {k}")
    for k, s in enumerate(gold.get("statements", [])):
        where = f"statement {k}"
        span(s.get("content"), where + " content")
        span(s.get("cue"), where + " cue", optional=True)
        span(s.get("speaker_mention"), where + " speaker_mention", optional=True)
        for key in ("speaker", "addressee"):
            if s.get(key) is not None and s[key] not in refs:
                problems.append(f"{where}: {key} {s[key]!r} is no actor ref")
        for v in s.get("via", []):
            if v not in refs:
                problems.append(f"{where}: via {v!r} is no actor ref")
        if s.get("kind") not in KINDS:
            problems.append(f"{where}: kind {s.get('kind')!r}")
        if s.get("status", "asserted") not in STATUS:
            problems.append(f"{where}: status {s.get('status')!r}")
    for k, t in enumerate(gold.get("times", [])):
        span(t.get("span"), f"time {k}")
        if t.get("type") not in TIME_TYPES:
            problems.append(f"time {k}: type {t.get('type')!r}")
    return problems


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted((HERE / "gold").glob("*.json"))
    golds = {p: json.loads(p.read_text(encoding="utf-8")) for p in paths}
    texts = corpus_texts({g["id"] for g in golds.values()})
    bad = 0
    for p, g in golds.items():
        problems = check(g, texts[g["id"]]) if g["id"] in texts else ["id not in news-4k"]
        counts = {k: len(g.get(k, [])) for k in ("actors", "statements", "times")}
        print(f"{p.name}: {counts} {'OK' if not problems else f'{len(problems)} problems'}")
        for line in problems[:20]:
            print("   ", line)
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
