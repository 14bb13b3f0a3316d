"""JSON and JSON Lines documents: a ``.json`` file's object or array, a ``.jsonl`` file or
gzip stream read line by line without holding an overlong line, and the mapping of an
object's fields onto :class:`Document` (``id``, ``text``, ``title``, ``published``, ``url``,
``source``; everything else to ``Document.meta``)."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from typing import IO, Any, Protocol

from readout.errors import (
    CORRUPT_GZIP,
    EMPTY,
    MALFORMED_JSON,
    NOT_A_DOCUMENT,
    TOO_LARGE,
    UNDECODABLE,
    UNREADABLE,
)
from readout.model import Document, ErrorRow
from readout.read.inputs.decode import UTF8_BOM, decode_json
from readout.read.inputs.documents import (
    MESSAGE_SNIPPET,
    PARSER_MESSAGE,
    SURROGATE,
    ReadOptions,
    clip,
    iso_date,
    make_document,
    os_message,
)

# Field names a JSON document may carry that map onto Document fields; everything else
# goes to Document.meta.
_KNOWN_FIELDS = frozenset({"id", "text", "title", "published", "url", "source"})
# meta keys the reader itself writes; a JSON field with one of these names is kept as name_
_READER_KEYS = frozenset({"input", "decoded_as", "extractor"})


def read_json_bytes(
    data: bytes, source: str, options: ReadOptions
) -> Iterator[Document | ErrorRow]:
    decoded = decode_json(data, source)
    if isinstance(decoded, ErrorRow):
        yield decoded
        return
    if not decoded.strip():
        yield ErrorRow(source, EMPTY, "the file holds only whitespace")
        return
    try:
        value = json.loads(decoded)
    except json.JSONDecodeError as exc:
        yield ErrorRow(
            source,
            MALFORMED_JSON,
            f"malformed JSON: {clip(exc.msg, PARSER_MESSAGE)} (line {exc.lineno}, column "
            f"{exc.colno}); fix the file, or give one document per line as .jsonl",
            line=exc.lineno,
        )
        return
    except (ValueError, RecursionError) as exc:
        yield ErrorRow(source, MALFORMED_JSON, f"malformed JSON: {clip(str(exc), PARSER_MESSAGE)}")
        return
    if isinstance(value, list):
        if not value:
            yield ErrorRow(source, EMPTY, "the JSON array is empty: no documents")
        for i, item in enumerate(value, 1):
            yield _json_document(item, source, None, f"item {i} of the array", options)
    else:
        yield _json_document(value, source, None, "the JSON value", options)


def read_jsonl_file(path: str, gz: bool, options: ReadOptions) -> Iterator[Document | ErrorRow]:
    try:
        raw: IO[bytes] = open(path, "rb")  # closed in finally, after yielding
    except OSError as exc:
        yield ErrorRow(path, UNREADABLE, os_message(exc, "file"))
        return
    try:
        stream: ByteLines = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw
        yield from read_jsonl(numbered_lines(stream, line_cap(options)), path, options, gz=gz)
    finally:
        raw.close()


def line_cap(options: ReadOptions) -> int:
    # Escaped JSON can take up to six bytes (\u0001) per byte of text, plus its other fields.
    return 6 * options.max_bytes + (1 << 20)


Line = tuple[int, bytes | None, int]


class ByteLines(Protocol):
    """A binary stream read by lines: a file, a gzip stream or standard input's buffer."""

    # typeshed's GzipFile is an io.BufferedIOBase, not an IO[bytes]
    def readline(self, size: int = -1, /) -> bytes: ...


def numbered_lines(stream: ByteLines, cap: int, first: int = 1) -> Iterator[Line]:
    """(line number, bytes or None when longer than cap, length) without holding a long line."""
    number = first - 1
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        number += 1
        if len(line) <= cap or line.endswith(b"\n"):
            yield number, line, len(line)
            continue
        length = len(line)
        while True:  # skip the rest of an overlong line, in bounded pieces
            piece = stream.readline(1 << 20)
            length += len(piece)
            if not piece or piece.endswith(b"\n"):
                break
        yield number, None, length


def read_jsonl(
    lines: Iterable[Line], source: str, options: ReadOptions, gz: bool = False
) -> Iterator[Document | ErrorRow]:
    it = iter(lines)
    given = 0
    last = 0
    while True:
        try:
            item = next(it, None)
        except (OSError, EOFError, zlib.error) as exc:
            if gz:
                where = f"after line {last}" if last else "at its start"
                message = (
                    f"gzip data is corrupt or cut short {where} "
                    f"({clip(str(exc), PARSER_MESSAGE)}); "
                    "the documents before it were read; re-create or re-download the file"
                )
                yield ErrorRow(source, CORRUPT_GZIP, message, line=last + 1)
            elif isinstance(exc, OSError):
                yield ErrorRow(source, UNREADABLE, os_message(exc, "file"), line=last + 1)
            else:
                raise  # EOFError and zlib.error come only from a gzip stream
            return
        if item is None:
            break
        number, raw, length = item
        last = number
        if number == 1 and raw is not None:
            if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                yield ErrorRow(
                    source,
                    UNDECODABLE,
                    "JSON Lines must be UTF-8, and this file is UTF-16; re-encode it as UTF-8",
                )
                return
            raw = raw.removeprefix(UTF8_BOM)
        result = _json_line(raw, number, length, source, options)
        if result is not None:
            given += 1
            yield result
    if given == 0:
        yield ErrorRow(source, EMPTY, "no documents: the file is empty or holds only blank lines")


