"""Throughput and memory of `readout extract` against bare spaCy on the same texts.

    .venv/bin/python bench/extract.py [--limit N] [--jobs J] [--corpus PATH]

Runs each side in its own process (so peak memory is its own), checks that every input line
came out as a record or an error row and that every span satisfies the span rule, and prints
a table. Default corpus: ../shared/corpora/news-4k.jsonl.gz (READOUT_SHARED overrides).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("READOUT_SHARED", ROOT.parent / "shared"))


def _limited_corpus(corpus: Path, limit: int | None, into: Path) -> int:
    n = 0
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as src, into.open("w", encoding="utf-8") as dst:
        for line in src:
            if limit is not None and n >= limit:
                break
            dst.write(line)
            n += 1
    return n


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bare(corpus: Path, model: str | None, batch_size: int) -> dict:
    from readout.nlp import load_pipeline
    from readout.read.inputs import ReadOptions, iter_inputs

    nlp = load_pipeline(model)
    texts = [d.text for d in iter_inputs([str(corpus)], ReadOptions()) if hasattr(d, "text")]
    started = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    seconds = time.perf_counter() - started
    return {"docs": len(texts), "words": words, "seconds": seconds, "peak_mb": _peak_mb()}


def _readout(corpus: Path, model: str | None, batch_size: int, jobs: int) -> dict:
    from readout.runner import ExtractOptions, extract

    out = io.StringIO()
    errors = Path(tempfile.mkdtemp()) / "errors.jsonl"
    options = ExtractOptions(model=model, jobs=jobs, batch_size=batch_size)
    from readout.nlp import load_pipeline

    load_pipeline(model)  # load time is not throughput
    started = time.perf_counter()
    summary = extract([str(corpus)], out, errors, options)
    seconds = time.perf_counter() - started
    bad_spans = 0
    words = 0
    for line in out.getvalue().splitlines():
        rec = json.loads(line)
        text = rec["document"]["text"]
        words += len(text.split())
        stack = [rec]
        while stack:
            x = stack.pop()
            if isinstance(x, dict):
                if set(x) == {"start", "end", "text"}:
                    bad_spans += text[x["start"] : x["end"]] != x["text"]
                else:
                    stack.extend(x.values())
            elif isinstance(x, list):
                stack.extend(x)
    return {
        "docs": summary.documents,
        "records": summary.records,
        "errors": summary.errors,
        "bad_spans": bad_spans,
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "counts": dict(summary.counts),
    }


def _child(mode: str, args: argparse.Namespace, corpus: Path) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--corpus", str(corpus)]
    cmd += ["--batch-size", str(args.batch_size), "--jobs", str(args.jobs)]
    if args.model:
        cmd += ["--model", args.model]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        sys.exit(f"{mode} run failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "news-4k.jsonl.gz")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--model", default=None)
    ap.add_argument("--child", choices=["bare", "readout"], help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child == "bare":
        print(json.dumps(_bare(args.corpus, args.model, args.batch_size)))
        return
    if args.child == "readout":
        print(json.dumps(_readout(args.corpus, args.model, args.batch_size, args.jobs)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = _limited_corpus(args.corpus, args.limit, corpus)
        print(f"corpus: {args.corpus} ({n} lines), jobs {args.jobs}", file=sys.stderr)
        bare = _child("bare", args, corpus)
        ours = _child("readout", args, corpus)
    lost = n - ours["records"] - ours["errors"]
    rows = [
        ("input lines", n, ""),
        ("records", ours["records"], ""),
        ("error rows", ours["errors"], ""),
        ("lost (lines - records - errors)", lost, "must be 0"),
        ("spans breaking the span rule", ours["bad_spans"], "must be 0"),
        ("bare spaCy docs/s", f"{bare['docs'] / bare['seconds']:.1f}", "1 process"),
        ("bare spaCy words/s", f"{bare['words'] / bare['seconds']:.0f}", "spaCy tokens"),
        ("readout docs/s", f"{ours['docs'] / ours['seconds']:.1f}", f"{args.jobs} job(s)"),
        ("readout / bare spaCy time", f"{ours['seconds'] / bare['seconds']:.2f}x", ""),
        ("bare spaCy peak memory", f"{bare['peak_mb']:.0f} MB", ""),
        ("readout peak memory", f"{ours['peak_mb']:.0f} MB", "main process"),
    ]
    for k, v in sorted(ours["counts"].items()):
        rows.append((f"{k} emitted", v, ""))
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure':<{width}} | value | note |")
    print(f"|{'-' * (width + 2)}|-------|------|")
    for name, value, note in rows:
        print(f"| {name:<{width}} | {value} | {note} |")
    if lost or ours["bad_spans"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
