"""Statements extraction (filled in by its issue)."""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.extract.registry import extractor
from claimledger.model import Analysis


@extractor("statements")
def extract_statements(doc: Doc, analysis: Analysis) -> None:
    """Placeholder until the statements extractor lands: extracts nothing."""
    return None
