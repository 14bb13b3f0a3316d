"""What every reader shares: :class:`ReadOptions`, building a :class:`Document` (its id and
hash), ISO dates from metadata, and the wording of error messages (OS errors, clipped quotes)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from readout.model import Document

STDIN_SOURCE = "<stdin>"

SURROGATE = re.compile("[\ud800-\udfff]")
# The most characters of a parser's message, and of an offending line, an error row quotes.
PARSER_MESSAGE = 200
MESSAGE_SNIPPET = 60

_ISO_DATE = re.compile(
    r"\d{4}(-\d{2}(-\d{2})?)?([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?"
)


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read."""

    max_bytes: int = 5_000_000
    """Largest document: a text, HTML or JSON file's size, or a JSON line's text in UTF-8."""

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise ValueError(f"max_bytes must be at least 1, not {self.max_bytes}")


def make_document(
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


def iso_date(value: str) -> str | None:
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


def os_message(exc: OSError, what: str) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"no such {what}: check the path"
    if isinstance(exc, PermissionError):
        return f"permission denied: readout may not read this {what}; check its permissions"
    return f"cannot read this {what}: {exc.strerror or exc}"


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
