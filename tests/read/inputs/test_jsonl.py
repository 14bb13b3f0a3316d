"""JSON and JSON Lines (readout.read.inputs.jsonl): fields, bad lines, gzip, dates."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout.model import Document, ErrorRow
from readout.read.inputs import ReadOptions, jsonl


def test_jsonl_fields_ids_and_meta(inputs_dir, read, sha) -> None:
    path = inputs_dir / "reports.jsonl"
    docs = read(path)
    assert all(isinstance(d, Document) for d in docs)
    first, second, third = docs
    assert first.id == "tass-001" and first.source == "TASS"
    assert first.title == "Peskov on the talks" and first.url == "https://example.org/tass-001"
    assert first.published == "2023-04-06" and first.published_from == "metadata"
    assert first.meta["language"] == "en" and first.meta["tags"] == ["talks", "Kremlin"]
    assert first.meta["input"] == {"format": "jsonl", "path": str(path), "line": 1}
    assert second.id == "42" and second.source == str(path)
    assert second.published == "2023-04-05" and second.meta["published_raw"] == "April 5, 2023"
    assert second.meta["input"]["line"] == 3  # blank lines count
    text = "An item with no id: the reader derives one from the text."
    assert third.id == sha(text)[:16] and third.text == text and third.published_from is None
    for doc in docs:
        assert doc.chars == len(doc.text) and doc.sha256 == sha(doc.text)


def test_jsonl_bad_lines_each_give_one_row_and_good_lines_still_read(tmp_path: Path, read) -> None:
    lines = [
        json.dumps({"id": "ok-1", "text": "First good line."}),
        "{not json",
        "[1, 2]",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "number", "text": 12}),
        "",
        json.dumps({"id": ["a"], "text": "id of a bad type"}),
        json.dumps({"id": "big", "text": "x" * 500}),
        '{"id": "surrogate", "text": "bad \\ud800 half"}',
        "   ",
        json.dumps({"id": "ok-2", "text": "Last good line."}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"text": "caf\xe9"}\n')
    items = read(path, options=ReadOptions(max_bytes=100))
    got = [(i.code, i.line, i.id) if isinstance(i, ErrorRow) else i.id for i in items]
    assert got == [
        "ok-1",
        ("E005", 2, None),
        ("E006", 3, None),
        ("E006", 4, "no-text"),
        ("E006", 5, "empty"),
        ("E006", 6, "number"),
        ("E006", 8, None),
        ("E004", 9, "big"),
        ("E003", 10, "surrogate"),
        "ok-2",
        ("E003", 13, None),
    ]
    assert "Expecting property name" in items[1].message and "{not json" in items[1].message
    assert "--max-bytes" in items[7].message and "100" in items[7].message
    assert all(i.source == str(path) for i in items if isinstance(i, ErrorRow))


def test_jsonl_overlong_line_is_skipped_without_reading_it_whole(tmp_path: Path, read) -> None:
    options = ReadOptions(max_bytes=10)
    cap = jsonl.line_cap(options)
    path = tmp_path / "long.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"text": "y" * (cap + 5)}) + "\n")
        f.write(json.dumps({"text": "short"}) + "\n")
    items = read(path, options=options)
    assert [(type(i).__name__, getattr(i, "line", None)) for i in items] == [
        ("ErrorRow", 1),
        ("Document", None),
    ]
    assert items[0].code == "E004" and items[1].text == "short"


def test_jsonl_meta_keeps_reader_keys_apart(tmp_path: Path, document) -> None:
    path = tmp_path / "k.jsonl"
    row = {"text": "t", "input": "user value", "extra": {"nested": ["\ud800"]}, "title": 7}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    doc = document(path)
    assert doc.meta["input_"] == "user value" and doc.meta["input"]["format"] == "jsonl"
    assert doc.meta["extra"] == {"nested": ["\ufffd"]}  # lone surrogates cannot be written out
    assert doc.title == "7"
    json.dumps(doc.meta, ensure_ascii=False).encode("utf-8")


def test_jsonl_gz(tmp_path: Path, read) -> None:
    path = tmp_path / "docs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(3):
            f.write(json.dumps({"id": f"g{i}", "text": f"Document {i}."}) + "\n")
    assert [d.id for d in read(path)] == ["g0", "g1", "g2"]


def test_broken_gzip_midway_keeps_what_was_read(tmp_path: Path, read) -> None:
    lines = "".join(
        json.dumps({"id": f"g{i}", "text": f"Document {i} " + "w" * 50}) + "\n" for i in range(2000)
    )
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = read(path)
    assert all(isinstance(i, Document) for i in items[:-1]) and len(items) > 10
    assert [d.id for d in items[:-1]] == [f"g{i}" for i in range(len(items) - 1)]
    last = items[-1]
    assert isinstance(last, ErrorRow) and last.code == "E009" and last.line == len(items)
    assert "documents before it were read" in last.message


def test_corrupt_gzip_crc(tmp_path: Path, read) -> None:
    data = bytearray(gzip.compress(b'{"id": "a", "text": "Fine text."}\n'))
    data[-8] ^= 0xFF  # the CRC32 in the trailer
    path = tmp_path / "crc.jsonl.gz"
    path.write_bytes(bytes(data))
    items = read(path)
    assert [getattr(i, "code", "doc") for i in items] == ["doc", "E009"]


def test_json_single_object_and_array(inputs_dir, document, read) -> None:
    single = document(inputs_dir / "single.json")
    assert single.id == "s1" and single.url == "https://example.org/s1"
    assert single.meta["input"] == {"format": "json", "path": str(inputs_dir / "single.json")}
    batch = read(inputs_dir / "batch.json")
    assert [d.id for d in batch] == ["b1", "b2"]
    assert batch[0].title == "Energy memorandum" and batch[1].meta["desk"] == "world"


def test_json_array_with_bad_items(tmp_path: Path, read) -> None:
    path = tmp_path / "arr.json"
    path.write_text(json.dumps([{"text": "good"}, "just a string", {"id": "x"}]), encoding="utf-8")
    items = read(path)
    assert isinstance(items[0], Document)
    assert [(i.code, i.id) for i in items[1:]] == [("E006", None), ("E006", "x")]
    assert "item 2" in items[1].message


@pytest.mark.parametrize(
    ("given", "published"),
    [
        ("2023-04-05", "2023-04-05"),
        ("2023-04-05T10:00:00Z", "2023-04-05T10:00:00Z"),
        ("2023", "2023"),
        ("Wed, 05 Apr 2023 10:00:00 GMT", "2023-04-05"),
        ("9 June 2023", "2023-06-09"),
        ("2023-13-45", None),
        ("not a date", None),
        ("", None),
    ],
)
def test_published_is_iso_or_none(
    tmp_path: Path, given: str, published: str | None, document
) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"text": "t", "published": given}) + "\n", encoding="utf-8")
    doc = document(path)
    assert doc.published == published
    assert doc.published_from == ("metadata" if published else None)


@pytest.mark.parametrize(
    ("name", "raw", "code", "says"),
    [
        ("empty.json", b"", "E002", "empty"),
        ("broken.json", b'{"id": 1, "text": }', "E005", "column"),
        ("scalar.json", b"42", "E006", "number"),
        ("empty-array.json", b"[]", "E002", "no documents"),
        ("latin.json", b'{"text": "Caf\xe9"}', "E003", "UTF-8"),
        ("empty.jsonl", b"", "E002", "no documents"),
        ("blank.jsonl", b"\n\n  \n", "E002", "no documents"),
        ("utf16.jsonl", '{"text": "x"}\n'.encode("utf-16"), "E003", "UTF-16"),
        ("notgz.jsonl.gz", b'{"text": "not compressed"}\n', "E009", "gzip"),
    ],
)
def test_bad_file_gives_one_error_row(
    tmp_path: Path, name: str, raw: bytes, code: str, says: str, error
) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    row = error(path, code)
    assert says.lower() in row.message.lower()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=1000))
def test_any_bytes_in_json_or_jsonl_never_raise(
    tmp_path: Path, data: bytes, check_item, read
) -> None:
    for name in ("any.jsonl", "any.json", "any.jsonl.gz"):
        path = tmp_path / name
        path.write_bytes(data)
        items = read(path)
        assert items
        for item in items:
            check_item(item)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.dictionaries(
            st.sampled_from(["id", "text", "title", "published", "url", "source", "x"]),
            st.none() | st.booleans() | st.integers() | st.text(max_size=30),
            max_size=6,
        ),
        max_size=6,
    )
)
def test_any_json_objects_give_one_item_each(
    tmp_path: Path, rows: list[dict], check_item, read
) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = read(path)
    assert len(items) == max(len(rows), 1)
    for item in items:
        check_item(item)
