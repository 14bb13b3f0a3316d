"""Train small floret (hashed subword) vectors on unlabelled news text plus the training texts.

Tokenises news-4k (``text`` field) and the training DocBins with spaCy's English tokenizer,
trains floret skipgram vectors on one thread, and writes a spaCy vectors pipeline with
``spacy init vectors --mode floret``. The hash table keeps the vectors small (bucket x dim floats)
and gives every unseen word a vector built from its character n-grams.

Usage: ``python vectors.py --out corpus/vectors [--bucket 40000 --dim 100 --epoch 5]``
Training-only requirement: ``pip install floret==0.10.5``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from pathlib import Path

import floret
import spacy
from spacy.tokens import DocBin

import convert


def write_text(out: Path, corpus: Path) -> int:
    nlp = spacy.blank("en")
    n_tokens = 0
    with out.open("w", encoding="utf-8") as fh:
        news = convert.shared_root() / "corpora" / "news-4k.jsonl.gz"
        with gzip.open(news, "rt", encoding="utf-8") as src:
            texts = (json.loads(line)["text"] for line in src)
            for doc in nlp.tokenizer.pipe(texts, batch_size=256):
                line = " ".join(t.text for t in doc if not t.is_space)
                n_tokens += line.count(" ") + 1
                fh.write(line + "\n")
        # Silver data is news-4k again; read only the annotated corpora's own texts. Sorted by
        # file name, not folder, so the text order (and so the vectors) stays that of 0.1.0.
        for path in sorted((corpus / "train").rglob("*.spacy"), key=lambda p: p.name):
            if path.name.startswith("silver"):
                continue
            for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
                line = " ".join(t.text for t in doc if not t.is_space)
                n_tokens += line.count(" ") + 1
                fh.write(line + "\n")
    return n_tokens


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("corpus/vectors"))
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--bucket", type=int, default=40000)
    parser.add_argument("--epoch", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    text_path = out / "text.txt"
    n_tokens = write_text(text_path, args.corpus)
    print(f"{text_path}: {n_tokens} tokens")
    model = floret.train_unsupervised(
        str(text_path),
        model="skipgram",
        mode="floret",
        hashCount=2,
        bucket=args.bucket,
        minn=4,
        maxn=5,
        dim=args.dim,
        epoch=args.epoch,
        minCount=args.min_count,
        neg=10,
        thread=1,
        verbose=1,
    )
    vec_path = out / "vectors.floret"
    model.save_floret_vectors(str(vec_path))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "init",
            "vectors",
            "en",
            str(vec_path),
            str(out / "nlp"),
            "--mode",
            "floret",
        ],
        check=True,
    )
    text_path.unlink()  # only the vectors are needed later
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
