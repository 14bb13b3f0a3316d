"""Bytes to text by the package's decoding policy: byte-order marks, UTF-8, a page's declared
charset, cp1252, and the refusal of binary files; JSON's stricter rule (no charset guessing);
plain-text documents, which are decoded bytes and nothing more."""

from __future__ import annotations

import codecs
import re
from typing import Any

from readout.errors import BINARY, EMPTY, UNDECODABLE
from readout.model import Document, ErrorRow
from readout.read.inputs.documents import make_document

SUPPORTED = ".txt, .html, .htm, .json, .jsonl, .jsonl.gz"

UTF8_BOM = b"\xef\xbb\xbf"

_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_BINARY_SAMPLE = 1 << 16
_BINARY_CONTROL_RATIO = 0.10
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


def text_document(data: bytes, source: str) -> Document | ErrorRow:
    decoded = decode_nonblank(data, source, "text")
    if isinstance(decoded, ErrorRow):
        return decoded
    text, meta = decoded
    return make_document(text, source, meta)


def decode_nonblank(data: bytes, source: str, fmt: str) -> tuple[str, dict[str, Any]] | ErrorRow:
    """Decoded text that is not blank, with the ``meta`` every file input starts from."""
    decoded = decode(data, source, html=fmt == "html")
    if isinstance(decoded, ErrorRow):
        return decoded
    text, decoded_as = decoded
    if not text.strip():
        return ErrorRow(source, EMPTY, "the file holds only whitespace")
    meta: dict[str, Any] = {"input": {"format": fmt, "path": source}}
    if decoded_as is not None:
        meta["decoded_as"] = decoded_as
    return text, meta


def decode(data: bytes, source: str, html: bool = False) -> tuple[str, str | None] | ErrorRow:
    """(text, decoded_as) by the package's decoding policy; decoded_as is None for UTF-8."""
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
    data = data.removeprefix(UTF8_BOM)
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


def decode_json(data: bytes, source: str) -> str | ErrorRow:
    """A JSON file's text: UTF-8 unless a byte-order mark says otherwise, never a guess."""
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
        return data.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        return ErrorRow(
            source,
            UNDECODABLE,
            f"JSON must be UTF-8, and this is not (first bad byte at offset {exc.start}); "
            "re-encode the file as UTF-8",
        )
