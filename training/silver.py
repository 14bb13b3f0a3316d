"""Weak NER labels on unlabelled news from readout's knowledge base (silver training data).

The open NER corpora are small and mostly not news, so the NER has seen few of the names
readout meets most: heads of state, ministers, countries, capitals, international bodies.
Here every knowledge-base name found in a news paragraph becomes an entity (person -> PER,
country and capital -> LOC, organisation -> ORG), and a person's surname is an entity too
once the article has used the full name. Everything else is *unknown*, not "outside": a
capitalised word the gazetteer does not know may be a name of any type, so it is left
missing and the model is neither rewarded nor punished there. Only lower-case words (not
name-internal "of", "de" ...) and clause punctuation are marked outside.

A match is dropped when a capitalised word that is not a title touches it ("[European Union]
Court of Justice"): then it is probably part of a longer name.

Usage: ``python silver.py --kb KB_SQLITE --out corpus/train/ner/silver-news.spacy
[--skip 500] [--max-tokens 150000]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

import convert

KB_TYPES = {"person": "PER", "country": "LOC", "place": "LOC", "organization": "ORG"}
OUTSIDE_PUNCT = {",", ";", ":", "(", ")", '"', "“", "”", "?", "!"}


def load_names(kb_path: Path) -> dict[str, tuple[str, str]]:
    """Alias text -> (label, entity id), for aliases that name one thing unambiguously."""
    con = sqlite3.connect(f"file:{kb_path}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT a.text, a.kind, e.type, e.id FROM alias a JOIN entity e ON a.id = e.id "
        "WHERE a.kind IN ('name', 'alt', 'abbr', 'capital')"
    ).fetchall()
    con.close()
    seen: dict[str, set[str]] = {}
    names: dict[str, tuple[str, str]] = {}
    for text, kind, etype, ent_id in rows:
        label = KB_TYPES.get(etype)
        if label is None or not text or not text[:1].isupper():
            continue
        if label == "PER" and len(text.split()) < 2:
            continue  # a lone given name or surname is too ambiguous without context
        if kind == "alt" and len(text) <= 3:
            continue  # country codes ("AW", "IN") read as words far more often than names
        seen.setdefault(text, set()).add(label)
        names[text] = (label, ent_id)
    return {t: v for t, v in names.items() if len(seen[t]) == 1}


def paragraphs(path: Path, skip: int) -> Iterator[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < skip:
                continue
            text = json.loads(line).get("text") or ""
            paras = [p.strip() for p in text.split("\n") if len(p.split()) >= 6]
            if paras:
                yield paras


def touches_capitalised(doc: Doc, span: Span) -> bool:
    for i in (span.start - 1, span.end):
        if 0 <= i < len(doc):
            word = doc[i].text
            if word.istitle() and word.isalpha() and word not in convert.TITLES:
                if i == span.start - 1 and word in convert.LEADING_DETS:
                    continue
                return True
    return False


def label_article(
    nlp: spacy.language.Language,
    matcher: PhraseMatcher,
    names: dict[str, tuple[str, str]],
    surnames: dict[str, str],
    paras: list[str],
) -> list[Doc]:
    docs = []
    known_surnames: set[str] = set()
    for doc in nlp.tokenizer.pipe(paras):
        spans = []
        for _, start, end in matcher(doc):
            span = doc[start:end]
            label, ent_id = names[span.text]
            if touches_capitalised(doc, span):
                continue
            spans.append(Span(doc, start, end, label=label))
            if label == "PER" and ent_id in surnames:
                known_surnames.add(surnames[ent_id])
        taken = {i for s in spans for i in range(s.start, s.end)}
        for tok in doc:
            if tok.text in known_surnames and tok.i not in taken:
                span = doc[tok.i : tok.i + 1]
                if not touches_capitalised(doc, span):
                    spans.append(Span(doc, tok.i, tok.i + 1, label="PER"))
        spans = filter_spans(spans)
        if not spans:
            continue
        taken = {i for s in spans for i in range(s.start, s.end)}
        outside = [
            i
            for i, tok in enumerate(doc)
            if i not in taken
            and (
                (tok.text[:1].islower() and tok.text not in convert.NAME_FUNCTION_WORDS)
                or tok.text in OUTSIDE_PUNCT
            )
        ]
        missing = [doc[i : i + 1] for i in range(len(doc)) if i not in taken and i not in outside]
        doc.set_ents(spans, missing=missing, default="outside")
        docs.append(doc)
    return docs


def build(kb_path: Path, news: Path, skip: int, max_tokens: int) -> list[Doc]:
    nlp = spacy.blank("en")
    names = load_names(kb_path)
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    matcher.add("NAME", list(nlp.tokenizer.pipe(sorted(names))))
    con = sqlite3.connect(f"file:{kb_path}?mode=ro", uri=True)
    surnames = {
        ent_id: text
        for ent_id, text in con.execute("SELECT id, text FROM alias WHERE kind = 'surname'")
        if text[:1].isupper() and " " not in text and len(text) > 2
    }
    con.close()
    docs: list[Doc] = []
    n_tokens = 0
    for paras in paragraphs(news, skip):
        for doc in label_article(nlp, matcher, names, surnames, paras):
            docs.append(doc)
            n_tokens += len(doc)
        if n_tokens >= max_tokens:
            break
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kb", type=Path, required=True, help="readout's kb.sqlite")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--skip", type=int, default=500, help="articles kept for the speed test")
    parser.add_argument("--max-tokens", type=int, default=150_000)
    args = parser.parse_args(argv)
    news = convert.shared_root() / "corpora" / "news-4k.jsonl.gz"
    if not args.kb.exists():
        print(f"no knowledge base at {args.kb}: run `readout kb build` first", file=sys.stderr)
        return 1
    docs = build(args.kb, news, args.skip, args.max_tokens)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    db = DocBin(store_user_data=False)
    for doc in docs:
        db.add(doc)
    db.to_disk(args.out)
    n_ents = sum(len(d.ents) for d in docs)
    n_tokens = sum(len(d) for d in docs)
    print(f"{args.out}: {len(docs)} paragraphs, {n_tokens} tokens, {n_ents} silver entities")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
