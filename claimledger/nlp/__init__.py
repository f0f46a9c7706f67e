"""The one place that loads and runs the spaCy pipeline."""

from claimledger.nlp.pipeline import ModelNotInstalled, load_nlp, parse

__all__ = ["ModelNotInstalled", "load_nlp", "parse"]
