"""Convert readout's training sources into spaCy DocBin files.

Reads /work/shared/data/training (default ``../shared`` relative to the project root,
env ``READOUT_SHARED`` overrides) and writes ``training/corpus/{train,dev,test}/*.spacy``.
Nothing is copied into the repository; the corpus folder is git-ignored.

Usage: ``python training/convert.py [--out training/corpus] [--sents-per-doc 10]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NER_LABELS = ("PER", "ORG", "LOC")
# Leading determiners are outside UNER spans ("the [United States]"), so strip them elsewhere too.
LEADING_DETS = {"the", "The", "THE", "a", "A", "an", "An"}
# Lower-case words allowed inside a name ("Bank of England", "Ministry for the Interior").
NAME_FUNCTION_WORDS = {
    "of",
    "the",
    "and",
    "for",
    "de",
    "del",
    "da",
    "di",
    "du",
    "la",
    "le",
    "van",
    "von",
    "bin",
    "al",
    "el",
    "on",
    "in",
    "&",
    "-",
    "'s",
    "’s",
    ".",
    ",",
}
# re3d "Person" spans often start with a title; UNER keeps titles outside PER spans.
TITLES = {
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Foreign",
    "Defence",
    "Defense",
    "Secretary",
    "General",
    "Gen.",
    "Lt.",
    "Col.",
    "Maj.",
    "Adm.",
    "Sgt.",
    "Capt.",
    "Dr",
    "Dr.",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "HE",
    "H.E.",
    "Deputy",
    "Ambassador",
    "Senator",
    "Sen.",
    "Rep.",
    "King",
    "Queen",
    "Prince",
    "Sheikh",
    "Shaikh",
    "Chancellor",
    "Governor",
    "Commander",
    "Chief",
    "Special",
    "Envoy",
    "State",
    "Assistant",
    "Under",
    "Lord",
    "Lady",
    "Sir",
    "Rt",
    "Hon",
    "Honourable",
    "Baroness",
    "Pope",
    "Emperor",
    "Empress",
    "Saint",
    "St.",
    "Reverend",
    "Rev.",
    "Miss",
    "Madam",
    "Madame",
    "Professor",
    "Prof.",
    "Archbishop",
    "Bishop",
    "Cardinal",
    "Judge",
    "Justice",
    "Mayor",
    "Major",
    "Colonel",
    "Lieutenant",
    "Captain",
    "Sergeant",
    "Admiral",
    "Congressman",
    "Congresswoman",
    "Gov.",
    "Fellow",
    "Mx.",
    "U.S.",
    "US",
}
# Possessive endings and punctuation are outside UNER spans ("[Argentina] 's").
TRAILING_DROP = {"'s", "’s", "'", "’", ",", ".", ":", ";", ")", '"', "”"}
NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


def shared_root() -> Path:
    env = os.environ.get("READOUT_SHARED")
    return Path(env) if env else PROJECT_ROOT.parent / "shared"


def data_dir() -> Path:
    return shared_root() / "data" / "training"


def open_text(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        yield from fh


# --------------------------------------------------------------------------- CoNLL-U


@dataclass
class Sentence:
    sent_id: str
    text: str
    newdoc: bool
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # 0-based within sentence
    deps: list[str] = field(default_factory=list)
    misc: list[str] = field(default_factory=list)
    # Entities as (start, end, label) token offsets; None means "NER not annotated".
    ents: list[tuple[int, int, str]] | None = None


def read_conllu(path: Path) -> Iterator[Sentence]:
    sent: Sentence | None = None
    newdoc = False
    sent_id = ""
    text = ""
    for raw in open_text(path):
        line = raw.rstrip("\n")
        if not line:
            if sent is not None and sent.words:
                yield sent
            sent = None
            newdoc = False
            sent_id = text = ""
            continue
        if line.startswith("#"):
            if line.startswith("# newdoc"):
                newdoc = True
            elif line.startswith("# sent_id ="):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text ="):
                text = line.split("=", 1)[1].strip()
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue  # multiword ranges and empty nodes: spaCy keeps the syntactic words
        if sent is None:
            sent = Sentence(sent_id=sent_id, text=text, newdoc=newdoc)
        misc = cols[9]
        sent.words.append(cols[1])
        sent.spaces.append("SpaceAfter=No" not in misc.split("|"))
        sent.lemmas.append(cols[2])
        sent.pos.append(cols[3])
        sent.tags.append(cols[4])
        sent.morphs.append("" if cols[5] == "_" else cols[5])
        sent.heads.append(int(cols[6]) - 1)
        # spaCy's own CoNLL-U converter names the root label ROOT; keep that convention.
        sent.deps.append("ROOT" if cols[7] == "root" else cols[7])
        sent.misc.append(misc)
    if sent is not None and sent.words:
        yield sent


def sentences_to_doc(vocab: Vocab, sents: list[Sentence], parse: bool = True) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    lemmas: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    morphs: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool] = []
    ents: list[tuple[int, int, str]] = []
    missing: list[tuple[int, int]] = []
    any_ner = any(s.ents is not None for s in sents)
    for sent in sents:
        off = len(words)
        n = len(sent.words)
        words.extend(sent.words)
        sp = list(sent.spaces)
        sp[-1] = True  # sentences in a doc are separated by whitespace
        spaces.extend(sp)
        lemmas.extend(sent.lemmas)
        pos.extend(sent.pos)
        tags.extend(sent.tags)
        morphs.extend(sent.morphs)
        heads.extend(off + h if h >= 0 else off + i for i, h in enumerate(sent.heads))
        deps.extend(sent.deps)
        sent_starts.extend([True] + [False] * (n - 1))
        if sent.ents is None:
            missing.append((off, off + n))
        else:
            ents.extend((off + s, off + e, lab) for s, e, lab in sent.ents)
    spaces[-1] = False
    kwargs: dict[str, object] = {}
    if parse:
        kwargs = {
            "lemmas": lemmas,
            "pos": pos,
            "tags": tags,
            "morphs": morphs,
            "heads": heads,
            "deps": deps,
            "sent_starts": sent_starts,
        }
    doc = Doc(vocab, words=words, spaces=spaces, **kwargs)  # type: ignore[arg-type]
    if any_ner:
        doc.set_ents(
            [Span(doc, s, e, label=lab) for s, e, lab in ents],
            missing=[Span(doc, s, e) for s, e in missing],
            default="outside",
        )
    return doc


def group_sentences(sents: Iterable[Sentence], size: int) -> Iterator[list[Sentence]]:
    """Group consecutive sentences of one source document, at most ``size`` per group."""
    group: list[Sentence] = []
    for sent in sents:
        if group and (sent.newdoc or len(group) >= size):
            yield group
            group = []
        group.append(sent)
    if group:
        yield group


# --------------------------------------------------------------------------- IOB


def iob_to_spans(tags: list[str], scheme: str) -> list[tuple[int, int, str]]:
    """Token spans from IOB2 or IOB1 tags; labels outside NER_LABELS are dropped."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if lab not in NER_LABELS:
            prefix, lab = "O", ""
        begins = prefix == "B" or (prefix == "I" and lab != label)
        if start >= 0 and (prefix == "O" or begins):
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and start < 0:
            start, label = i, lab
    del scheme  # both schemes decode the same once I-after-O starts a span
    return spans


