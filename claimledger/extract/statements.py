"""Statements extraction: who said what, from quotes and reported speech in the parse."""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.extract.attribution import find_statements
from claimledger.extract.corrections import in_correction
from claimledger.extract.registry import extractor
from claimledger.model import Analysis


@extractor("statements")
def extract_statements(doc: Doc, analysis: Analysis) -> None:
    """Fill `analysis.statements`; speakers are resolved to entities later, in resolve."""
    found = find_statements(doc)
    text = analysis.article.text
    analysis.statements = [s for s in found if not in_correction(text, s.sentence.start)]
