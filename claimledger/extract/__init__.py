"""Pure per-article extraction: Doc in, statements / quantities / times out."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

# Importing the modules registers their extractors.
from claimledger.extract import quantities, statements, times  # noqa: F401
from claimledger.extract.registry import extractor, get_extractor
from claimledger.model import Analysis, Article


def extract(doc: Doc, article: Article, names: Sequence[str]) -> Analysis:
    """Run the named extractors in order over one parsed article."""
    analysis = Analysis(article=article)
    for name in names:
        get_extractor(name)(doc, analysis)
    return analysis


__all__ = ["extract", "extractor", "get_extractor"]
