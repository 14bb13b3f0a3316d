"""Run ``spacy train`` on one thread (the other core belongs to everyone else).

Usage: ``python train.py CONFIG OUTPUT_DIR [--section.key value ...]``
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from spacy.cli._util import parse_config_overrides  # noqa: E402
from spacy.cli.train import train  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    config, output, *rest = argv
    wall, cpu = time.time(), time.process_time()
    train(Path(config), Path(output), overrides=parse_config_overrides(rest))
    # package.py copies this into the meta, so the package says how long it took to train.
    timing = {
        "wall_minutes": round((time.time() - wall) / 60, 1),
        "cpu_minutes": round((time.process_time() - cpu) / 60, 1),
        "threads": 1,
    }
    (Path(output) / "train_time.json").write_text(json.dumps(timing) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
