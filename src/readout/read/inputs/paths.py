"""Where documents come from: files (each read by its format, chosen by its name), folders
walked recursively in name order, standard input (its format detected from its start), and
the error rows for paths that cannot be read."""

from __future__ import annotations

import io
import itertools
import json
import os
import stat
from collections.abc import Iterator
from typing import IO, BinaryIO, TextIO

from readout.errors import EMPTY, READER_FAILED, TOO_LARGE, UNREADABLE
from readout.model import Document, ErrorRow
from readout.read.inputs.decode import UTF8_BOM, text_document
from readout.read.inputs.documents import (
    PARSER_MESSAGE,
    STDIN_SOURCE,
    SURROGATE,
    ReadOptions,
    clip,
    os_message,
)
from readout.read.inputs.html import html_document
from readout.read.inputs.jsonl import (
    line_cap,
    numbered_lines,
    read_json_bytes,
    read_jsonl,
    read_jsonl_file,
)


def guarded(items: Iterator[Document | ErrorRow], source: str) -> Iterator[Document | ErrorRow]:
    """A reader bug ends that one input with an error row instead of ending the run."""
    try:
        yield from items
    except Exception as exc:
        yield ErrorRow(
            source,
            READER_FAILED,
            f"readout failed while reading this input ({type(exc).__name__}: "
            f"{clip(str(exc), PARSER_MESSAGE)}); the input may be fine: please report this "
            "as a bug, with the file if you can share it",
        )


def read_path(path: str, options: ReadOptions, top: bool) -> Iterator[Document | ErrorRow]:
    if path == "":
        yield ErrorRow(path, UNREADABLE, "empty path: name a file or a folder, or - for stdin")
        return
    if SURROGATE.search(path):
        yield _bad_name(path)
        return
    try:
        st = os.stat(path)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and os.path.islink(path):
            message = "broken symbolic link: the file it points to does not exist"
        else:
            message = os_message(exc, "file or folder")
        yield ErrorRow(path, UNREADABLE, message)
        return
    if stat.S_ISDIR(st.st_mode):
        if top:
            yield from _walk(path, options)
        return
    if not stat.S_ISREG(st.st_mode):
        yield ErrorRow(
            path,
            UNREADABLE,
            "not a regular file (a device, pipe or socket); to read a stream, pipe it to "
            "standard input and pass - as the path",
        )
        return
    yield from guarded(_read_file(path, st.st_size, options), path)


def _walk(root: str, options: ReadOptions) -> Iterator[Document | ErrorRow]:
    """Depth-first in name order, with an explicit stack so deep trees cannot overflow."""
    seen = {os.path.realpath(root)}
    listing = _list_dir(root)
    if isinstance(listing, ErrorRow):
        yield listing
        return
    stack: list[Iterator[str]] = [iter(listing)]
    while stack:
        path = next(stack[-1], None)
        if path is None:
            stack.pop()
            continue
        if SURROGATE.search(path):
            yield _bad_name(path)
        elif os.path.isdir(path):
            real = os.path.realpath(path)
            if real in seen:  # a symlink loop, or the same folder reached twice
                continue
            seen.add(real)
            listing = _list_dir(path)
            if isinstance(listing, ErrorRow):
                yield listing
            else:
                stack.append(iter(listing))
        else:
            yield from read_path(path, options, top=False)


def _bad_name(path: str) -> ErrorRow:
    # Python keeps undecodable name bytes as lone surrogates, which cannot be written to a
    # UTF-8 record; show them as U+FFFD instead.
    return ErrorRow(
        SURROGATE.sub("\ufffd", path),
        UNREADABLE,
        "the path is not valid UTF-8, so it cannot be recorded as the source; rename it",
    )


def _list_dir(folder: str) -> list[str] | ErrorRow:
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        return ErrorRow(folder, UNREADABLE, os_message(exc, "folder"))
    return [os.path.join(folder, n) for n in names if not n.startswith(".")]


def _kind(path: str) -> str:
    name = path.lower()
    if name.endswith((".jsonl.gz", ".ndjson.gz")):
        return "jsonl.gz"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".json"):
        return "json"
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    return "text"


def _read_file(path: str, size: int, options: ReadOptions) -> Iterator[Document | ErrorRow]:
    kind = _kind(path)
    if kind in ("jsonl", "jsonl.gz"):
        yield from read_jsonl_file(path, gz=kind == "jsonl.gz", options=options)
        return
    if size > options.max_bytes:
        yield _too_large(path, size, options, kind)
        return
    try:
        with open(path, "rb") as f:
            data = f.read(options.max_bytes + 1)
    except OSError as exc:
        yield ErrorRow(path, UNREADABLE, os_message(exc, "file"))
        return
    if len(data) > options.max_bytes:  # the file grew after stat
        yield _too_large(path, None, options, kind)
        return
    if kind == "json":
        yield from read_json_bytes(data, path, options)
    elif kind == "html":
        yield html_document(data, path)
    else:
        yield text_document(data, path)


def _too_large(source: str, size: int | None, options: ReadOptions, kind: str) -> ErrorRow:
    hint = (
        "; for large collections use JSON Lines (.jsonl), which is read line by line"
        if kind == "json"
        else ""
    )
    return ErrorRow(
        source,
        TOO_LARGE,
        f"the file is {f'{size:,} bytes, ' if size is not None else ''}over the limit of "
        f"{options.max_bytes:,} bytes per document; raise it with --max-bytes{hint}",
    )


# ---- standard input ---------------------------------------------------------------------


def read_stdin(stream: TextIO | BinaryIO, options: ReadOptions) -> Iterator[Document | ErrorRow]:
    binary = _binary_stream(stream)
    cap = line_cap(options)
    # Blank lines up to and including the first non-blank one decide the format.
    prefix: list[bytes] = []
    while not prefix or not prefix[-1].strip():
        line = binary.readline(cap + 1)
        if not line:
            break
        prefix.append(line.removeprefix(UTF8_BOM) if not prefix else line)
    head = prefix[-1].strip() if prefix else b""
    if head.startswith(b"{") and _is_json_object(head):
        numbered = ((i, line, len(line)) for i, line in enumerate(prefix, 1))
        yield from read_jsonl(
            itertools.chain(numbered, numbered_lines(binary, cap, first=len(prefix) + 1)),
            STDIN_SOURCE,
            options,
        )
        return
    data = b"".join(prefix)
    if len(data) <= options.max_bytes:
        data += binary.read(options.max_bytes + 1 - len(data))
    if len(data) > options.max_bytes:
        yield ErrorRow(
            STDIN_SOURCE,
            TOO_LARGE,
            f"standard input is over the limit of {options.max_bytes:,} bytes per document; "
            "raise it with --max-bytes, or give one document per line as JSON Lines",
        )
        return
    if not data:
        yield ErrorRow(STDIN_SOURCE, EMPTY, "standard input is empty")
        return
    lowered = head[:20].lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        yield html_document(data, STDIN_SOURCE)
    else:
        yield text_document(data, STDIN_SOURCE)


def _binary_stream(stream: TextIO | BinaryIO) -> IO[bytes]:
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer
    probe = stream.read(0)
    if isinstance(probe, bytes):
        return stream  # type: ignore[return-value]
    # A text stream without bytes underneath (io.StringIO) is already in memory.
    return io.BytesIO(stream.read().encode("utf-8", "surrogatepass"))  # type: ignore[union-attr]


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False
