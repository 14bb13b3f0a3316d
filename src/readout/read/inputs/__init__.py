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

The package's modules: :mod:`.paths` (files, folders, standard input), :mod:`.decode`
(bytes to text), :mod:`.html` (HTML to its main text), :mod:`.jsonl` (JSON and JSON Lines)
and :mod:`.documents` (what they share: options, building a Document, dates, messages).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO, TextIO

from readout.model import Document, ErrorRow
from readout.read.inputs.documents import STDIN_SOURCE, ReadOptions
from readout.read.inputs.paths import guarded, read_path, read_stdin


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
            yield from guarded(read_stdin(stream, options), STDIN_SOURCE)
        else:
            yield from guarded(read_path(path, options, top=True), path)


__all__ = ["STDIN_SOURCE", "ReadOptions", "iter_inputs"]