def _json_line(
    raw: bytes | None, number: int, length: int, source: str, options: ReadOptions
) -> Document | ErrorRow | None:
    if raw is None:
        return ErrorRow(
            source,
            TOO_LARGE,
            f"line {number} is {length:,} bytes, far over the limit of {options.max_bytes:,} "
            "bytes per document; raise it with --max-bytes",
            line=number,
        )
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ErrorRow(
            source,
            UNDECODABLE,
            f"line {number} is not valid UTF-8 (bad byte at column {exc.start + 1}); JSON Lines "
            "must be UTF-8: re-encode the file as UTF-8",
            line=number,
        )
    if not line.strip():
        return None
    try:
        value = json.loads(line)
    except (ValueError, RecursionError) as exc:
        reason = (
            exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc) or "too deeply nested"
        )
        return ErrorRow(
            source,
            MALFORMED_JSON,
            f"line {number} is not valid JSON ({clip(reason, PARSER_MESSAGE)}"
            + (f", column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "")
            + f"); it starts {clip(line.strip(), MESSAGE_SNIPPET)!r}",
            line=number,
        )
    return _json_document(value, source, number, f"line {number}", options)


def _json_document(
    value: Any, path: str, line: int | None, where: str, options: ReadOptions
) -> Document | ErrorRow:
    """A Document from one JSON object, or the error row saying why it is not one."""
    if not isinstance(value, dict):
        return ErrorRow(
            path,
            NOT_A_DOCUMENT,
            f'{where} is a JSON {_json_type(value)}, not an object with a "text" field',
            line=line,
        )
    doc_id, bad_id = _scalar(value.get("id"))
    if bad_id:
        return ErrorRow(
            path,
            NOT_A_DOCUMENT,
            f'{where}: "id" must be a string or a number, not a JSON {_json_type(value["id"])}',
            line=line,
        )
    doc_id = SURROGATE.sub("\ufffd", doc_id) if doc_id and doc_id.strip() else None
    problem = _text_problem(value, where, options)
    if problem is not None:
        code, message = problem
        return ErrorRow(path, code, message, line=line, id=doc_id)
    fields, meta = _fields_and_meta(value)
    published = _published(fields.get("published"), meta)
    meta["input"] = {"format": "json" if line is None else "jsonl", "path": path}
    if line is not None:
        meta["input"]["line"] = line
    return make_document(
        value["text"],
        fields.get("source") or path,
        meta,
        doc_id=doc_id,
        title=fields.get("title"),
        url=fields.get("url"),
        published=published,
    )


def _text_problem(
    value: dict[str, Any], where: str, options: ReadOptions
) -> tuple[str, str] | None:
    """(error code, message) when the object's "text" cannot be a document's text."""
    if "text" not in value:
        return NOT_A_DOCUMENT, f'{where} has no "text" field'
    text = value["text"]
    if not isinstance(text, str):
        return NOT_A_DOCUMENT, f'{where}: "text" is a JSON {_json_type(text)}, not a string'
    if not text.strip():
        return NOT_A_DOCUMENT, f'{where}: "text" is empty'
    if SURROGATE.search(text):
        return (
            UNDECODABLE,
            f'{where}: "text" holds an unpaired surrogate escape (such as \\ud800), which is '
            "not valid Unicode; fix the program that wrote it",
        )
    size = len(text) if len(text) * 4 <= options.max_bytes else len(text.encode("utf-8"))
    if size > options.max_bytes:
        return (
            TOO_LARGE,
            f'{where}: "text" is {size:,} bytes, over the limit of {options.max_bytes:,} bytes '
            "per document; raise it with --max-bytes",
        )
    return None


def _fields_and_meta(value: dict[str, Any]) -> tuple[dict[str, str | None], dict[str, Any]]:
    """The Document fields the object gives (blank ones as None), and the rest of it as meta."""
    rest = {k: v for k, v in value.items() if k not in ("id", "text")}
    if any(isinstance(v, str) and SURROGATE.search(v) for v in rest.values()) or any(
        not isinstance(v, str | int | float | bool | None) for v in rest.values()
    ):
        rest = _without_surrogates(rest)
    meta: dict[str, Any] = {}
    fields: dict[str, str | None] = {}
    for key, field_value in rest.items():
        if key in _KNOWN_FIELDS:
            scalar, bad = _scalar(field_value)
            if not bad:
                fields[key] = scalar if scalar and scalar.strip() else None
                continue
        meta[key + "_" if key in _READER_KEYS else key] = field_value
    return fields, meta


def _published(published: str | None, meta: dict[str, Any]) -> str | None:
    """The published field as an ISO date; a value that changed is kept as published_raw."""
    if published is not None:
        normal = iso_date(published)
        if normal != published:
            meta["published_raw"] = published
        published = normal
    return published


def _scalar(value: Any) -> tuple[str | None, bool]:
    """(value as a string or None, whether it was of a type that cannot be a field value)."""
    if value is None:
        return None, False
    if isinstance(value, str):
        return value, False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value), False
    return None, True


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _without_surrogates(value: dict[str, Any]) -> dict[str, Any]:
    # One round trip through JSON text replaces them anywhere in nested values without
    # recursing here; json itself bounds the depth.
    text = json.dumps(value, ensure_ascii=False)
    return json.loads(SURROGATE.sub("\ufffd", text))