@dataclass
class IobSentence:
    sent_id: str
    text: str
    words: list[str]
    tags: list[str]


def read_uner(path: Path) -> Iterator[IobSentence]:
    sent_id = text = ""
    words: list[str] = []
    tags: list[str] = []
    for raw in open_text(path):
        line = raw.rstrip("\n")
        if not line:
            if words:
                yield IobSentence(sent_id, text, words, tags)
            sent_id = text = ""
            words, tags = [], []
            continue
        if line.startswith("# sent_id ="):
            sent_id = line.split("=", 1)[1].strip()
            continue
        if line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(cols[2])
    if words:
        yield IobSentence(sent_id, text, words, tags)


def spaces_from_text(words: list[str], text: str) -> list[bool]:
    """Recover SpaceAfter from the sentence text; fall back to a heuristic when it fails."""
    spaces: list[bool] = []
    pos = 0
    for i, word in enumerate(words):
        found = text.find(word, pos) if text else -1
        if found < 0 or (found - pos > 0 and text[pos:found].strip()):
            return heuristic_spaces(words)
        pos = found + len(word)
        nxt = text[pos : pos + 1]
        spaces.append(nxt.isspace() if i < len(words) - 1 else False)
    return spaces


def heuristic_spaces(words: list[str]) -> list[bool]:
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        spaces.append(bool(nxt) and nxt not in NO_SPACE_BEFORE and word not in NO_SPACE_AFTER)
    return spaces


