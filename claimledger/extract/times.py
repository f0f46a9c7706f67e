"""Times extraction (filled in by its issue)."""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.extract.registry import extractor
from claimledger.model import Analysis


@extractor("times")
def extract_times(doc: Doc, analysis: Analysis) -> None:
    """Placeholder until the times extractor lands: extracts nothing."""
    return None
