"""HTML (readout.read.inputs.html): main text by trafilatura or lxml, and hostile markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout.model import Document, ErrorRow
from readout.read.inputs import html


def test_html_main_text_title_and_metadata(inputs_dir, document, sha) -> None:
    doc = document(inputs_dir / "article.html")
    assert doc.title == "Presidents discuss trade in Sochi"
    assert doc.url == "https://news.example.org/2023/04/06/sochi-talks"
    assert doc.published == "2023-04-06" and doc.published_from == "metadata"
    assert "grown by 12% over the past two years" in doc.text
    assert "almost $50bn by yours" in doc.text
    for marker in ("SCRIPT_MARKER", "COMMENT_MARKER", "hidden-style-marker", "trackingMarker"):
        assert marker not in doc.text
    assert doc.meta["extractor"] == "trafilatura"
    assert doc.chars == len(doc.text) and doc.sha256 == sha(doc.text)


def test_html_fragment_falls_back_to_lxml(tmp_path: Path, document) -> None:
    path = tmp_path / "fragment.htm"
    path.write_text("<p>Just a fragment, <b>with</b> markup.</p>", encoding="utf-8")
    doc = document(path)
    assert doc.meta["extractor"] == "lxml"  # trafilatura declines single-block fragments
    assert doc.text == "Just a fragment, with markup."


def test_lxml_fallback_drops_scripts_styles_comments_and_keeps_blocks() -> None:
    text, title, too_deep = html._lxml_text(
        "<html><head><title> The\n title </title><style>p {}</style></head><body>"
        "<h1>Head</h1><p>One <b>bold</b> line<br>and   another.</p><script>var SCRIPT</script>"
        "<!-- COMMENT --><noscript>SCRIPT</noscript><ul><li>first</li><li>second</li></ul>"
        "</body></html>"
    )
    assert text == "Head\nOne bold line\nand another.\nfirst\nsecond"
    assert title == "The title" and not too_deep


def test_html_declared_charset_is_used(tmp_path: Path, document) -> None:
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
def test_hostile_html_gives_a_document_or_a_clear_error(tmp_path: Path, name: str, one) -> None:
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
        doc = html.html_document(HOSTILE[name].encode(), name)
        got = doc.code if isinstance(doc, ErrorRow) else doc.text
        assert got == want, name
    row = html.html_document(HOSTILE["nested-5000"].encode(), "deep")
    assert isinstance(row, ErrorRow) and "nested deeper" in row.message


@pytest.mark.parametrize(
    ("name", "raw", "code", "says"),
    [
        (
            "scripts.html",
            b"<html><head><script>alert(1)</script></head><body></body></html>",
            "E007",
            "scripts",
        ),
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
def test_any_bytes_in_html_never_raise(tmp_path: Path, data: bytes, check_item, read) -> None:
    path = tmp_path / "any.html"
    path.write_bytes(data)
    items = read(path)
    assert items
    for item in items:
        check_item(item)
