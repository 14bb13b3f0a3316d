"""Diff two runs of `readout extract`: which documents' records changed, and how.

    .venv/bin/python bench/diff_records.py BEFORE.jsonl AFTER.jsonl [--show N] [--ignore KEY ...]

Records are matched by ``document.id``. The ``producer`` stamp (readout version, pipeline,
knowledge base) and the input file's path are ignored by default, since they say who made a
record and from where, not what it holds.
Prints a table of changed documents per record section and the first few differences, so
that a refactoring can show it changed nothing, and a fix can show what it changed.
Exit status 0 when nothing differs, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SECTIONS = ("document", "actors", "times", "statements", "events", "claims")


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                records[record["document"]["id"]] = record
    return records


def _items(section: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(section, list):
        for item in section:
            key = item.get("id") if isinstance(item, dict) else None
            yield str(key or json.dumps(item, sort_keys=True)), item
    elif isinstance(section, dict):
        yield from ((str(k), v) for k, v in section.items())
    else:
        yield "", section


def section_diff(before: Any, after: Any) -> list[str]:
    """Human-readable lines for what differs between two values of one section."""
    if before == after:
        return []
    old, new = dict(_items(before)), dict(_items(after))
    lines = []
    for key in sorted(old.keys() | new.keys()):
        if old.get(key) != new.get(key):
            lines.append(f"  {key or '-'}: {_short(old.get(key))} -> {_short(new.get(key))}")
    return lines


def _short(value: Any, limit: int = 240) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True) if value is not None else "-"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=5, help="differences to print per section")
    parser.add_argument("--ignore", nargs="*", default=["producer"], help="top-level keys")
    args = parser.parse_args(argv)

    before, after = read_records(args.before), read_records(args.after)
    only_before = sorted(before.keys() - after.keys())
    only_after = sorted(after.keys() - before.keys())
    changed: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    for doc_id in sorted(before.keys() & after.keys()):
        old, new = before[doc_id], after[doc_id]
        for record in (old, new):
            for key in args.ignore:
                record.pop(key, None)
            # where the input file lay is not what was extracted from it
            record["document"].get("meta", {}).get("input", {}).pop("path", None)
        if old == new:
            continue
        for section in sorted(old.keys() | new.keys(), key=_section_order):
            lines = section_diff(old.get(section), new.get(section))
            if not lines:
                continue
            changed[section] += 1
            if shown[section] < args.show:
                shown[section] += 1
                print(f"[{section}] {doc_id}", *lines[:6], sep="\n")
    common = len(before.keys() & after.keys())
    print(f"\n{'section':<12} {'changed docs':>12}")
    for section in sorted(changed, key=_section_order):
        print(f"{section:<12} {changed[section]:>12}")
    print(
        f"documents: {common} in both, {len(only_before)} only before, "
        f"{len(only_after)} only after; {sum(changed.values())} section changes"
    )
    return 0 if not changed and not only_before and not only_after else 1


def _section_order(name: str) -> int:
    return SECTIONS.index(name) if name in SECTIONS else len(SECTIONS)


if __name__ == "__main__":
    sys.exit(main())
