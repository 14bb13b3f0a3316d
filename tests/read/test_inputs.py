"""The input readers: every input gives one Document or one ErrorRow, never an exception."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout.model import Document, ErrorRow
from readout.read import inputs
from readout.read.inputs import STDIN_SOURCE, ReadOptions, iter_inputs

FIXTURES = Path(__file__).parent.parent / "fixtures" / "inputs"


def read(*paths: str | Path, options: ReadOptions | None = None, stdin=None) -> list:
    return list(iter_inputs([str(p) for p in paths], options, stdin=stdin))


def one(path: str | Path, options: ReadOptions | None = None) -> Document | ErrorRow:
    items = read(path, options=options)
    assert len(items) == 1, items
    return items[0]


def error(path: str | Path, code: str, options: ReadOptions | None = None) -> ErrorRow:
    item = one(path, options)
    assert isinstance(item, ErrorRow), item
    assert item.code == code, item
    assert item.message and item.source == str(path)
    return item


def document(path: str | Path) -> Document:
    item = one(path)
    assert isinstance(item, Document), item
    return item


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---- plain text -------------------------------------------------------------------------------


def test_text_file_is_read_as_is() -> None:
    path = FIXTURES / "briefing.txt"
    doc = document(path)
    text = path.read_text(encoding="utf-8")
    assert doc.text == text
    assert doc.source == str(path)
    assert doc.chars == len(text)
    assert doc.sha256 == sha(text)
    assert doc.id == sha(text)[:16]
    assert doc.title is None and doc.published is None and doc.published_from is None
    assert doc.meta == {"input": {"format": "text", "path": str(path)}}


def test_crlf_and_lone_cr_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Line one.\r\nLine two.\rLine three.\r\n")
    assert document(path).text == "Line one.\r\nLine two.\rLine three.\r\n"


def test_unknown_extension_is_text(tmp_path: Path) -> None:
    path = tmp_path / "NOTES"
    path.write_text("Plain words without an extension.", encoding="utf-8")
    assert document(path).text == "Plain words without an extension."


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
def test_decoding_policy(tmp_path: Path, raw: bytes, text: str, decoded_as: str | None) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    doc = document(path)
    assert doc.text == text
    assert doc.meta.get("decoded_as") == decoded_as
    assert doc.sha256 == sha(text)


# ---- bad inputs: exactly one error row each -----------------------------------------------------


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
        (
            "scripts.html",
            b"<html><head><script>alert(1)</script></head><body></body></html>",
            "E007",
            "scripts",
        ),
        ("binary.html", b"<html>\x00\x00\x00</html>", "E001", "NUL"),
        ("latin.html", b"<html><body><p>\x81\x8d</p></body></html>", "E003", "UTF-8"),
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
    tmp_path: Path, name: str, raw: bytes, code: str, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    row = error(path, code)
    assert says.lower() in row.message.lower()


def test_over_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: 64 GiB on paper, nothing on disk
        f.truncate(64 << 30)
    row = error(path, "E004")
    assert "5,000,000" in row.message and "--max-bytes" in row.message


def test_size_limit_is_an_option(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("x" * 101, encoding="utf-8")
    error(path, "E004", ReadOptions(max_bytes=100))
    assert isinstance(one(path, ReadOptions(max_bytes=101)), Document)


def test_size_limit_json_file_suggests_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{"text": "x" * 200}]), encoding="utf-8")
    assert ".jsonl" in error(path, "E004", ReadOptions(max_bytes=100)).message


def test_missing_path(tmp_path: Path) -> None:
    assert "no such" in error(tmp_path / "nope.txt", "E008").message


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert "symbolic link" in error(link, "E008").message


def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "regular file" in error(fifo, "E008").message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden", encoding="utf-8")
    path.chmod(0)
    try:
        assert "permission" in error(path, "E008").message
    finally:
        path.chmod(0o600)


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    with open(os.path.join(bytes(tmp_path), b"caf\xe9.txt"), "wb") as f:
        f.write(b"text")
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    items = read(tmp_path)
    assert [getattr(i, "code", "doc") for i in items] == ["E008", "doc"]
    assert items[0].source == str(tmp_path / "caf\ufffd.txt")
    items[0].to_json().encode("utf-8")


def test_empty_path_string() -> None:
    assert [r.code for r in read("")] == ["E008"]


def test_reader_bug_becomes_one_error_row(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    (tmp_path / "b.txt").write_text("second", encoding="utf-8")
    real = inputs._text_document

    def flaky(data: bytes, source: str):
        if source.endswith("a.txt"):
            raise RuntimeError("boom")
        return real(data, source)

    monkeypatch.setattr(inputs, "_text_document", flaky)
    items = read(tmp_path)
    assert [type(i).__name__ for i in items] == ["ErrorRow", "Document"]
    assert items[0].code == "E010" and "boom" in items[0].message
    assert items[1].text == "second"


# ---- HTML ---------------------------------------------------------------------------------------


def test_html_main_text_title_and_metadata() -> None:
    doc = document(FIXTURES / "article.html")
    assert doc.title == "Presidents discuss trade in Sochi"
    assert doc.url == "https://news.example.org/2023/04/06/sochi-talks"
    assert doc.published == "2023-04-06" and doc.published_from == "metadata"
    assert "grown by 12% over the past two years" in doc.text
    assert "almost $50bn by yours" in doc.text
    for marker in ("SCRIPT_MARKER", "COMMENT_MARKER", "hidden-style-marker", "trackingMarker"):
        assert marker not in doc.text
    assert doc.meta["extractor"] == "trafilatura"
    assert doc.chars == len(doc.text) and doc.sha256 == sha(doc.text)


def test_html_fragment_falls_back_to_lxml(tmp_path: Path) -> None:
    path = tmp_path / "fragment.htm"
    path.write_text("<p>Just a fragment, <b>with</b> markup.</p>", encoding="utf-8")
    doc = document(path)
    assert doc.meta["extractor"] == "lxml"  # trafilatura declines single-block fragments
    assert doc.text == "Just a fragment, with markup."


def test_lxml_fallback_drops_scripts_styles_comments_and_keeps_blocks() -> None:
    text, title, too_deep = inputs._lxml_text(
        "<html><head><title> The\n title </title><style>p {}</style></head><body>"
        "<h1>Head</h1><p>One <b>bold</b> line<br>and   another.</p><script>var SCRIPT</script>"
        "<!-- COMMENT --><noscript>SCRIPT</noscript><ul><li>first</li><li>second</li></ul>"
        "</body></html>"
    )
    assert text == "Head\nOne bold line\nand another.\nfirst\nsecond"
    assert title == "The title" and not too_deep


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    path = tmp_path / "ru.html"
    body = "<p>Песков сообщил журналистам о переговорах.</p>"
    page = f'<html><head><meta charset="windows-1251"><title>Кремль</title></head><body>{body}'
    path.write_bytes((page + "</body></html>").encode("cp1251"))
    doc = document(path)
    assert doc.meta["decoded_as"] == "cp1251"
    assert "Песков сообщил" in doc.text


def _nested(depth: int) -> str:
    return (
        "<html><body>" + "<div>" * depth + "Deep words here." + "</div>" * depth + "</body></html>"
    )


HOSTILE = {
    "nested-300": _nested(300),
    "nested-5000": _nested(5000),
    "unclosed-50000": "<html><body>" + "<font><span>" * 50_000 + "Unclosed words.",
    "huge-attribute": '<html><body><p title="'
    + "a" * 2_000_000
    + '">Attribute page.</p></body></html>',
    "script-only": "<html><head><script>document.write('SCRIPT')</script></head>"
    "<body><script>var SCRIPT = 1;</script><noscript>SCRIPT</noscript></body></html>",
    "style-only": "<html><head><style>body { content: 'SCRIPT' }</style></head><body></body>",
    "comments-only": "<html><body><!-- SCRIPT --><!-- more --></body></html>",
    "malformed": "<html><body><p>Hello <b>world</p></i></div><p>second <<<>>> &bogus; para</body>",
    "unclosed-script": "<html><body><p>Visible words.</p><script>var SCRIPT = '",
    "unclosed-comment": "<html><body><p>Visible words.</p><!-- SCRIPT never closed",
    "xml-declaration": '<?xml version="1.0" encoding="utf-8"?><html><body><p>XHTML words.</p>'
    "</body></html>",
    "tags-only": "<html><body>" + "<br/><hr/>" * 1000 + "</body></html>",
    "nested-tables": "<html><body>"
    + "<table><tr><td>" * 3000
    + "cell"
    + "</td></tr></table>" * 3000
    + "</body></html>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_html_gives_a_document_or_a_clear_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.html"
    path.write_text(HOSTILE[name], encoding="utf-8")
    item = one(path)
    if isinstance(item, Document):
        assert item.text.strip() and "SCRIPT" not in item.text
        assert "<" not in item.text.replace("<<<>>>", "")
    else:
        assert item.code == "E007" and "HTML with no extractable text" in item.message


def test_hostile_html_outcomes() -> None:
    """The cases whose outcome is known: deep trees within the parser's limit still read."""
    expected = {
        "nested-300": "Deep words here.",
        "nested-5000": "E007",
        "script-only": "E007",
        "style-only": "E007",
        "comments-only": "E007",
        "tags-only": "E007",
        "huge-attribute": "Attribute page.",
        "unclosed-script": "Visible words.",
        "xml-declaration": "XHTML words.",
    }
    for name, want in expected.items():
        doc = inputs._html_document(HOSTILE[name].encode(), name)
        got = doc.code if isinstance(doc, ErrorRow) else doc.text
        assert got == want, name
    row = inputs._html_document(HOSTILE["nested-5000"].encode(), "deep")
    assert isinstance(row, ErrorRow) and "nested deeper" in row.message


