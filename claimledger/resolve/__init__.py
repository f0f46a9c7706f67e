"""Mentions to entities: within an article, then across articles."""

from claimledger.resolve.within import resolve_article

__all__ = ["resolve_article"]
