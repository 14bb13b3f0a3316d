"""One registry of error codes, every code documented, none written anywhere else."""

from __future__ import annotations

import re
from pathlib import Path

from readout import errors

ROOT = Path(__file__).resolve().parents[1]
CODE = re.compile(r"""["']([ER]\d{3})["']""")


def test_every_code_is_documented_in_the_inputs_doc() -> None:
    doc = (ROOT / "docs" / "inputs.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| ([ER]\d{3}) \|", doc, flags=re.M))
    assert table == set(errors.CODES)


def test_codes_are_written_only_in_the_registry() -> None:
    stray = {
        str(path.relative_to(ROOT)): CODE.findall(path.read_text(encoding="utf-8"))
        for path in (ROOT / "src" / "readout").rglob("*.py")
        if path.name != "errors.py"
    }
    assert {k: v for k, v in stray.items() if v} == {}


def test_codes_are_unique_and_named() -> None:
    constants = {
        name: value
        for name, value in vars(errors).items()
        if name.isupper() and isinstance(value, str) and re.fullmatch(r"[ER]\d{3}", value)
    }
    assert sorted(constants.values()) == sorted(errors.CODES)
    assert all(errors.CODES.values())
