"""Does each stage's cost grow linearly with the document? Per-stage seconds on one article
repeated to about 10k, 40k and 160k characters.

    .venv/bin/python bench/stage_cost.py [--id DOC_ID] [--sizes 10000 40000 160000] [--runs 3]

The article (default: the first news-4k article of 4,000-8,000 characters; READOUT_SHARED
overrides the shared folder) is joined to itself with blank lines between copies, parsed
once per size, and every stage of readout.stages.STAGES is run in order on a fresh record;
each stage's time is the best of ``--runs``. The table gives seconds, milliseconds per 1,000
characters, and the per-character cost at each size relative to the smallest: a stage whose
cost is linear in the text stays near 1.0 (the target is at most 1.3).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("READOUT_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "src"))

from readout.model import Document, Record  # noqa: E402
from readout.nlp import load_pipeline, pipeline_info  # noqa: E402
from readout.stages import STAGES, Context, run_stage  # noqa: E402


def pick_article(corpus: Path, doc_id: str | None) -> tuple[str, str]:
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            text = row.get("text") or ""
            if (doc_id is None and 4000 <= len(text) <= 8000) or row.get("id") == doc_id:
                return str(row["id"]), text
    raise SystemExit(f"no article {'with id ' + doc_id if doc_id else 'of 4-8k chars'} in {corpus}")


def repeated(text: str, size: int) -> str:
    copies = max(1, round(size / (len(text) + 2)))
    return "\n\n".join([text.strip()] * copies)


def time_stages(nlp, text: str, runs: int) -> dict[str, float]:
    started = time.perf_counter()
    doc = nlp(text)
    seconds = {"parse": time.perf_counter() - started}
    for _ in range(runs):
        record = Record(document=Document(id="x", source="bench", text=text, chars=len(text)))
        context = Context(pipeline=pipeline_info(nlp))
        for stage in STAGES:
            started = time.perf_counter()
            error = run_stage(stage, doc, record, context)
            took = time.perf_counter() - started
            if error is not None:
                raise SystemExit(f"{stage.name} failed: {error.message}")
            seconds[stage.name] = min(seconds.get(stage.name, took), took)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "news-4k.jsonl.gz")
    parser.add_argument("--id", dest="doc_id", default=None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 40_000, 160_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)

    doc_id, article = pick_article(args.corpus, args.doc_id)
    nlp = load_pipeline(args.model)
    print(f"article {doc_id} ({len(article):,} chars), pipeline {pipeline_info(nlp)}", flush=True)
    rows = []
    for size in args.sizes:
        text = repeated(article, size)
        print(f"  {len(text):,} chars ...", file=sys.stderr, flush=True)
        rows.append((len(text), time_stages(nlp, text, args.runs)))
    names = ["parse", *(stage.name for stage in STAGES)]
    base_chars, base = rows[0]
    print(f"\n{'stage':<12}" + "".join(f"{n:>24,}" for n, _ in rows) + f"{'worst ratio':>13}")
    worst_all = 0.0
    for name in names:
        cells, worst = [], 0.0
        for chars, seconds in rows:
            per_k = 1000 * seconds[name] / chars * 1000  # ms per 1,000 characters
            ratio = (seconds[name] / chars) / max(base[name] / base_chars, 1e-12)
            worst = max(worst, ratio)
            cells.append(f"{seconds[name]:8.3f}s {per_k:6.2f}ms/k {ratio:4.2f}")
        if name != "parse":
            worst_all = max(worst_all, worst)
        print(f"{name:<12}" + "".join(f"{c:>24}" for c in cells) + f"{worst:>13.2f}")
    print(f"\nworst per-character ratio of a stage: {worst_all:.2f} (target <= 1.3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
