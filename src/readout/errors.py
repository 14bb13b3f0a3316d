"""readout's own exceptions, each with a stable code a user can look up.

Codes: ``E0xx`` are per-document input problems (see docs/inputs.md) and end as error
rows; ``R1xx`` are run-level problems (a missing pipeline, an unreadable output) and stop
the run with a message and exit status 2.
"""

from __future__ import annotations


class ReadoutError(Exception):
    """A problem a person can act on: ``code`` names it, ``message`` says what to do."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


# Stage failures on one document: the document becomes an error row with this code so the
# run goes on; the message asks for a bug report because the input itself was readable.
STAGE_FAILED = "E100"
