"""Input readers: files, folders and standard input to :class:`Document` or :class:`ErrorRow`.

:func:`iter_inputs` yields, in input order, exactly one ``Document`` or one ``ErrorRow`` per
input document, and never raises for a bad document: one bad input never stops the others.

Formats, chosen by the file name (case-insensitive):

* ``.jsonl``, ``.ndjson``, ``.jsonl.gz``, ``.ndjson.gz``: one JSON object per line with
  ``text`` (required) and optional ``id``, ``title``, ``published``, ``url``, ``source``;
  any other field is kept in ``Document.meta``. Blank lines are skipped.
* ``.json``: one such object, or an array of them.
* ``.html``, ``.htm``, ``.xhtml``: the main text, extracted with trafilatura (falling back to
  a plain lxml extraction without scripts and styles when trafilatura finds nothing).
* anything else, ``.txt`` included: plain text.

Folders are read recursively in name order; hidden files and folders (name starting with
".") are skipped. ``"-"`` reads standard input: as JSON Lines when its first non-blank line
is a JSON object, as HTML when it starts with ``<!doctype html`` or ``<html``, otherwise as
one text document; its source is ``"<stdin>"``.

Decoding policy for text and HTML files (``Document.text`` is the text as decoded; newlines
are kept as they are, ``\\r\\n`` included, because record offsets index this exact text):

1. A byte-order mark decides: UTF-8 (the BOM is dropped), UTF-16 or UTF-32.
2. Bytes with NUL, or with over 10% control characters (other than tab, CR, LF, form feed),
   are binary: error E001.
3. Valid UTF-8 is read as UTF-8.
4. HTML only: the ``<meta charset>`` the page declares, when the bytes decode with it.
5. cp1252 (Windows Western), only if there are no control characters other than tab, CR,
   LF and form feed and every byte is defined in cp1252; recorded as
   ``meta["decoded_as"] = "cp1252"``.
6. Otherwise error E003: re-encode the file as UTF-8.

JSON and JSON Lines are read as UTF-8 only (a leading BOM is allowed), as their standards
require. The size limit (:attr:`ReadOptions.max_bytes`) applies to each text, HTML or JSON
file's size, checked before reading, and to each JSON-lines document's text in UTF-8 bytes,
so no document longer than the limit ever reaches the parser.

Error codes (docs/inputs.md has the table): E001 binary, E002 empty, E003 undecodable,
E004 over the size limit, E005 malformed JSON, E006 JSON value that is not a usable document,
E007 HTML with no extractable text, E008 unreadable path, E009 corrupt gzip, E010
unexpected failure of the reader itself (a bug).
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import itertools
import json
import logging
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any, BinaryIO, Protocol, TextIO

from readout.errors import (
    BINARY,
    CORRUPT_GZIP,
    EMPTY,
    MALFORMED_JSON,
    NO_HTML_TEXT,
    NOT_A_DOCUMENT,
    READER_FAILED,
    TOO_LARGE,
    UNDECODABLE,
    UNREADABLE,
)
from readout.model import Document, ErrorRow

STDIN_SOURCE = "<stdin>"

# Field names a JSON document may carry that map onto Document fields; everything else
# goes to Document.meta.
_KNOWN_FIELDS = frozenset({"id", "text", "title", "published", "url", "source"})
# meta keys the reader itself writes; a JSON field with one of these names is kept as name_
_READER_KEYS = frozenset({"input", "decoded_as", "extractor"})

_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_BINARY_SAMPLE = 1 << 16
_BINARY_CONTROL_RATIO = 0.10
_UTF8_BOM = b"\xef\xbb\xbf"
_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_META_CHARSET = re.compile(
    rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]{1,40})", re.I
)
# Browsers read these labels as windows-1252 (WHATWG Encoding), so do we.
_AS_CP1252 = frozenset({"ascii", "latin_1", "iso8859_1", "cp1252"})
_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DATE = re.compile(
    r"\d{4}(-\d{2}(-\d{2})?)?([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?"
)
_MESSAGE_SNIPPET = 60
_PARSER_MESSAGE = 200
# An HTML tree deeper than this is refused by libxml2 even with huge_tree.
_LXML_MAX_DEPTH = 2048

SUPPORTED = ".txt, .html, .htm, .json, .jsonl, .jsonl.gz"


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read."""

    max_bytes: int = 5_000_000
    """Largest document: a text, HTML or JSON file's size, or a JSON line's text in UTF-8."""

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise ValueError(f"max_bytes must be at least 1, not {self.max_bytes}")


