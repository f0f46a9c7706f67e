"""claimledger's custom spaCy components, added after the statistical pipeline."""

from __future__ import annotations

from spacy.language import Language


def add_components(nlp: Language) -> None:
    """Add our components once; later stages (entity rulers for titles, aliases) hook in here."""
    return None
