"""Score readout against its own hand-annotated news dev set (bench/data/news-dev).

    .venv/bin/python bench/audit.py [--split dev|test|all] [--records FILE] [--show N]

Runs readout on the annotated articles of ../shared/corpora/news-4k.jsonl.gz (READOUT_SHARED
overrides) — or reads records from ``--records`` — and prints, per split, statement precision
and recall (strict and lenient), actor precision, link accuracy and coverage, and time value
accuracy, as defined in bench/data/news-dev/GUIDELINE.md. ``--show`` prints that many wrong
and missed statements and wrong actors, for error analysis (on dev only: the test split is
held out).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("READOUT_SHARED", ROOT.parent / "shared"))
DATA = ROOT / "bench" / "data" / "news-dev"

Range = tuple[int, int]


def _range(span: dict[str, Any] | None) -> Range | None:
    return None if span is None else (span["start"], span["end"])


def _overlap(a: Range | None, b: Range | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _jaccard(a: Range, b: Range) -> float:
    inter = _overlap(a, b)
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter else 0.0


# --- inputs ------------------------------------------------------------------------------------


def load_gold(split: str) -> dict[str, dict[str, Any]]:
    articles = json.loads((DATA / "articles.json").read_text(encoding="utf-8"))
    gold = {}
    for article in articles:
        path = DATA / "gold" / f"{article['id']}.json"
        if path.is_file() and split in ("all", article["split"]):
            gold[article["id"]] = json.loads(path.read_text(encoding="utf-8")) | {
                "split": article["split"]
            }
    return gold


def run_readout(ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    from readout.runner import ExtractOptions, extract

    wanted = set(ids)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        with gzip.open(SHARED / "corpora" / "news-4k.jsonl.gz", "rt", encoding="utf-8") as fh:
            src.write_text("".join(line for line in fh if json.loads(line)["id"] in wanted))
        out = Path(tmp) / "records.jsonl"
        with out.open("w", encoding="utf-8") as handle:
            extract([str(src)], handle, Path(tmp) / "errors.jsonl", ExtractOptions())
        return read_records(out)


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    records = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if "document" in record:
                records[record["document"]["id"]] = record
    return records


# --- matching --------------------------------------------------------------------------------


def actor_map(gold: dict[str, Any], record: dict[str, Any]) -> dict[str, list[str]]:
    """Readout actor id -> the gold actor refs its mentions overlap, best match first.

    A gold actor one of whose mentions the actor's mentions match (Jaccard >= 0.8) beats one
    they only overlap, so "Russia" on a gold "Russia" outweighs five "Russian" inside gold
    "the Russian government"; then more overlap wins, then the gold actor of the same type.
    """
    out: dict[str, list[str]] = {}
    for actor in record["actors"]:
        votes: dict[str, float] = {}
        exact: dict[str, int] = {}
        for m in actor["mentions"]:
            mine = _range(m)
            assert mine is not None
            for g in gold["actors"]:
                best = max(
                    (_jaccard(mine, _range(gm) or (0, 0)) for gm in g["mentions"]), default=0
                )
                if best:
                    votes[g["ref"]] = votes.get(g["ref"], 0.0) + best
                    exact[g["ref"]] = exact.get(g["ref"], 0) + (best >= 0.8)
        types = {g["ref"]: g["type"] for g in gold["actors"]}
        out[actor["id"]] = sorted(
            votes, key=lambda r: (-exact[r], -round(votes[r], 6), types[r] != actor["type"])
        )
    return out


def _names(actor: dict[str, Any], gold_actor: dict[str, Any]) -> bool:
    """Whether one of the actor's mentions is (Jaccard >= 0.8) one of the gold actor's."""
    return any(
        _jaccard((m["start"], m["end"]), (gm["start"], gm["end"])) >= 0.8
        for m in actor["mentions"]
        for gm in gold_actor["mentions"]
    )


def _speaker_right(
    gs: dict[str, Any], rs: dict[str, Any], amap: dict[str, list[str]], lenient: bool = False
) -> bool:
    """Strict: readout's speaker is gold's actor (through the actors' mentions); lenient
    also accepts a speaker mention that overlaps gold's (GUIDELINE.md, "What bench/audit.py
    scores")."""
    mention_ok = _overlap(_range(gs.get("speaker_mention")), _range(rs.get("speaker_mention")))
    if gs.get("speaker") is None:
        return bool(mention_ok) or rs.get("speaker") is None
    mapped = amap.get(rs.get("speaker") or "", [])
    return (bool(mapped) and mapped[0] == gs["speaker"]) or (lenient and bool(mention_ok))


def _cue_right(gs: dict[str, Any], rs: dict[str, Any]) -> bool:
    if gs.get("cue") is None:
        return True  # a cue-less quotation run: any cue readout names is its introduction
    return _overlap(_range(gs["cue"]), _range(rs.get("cue"))) > 0


def match_statements(
    gold: list[dict[str, Any]], found: list[dict[str, Any]]
) -> list[tuple[int, int, float]]:
    """One-to-one (gold index, readout index, content Jaccard), best pairs first."""
    pairs = sorted(
        (
            (_jaccard(_range(g["content"]), _range(r["content"])), gi, ri)  # type: ignore[arg-type]
            for gi, g in enumerate(gold)
            for ri, r in enumerate(found)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_r: set[int] = set()
    out = []
    for j, gi, ri in pairs:
        if j < 0.5:
            break
        if gi not in used_g and ri not in used_r:
            used_g.add(gi)
            used_r.add(ri)
            out.append((gi, ri, j))
    return out


# --- scoring ---------------------------------------------------------------------------------


@dataclass
class Tally:
    counts: dict[str, int] = field(default_factory=dict)
    wrong: list[str] = field(default_factory=list)

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def ratio(self, num: str, den: str) -> float:
        return self.counts.get(num, 0) / self.counts[den] if self.counts.get(den) else 0.0


def score_statements(gold: dict[str, Any], record: dict[str, Any], t: Tally) -> None:
    amap = actor_map(gold, record)
    gs_all = gold["statements"]
    # readout's reports of thought or of other acts ("X believes", "X decided to") are not
    # statements of speech; gold has only those (transcript turns included: GUIDELINE.md)
    found = [s for s in record["statements"] if s.get("act", "speech") == "speech"]
    pairs = match_statements(gs_all, found)
    by_r = {ri: (gi, j) for gi, ri, j in pairs}
    asserted = [i for i, g in enumerate(gs_all) if g.get("status", "asserted") == "asserted"]
    t.add("gold", len(asserted))
    strict_gold: set[int] = set()
    lenient_gold: set[int] = set()
    for ri, rs in enumerate(found):
        status = rs.get("status", "asserted")
        if status != "asserted" and ri not in by_r:
            continue  # readout does not report it as said, and gold has no such report
        t.add("found")
        if ri in by_r:
            gi, j = by_r[ri]
            gs = gs_all[gi]
            if gs.get("status", "asserted") != status:
                t.wrong.append(
                    f"{gold['id']} status {status} (gold {gs.get('status', 'asserted')}): "
                    f"{rs['content']['text'][:90]}"
                )
                continue
            if status != "asserted":  # rightly marked as not said: right, not a recall item
                t.add("strict")
                t.add("lenient")
                continue
            speaker = _speaker_right(gs, rs, amap)
            if speaker and j >= 0.8 and _cue_right(gs, rs):
                t.add("strict")
                strict_gold.add(gi)
            if _speaker_right(gs, rs, amap, lenient=True):
                t.add("lenient")
                lenient_gold.add(gi)
            else:
                t.wrong.append(
                    f"{gold['id']} speaker {rs.get('speaker_mention')} for gold "
                    f"{gs.get('speaker_mention')}: {rs['content']['text'][:70]}"
                )
            continue
        # no one-to-one partner: lenient still accepts an overlapping gold statement
        near = [g for g in gs_all if _overlap(_range(g["content"]), _range(rs["content"]))]
        if status == "asserted" and any(
            g.get("status", "asserted") == "asserted" and _speaker_right(g, rs, amap, lenient=True)
            for g in near
        ):
            t.add("lenient")
        else:
            t.wrong.append(
                f"{gold['id']} no such statement: {rs['cue'] and rs['cue']['text']} | "
                f"{rs['content']['text'][:90]}"
            )
    t.add("strict_recalled", len(strict_gold & set(asserted)))
    t.add("lenient_recalled", len(lenient_gold & set(asserted)))
    matched_gold = {gi for gi, _ri, _j in pairs}
    for gi in asserted:
        if gi not in matched_gold:
            g = gs_all[gi]
            t.wrong.append(
                f"{gold['id']} missed: {g.get('cue') and g['cue']['text']} | "
                f"{g['content']['text'][:90]}"
            )


def score_actors(gold: dict[str, Any], record: dict[str, Any], t: Tally) -> None:
    amap = actor_map(gold, record)
    by_ref = {g["ref"]: g for g in gold["actors"]}
    linked_gold: set[str] = set()
    for actor in record["actors"]:
        t.add("actors")
        refs = amap[actor["id"]]
        persons = [r for r in refs if by_ref[r]["type"] == "person" and _names(actor, by_ref[r])]
        if not refs:
            t.wrong.append(f"{gold['id']} junk actor: {actor['name']} ({actor['type']})")
        elif by_ref[refs[0]]["type"] != actor["type"]:
            t.wrong.append(
                f"{gold['id']} wrong type: {actor['name']} {actor['type']} "
                f"(gold {by_ref[refs[0]]['type']})"
            )
        elif len(persons) > 1:
            t.wrong.append(f"{gold['id']} merged: {actor['name']} = {persons}")
        else:
            t.add("actors_right")
        if actor["type"] == "person":
            t.add("persons")
            if actor.get("kb"):
                t.add("persons_linked")
        if actor.get("kb") and refs and by_ref[refs[0]].get("kb"):
            t.add("links")
            if actor["kb"] == by_ref[refs[0]]["kb"]:
                t.add("links_right")
                linked_gold.add(refs[0])
            else:
                t.wrong.append(
                    f"{gold['id']} wrong link: {actor['name']} {actor['kb']} "
                    f"(gold {by_ref[refs[0]]['kb']})"
                )
    gold_persons = [g for g in gold["actors"] if g["type"] == "person" and g.get("kb")]
    t.add("gold_persons_kb", len(gold_persons))
    t.add("gold_persons_linked", sum(g["ref"] in linked_gold for g in gold_persons))


def score_times(gold: dict[str, Any], record: dict[str, Any], t: Tally) -> None:
    if not record["document"].get("published"):
        # the annotators inferred an undated article's date from its content; readout cannot
        # know it, so its relative times are not scored
        t.add("undated_articles")
        return
    for time in record["times"]:
        hits = [g for g in gold["times"] if _overlap(_range(g["span"]), _range(time["span"]))]
        if not hits:
            continue
        t.add("times")
        if any(g["value"] == time["value"] for g in hits):
            t.add("times_right")
        else:
            t.wrong.append(
                f"{gold['id']} time {time['span']['text']!r}: {time['value']} "
                f"(gold {hits[0]['value']})"
            )


def report(
    name: str, golds: list[dict[str, Any]], records: dict[str, dict[str, Any]], show: int
) -> None:
    st, ac, ti = Tally(), Tally(), Tally()
    for gold in golds:
        record = records.get(gold["id"])
        if record is None:
            print(f"  {gold['id']}: no record")
            continue
        score_statements(gold, record, st)
        score_actors(gold, record, ac)
        score_times(gold, record, ti)
    print(
        f"\n{name}: {len(golds)} articles, {st.counts.get('gold', 0)} gold statements, "
        f"{sum(len(g['actors']) for g in golds)} gold actors, "
        f"{sum(len(g['times']) for g in golds)} gold times"
    )
    rows = [
        ("statements strict P", st.ratio("strict", "found"), ">= 0.70"),
        ("statements strict R", st.ratio("strict_recalled", "gold"), ""),
        ("statements lenient P", st.ratio("lenient", "found"), ">= 0.90"),
        ("statements lenient R", st.ratio("lenient_recalled", "gold"), ">= 0.80"),
        ("actor precision", ac.ratio("actors_right", "actors"), ">= 0.90"),
        ("link accuracy", ac.ratio("links_right", "links"), ">= 0.95"),
        ("person actors linked", ac.ratio("persons_linked", "persons"), ">= 0.60"),
        ("gold persons linked right", ac.ratio("gold_persons_linked", "gold_persons_kb"), ""),
        ("time value accuracy", ti.ratio("times_right", "times"), ">= 0.92"),
    ]
    if ti.counts.get("undated_articles"):
        rows.append(("  (undated articles left out)", ti.counts["undated_articles"], ""))
    print(f"  {'measure':<28}{'value':>7}  target")
    for label, value, target in rows:
        print(
            f"  {label:<28}{value:>7.3f}  {target}"
            if isinstance(value, float)
            else f"  {label:<28}{value:>7}"
        )
    if show and name != "test":
        for tally in (st, ac, ti):
            for line in tally.wrong[:show]:
                print("   -", line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="all", choices=["dev", "test", "all"])
    parser.add_argument("--records", type=Path, default=None)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args(argv)

    gold = load_gold(args.split)
    if not gold:
        print("no gold files for that split yet", file=sys.stderr)
        return 1
    records = read_records(args.records) if args.records else run_readout(gold)
    for split in ("dev", "test"):
        golds = [g for g in gold.values() if g["split"] == split]
        if golds:
            report(split, golds, records, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