def iter_inputs(
    paths: Sequence[str | os.PathLike[str]],
    options: ReadOptions | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Document | ErrorRow]:
    """One Document or ErrorRow per input document, in input order; never raises for bad input.

    ``paths`` holds files, folders (read recursively in name order, hidden entries skipped)
    or ``"-"`` for ``stdin`` (``sys.stdin`` when not given).
    """
    options = options or ReadOptions()
    if isinstance(paths, str | os.PathLike):  # one path, not a sequence of characters
        paths = [paths]
    for given in paths:
        path = os.fspath(given)
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield from _guarded(_read_stdin(stream, options), STDIN_SOURCE)
        else:
            yield from _guarded(_read_path(path, options, top=True), path)


# ---- paths and folders ----------------------------------------------------------------------


def _guarded(items: Iterator[Document | ErrorRow], source: str) -> Iterator[Document | ErrorRow]:
    """A reader bug ends that one input with an error row instead of ending the run."""
    try:
        yield from items
    except Exception as exc:
        yield ErrorRow(
            source,
            READER_FAILED,
            f"readout failed while reading this input ({type(exc).__name__}: "
            f"{_clip(str(exc), _PARSER_MESSAGE)}); the input may be fine: please report this "
            "as a bug, with the file if you can share it",
        )


def _read_path(path: str, options: ReadOptions, top: bool) -> Iterator[Document | ErrorRow]:
    if path == "":
        yield ErrorRow(path, UNREADABLE, "empty path: name a file or a folder, or - for stdin")
        return
    if _SURROGATE.search(path):
        yield _bad_name(path)
        return
    try:
        st = os.stat(path)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and os.path.islink(path):
            message = "broken symbolic link: the file it points to does not exist"
        else:
            message = _os_message(exc, "file or folder")
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
    yield from _guarded(_read_file(path, st.st_size, options), path)


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
        if _SURROGATE.search(path):
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
            yield from _read_path(path, options, top=False)


def _bad_name(path: str) -> ErrorRow:
    # Python keeps undecodable name bytes as lone surrogates, which cannot be written to a
    # UTF-8 record; show them as U+FFFD instead.
    return ErrorRow(
        _SURROGATE.sub("\ufffd", path),
        UNREADABLE,
        "the path is not valid UTF-8, so it cannot be recorded as the source; rename it",
    )


def _list_dir(folder: str) -> list[str] | ErrorRow:
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        return ErrorRow(folder, UNREADABLE, _os_message(exc, "folder"))
    return [os.path.join(folder, n) for n in names if not n.startswith(".")]


def _os_message(exc: OSError, what: str) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"no such {what}: check the path"
    if isinstance(exc, PermissionError):
        return f"permission denied: readout may not read this {what}; check its permissions"
    return f"cannot read this {what}: {exc.strerror or exc}"


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
        yield from _read_jsonl_file(path, gz=kind == "jsonl.gz", options=options)
        return
    if size > options.max_bytes:
        yield _too_large(path, size, options, kind)
        return
    try:
        with open(path, "rb") as f:
            data = f.read(options.max_bytes + 1)
    except OSError as exc:
        yield ErrorRow(path, UNREADABLE, _os_message(exc, "file"))
        return
    if len(data) > options.max_bytes:  # the file grew after stat
        yield _too_large(path, None, options, kind)
        return
    if kind == "json":
        yield from _read_json_bytes(data, path, options)
    elif kind == "html":
        yield _html_document(data, path)
    else:
        yield _text_document(data, path)


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