def iob_sentence(s: IobSentence) -> Sentence:
    n = len(s.words)
    sent = Sentence(
        s.sent_id, s.text, False, words=s.words, spaces=spaces_from_text(s.words, s.text)
    )
    sent.lemmas = sent.pos = sent.tags = sent.morphs = sent.deps = [""] * n
    sent.heads = list(range(n))
    sent.ents = iob_to_spans(s.tags, "iob2")
    return sent


# --------------------------------------------------------------------------- sources


def ewt_docs(vocab: Vocab, split: str, size: int) -> tuple[list[Doc], int, int]:
    root = data_dir()
    uner_file = {
        "train": "en_ewt-ud-train.early-0c7ce0d.iob2.gz",
        "dev": "en_ewt-ud-dev.iob2.gz",
        "test": "en_ewt-ud-test.iob2.gz",
    }[split]
    uner = {s.sent_id: s for s in read_uner(root / "uner-ewt" / uner_file)}
    matched = unmatched = 0
    sents = []
    for sent in read_conllu(root / "ud-ewt" / f"en_ewt-ud-{split}.conllu.gz"):
        ner = uner.get(sent.sent_id)
        if ner is not None and ner.words == sent.words:
            sent.ents = iob_to_spans(ner.tags, "iob2")
            matched += 1
        else:
            unmatched += 1  # left missing: the tokens differ, so the labels cannot be trusted
        sents.append(sent)
    docs = [sentences_to_doc(vocab, g) for g in group_sentences(sents, size)]
    return docs, matched, unmatched


GUM_TYPES = {"person": "PER", "place": "LOC", "organization": "ORG"}
ENTITY_RE = re.compile(r"\(([^()]*)(\))?|(\d+)\)")


def gum_docs(vocab: Vocab, split: str, size: int) -> list[Doc]:
    sents = list(read_conllu(data_dir() / "gum" / f"gum-permissive-{split}.conllu.gz"))
    # Mentions can cross sentence boundaries, so track open mentions across the document.
    open_stack: dict[str, list[tuple[int, int, str, str]]] = {}
    for si, sent in enumerate(sents):
        if sent.newdoc:
            open_stack = {}
        sent.ents = []
        found: list[tuple[int, int, str, str]] = []
        for ti, misc in enumerate(sent.misc):
            ent_field = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
            for m in ENTITY_RE.finditer(ent_field):
                if m.group(1) is not None:
                    parts = m.group(1).split("-", 7)
                    eid, etype = parts[0], parts[1] if len(parts) > 1 else ""
                    identity = parts[7] if len(parts) > 7 else ""
                    if m.group(2):
                        found.append((ti, ti + 1, etype, identity))
                    else:
                        open_stack.setdefault(eid, []).append((si, ti, etype, identity))
                else:
                    eid = m.group(3)
                    stack = open_stack.get(eid)
                    if stack:
                        ssi, sti, etype, identity = stack.pop()
                        if ssi == si:
                            found.append((sti, ti + 1, etype, identity))
        sent.ents = gum_named_entities(sent, found)
    return [sentences_to_doc(vocab, g) for g in group_sentences(sents, size)]


