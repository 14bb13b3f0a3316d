"""Join the parse pipeline and the NER pipeline into one pipeline.

The NER is trained apart from the tagger and parser, with a token-to-vector layer of its own:
sharing one layer made the NER peak early and then lose to the parser, and picking one
checkpoint for both cost several NER points. Here the NER's listener is replaced by a copy of
its own tok2vec, so the NER component carries its layer with it, and it is added after the
parser.

Usage: ``python assemble.py PARSE_MODEL NER_MODEL OUTPUT_DIR``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy
from spacy.symbols import ORTH

PIPE_BATCH_SIZE = 16
# Abbreviations news writes before names that spaCy's English rules split ("Lt", "."), which
# also ends the sentence there. Ambiguous ones ("No.", "Sec.") are left out on purpose.
NEWS_ABBREVIATIONS = (
    "Lt.",
    "Col.",
    "Sgt.",
    "Capt.",
    "Cmdr.",
    "Cpl.",
    "Pvt.",
    "Brig.",
    "Pres.",
    "Atty.",
    "Supt.",
    "Insp.",
    "Amb.",
    "Dept.",
    "Hon.",
    "Sr.",
    "Msgr.",
    "Ave.",
    "Blvd.",
    "Rd.",
    "Vt.",
    "W.Va.",
    "Wyo.",
    "Tex.",
)


def assemble(parse_model: Path, ner_model: Path, output: Path) -> None:
    nlp = spacy.load(parse_model)
    ner_nlp = spacy.load(ner_model)
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner_nlp, last=True)
    # nlp.pipe's default batch: 16 news articles keep the CNN's arrays in cache; 64 or more ran
    # about a quarter slower on one core.
    nlp.batch_size = PIPE_BATCH_SIZE
    for abbreviation in NEWS_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.config["nlp"]["batch_size"] = PIPE_BATCH_SIZE
    # Sourcing keeps the NER's training config block; the vectors are the same file in both.
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    timings = {}
    for name, model in (("parse", parse_model), ("ner", ner_model)):
        timing = model.parent / "train_time.json"
        if timing.exists():
            timings[name] = json.loads(timing.read_text(encoding="utf-8"))
    if timings:
        total = {
            "wall_minutes": round(sum(t["wall_minutes"] for t in timings.values()), 1),
            "cpu_minutes": round(sum(t["cpu_minutes"] for t in timings.values()), 1),
            "threads": 1,
            "parts": timings,
        }
        (output.parent / "train_time.json").write_text(json.dumps(total) + "\n", "utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    assemble(Path(argv[0]), Path(argv[1]), Path(argv[2]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
