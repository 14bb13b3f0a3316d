"""Derive readout's event-verb tables from PETRARCH2's CAMEO verb-pattern dictionary.

usage: python training/events_lexicon.py [--shared ../shared]

Reads ``data/events/CAMEO.2.0.txt`` (MIT, Open Event Data Alliance) and writes two tables
beside the events stage (``src/readout/extract/events/data/``):

- ``cameo_verbs.tsv``: verb (lower case, a phrasal verb with a space), its CAMEO code
  (the code of its verb block when the verb line gives none), its block, and whether the
  code is the verb's own ("own": given on its line, or the verb names the block) or only
  its block's ("block"). Verbs whose block
  has no code ("[---]": "ask", "arrange") keep "---": only their patterns code an event.
- ``cameo_patterns.tsv``: block, side ("object" for words after the verb, "subject" for
  words before it), the pattern's words (a ``|`` between the spellings of one slot, from a
  synonym set), its CAMEO code, the verb of the block it was written for (from the
  dictionary's comment; empty when none is given).

The derived tables ship with readout under the dictionary's MIT licence (NOTICE). Run it
again when the dictionary changes; the tables are checked in so that readout needs no
../shared at run time.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "readout" / "extract" / "events" / "data"
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([^\]]*)\]")
# pattern markers with no word in them: source/target slots, the verb, punctuation
_MARKERS = set("*^$+%()")


def _word(raw: str) -> str:
    """A dictionary word as text: ``GET_TOGETHER`` -> "get together", ``KRONE_`` -> "krone"."""
    return raw.strip("+").rstrip("_").replace("_", " ").lower()


def _code(field: str) -> str | None:
    """The first code of ``042:043`` (the source's); the second when the first is empty."""
    parts = [p.strip() for p in field.split(":")]
    for p in parts:
        if p and p != "---":
            return p
    return "---" if "---" in parts else None


def read_synonyms(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            name = text.rstrip("_")
            sets[name] = []
        elif text.startswith("+") and name:
            sets[name].append(_word(text))
        elif not text:
            name = None
    return sets


def _slot(raw: str, sets: dict[str, list[str]]) -> str | None:
    raw = raw.strip("{}()")
    if not raw or raw in _MARKERS or not re.search(r"[A-Z]", raw):
        return None
    if raw.startswith("&"):
        members = sets.get(raw.rstrip("_"), [])
        return "|".join(members) if members else None
    return _word(raw)


def read_patterns(lines: list[str], sets: dict[str, list[str]]):
    verbs: dict[str, tuple[str, str, str]] = {}
    patterns: list[tuple[str, str, str, str, str]] = []
    block, block_code = "", "---"
    for line in lines:
        text, _hash, note = line.partition("#")
        text = text.rstrip()
        m = _BLOCK.match(text)
        if m:
            block, block_code = m.group(1).lower(), _code(m.group(2)) or "---"
            continue
        if not text.strip():
            continue
        if text.startswith("-"):
            code_m = _CODE.search(text)
            code = _code(code_m.group(1)) if code_m else None
            if not code or code == "---" or "*" not in text:
                continue
            body = text[1 : code_m.start()] if code_m else text[1:]
            before, _star, after = body.partition("*")
            # the comment names the verb of the block the pattern was written for
            owner = note.split()[0].lower() if note.split() else ""
            owner = owner if owner.isalpha() else ""
            for side, part in (("subject", before), ("object", after)):
                slots = [s for s in (_slot(w, sets) for w in part.split()) if s]
                if slots:
                    patterns.append((block, side, " ".join(slots), code, owner))
            continue
        head = text.split("{", 1)[0].split("[", 1)[0].strip()
        if not head or " " in head.strip("+"):
            continue
        verb = _word(head)
        code_m = _CODE.search(text)
        own = _code(code_m.group(1)) if code_m else None
        # a verb's own code, or its block's when it has none ("inherited": a weaker coding,
        # since the blocks are WordNet synonym sets that gather loose synonyms)
        verbs.setdefault(
            verb, (own or block_code, block, "own" if own or verb == block else "block")
        )
    return verbs, patterns


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = ap.parse_args()
    lines = (args.shared / "data/events/CAMEO.2.0.txt").read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    end = next((i for i, line in enumerate(lines) if "TRANSFORMATIONS" in line), len(lines))
    sets = read_synonyms(lines[:start])
    verbs, patterns = read_patterns(lines[start:end], sets)
    OUT.mkdir(parents=True, exist_ok=True)
    head = "# derived by training/events_lexicon.py from PETRARCH2 CAMEO.2.0.txt (MIT, OEDA)\n"
    with open(OUT / "cameo_verbs.tsv", "w", encoding="utf-8") as f:
        f.write(head)
        for verb, (code, block, origin) in sorted(verbs.items()):
            f.write(f"{verb}\t{code}\t{block}\t{origin}\n")
    with open(OUT / "cameo_patterns.tsv", "w", encoding="utf-8") as f:
        f.write(head)
        for row in sorted(set(patterns)):
            f.write("\t".join(row) + "\n")
    print(f"{len(verbs)} verbs, {len(set(patterns))} patterns -> {OUT}")


if __name__ == "__main__":
    main()
