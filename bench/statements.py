"""Benchmark the statements stage on PolNeAR (dev by default).

    .venv/bin/python bench/statements.py [--split dev] [--model en_readout_core]
                                          [--mode all|rules|model|combined|plain]
                                          [--limit N]

For each mode it writes readout records (JSON Lines) to a temporary file, runs the PolNeAR
scorer (``<shared>/benchmarks/polnear/score.py SPLIT_DIR RECORDS``) and prints its line, then
cue and source P/R/F1 of its own (character overlap, one-to-one). Modes: rules alone, the
learned models alone, both (readout's default), and ``plain``: both without the speech
tagger, as readout runs with a pipeline the tagger was not trained on. It also reports the time
of the statements stage as a share of bare spaCy parsing of the same texts: what a run loads
once (models, tagger, lexicon) is loaded before the clock starts, and every mode starts from
documents without the stage's per-document caches.

Parses are cached as DocBins under $READOUT_BENCH_CACHE (default: the system temp folder) so
that repeated runs only pay for the stage itself; the parse time is stored with them.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
# the statements model's training script: its readers and helpers serve the bench too
sys.path.insert(0, str(ROOT / "training" / "statements"))


def shared_dir() -> Path:
    return Path(os.environ.get("READOUT_SHARED", ROOT.parent / "shared")).resolve()


def load_gold(split_dir: Path) -> dict[str, list[dict[str, list[tuple[int, int]]]]]:
    """PolNeAR attributions per document stem, as the scorer reads them (the first
    annotator's file of each document)."""
    from train import read_ann  # the statements model's own reader of the same files

    gold: dict[str, list[dict[str, list[tuple[int, int]]]]] = {}
    for ann in sorted(glob.glob(str(split_dir / "attributions" / "*.ann"))):
        stem = os.path.basename(ann).rsplit("_", 1)[0]
        if stem not in gold:
            gold[stem] = read_ann(ann)
    return gold


def _chars(segs: list[tuple[int, int]]) -> set[int]:
    return {i for a, b in segs for i in range(a, b)}


def overlap_prf(
    gold: dict[str, list[list[tuple[int, int]]]], pred: dict[str, list[list[tuple[int, int]]]]
) -> tuple[float, float, float]:
    """P/R/F1 of spans matched one-to-one by any character overlap, largest overlap first."""
    tp = fp = fn = 0
    for stem in gold.keys() | pred.keys():
        g = [_chars(s) for s in gold.get(stem, []) if s]
        p = [_chars(s) for s in pred.get(stem, []) if s]
        pairs = sorted(
            ((len(a & b), i, j) for i, a in enumerate(g) for j, b in enumerate(p) if a & b),
            reverse=True,
        )
        ug: set[int] = set()
        up: set[int] = set()
        for _, i, j in pairs:
            if i in ug or j in up:
                continue
            ug.add(i)
            up.add(j)
        tp += len(ug)
        fn += len(g) - len(ug)
        fp += len(p) - len(up)
    prec = tp / max(1, tp + fp)
    rec = tp / max(1, tp + fn)
    return prec, rec, 2 * prec * rec / max(1e-9, prec + rec)


def parse_all(nlp, texts: list[tuple[str, str]], cache: Path | None):
    """Docs for (stem, text) pairs and the bare parse time in seconds."""
    from spacy.tokens import DocBin

    key = hashlib.sha256(
        # name, version and scores: a retrained pipeline under the same version is new
        json.dumps(
            [nlp.meta.get(k) for k in ("name", "version", "performance", "test_scores")]
            # readout's additions at load time (components, tokenizer special cases)
            + [nlp.pipe_names, len(getattr(nlp.tokenizer, "rules", {}) or {})]
        ).encode()
        + b"".join(t.encode() for _, t in texts)
    ).hexdigest()[:16]
    if cache is not None:
        path = cache / f"polnear-{key}.spacy"
        meta = cache / f"polnear-{key}.json"
        if path.exists() and meta.exists():
            docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
            from train import restore_tensors  # the speech tagger reads token vectors

            restore_tensors(nlp, docs)
            return docs, json.loads(meta.read_text())["parse_s"]
    t0 = time.perf_counter()
    docs = list(nlp.pipe((t for _, t in texts), batch_size=16))
    parse_s = time.perf_counter() - t0
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
        meta.write_text(json.dumps({"parse_s": parse_s}))
    return docs, parse_s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--model", default="en_readout_core")
    ap.add_argument("--mode", default="all", choices=["all", "rules", "model", "combined", "plain"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--keep", help="write the records of the last mode here")
    args = ap.parse_args()

    from readout.extract import statements as st
    from readout.model import Document, Record
    from readout.nlp import pipeline_info

    try:
        from readout.extract.actors import extract_actors
    except ImportError:
        extract_actors = None
    try:
        from readout.extract.times import extract_times
    except ImportError:
        extract_times = None

    polnear = shared_dir() / "benchmarks" / "polnear"
    split_dir = polnear / args.split
    paths = sorted(glob.glob(str(split_dir / "text" / "*.txt")))
    if args.limit:
        paths = paths[: args.limit]
    texts = [(Path(p).stem, Path(p).read_text(encoding="utf-8")) for p in paths]

    from readout.nlp import load_pipeline

    nlp = load_pipeline(args.model)  # as readout runs it: its abbreviations, line breaks
    cache = (
        None
        if args.no_cache
        else Path(os.environ.get("READOUT_BENCH_CACHE", tempfile.gettempdir())) / "readout-bench"
    )
    docs, parse_s = parse_all(nlp, texts, cache)

    prepared = []
    for path, (stem, text), doc in zip(paths, texts, docs, strict=True):
        document = Document(id=stem, source=path, text=text, chars=len(text))
        actors = extract_actors(doc, document, seed=[]) if extract_actors else []
        times = extract_times(doc, document) if extract_times else []
        prepared.append((document, doc, actors, times))

    gold = load_gold(split_dir)
    if args.limit:
        gold = {s: g for s, g in gold.items() if s in {stem for stem, _ in texts}}
    # plain: rules and model without the speech tagger (as with a pipeline it was not
    # trained on)
    modes = ["rules", "model", "combined", "plain"] if args.mode == "all" else [args.mode]
    pipeline = pipeline_info(nlp)
    chars = sum(len(t) for _, t in texts)
    print(f"polnear {args.split}: {len(texts)} docs, {chars} chars; model {args.model}")
    print(f"bare spaCy parse: {parse_s:.1f} s ({chars / max(parse_s, 1e-9) / 1000:.0f} kchar/s)")
    # what a run loads once (the models, the tagger, the lexicon) is loaded before the clock
    # starts; what it computes per document is not: each mode starts from cold documents
    if prepared:
        st.extract_statements(prepared[0][1], prepared[0][0], [], [], [], pipeline=pipeline)
    for mode in modes:
        use_rules = mode in ("rules", "combined", "plain")
        use_model = mode in ("model", "combined", "plain")
        records = []
        for _, doc, _, _ in prepared:
            for key in [k for k in doc.user_data if str(k).startswith("_readout")]:
                del doc.user_data[key]
        t0 = time.perf_counter()
        for document, doc, actors, times in prepared:
            run_actors = list(actors)  # the stage may add actors ("officials")
            statements = st.extract_statements(
                doc,
                document,
                run_actors,
                times,
                [],
                use_rules=use_rules,
                use_model=use_model,
                pipeline="none" if mode == "plain" else pipeline,
            )
            records.append(Record(document=document, actors=run_actors, statements=statements))
        stage_s = time.perf_counter() - t0
        bad = sum(1 for r in records for s in r.spans() if not s.holds_in(r.document.text))
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
            for r in records:
                fh.write(r.to_json() + "\n")
            out = fh.name
        res = subprocess.run(
            [sys.executable, str(polnear / "score.py"), str(split_dir), out],
            capture_output=True,
            text=True,
            check=True,
        )
        pred_cues = {
            r.document.id: [[(s.cue.start, s.cue.end)] for s in r.statements if s.cue]
            for r in records
        }
        pred_src = {
            r.document.id: [
                [(s.speaker_mention.start, s.speaker_mention.end)]
                for s in r.statements
                if s.speaker_mention
            ]
            for r in records
        }
        gold_cues = {k: [g["cue"] for g in v if g["cue"]] for k, v in gold.items()}
        gold_src = {k: [g["source"] for g in v if g["source"]] for k, v in gold.items()}
        cp, cr, cf = overlap_prf(gold_cues, pred_cues)
        sp, sr, sf = overlap_prf(gold_src, pred_src)
        n = sum(len(r.statements) for r in records)
        print(f"[{mode}] {res.stdout.strip()}")
        print(
            f"[{mode}] cue P {cp:.3f} R {cr:.3f} F1 {cf:.3f}; source P {sp:.3f} R {sr:.3f} "
            f"F1 {sf:.3f}; {n} statements; span rule violations {bad}"
        )
        share = 100 * stage_s / max(parse_s, 1e-9)
        print(f"[{mode}] statements stage {stage_s:.2f} s = {share:.1f}% of bare parse time")
        if args.keep and mode == modes[-1]:
            Path(args.keep).write_text(Path(out).read_text())
        os.unlink(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
