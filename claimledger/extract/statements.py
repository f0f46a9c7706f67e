"""Statements extraction: who said what, from quotes and reported speech in the parse."""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.extract.attribution import find_statements
from claimledger.extract.registry import extractor
from claimledger.model import Analysis


@extractor("statements")
def extract_statements(doc: Doc, analysis: Analysis) -> None:
    """Fill `analysis.statements`; speakers are resolved to entities later, in resolve."""
    analysis.statements = find_statements(doc)