# ---- decoding -------------------------------------------------------------------------------


def _decode(data: bytes, source: str, html: bool = False) -> tuple[str, str | None] | ErrorRow:
    """(text, decoded_as) by the module's decoding policy; decoded_as is None for UTF-8."""
    if not data:
        return ErrorRow(source, EMPTY, "empty file (0 bytes)")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                return ErrorRow(
                    source,
                    UNDECODABLE,
                    f"starts with a {codec.upper()} byte-order mark but is not valid "
                    f"{codec.upper()} (bad bytes at offset {exc.start}); re-encode the file "
                    "as UTF-8",
                )
            text = text.removeprefix("\ufeff")
            binary = _binary_message(text.encode("utf-8", "surrogatepass"))
            if binary:
                return ErrorRow(source, BINARY, binary)
            return text, codec
    data = data.removeprefix(_UTF8_BOM)
    binary = _binary_message(data)
    if binary:
        return ErrorRow(source, BINARY, binary)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    if html:
        # UTF-16/32 without a BOM would have failed the NUL test; a declaration saying so lies
        declared = _declared_charset(data) or ""
        usable = declared not in _AS_CP1252 and not declared.startswith(("utf_16", "utf_32"))
        if declared and usable:
            try:
                return data.decode(declared), declared
            except (UnicodeDecodeError, LookupError):
                pass
    if _plausible_cp1252(data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return ErrorRow(
        source,
        UNDECODABLE,
        f"not valid UTF-8 (first bad byte at offset {bad_at}) nor plausible Windows-1252 "
        "text; re-encode the file as UTF-8 (e.g. iconv -f <its encoding> -t UTF-8)",
    )


def _binary_message(data: bytes) -> str | None:
    if b"\x00" in data:
        what = "contains NUL bytes"
    else:
        sample = data[:_BINARY_SAMPLE]
        controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
        if not sample or controls / len(sample) <= _BINARY_CONTROL_RATIO:
            return None
        what = f"{controls / len(sample):.0%} of its first bytes are control characters"
    if data.startswith(b"\x1f\x8b"):
        return (
            f"binary file ({what}): it is gzip-compressed, and only .jsonl.gz is read "
            "compressed; decompress it first"
        )
    return (
        f"binary file ({what}), not text; readout reads {SUPPORTED} (convert PDF or word-"
        "processor files to text first; UTF-16 text needs a byte-order mark)"
    )


def _plausible_cp1252(data: bytes) -> bool:
    return len(data.translate(None, _CONTROL_BYTES)) == len(data)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        info = codecs.lookup(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None
    return info.name.replace("-", "_")


# ---- documents ------------------------------------------------------------------------------


def _make_document(
    text: str,
    source: str,
    meta: dict[str, Any],
    *,
    doc_id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Document:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        id=doc_id if doc_id is not None else digest[:16],
        source=source,
        text=text,
        url=url,
        title=title,
        published=published,
        published_from="metadata" if published is not None else None,
        chars=len(text),
        sha256=digest,
        meta=meta,
    )


def _text_document(data: bytes, source: str) -> Document | ErrorRow:
    decoded = _decode_nonblank(data, source, "text")
    if isinstance(decoded, ErrorRow):
        return decoded
    text, meta = decoded
    return _make_document(text, source, meta)


def _decode_nonblank(data: bytes, source: str, fmt: str) -> tuple[str, dict[str, Any]] | ErrorRow:
    """Decoded text that is not blank, with the ``meta`` every file input starts from."""
    decoded = _decode(data, source, html=fmt == "html")
    if isinstance(decoded, ErrorRow):
        return decoded
    text, decoded_as = decoded
    if not text.strip():
        return ErrorRow(source, EMPTY, "the file holds only whitespace")
    meta: dict[str, Any] = {"input": {"format": fmt, "path": source}}
    if decoded_as is not None:
        meta["decoded_as"] = decoded_as
    return text, meta


# ---- HTML -----------------------------------------------------------------------------------

_DROP_TAGS = ("script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary "
    "table td th tr ul caption title body html".split()
)


def _html_document(data: bytes, source: str) -> Document | ErrorRow:
    decoded = _decode_nonblank(data, source, "html")
    if isinstance(decoded, ErrorRow):
        return decoded
    html, meta = decoded
    title = url = published = None
    text = ""
    extracted = _trafilatura(html)
    if extracted is not None:
        text, title, url, published, extra = extracted
        meta.update(extra)
        meta["extractor"] = "trafilatura"
    if not text.strip():
        text, fallback_title, too_deep = _lxml_text(html)
        title = title or fallback_title
        meta["extractor"] = "lxml"
        if not text.strip():
            if too_deep:
                reason = (
                    f"its markup is nested deeper than the parser's limit of {_LXML_MAX_DEPTH} "
                    "levels (often thousands of unclosed tags)"
                )
            else:
                reason = (
                    "the page has no text outside scripts, styles and comments (a page built "
                    "by JavaScript, or an empty page)"
                )
            return ErrorRow(
                source,
                NO_HTML_TEXT,
                f"HTML with no extractable text: {reason}; save the article's text as .txt",
            )
    return _make_document(text, source, meta, title=title, url=url, published=published)


_TRAFILATURA_CONFIG: Any = None


def _trafilatura(html: str) -> tuple[str, str | None, str | None, str | None, dict] | None:
    """Main text and metadata, or None when trafilatura finds nothing or fails on the page."""
    global _TRAFILATURA_CONFIG
    try:
        import trafilatura
        from trafilatura.settings import use_config

        if _TRAFILATURA_CONFIG is None:
            config = use_config()
            # Dates only from the page's markup, never guessed from its text: that is what
            # published_from="metadata" promises.
            config["DEFAULT"]["EXTENSIVE_DATE_SEARCH"] = "off"
            # our own max_bytes already bounds the input; trafilatura's cap would silently
            # drop pages when a user raises --max-bytes
            config["DEFAULT"]["MAX_FILE_SIZE"] = str(1 << 62)
            _TRAFILATURA_CONFIG = config
            # Its warnings ("discarding data: None") are about its own heuristics and would
            # reach the user through logging's last-resort handler; readout reports the
            # outcome itself. A level the application set is left alone.
            for name in ("trafilatura", "htmldate", "courlan", "justext"):
                logger = logging.getLogger(name)
                if logger.level == logging.NOTSET:
                    logger.setLevel(logging.ERROR)
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # trafilatura keeps <noscript> text, which is "please enable JavaScript" chrome
            prune_xpath=["//noscript", "//template"],
            config=_TRAFILATURA_CONFIG,
        )
    except Exception:
        # hostile markup can break trafilatura in many ways; the lxml fallback decides
        return None
    # its return type allows a dict, which it gives only for as_dict=True
    if result is None or isinstance(result, dict) or not result.text:
        return None
    extra = {
        key: value
        for key in ("author", "sitename", "hostname", "description")
        if isinstance(value := getattr(result, key, None), str) and value
    }
    published = _iso_date(result.date) if isinstance(result.date, str) else None
    return result.text, result.title or None, result.url or None, published, extra


def _lxml_text(html: str) -> tuple[str, str | None, bool]:
    """(text, title, too_deep): all text outside scripts, styles and comments, by blocks."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
        no_network=True,
        collect_ids=False,
        encoding="utf-8",
    )
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return "", None, _too_deep(parser)
    title_el = root.find(".//title")
    title = " ".join(title_el.text_content().split()) or None if title_el is not None else None
    for el in list(root.iter(*_DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    parts: list[str] = []
    # iterwalk runs in C without recursion, so deep trees cannot overflow the stack
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.tail:
                parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    text = "\n".join(line for line in lines if line)
    return text, title, not text and _too_deep(parser)


def _too_deep(parser: Any) -> bool:
    return any("Excessive depth" in e.message for e in parser.error_log)


# ---- JSON and JSON Lines ----------------------------------------------------------------------


def _read_json_bytes(
    data: bytes, source: str, options: ReadOptions
) -> Iterator[Document | ErrorRow]:
    decoded = _decode_json(data, source)
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
            f"malformed JSON: {_clip(exc.msg, _PARSER_MESSAGE)} (line {exc.lineno}, column "
            f"{exc.colno}); fix the file, or give one document per line as .jsonl",
            line=exc.lineno,
        )
        return
    except (ValueError, RecursionError) as exc:
        yield ErrorRow(
            source, MALFORMED_JSON, f"malformed JSON: {_clip(str(exc), _PARSER_MESSAGE)}"
        )
        return
    if isinstance(value, list):
        if not value:
            yield ErrorRow(source, EMPTY, "the JSON array is empty: no documents")
        for i, item in enumerate(value, 1):
            yield _json_document(item, source, None, f"item {i} of the array", options)
    else:
        yield _json_document(value, source, None, "the JSON value", options)


def _decode_json(data: bytes, source: str) -> str | ErrorRow:
    if not data:
        return ErrorRow(source, EMPTY, "empty file (0 bytes)")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).removeprefix("\ufeff")
            except UnicodeDecodeError as exc:
                return ErrorRow(
                    source,
                    UNDECODABLE,
                    f"not valid {codec.upper()} (bad bytes at offset {exc.start}); "
                    "re-encode the file as UTF-8",
                )
    try:
        return data.removeprefix(_UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        return ErrorRow(
            source,
            UNDECODABLE,
            f"JSON must be UTF-8, and this is not (first bad byte at offset {exc.start}); "
            "re-encode the file as UTF-8",
        )


def _read_jsonl_file(path: str, gz: bool, options: ReadOptions) -> Iterator[Document | ErrorRow]:
    try:
        raw: IO[bytes] = open(path, "rb")  # closed in finally, after yielding
    except OSError as exc:
        yield ErrorRow(path, UNREADABLE, _os_message(exc, "file"))
        return
    try:
        stream: _ByteLines = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw
        yield from _read_jsonl(_lines(stream, _line_cap(options)), path, options, gz=gz)
    finally:
        raw.close()


def _line_cap(options: ReadOptions) -> int:
    # Escaped JSON can take up to six bytes (\u0001) per byte of text, plus its other fields.
    return 6 * options.max_bytes + (1 << 20)


Line = tuple[int, bytes | None, int]


class _ByteLines(Protocol):
    """A binary stream read by lines: a file, a gzip stream or standard input's buffer."""

    # typeshed's GzipFile is an io.BufferedIOBase, not an IO[bytes]
    def readline(self, size: int = -1, /) -> bytes: ...


def _lines(stream: _ByteLines, cap: int, first: int = 1) -> Iterator[Line]:
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


def _read_jsonl(
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
                    f"({_clip(str(exc), _PARSER_MESSAGE)}); "
                    "the documents before it were read; re-create or re-download the file"
                )
                yield ErrorRow(source, CORRUPT_GZIP, message, line=last + 1)
            elif isinstance(exc, OSError):
                yield ErrorRow(source, UNREADABLE, _os_message(exc, "file"), line=last + 1)
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
            raw = raw.removeprefix(_UTF8_BOM)
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
            f"line {number} is not valid JSON ({_clip(reason, _PARSER_MESSAGE)}"
            + (f", column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "")
            + f"); it starts {_clip(line.strip(), _MESSAGE_SNIPPET)!r}",
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
    doc_id = _SURROGATE.sub("\ufffd", doc_id) if doc_id and doc_id.strip() else None
    if "text" not in value:
        return ErrorRow(path, NOT_A_DOCUMENT, f'{where} has no "text" field', line=line, id=doc_id)
    text = value["text"]
    if not isinstance(text, str):
        return ErrorRow(
            path,
            NOT_A_DOCUMENT,
            f'{where}: "text" is a JSON {_json_type(text)}, not a string',
            line=line,
            id=doc_id,
        )
    if not text.strip():
        return ErrorRow(path, NOT_A_DOCUMENT, f'{where}: "text" is empty', line=line, id=doc_id)
    if _SURROGATE.search(text):
        return ErrorRow(
            path,
            UNDECODABLE,
            f'{where}: "text" holds an unpaired surrogate escape (such as \\ud800), which is '
            "not valid Unicode; fix the program that wrote it",
            line=line,
            id=doc_id,
        )
    size = len(text) if len(text) * 4 <= options.max_bytes else len(text.encode("utf-8"))
    if size > options.max_bytes:
        return ErrorRow(
            path,
            TOO_LARGE,
            f'{where}: "text" is {size:,} bytes, over the limit of {options.max_bytes:,} bytes '
            "per document; raise it with --max-bytes",
            line=line,
            id=doc_id,
        )
    rest = {k: v for k, v in value.items() if k not in ("id", "text")}
    if any(isinstance(v, str) and _SURROGATE.search(v) for v in rest.values()) or any(
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
    published = fields.get("published")
    if published is not None:
        normal = _iso_date(published)
        if normal != published:
            meta["published_raw"] = published
        published = normal
    meta["input"] = {"format": "json" if line is None else "jsonl", "path": path}
    if line is not None:
        meta["input"]["line"] = line
    return _make_document(
        text,
        fields.get("source") or path,
        meta,
        doc_id=doc_id,
        title=fields.get("title"),
        url=fields.get("url"),
        published=published,
    )


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
    return json.loads(_SURROGATE.sub("\ufffd", text))


def _iso_date(value: str) -> str | None:
    """The date as given when it is ISO 8601, else as an ISO date when it reads as one."""
    value = value.strip()
    if not value:
        return None
    if _ISO_DATE.fullmatch(value) and _valid_iso(value):
        return value
    try:
        import dateparser

        parsed = dateparser.parse(
            value,
            languages=["en"],
            settings={"STRICT_PARSING": True, "PARSERS": ["absolute-time"]},
        )
    except Exception:
        # dateparser is a heuristic over arbitrary strings; a failure means "not a date"
        return None
    return parsed.date().isoformat() if parsed is not None else None


def _valid_iso(value: str) -> bool:
    if len(value) <= 7:  # YYYY or YYYY-MM
        return len(value) == 4 or 1 <= int(value[5:7]) <= 12
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


# ---- standard input ---------------------------------------------------------------------------


def _read_stdin(stream: TextIO | BinaryIO, options: ReadOptions) -> Iterator[Document | ErrorRow]:
    binary = _binary_stream(stream)
    cap = _line_cap(options)
    # Blank lines up to and including the first non-blank one decide the format.
    prefix: list[bytes] = []
    while not prefix or not prefix[-1].strip():
        line = binary.readline(cap + 1)
        if not line:
            break
        prefix.append(line.removeprefix(_UTF8_BOM) if not prefix else line)
    head = prefix[-1].strip() if prefix else b""
    if head.startswith(b"{") and _is_json_object(head):
        numbered = ((i, line, len(line)) for i, line in enumerate(prefix, 1))
        yield from _read_jsonl(
            itertools.chain(numbered, _lines(binary, cap, first=len(prefix) + 1)),
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
        yield _html_document(data, STDIN_SOURCE)
    else:
        yield _text_document(data, STDIN_SOURCE)


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


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["STDIN_SOURCE", "ReadOptions", "iter_inputs"]
