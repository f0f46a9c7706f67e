"""The whole dossier as one dict (the `report --format json` contract of DESIGN.md)."""

from __future__ import annotations

import json
from typing import Any

from claimledger.store import Store


def build_dossier(store: Store) -> dict[str, Any]:
    """Articles (without text), entities, statements, quantities, claims and a timeline."""
    articles = store.rows("articles", order_by=("published_at", "id"))
    for a in articles:
        a.pop("text", None)
    return {
        "articles": articles,
        "entities": store.rows("entities", order_by=("name",)),
        "statements": store.rows("statements", order_by=("article_id", "idx")),
        "quantities": store.rows("quantities", order_by=("article_id", "idx")),
        "times": store.rows("times", order_by=("article_id", "idx")),
        "claims": store.rows("claims", order_by=("kind", "key")),
        "timeline": [],
    }


def render(store: Store, fmt: str = "json") -> str:
    """Render the dossier in one of the supported formats."""
    if fmt == "json":
        return json.dumps(build_dossier(store), ensure_ascii=False, indent=2)
    raise ValueError(f"unsupported report format {fmt!r} (json)")
