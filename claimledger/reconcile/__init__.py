"""Claims across articles: grouping, verdicts, independent origins, timeline."""

from __future__ import annotations

from sqlalchemy import Connection

from claimledger.store import Store


def reconcile_article(store: Store, conn: Connection, article_id: str) -> None:
    """Join one newly stored article's items to the claims they belong to (same transaction)."""
    return None