# ---- JSON Lines and JSON ------------------------------------------------------------------------


def test_jsonl_fields_ids_and_meta() -> None:
    path = FIXTURES / "reports.jsonl"
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


def test_jsonl_bad_lines_each_give_one_row_and_good_lines_still_read(tmp_path: Path) -> None:
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


def test_jsonl_overlong_line_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    options = ReadOptions(max_bytes=10)
    cap = inputs._line_cap(options)
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


def test_jsonl_meta_keeps_reader_keys_apart(tmp_path: Path) -> None:
    path = tmp_path / "k.jsonl"
    row = {"text": "t", "input": "user value", "extra": {"nested": ["\ud800"]}, "title": 7}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    doc = document(path)
    assert doc.meta["input_"] == "user value" and doc.meta["input"]["format"] == "jsonl"
    assert doc.meta["extra"] == {"nested": ["\ufffd"]}  # lone surrogates cannot be written out
    assert doc.title == "7"
    json.dumps(doc.meta, ensure_ascii=False).encode("utf-8")


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(3):
            f.write(json.dumps({"id": f"g{i}", "text": f"Document {i}."}) + "\n")
    assert [d.id for d in read(path)] == ["g0", "g1", "g2"]


def test_broken_gzip_midway_keeps_what_was_read(tmp_path: Path) -> None:
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


