"""Pretrain the token-to-vector layer on unlabelled news (``spacy pretrain``, one thread).

Writes news-4k paragraphs (those of 5 words or more) to ``corpus/pretrain.jsonl``, runs the
character objective of ``configs/pretrain.cfg`` for ``--epochs`` passes and copies the last
epoch's weights to ``OUTPUT_DIR/tok2vec.bin``, which both training configs load through
``paths.init_tok2vec``. The tok2vec block of pretrain.cfg must stay identical to those of
parse.cfg and ner.cfg, or the weights will not load.

Usage: ``python pretrain.py configs/pretrain.cfg runs/pretrain [--epochs 1]``
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

from spacy.training.pretrain import pretrain  # noqa: E402
from spacy.util import load_config  # noqa: E402

import convert  # noqa: E402


def write_paragraphs(out: Path) -> int:
    n_words = 0
    news = convert.shared_root() / "corpora" / "news-4k.jsonl.gz"
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(news, "rt", encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        for line in fh:
            for para in (json.loads(line).get("text") or "").split("\n"):
                para = para.strip()
                if len(para.split()) >= 5:
                    dst.write(json.dumps({"text": para}) + "\n")
                    n_words += len(para.split())
    return n_words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--epochs", type=int, default=1)
    args = parser.parse_args(argv)
    overrides = {"pretraining.max_epochs": args.epochs}
    config = load_config(args.config, overrides=overrides, interpolate=False).interpolate()
    raw_text = Path(config["paths"]["raw_text"])
    print(f"{raw_text}: {write_paragraphs(raw_text)} words")
    args.output.mkdir(parents=True, exist_ok=True)
    pretrain(config, args.output, silent=False)
    shutil.copyfile(args.output / f"model{args.epochs - 1}.bin", args.output / "tok2vec.bin")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