def gum_named_entities(
    sent: Sentence, mentions: list[tuple[int, int, str, str]]
) -> list[tuple[int, int, str]]:
    keep: list[tuple[int, int, str]] = []
    for start, end, etype, identity in mentions:
        label = GUM_TYPES.get(etype)
        if label is None:
            continue
        while start < end and sent.words[start] in LEADING_DETS:
            start += 1
        while end > start and sent.words[end - 1] in TRAILING_DROP:
            end -= 1
        if label == "PER":
            start = skip_titles(sent.words, start, end)
        if start >= end:
            continue
        head = next((i for i in range(start, end) if not start <= sent.heads[i] < end), start)
        propn_head = sent.pos[head] == "PROPN"
        # A mention is a *named* entity if it is wikified or headed by a proper noun, and looks
        # like a name (capitalised and made of proper nouns / name function words).
        if not (identity or propn_head):
            continue
        if not sent.words[start][:1].isupper():
            continue
        if any(sent.pos[i] in ("PRON", "VERB", "AUX") for i in range(start, end)):
            continue
        if not all(
            sent.pos[i] in ("PROPN", "NUM", "PUNCT", "ADP", "DET", "CCONJ", "PART")
            or sent.words[i][:1].isupper()
            for i in range(start, end)
        ):
            continue
        keep.append((start, end, label))
    return flatten_spans(keep)


def skip_titles(words: list[str], start: int, end: int) -> int:
    """First word of a person's name after leading titles ("[US] [President] Obama").

    Returns ``end`` when the mention is only titles ("the Pope"): that is not a name.
    """
    i = start
    while i < end and (words[i] in TITLES or words[i] in LEADING_DETS):
        i += 1
    return i


