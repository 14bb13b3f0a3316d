"""Paths (readout.read.inputs.paths): files, folders, standard input, and every input giving
one Document or one ErrorRow, never an exception."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from readout.model import Document, ErrorRow
from readout.read.inputs import STDIN_SOURCE, ReadOptions, paths

# ---- files: formats, size limits, unreadable paths -----------------------------------------------


def test_unknown_extension_is_text(tmp_path: Path, document) -> None:
    path = tmp_path / "NOTES"
    path.write_text("Plain words without an extension.", encoding="utf-8")
    assert document(path).text == "Plain words without an extension."


def test_over_size_limit_is_refused_before_reading(tmp_path: Path, error) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: 64 GiB on paper, nothing on disk
        f.truncate(64 << 30)
    row = error(path, "E004")
    assert "5,000,000" in row.message and "--max-bytes" in row.message


def test_size_limit_is_an_option(tmp_path: Path, error, one) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("x" * 101, encoding="utf-8")
    error(path, "E004", ReadOptions(max_bytes=100))
    assert isinstance(one(path, ReadOptions(max_bytes=101)), Document)


def test_size_limit_json_file_suggests_jsonl(tmp_path: Path, error) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{"text": "x" * 200}]), encoding="utf-8")
    assert ".jsonl" in error(path, "E004", ReadOptions(max_bytes=100)).message


def test_missing_path(tmp_path: Path, error) -> None:
    assert "no such" in error(tmp_path / "nope.txt", "E008").message


def test_broken_symlink(tmp_path: Path, error) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert "symbolic link" in error(link, "E008").message


def test_not_a_regular_file(tmp_path: Path, error) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "regular file" in error(fifo, "E008").message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_permission_denied(tmp_path: Path, error) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden", encoding="utf-8")
    path.chmod(0)
    try:
        assert "permission" in error(path, "E008").message
    finally:
        path.chmod(0o600)


def test_file_name_that_is_not_utf8(tmp_path: Path, read) -> None:
    with open(os.path.join(bytes(tmp_path), b"caf\xe9.txt"), "wb") as f:
        f.write(b"text")
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    items = read(tmp_path)
    assert [getattr(i, "code", "doc") for i in items] == ["E008", "doc"]
    assert items[0].source == str(tmp_path / "caf\ufffd.txt")
    items[0].to_json().encode("utf-8")


def test_empty_path_string(read) -> None:
    assert [r.code for r in read("")] == ["E008"]


def test_reader_bug_becomes_one_error_row(tmp_path: Path, monkeypatch, read) -> None:
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    (tmp_path / "b.txt").write_text("second", encoding="utf-8")
    real = paths.text_document

    def flaky(data: bytes, source: str):
        if source.endswith("a.txt"):
            raise RuntimeError("boom")
        return real(data, source)

    monkeypatch.setattr(paths, "text_document", flaky)
    items = read(tmp_path)
    assert [type(i).__name__ for i in items] == ["ErrorRow", "Document"]
    assert items[0].code == "E010" and "boom" in items[0].message
    assert items[1].text == "second"


# ---- folders, order, ids -------------------------------------------------------------------------


def test_folder_is_read_recursively_in_name_order(inputs_dir, read) -> None:
    items = read(inputs_dir)
    assert all(isinstance(i, Document) for i in items)
    files = [i.meta["input"]["path"] for i in items]
    assert files == sorted(files)  # name order, subfolders in place
    assert Path(files[-1]).name == "sochi-2023-06-09.txt"
    assert len(items) == 1 + 2 + 1 + 3 + 1 + 1


def test_hidden_entries_skipped_and_good_beside_bad(tmp_path: Path, read) -> None:
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner.txt").write_text("inner", encoding="utf-8")
    (tmp_path / "a.txt").write_text("alpha", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    (tmp_path / "c.txt").write_text("gamma", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)  # a cycle is read once
    items = read(tmp_path)
    got = [i.text if isinstance(i, Document) else i.code for i in items]
    assert got == ["alpha", "inner", "E001", "gamma"]


def test_paths_keep_their_order_and_explicit_hidden_files_are_read(tmp_path: Path, read) -> None:
    (tmp_path / "z.txt").write_text("zed", encoding="utf-8")
    (tmp_path / ".a.txt").write_text("hidden but named", encoding="utf-8")
    items = read(tmp_path / "z.txt", tmp_path / "missing", tmp_path / ".a.txt")
    got = [i.text if isinstance(i, Document) else i.code for i in items]
    assert got == ["zed", "E008", "hidden but named"]


def test_ids_are_stable_and_follow_content(tmp_path: Path, read) -> None:
    (tmp_path / "a.txt").write_text("Same words.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same words.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Other words.", encoding="utf-8")
    first = [d.id for d in read(tmp_path)]
    assert first == [d.id for d in read(tmp_path)]
    assert first[0] == first[1] != first[2]
    assert len(first[0]) == 16 and int(first[0], 16) >= 0


def test_folder_unreadable_listing(tmp_path: Path, monkeypatch, read) -> None:
    def deny(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(paths.os, "listdir", deny)
    assert [(r.code, r.source) for r in read(tmp_path)] == [("E008", str(tmp_path))]


def test_empty_folder_gives_nothing(tmp_path: Path, read) -> None:
    assert read(tmp_path) == []


# ---- standard input ------------------------------------------------------------------------------


def test_stdin_text(read) -> None:
    items = read("-", stdin=io.StringIO("Peskov said the talks went well.\r\n"))
    assert len(items) == 1 and items[0].text == "Peskov said the talks went well.\r\n"
    assert items[0].source == STDIN_SOURCE


def test_stdin_bytes_use_the_decoding_policy(read) -> None:
    items = read("-", stdin=io.BytesIO(b"Caf\xe9"))
    assert items[0].text == "Café" and items[0].meta["decoded_as"] == "cp1252"


def test_stdin_text_wrapper_reads_its_bytes(read) -> None:
    wrapper = io.TextIOWrapper(io.BytesIO("\ufeffÜber".encode("utf-8")), encoding="latin-1")
    assert read("-", stdin=wrapper)[0].text == "Über"


def test_stdin_json_lines_detected_after_blank_lines(read, sha) -> None:
    data = (
        "\n\n" + json.dumps({"id": "x1", "text": "one"}) + "\n{bad\n" + json.dumps({"text": "two"})
    )
    items = read("-", stdin=io.StringIO(data))
    got = [
        (i.code, i.line) if isinstance(i, ErrorRow) else (i.id, i.meta["input"]["line"])
        for i in items
    ]
    assert got == [("x1", 3), ("E005", 4), (sha("two")[:16], 5)]
    assert all(i.source == STDIN_SOURCE for i in items)


def test_stdin_that_only_looks_like_json_is_text(read) -> None:
    items = read("-", stdin=io.StringIO("{this is not json} but a text\n"))
    assert items[0].text == "{this is not json} but a text\n"


def test_stdin_html_detected(inputs_dir, read) -> None:
    page = (inputs_dir / "article.html").read_bytes()
    doc = read("-", stdin=io.BytesIO(page))[0]
    assert doc.title == "Presidents discuss trade in Sochi" and "SCRIPT_MARKER" not in doc.text


def test_stdin_empty_and_over_limit(read) -> None:
    assert [r.code for r in read("-", stdin=io.StringIO(""))] == ["E002"]
    assert [r.code for r in read("-", stdin=io.StringIO("\n \n"))] == ["E002"]
    rows = read("-", options=ReadOptions(max_bytes=10), stdin=io.StringIO("x" * 11))
    assert [r.code for r in rows] == ["E004"] and "--max-bytes" in rows[0].message


def test_stdin_defaults_to_sys_stdin(monkeypatch, read) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("from the real stdin"))
    assert read("-")[0].text == "from the real stdin"


def test_stdin_beside_files(tmp_path: Path, read) -> None:
    (tmp_path / "a.txt").write_text("file", encoding="utf-8")
    items = read(tmp_path / "a.txt", "-", tmp_path / "a.txt", stdin=io.StringIO("piped"))
    assert [i.text for i in items] == ["file", "piped", "file"]
