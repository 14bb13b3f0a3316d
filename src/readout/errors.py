"""readout's error codes, all in one registry, and its own exception.

Codes: ``E0xx`` are per-document input problems and ``E1xx`` per-document processing
problems; both end as error rows and the run goes on. ``R1xx`` are run-level problems (a
missing pipeline) that stop the run with a message and exit status 2. Every code is
documented in docs/inputs.md (a test checks the table against :data:`CODES`).
"""

from __future__ import annotations

# Input problems (readout.read.inputs): the document gives an error row.
BINARY = "E001"
EMPTY = "E002"
UNDECODABLE = "E003"
TOO_LARGE = "E004"
MALFORMED_JSON = "E005"
NOT_A_DOCUMENT = "E006"
NO_HTML_TEXT = "E007"
UNREADABLE = "E008"
CORRUPT_GZIP = "E009"
READER_FAILED = "E010"
# A stage failed on one readable document: it becomes an error row with this code so the
# run goes on; the message asks for a bug report because the input itself was readable.
STAGE_FAILED = "E100"
# Run-level: the spaCy pipeline cannot be loaded.
PIPELINE_MISSING = "R101"

CODES: dict[str, str] = {
    BINARY: "binary file",
    EMPTY: "empty input",
    UNDECODABLE: "undecodable text",
    TOO_LARGE: "over the size limit",
    MALFORMED_JSON: "malformed JSON",
    NOT_A_DOCUMENT: "JSON that is not a document",
    NO_HTML_TEXT: "HTML with no extractable text",
    UNREADABLE: "unreadable path",
    CORRUPT_GZIP: "corrupt or truncated gzip",
    READER_FAILED: "the reader failed on this input",
    STAGE_FAILED: "a stage failed on this document",
    PIPELINE_MISSING: "the spaCy pipeline cannot be loaded",
}


class ReadoutError(Exception):
    """A problem a person can act on: ``code`` names it, ``message`` says what to do."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message