def flatten_spans(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest non-overlapping spans (outermost names win over nested ones)."""
    chosen: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for s, e, lab in sorted(set(spans), key=lambda x: (-(x[1] - x[0]), x[0])):
        if taken.isdisjoint(range(s, e)):
            chosen.append((s, e, lab))
            taken.update(range(s, e))
    return sorted(chosen)


def wikigold_docs(vocab: Vocab, size: int) -> list[Doc]:
    sents: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    newdoc = True

    def flush() -> None:
        nonlocal words, tags, newdoc
        if words:
            sent = iob_sentence(IobSentence("", "", words, tags))
            sent.newdoc = newdoc
            newdoc = False
            sents.append(sent)
        words, tags = [], []

    for raw in open_text(data_dir() / "wikigold" / "wikigold.conll.txt.gz"):
        line = raw.strip()
        if not line:
            flush()
            continue
        token, _, tag = line.rpartition(" ")
        if token == "-DOCSTART-":
            flush()
            newdoc = True
            continue
        words.append(token)
        tags.append(tag)  # IOB1; MISC falls outside NER_LABELS and becomes O
    flush()
    return [sentences_to_doc(vocab, g, parse=False) for g in group_sentences(sents, size)]


RE3D_TYPES = {"Person": "PER", "Organisation": "ORG", "Location": "LOC"}
RE3D_SUBSETS = (
    "Australian_Department_of_Foreign_Affairs",
    "CENTCOM",
    "UK_Government",
    "US_State_Department",
    "Wikipedia",
)


def looks_like_name(span: Span) -> bool:
    words = [t.text for t in span]
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w in NAME_FUNCTION_WORDS for w in words)


def re3d_docs(nlp: spacy.language.Language) -> list[Doc]:
    docs: list[Doc] = []
    for subset in RE3D_SUBSETS:
        folder = data_dir() / "re3d" / subset
        texts = {}
        for line in open_text(folder / "documents.json.gz"):
            if line.strip():
                rec = json.loads(line)
                texts[rec["_id"]] = rec["text"]
        ents_by_doc: dict[str, list[tuple[int, int, str]]] = {}
        for line in open_text(folder / "entities.json.gz"):
            if line.strip():
                rec = json.loads(line)
                if rec["type"] in RE3D_TYPES:
                    ents_by_doc.setdefault(rec["documentId"], []).append(
                        (rec["begin"], rec["end"], RE3D_TYPES[rec["type"]])
                    )
        for doc_id, text in texts.items():
            doc = nlp.make_doc(text)
            keep: list[tuple[int, int, str]] = []
            unsure: list[tuple[int, int]] = []
            for begin, end, label in ents_by_doc.get(doc_id, []):
                span = doc.char_span(begin, end, alignment_mode="expand")
                if span is None:
                    continue
                s, e = span.start, span.end
                while s < e and doc[s].text in LEADING_DETS:
                    s += 1
                if label == "PER":
                    s = skip_titles([t.text for t in doc], s, e)
                while e > s and doc[e - 1].text in TRAILING_DROP:
                    e -= 1
                if s < e and looks_like_name(doc[s:e]):
                    keep.append((s, e, label))
                else:
                    # Descriptions ("the US's head of state") are not named entities, but may
                    # contain one we cannot see: leave them unannotated rather than O.
                    unsure.append((span.start, span.end))
            chosen = flatten_spans(keep)
            taken = {i for s, e, _ in chosen for i in range(s, e)}
            missing = sorted({i for s, e in unsure for i in range(s, e)} - taken)
            doc.set_ents(
                [Span(doc, s, e, label=lab) for s, e, lab in chosen],
                missing=[Span(doc, i, i + 1) for i in missing],
                default="outside",
            )
            docs.append(doc)
    return docs


def pud_docs(vocab: Vocab, size: int) -> list[Doc]:
    """UD PUD with UNER-PUD entities merged on the sentence text (test only)."""
    root = data_dir()
    uner = {s.text: s for s in read_uner(root / "uner-pud" / "en_pud-ud-test.iob2.gz")}
    sents = []
    for sent in read_conllu(root / "ud-pud" / "en_pud-ud-test.conllu.gz"):
        ner = uner.get(sent.text)
        if ner is not None and ner.words == sent.words:
            sent.ents = iob_to_spans(ner.tags, "iob2")
        sents.append(sent)
    return [sentences_to_doc(vocab, g) for g in group_sentences(sents, size)]


def uner_only_docs(vocab: Vocab, path: Path, size: int) -> list[Doc]:
    """NER test docs on UNER's own tokens (every sentence, gold tokenisation)."""
    sents = [iob_sentence(s) for s in read_uner(path)]
    return [sentences_to_doc(vocab, g, parse=False) for g in group_sentences(sents, size)]


# --------------------------------------------------------------------------- main


def save(docs: list[Doc], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = DocBin(store_user_data=False)
    for doc in docs:
        db.add(doc)
    db.to_disk(path)
    n_words = sum(len(d) for d in docs)
    n_ents = sum(len(d.ents) for d in docs)
    print(f"{path}: {len(docs)} docs, {n_words} tokens, {n_ents} entities")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "training" / "corpus")
    parser.add_argument("--sents-per-doc", type=int, default=10)
    args = parser.parse_args(argv)
    out: Path = args.out
    size: int = args.sents_per_doc
    if not data_dir().is_dir():
        print(f"training data not found at {data_dir()} (set READOUT_SHARED)", file=sys.stderr)
        return 1
    nlp = spacy.blank("en")
    vocab = nlp.vocab
    for split in ("train", "dev", "test"):
        docs, matched, unmatched = ewt_docs(vocab, split, size)
        print(f"EWT {split}: UNER matched {matched} sentences, {unmatched} left without NER")
        folder = {"train": out / "train" / "parse", "dev": out / "dev", "test": out / "eval"}[split]
        save(docs, folder / f"ewt-{split}.spacy")
    # train/parse has trees (and entities); train/ner adds entity-only corpora. The tagger and
    # parser train on train/parse, the NER on all of train/.
    save(gum_docs(vocab, "train", size), out / "train" / "parse" / "gum-train.spacy")
    # GUM dev/test are extra parser training data: EWT dev is the model-selection set.
    save(
        gum_docs(vocab, "dev", size) + gum_docs(vocab, "test", size),
        out / "train" / "parse" / "gum-devtest.spacy",
    )
    save(wikigold_docs(vocab, size), out / "train" / "ner" / "wikigold.spacy")
    save(re3d_docs(nlp), out / "train" / "ner" / "re3d.spacy")
    save(pud_docs(vocab, size), out / "eval" / "pud.spacy")
    shared = data_dir()
    save(
        uner_only_docs(vocab, shared / "uner-pud" / "en_pud-ud-test.iob2.gz", size),
        out / "eval" / "uner-pud.spacy",
    )
    save(
        uner_only_docs(vocab, shared / "uner-ewt" / "en_ewt-ud-test.iob2.gz", size),
        out / "eval" / "uner-ewt-test.spacy",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
