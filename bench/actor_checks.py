"""Checks on the actors of many records, with no gold: junk actors and whole-person merges.

    .venv/bin/python bench/actor_checks.py RECORDS.jsonl [--show N]

RECORDS is the output of `readout extract` (e.g. on ../shared/corpora/news-4k.jsonl.gz).
Prints, over all records:
- actors named as page furniture or section headers: an actor whose name is one of the
  lexicon's ``page_furniture`` words, or a lone capitalised word that stands alone on its
  line as a heading ("Energy", "Healthcare") in the text, wherever it is mentioned;
- merged people: a person actor whose mentions hold two different first names before the
  same surname ("Melania Trump" and "Donald Trump" in one actor; spelling variants such as
  Qasem/Qassem, Hilary/Hillary do not count); and ("surnames") two different surnames after
  the same first name ("Michael Liebreich" and "Michael Greenstone");
- all-caps headline fragments as actors ("MINISTER BLAMES").
Each is counted in actors and in documents; ``--show`` lists examples.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from readout.lexicon import available, words  # noqa: E402

_NAME = re.compile(r"^([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][a-zA-Z'’-]+)$")


def furniture_words() -> frozenset[str]:
    return words("page_furniture") if "page_furniture" in available() else frozenset()


def is_heading(actor: dict[str, Any], text: str) -> bool:
    """A one-word name that stands only as section headers do: every mention alone on a
    line of its own or an item of a menu line ("Hotels / Retail / Aircraft"). A name that is
    also written in the story ("CNN" as a heading and in a sentence) is an actor."""
    name = actor["name"]
    if " " in name or not actor["mentions"]:
        return False
    for m in actor["mentions"]:
        line_start = text.rfind("\n", 0, m["start"]) + 1
        line_end = text.find("\n", m["end"])
        line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
        items = [item.strip() for item in line.split(" / ")]
        if line.rstrip(":") != m["text"] and not (len(items) >= 3 and m["text"] in items):
            return False
    return True


def first_names(actor: dict[str, Any]) -> dict[str, set[str]]:
    """Surname -> the first names the actor's mentions put before it (titles, ranks and
    country words are not first names)."""
    not_names = frozenset().union(
        *(words(n) for n in ("titles", "honorifics", "ranks", "title_qualifiers", "portfolios")),
        words("country_words"),
    )
    out: dict[str, set[str]] = {}
    for m in actor["mentions"]:
        found = _NAME.match(m["text"].strip())
        if found and found.group(1).lower() not in not_names:
            out.setdefault(found.group(2), set()).add(found.group(1))
    return out


def _distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def different_people(names: set[str]) -> bool:
    """Two first names no spelling variant explains (Qasem/Qassem, Hilary/Hillary
    are one person each; Melania/Donald are two people)."""
    names_l = sorted(n.lower() for n in names)
    return any(
        _distance(a, b) > 2 and not (a.startswith(b[:3]) or b.startswith(a[:3]))
        for i, a in enumerate(names_l)
        for b in names_l[i + 1 :]
    )


_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna)$")


def surnames_of(actor: dict[str, Any]) -> dict[str, set[str]]:
    """First name -> the surnames the actor's full-name mentions put after it (a Russian
    patronymic, "Vladimir Vladimirovich", is the same man's name and does not count)."""
    out: dict[str, set[str]] = {}
    for surname, givens in first_names(actor).items():
        if _PATRONYMIC.search(surname):
            continue
        for given in givens:
            out.setdefault(given, set()).add(surname)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args(argv)

    furniture = furniture_words()
    found: dict[str, list[str]] = {
        "furniture": [],
        "heading": [],
        "merged": [],
        "surnames": [],
        "all caps": [],
    }
    docs: dict[str, set[str]] = {k: set() for k in found}
    n_docs = n_actors = 0
    with args.records.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if "document" not in record:
                continue
            n_docs += 1
            text = record["document"]["text"]
            doc_id = record["document"]["id"]
            for actor in record["actors"]:
                n_actors += 1
                name = actor["name"]
                kinds = []
                if name.lower() in furniture:
                    kinds.append("furniture")
                if actor["type"] in ("person", "organization") and is_heading(actor, text):
                    kinds.append("heading")
                if actor["type"] == "person":
                    merged = {s: f for s, f in first_names(actor).items() if different_people(f)}
                    if merged:
                        kinds.append("merged")
                        name = f"{name} {merged}"
                    two = {g: s for g, s in surnames_of(actor).items() if different_people(s)}
                    if two:
                        kinds.append("surnames")
                        name = f"{name} {two}"
                if len(name) > 3 and name.isupper() and " " in name:
                    kinds.append("all caps")
                for kind in kinds:
                    found[kind].append(f"{doc_id}: {name} ({actor['type']})")
                    docs[kind].add(doc_id)
    print(f"{n_docs} records, {n_actors} actors")
    print(f"{'check':<12}{'actors':>8}{'documents':>11}")
    for kind, items in found.items():
        print(f"{kind:<12}{len(items):>8}{len(docs[kind]):>11}")
    for kind, items in found.items():
        common = Counter(i.split(": ", 1)[1] for i in items).most_common(args.show)
        if common:
            print(f"\n{kind}, most common:", ", ".join(f"{n} x{c}" for n, c in common))
    return 0


if __name__ == "__main__":
    sys.exit(main())
