"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.analyze import analyze_text
from claimledger.config import Settings
from claimledger.model import Analysis
from claimledger.nlp import load_nlp

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def analyze(nlp):
    """Analyse a short text written for the test: `analyze(text, published_at="2024-10-23")`."""
    settings = Settings()

    def run(text: str, **meta: str | None) -> Analysis:
        return analyze_text(text, settings, **meta)

    return run


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