def test_corrupt_gzip_crc(tmp_path: Path) -> None:
    data = bytearray(gzip.compress(b'{"id": "a", "text": "Fine text."}\n'))
    data[-8] ^= 0xFF  # the CRC32 in the trailer
    path = tmp_path / "crc.jsonl.gz"
    path.write_bytes(bytes(data))
    items = read(path)
    assert [getattr(i, "code", "doc") for i in items] == ["doc", "E009"]


def test_json_single_object_and_array() -> None:
    single = document(FIXTURES / "single.json")
    assert single.id == "s1" and single.url == "https://example.org/s1"
    assert single.meta["input"] == {"format": "json", "path": str(FIXTURES / "single.json")}
    batch = read(FIXTURES / "batch.json")
    assert [d.id for d in batch] == ["b1", "b2"]
    assert batch[0].title == "Energy memorandum" and batch[1].meta["desk"] == "world"


def test_json_array_with_bad_items(tmp_path: Path) -> None:
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
def test_published_is_iso_or_none(tmp_path: Path, given: str, published: str | None) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"text": "t", "published": given}) + "\n", encoding="utf-8")
    doc = document(path)
    assert doc.published == published
    assert doc.published_from == ("metadata" if published else None)


# ---- folders, order, ids ----------------------------------------------------------------------


def test_folder_is_read_recursively_in_name_order() -> None:
    items = read(FIXTURES)
    assert all(isinstance(i, Document) for i in items)
    files = [i.meta["input"]["path"] for i in items]
    assert files == sorted(files)  # name order, subfolders in place
    assert Path(files[-1]).name == "sochi-2023-06-09.txt"
    assert len(items) == 1 + 2 + 1 + 3 + 1 + 1


def test_hidden_entries_skipped_and_good_beside_bad(tmp_path: Path) -> None:
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


def test_paths_keep_their_order_and_explicit_hidden_files_are_read(tmp_path: Path) -> None:
    (tmp_path / "z.txt").write_text("zed", encoding="utf-8")
    (tmp_path / ".a.txt").write_text("hidden but named", encoding="utf-8")
    items = read(tmp_path / "z.txt", tmp_path / "missing", tmp_path / ".a.txt")
    got = [i.text if isinstance(i, Document) else i.code for i in items]
    assert got == ["zed", "E008", "hidden but named"]


def test_ids_are_stable_and_follow_content(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Same words.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same words.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Other words.", encoding="utf-8")
    first = [d.id for d in read(tmp_path)]
    assert first == [d.id for d in read(tmp_path)]
    assert first[0] == first[1] != first[2]
    assert len(first[0]) == 16 and int(first[0], 16) >= 0


def test_folder_unreadable_listing(tmp_path: Path, monkeypatch) -> None:
    def deny(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(inputs.os, "listdir", deny)
    assert [(r.code, r.source) for r in read(tmp_path)] == [("E008", str(tmp_path))]


def test_empty_folder_gives_nothing(tmp_path: Path) -> None:
    assert read(tmp_path) == []


# ---- standard input ---------------------------------------------------------------------------


def test_stdin_text() -> None:
    items = read("-", stdin=io.StringIO("Peskov said the talks went well.\r\n"))
    assert len(items) == 1 and items[0].text == "Peskov said the talks went well.\r\n"
    assert items[0].source == STDIN_SOURCE


def test_stdin_bytes_use_the_decoding_policy() -> None:
    items = read("-", stdin=io.BytesIO(b"Caf\xe9"))
    assert items[0].text == "Café" and items[0].meta["decoded_as"] == "cp1252"


def test_stdin_text_wrapper_reads_its_bytes() -> None:
    wrapper = io.TextIOWrapper(io.BytesIO("\ufeffÜber".encode("utf-8")), encoding="latin-1")
    assert read("-", stdin=wrapper)[0].text == "Über"


def test_stdin_json_lines_detected_after_blank_lines() -> None:
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


def test_stdin_that_only_looks_like_json_is_text() -> None:
    items = read("-", stdin=io.StringIO("{this is not json} but a text\n"))
    assert items[0].text == "{this is not json} but a text\n"


def test_stdin_html_detected() -> None:
    page = (FIXTURES / "article.html").read_bytes()
    doc = read("-", stdin=io.BytesIO(page))[0]
    assert doc.title == "Presidents discuss trade in Sochi" and "SCRIPT_MARKER" not in doc.text


def test_stdin_empty_and_over_limit() -> None:
    assert [r.code for r in read("-", stdin=io.StringIO(""))] == ["E002"]
    assert [r.code for r in read("-", stdin=io.StringIO("\n \n"))] == ["E002"]
    rows = read("-", options=ReadOptions(max_bytes=10), stdin=io.StringIO("x" * 11))
    assert [r.code for r in rows] == ["E004"] and "--max-bytes" in rows[0].message


def test_stdin_defaults_to_sys_stdin(monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("from the real stdin"))
    assert read("-")[0].text == "from the real stdin"


def test_stdin_beside_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("file", encoding="utf-8")
    items = read(tmp_path / "a.txt", "-", tmp_path / "a.txt", stdin=io.StringIO("piped"))
    assert [i.text for i in items] == ["file", "piped", "file"]


# ---- properties -------------------------------------------------------------------------------

_PROPERTY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _check_item(item: Document | ErrorRow) -> None:
    if isinstance(item, Document):
        assert isinstance(item.text, str) and item.text.strip()
        assert item.chars == len(item.text) and item.sha256 == sha(item.text)
        json.dumps(item.meta, ensure_ascii=False).encode("utf-8")
    else:
        assert isinstance(item, ErrorRow) and item.code.startswith("E0") and item.message
        assert item.code != "E010", item.message


@_PROPERTY
@given(data=st.binary(max_size=2000) | st.text(max_size=500).map(lambda s: s.encode("utf-8")))
def test_any_bytes_in_a_text_file_give_one_document_or_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    items = read(path)
    assert len(items) == 1
    _check_item(items[0])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=1000))
def test_any_bytes_in_jsonl_or_html_never_raise(tmp_path: Path, data: bytes) -> None:
    for name in ("any.jsonl", "any.html", "any.json", "any.jsonl.gz"):
        path = tmp_path / name
        path.write_bytes(data)
        items = read(path)
        assert items
        for item in items:
            _check_item(item)


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
def test_any_json_objects_give_one_item_each(tmp_path: Path, rows: list[dict]) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = read(path)
    assert len(items) == max(len(rows), 1)
    for item in items:
        _check_item(item)
