"""Shared fixtures: the project's written fixture documents and a loaded pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from readout.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES
