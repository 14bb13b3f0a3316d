"""Benchmark readout's English pipeline: accuracy on held-out treebanks and speed on news.

Prints one table: EWT test UPOS/LAS, PUD LAS, UNER-PUD and UNER-EWT test NER F1 (PER/ORG/LOC,
exact spans, gold tokens) and words/s of the full pipeline on the first N articles of
news-4k (field ``text``), one thread.

Usage: ``python bench/pipeline.py [--model en_readout_core] [--articles 500] [--json out.json]``
Data is read from /work/shared (default ``../shared`` relative to the project root, env
``READOUT_SHARED`` overrides).
"""

from __future__ import annotations

import os

# One core is ours: pin BLAS/OpenMP before numpy is imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.scorer import Scorer  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.training import Example  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT / "training"))

import convert  # noqa: E402


def predict(nlp: Language, docs: list[Doc]) -> list[Example]:
    """Run the pipeline on the gold tokens (no tokenizer) and pair each result with its gold doc."""
    inputs = [
        Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
        for g in docs
    ]
    return [
        Example(pred, gold)
        for pred, gold in zip(nlp.pipe(inputs, batch_size=64), docs, strict=True)
    ]


def las_with_punct(examples: list[Example]) -> tuple[float, float]:
    """UAS/LAS over all tokens, punctuation included (CoNLL 2018 style); spaCy's scorer skips it."""
    total = uas = las = 0
    for eg in examples:
        for gold, pred in zip(eg.reference, eg.predicted, strict=True):
            total += 1
            if gold.head.i == pred.head.i:
                uas += 1
                if gold.dep_.lower() == pred.dep_.lower():
                    las += 1
    return uas / max(total, 1), las / max(total, 1)


def parse_scores(nlp: Language, docs: list[Doc]) -> dict[str, float]:
    examples = predict(nlp, docs)
    scores = Scorer(nlp).score(examples)
    uas_all, las_all = las_with_punct(examples)
    return {
        "upos": scores["pos_acc"],
        "tag": scores["tag_acc"],
        "morph": scores["morph_acc"],
        "lemma": scores["lemma_acc"],
        "uas": scores["dep_uas"],
        "las": scores["dep_las"],
        "uas_all": uas_all,
        "las_all": las_all,
        "sents_f": scores["sents_f"],
    }


def ner_scores(nlp: Language, docs: list[Doc]) -> dict[str, Any]:
    scores = Scorer(nlp).score(predict(nlp, docs))
    per_type = scores.get("ents_per_type") or {}
    return {
        "f": scores["ents_f"],
        "p": scores["ents_p"],
        "r": scores["ents_r"],
        "per_type": {k: round(v["f"], 4) for k, v in per_type.items()},
    }


def speed(nlp: Language, n_articles: int) -> dict[str, float]:
    path = convert.shared_root() / "corpora" / "news-4k.jsonl.gz"
    texts: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n_articles:
                break
    start, cpu_start = time.perf_counter(), time.process_time()
    # The pipeline's own default batch size (set when it was assembled), as readout uses it.
    words = sum(len(doc) for doc in nlp.pipe(texts))
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    # On a shared machine wall time also counts other processes' turns on our core; CPU time of
    # this single-threaded process is what one dedicated core would need.
    return {
        "articles": len(texts),
        "words": words,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "wps": words / seconds,
        "wps_cpu": words / cpu_seconds,
        "batch_size": nlp.batch_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="en_readout_core", help="package name or path")
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the scores here")
    args = parser.parse_args(argv)

    nlp = spacy.load(args.model)
    # Gold docs share the pipeline's vocab so the scorer can read morph strings on both sides.
    vocab = nlp.vocab
    root = convert.data_dir()
    ewt_test, _, _ = convert.ewt_docs(vocab, "test", 10)
    pud = convert.pud_docs(vocab, 10)
    uner_pud = convert.uner_only_docs(vocab, root / "uner-pud" / "en_pud-ud-test.iob2.gz", 10)
    uner_ewt = convert.uner_only_docs(vocab, root / "uner-ewt" / "en_ewt-ud-test.iob2.gz", 10)

    results: dict[str, Any] = {
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "pipeline": nlp.pipe_names,
        "ewt_test": parse_scores(nlp, ewt_test),
        "pud": parse_scores(nlp, pud),
        "uner_pud": ner_scores(nlp, uner_pud),
        "uner_ewt_test": ner_scores(nlp, uner_ewt),
    }
    if not args.no_speed:
        results["speed"] = speed(nlp, args.articles)

    ewt, pudp = results["ewt_test"], results["pud"]
    rows = [
        ("EWT test UPOS", ewt["upos"], ">= 0.95"),
        ("EWT test XPOS (tag)", ewt["tag"], ""),
        ("EWT test morph", ewt["morph"], ""),
        ("EWT test lemma", ewt["lemma"], ""),
        ("EWT test UAS", ewt["uas"], ""),
        ("EWT test LAS", ewt["las"], ">= 0.83"),
        ("EWT test LAS incl. punct", ewt["las_all"], ""),
        ("EWT test sentence F", ewt["sents_f"], ""),
        ("PUD UPOS", pudp["upos"], ""),
        ("PUD LAS", pudp["las"], ">= 0.83"),
        ("PUD LAS incl. punct", pudp["las_all"], ""),
        ("UNER-PUD NER F1", results["uner_pud"]["f"], ">= 0.70"),
        ("UNER-EWT test NER F1", results["uner_ewt_test"]["f"], ""),
    ]
    print(f"model: {results['model']}  pipeline: {' '.join(nlp.pipe_names)}")
    print(f"{'metric':28} {'value':>10}  target")
    for name, value, target in rows:
        print(f"{name:28} {value:10.4f}  {target}")
    for key in ("uner_pud", "uner_ewt_test"):
        print(f"{key} per type F1: {results[key]['per_type']}")
    if "speed" in results:
        sp = results["speed"]
        print(
            f"{'words/s (1 thread, CPU time)':28} {sp['wps_cpu']:10.0f}  >= 8000"
            f"   ({sp['words']} words, {sp['articles']} articles, {sp['cpu_seconds']:.1f} s CPU)"
        )
        print(f"{'words/s (1 thread, wall)':28} {sp['wps']:10.0f}   ({sp['seconds']:.1f} s wall)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
