"""Decoding (readout.read.inputs.decode): byte-order marks, UTF-8, cp1252, binary files."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_PROPERTY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def test_text_file_is_read_as_is(inputs_dir, document, sha) -> None:
    path = inputs_dir / "briefing.txt"
    doc = document(path)
    text = path.read_text(encoding="utf-8")
    assert doc.text == text
    assert doc.source == str(path)
    assert doc.chars == len(text)
    assert doc.sha256 == sha(text)
    assert doc.id == sha(text)[:16]
    assert doc.title is None and doc.published is None and doc.published_from is None
    assert doc.meta == {"input": {"format": "text", "path": str(path)}}


def test_crlf_and_lone_cr_are_kept(tmp_path: Path, document) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Line one.\r\nLine two.\rLine three.\r\n")
    assert document(path).text == "Line one.\r\nLine two.\rLine three.\r\n"


@pytest.mark.parametrize(
    ("raw", "text", "decoded_as"),
    [
        (b"\xef\xbb\xbfWith a BOM.", "With a BOM.", None),
        ("Caf\u00e9 \u2014 UTF-16".encode("utf-16"), "Caf\u00e9 \u2014 UTF-16", "utf-16"),
        (b"\xfe\xff" + "Big end.".encode("utf-16-be"), "Big end.", "utf-16"),
        ("Wide text.".encode("utf-32"), "Wide text.", "utf-32"),
        (b"Caf\xe9 cr\xe8me \x93quoted\x94\r\n", "Café crème “quoted”\r\n", "cp1252"),
        ("Кремль".encode(), "Кремль", None),
    ],
)
def test_decoding_policy(
    tmp_path: Path, raw: bytes, text: str, decoded_as: str | None, document, sha
) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    doc = document(path)
    assert doc.text == text
    assert doc.meta.get("decoded_as") == decoded_as
    assert doc.sha256 == sha(text)


@pytest.mark.parametrize(
    ("name", "raw", "code", "says"),
    [
        ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "E001", "NUL"),
        ("ctrl.txt", bytes(range(1, 32)) * 10 + b"some text", "E001", "control characters"),
        ("zipped.txt", gzip.compress(b"hello" * 100), "E001", "decompress"),
        ("empty.txt", b"", "E002", "empty"),
        ("blank.txt", b"  \r\n\t \n", "E002", "whitespace"),
        ("latin.txt", b"Caf\xe9 na\xefve \x81\x8d\x8f\x90\x9d text", "E003", "UTF-8"),
        ("ctrl-latin.txt", b"Caf\xe9 \x1b text", "E003", "re-encode"),
        ("bad16.txt", b"\xff\xfe" + b"\x00\xd8" + b"a\x00", "E003", "UTF-16"),
        ("empty.html", b"", "E002", "empty"),
        ("binary.html", b"<html>\x00\x00\x00</html>", "E001", "NUL"),
        ("latin.html", b"<html><body><p>\x81\x8d</p></body></html>", "E003", "UTF-8"),
    ],
)
def test_bad_file_gives_one_error_row(
    tmp_path: Path, name: str, raw: bytes, code: str, says: str, error
) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    row = error(path, code)
    assert says.lower() in row.message.lower()


@_PROPERTY
@given(data=st.binary(max_size=2000) | st.text(max_size=500).map(lambda s: s.encode("utf-8")))
def test_any_bytes_in_a_text_file_give_one_document_or_error(
    tmp_path: Path, data: bytes, check_item, read
) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    items = read(path)
    assert len(items) == 1
    check_item(items[0])
