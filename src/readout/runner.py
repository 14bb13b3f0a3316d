"""Running extraction over many inputs: worker processes, ordered output, resume, progress.

Output is JSON Lines, one record per document in input order; every input that gives no
record gives an error row instead. Each line is written whole, so an interrupted run leaves
only complete lines (a line cut by a hard kill is dropped by ``--resume``), and ``--resume``
skips the documents whose record or error row is already written.
"""

from __future__ import annotations

import collections
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from readout.errors import ReadoutError
from readout.model import RECORD_LISTS, Document, ErrorRow, Record
from readout.read.inputs import ReadOptions, iter_inputs

Item = Document | ErrorRow


@dataclass
class ExtractOptions:
    model: str | None = None
    jobs: int = 1
    batch_size: int = 16
    max_bytes: int = 5_000_000


@dataclass
class Summary:
    documents: int = 0
    records: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    counts: collections.Counter[str] = field(default_factory=collections.Counter)

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0


@dataclass
class Done:
    """What an earlier run already wrote: document ids and read-error keys, with counts."""

    ids: collections.Counter[str] = field(default_factory=collections.Counter)
    errors: collections.Counter[tuple[str, int | None, str]] = field(
        default_factory=collections.Counter
    )

    def take(self, item: Item) -> bool:
        """True (and use up one count) when this item was written by the earlier run."""
        if isinstance(item, Document):
            if self.ids[item.id] > 0:
                self.ids[item.id] -= 1
                return True
            return False
        key = (item.source, item.line, item.code)
        if self.errors[key] > 0:
            self.errors[key] -= 1
            return True
        return False


def errors_path_for(output: str | None) -> Path:
    """Where error rows go by default: beside the output file, or in the working folder."""
    if output is None or output == "-":
        return Path("readout.errors.jsonl")
    path = Path(output)
    stem = path.name[: -len(".jsonl")] if path.name.endswith(".jsonl") else path.stem
    return path.with_name(f"{stem}.errors.jsonl")


def load_done(output: Path, errors: Path) -> Done:
    """Read what an interrupted run wrote, cutting any incomplete last line first."""
    done = Done()
    for path, is_errors in ((output, False), (errors, True)):
        if not path.exists():
            continue
        _drop_partial_last_line(path)
        with path.open(encoding="utf-8") as f:
            for line in f:
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if is_errors or "error" in row:
                    err = row.get("error", {})
                    if err.get("code", "").startswith("E1") and err.get("id"):
                        done.ids[err["id"]] += 1  # a stage failure: the document was read
                    else:
                        done.errors[(err.get("source"), err.get("line"), err.get("code"))] += 1
                else:
                    doc_id = row.get("document", {}).get("id")
                    if doc_id is not None:
                        done.ids[doc_id] += 1
    return done


def _drop_partial_last_line(path: Path) -> None:
    with path.open("rb+") as f:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        if size == 0:
            return
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return
        # walk back to the last newline; a cut line is not a record
        pos = size
        step = 1 << 16
        while pos > 0:
            start = max(0, pos - step)
            f.seek(start)
            chunk = f.read(pos - start)
            nl = chunk.rfind(b"\n")
            if nl >= 0:
                f.truncate(start + nl + 1)
                return
            pos = start
        f.truncate(0)


# ---- workers ------------------------------------------------------------------------------

_WORKER_NLP = None


def _init_worker(model: str | None, max_bytes: int) -> None:
    global _WORKER_NLP
    from readout.nlp import load_pipeline

    _WORKER_NLP = load_pipeline(model, max_length=max_bytes + 1)


def _process_chunk(chunk: list[Item], batch_size: int) -> list[tuple[bool, str, dict[str, int]]]:
    """(is_record, json line, counts) per item, in order."""
    from readout.pipeline import run

    assert _WORKER_NLP is not None
    docs = [x for x in chunk if isinstance(x, Document)]
    results = iter(run(_WORKER_NLP, docs, batch_size=batch_size))
    out: list[tuple[bool, str, dict[str, int]]] = []
    for item in chunk:
        result = next(results) if isinstance(item, Document) else item
        if isinstance(result, Record):
            counts = record_counts(result)
            out.append((True, result.to_json(), counts))
        else:
            out.append((False, result.to_json(), {}))
    return out


def record_counts(record: Record) -> dict[str, int]:
    """How many facts of each family a record holds (the summary's counts)."""
    return {name: len(getattr(record, name)) for name in RECORD_LISTS}


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _results(
    items: Iterable[Item], options: ExtractOptions
) -> Iterator[tuple[bool, str, dict[str, int]]]:
    chunk_size = max(1, options.batch_size)
    if options.jobs <= 1:
        _init_worker(options.model, options.max_bytes)
        for chunk in _chunks(items, chunk_size):
            yield from _process_chunk(chunk, options.batch_size)
        return
    # Bounded look-ahead keeps memory flat: Pool.imap would read the whole input up front.
    ctx = multiprocessing.get_context("spawn" if os.name != "posix" else "fork")
    with ctx.Pool(
        options.jobs, initializer=_init_worker, initargs=(options.model, options.max_bytes)
    ) as pool:
        pending: collections.deque = collections.deque()
        for chunk in _chunks(items, chunk_size):
            pending.append(pool.apply_async(_process_chunk, (chunk, options.batch_size)))
            if len(pending) >= options.jobs * 2:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def extract(
    paths: list[str],
    out: TextIO,
    errors_path: Path,
    options: ExtractOptions,
    done: Done | None = None,
    on_progress: Callable[[Summary], None] | None = None,
    stdin: TextIO | None = None,
) -> Summary:
    """Write one record line per good document to ``out`` and one error row per bad input."""
    # Load the pipeline before reading anything, so a missing model is a clean usage error;
    # the load is cached, so the in-process worker reuses it.
    from readout.nlp import load_pipeline

    load_pipeline(options.model, max_length=options.max_bytes + 1)

    summary = Summary()
    started = time.perf_counter()
    errors_file: TextIO | None = None
    inputs = iter_inputs(paths, ReadOptions(max_bytes=options.max_bytes), stdin=stdin)

    def fresh() -> Iterator[Item]:
        for item in inputs:
            if done is not None and done.take(item):
                summary.skipped += 1
                continue
            yield item

    try:
        for is_record, line, counts in _results(fresh(), options):
            summary.documents += 1
            if is_record:
                out.write(line + "\n")
                summary.records += 1
                summary.counts.update(counts)
            else:
                if errors_file is None:
                    errors_file = errors_path.open("a", encoding="utf-8")
                errors_file.write(line + "\n")
                errors_file.flush()
                summary.errors += 1
            if summary.documents % 16 == 0:
                out.flush()
            if on_progress is not None:
                summary.seconds = time.perf_counter() - started
                on_progress(summary)
    finally:
        out.flush()
        if errors_file is not None:
            errors_file.close()
        summary.seconds = time.perf_counter() - started
    return summary


__all__ = [
    "Done",
    "ExtractOptions",
    "ReadoutError",
    "Summary",
    "errors_path_for",
    "extract",
    "load_done",
]
