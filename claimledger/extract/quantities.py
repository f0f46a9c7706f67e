"""Quantities extraction (filled in by its issue)."""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.extract.registry import extractor
from claimledger.model import Analysis


@extractor("quantities")
def extract_quantities(doc: Doc, analysis: Analysis) -> None:
    """Placeholder until the quantities extractor lands: extracts nothing."""
    return None
