"""HTML to its main text: trafilatura first, a plain lxml extraction (all text outside
scripts, styles and comments, by blocks) when trafilatura finds nothing, and the guards that
keep hostile markup (deep trees, huge attributes, unclosed tags) from breaking either."""

from __future__ import annotations

import logging
from typing import Any

from readout.errors import NO_HTML_TEXT
from readout.model import Document, ErrorRow
from readout.read.inputs.decode import decode_nonblank
from readout.read.inputs.documents import iso_date, make_document

# An HTML tree deeper than this is refused by libxml2 even with huge_tree.
_LXML_MAX_DEPTH = 2048

_DROP_TAGS = ("script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary "
    "table td th tr ul caption title body html".split()
)


def html_document(data: bytes, source: str) -> Document | ErrorRow:
    decoded = decode_nonblank(data, source, "html")
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
    return make_document(text, source, meta, title=title, url=url, published=published)


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
    published = iso_date(result.date) if isinstance(result.date, str) else None
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
