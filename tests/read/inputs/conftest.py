"""Shared helpers of the input-reader tests, one module per module of readout.read.inputs.

The helpers reach the tests as fixtures (``read``, ``one``, ``error``, ``document``, ``sha``,
``check_item``, and ``inputs_dir``, the written fixture inputs): with ``--import-mode=importlib``
a test module cannot import a module beside it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from readout.model import Document, ErrorRow
from readout.read.inputs import ReadOptions, iter_inputs

INPUTS = Path(__file__).parents[2] / "fixtures" / "inputs"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read(*paths: str | Path, options: ReadOptions | None = None, stdin: Any = None) -> list:
    return list(iter_inputs([str(p) for p in paths], options, stdin=stdin))


def _one(path: str | Path, options: ReadOptions | None = None) -> Document | ErrorRow:
    items = _read(path, options=options)
    assert len(items) == 1, items
    return items[0]


def _error(path: str | Path, code: str, options: ReadOptions | None = None) -> ErrorRow:
    item = _one(path, options)
    assert isinstance(item, ErrorRow), item
    assert item.code == code, item
    assert item.message and item.source == str(path)
    return item


def _document(path: str | Path) -> Document:
    item = _one(path)
    assert isinstance(item, Document), item
    return item


def _check_item(item: Document | ErrorRow) -> None:
    """What holds for any item of any input: a usable document, or an input error row."""
    if isinstance(item, Document):
        assert isinstance(item.text, str) and item.text.strip()
        assert item.chars == len(item.text) and item.sha256 == _sha(item.text)
        json.dumps(item.meta, ensure_ascii=False).encode("utf-8")
    else:
        assert isinstance(item, ErrorRow) and item.code.startswith("E0") and item.message
        assert item.code != "E010", item.message


@pytest.fixture(scope="session")
def inputs_dir() -> Path:
    return INPUTS


@pytest.fixture(scope="session")
def read() -> Callable[..., list]:
    """Every item the readers give for the paths, in order."""
    return _read


@pytest.fixture(scope="session")
def one() -> Callable[..., Document | ErrorRow]:
    """The one item a path gives."""
    return _one


@pytest.fixture(scope="session")
def error() -> Callable[..., ErrorRow]:
    """The one error row a path gives, checked to have the code, a message and the source."""
    return _error


@pytest.fixture(scope="session")
def document() -> Callable[[str | Path], Document]:
    """The one document a path gives."""
    return _document


@pytest.fixture(scope="session")
def sha() -> Callable[[str], str]:
    """A text's SHA-256 as the readers write it."""
    return _sha


@pytest.fixture(scope="session")
def check_item() -> Callable[[Document | ErrorRow], None]:
    return _check_item
