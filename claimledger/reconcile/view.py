"""The one read model of claims: figures with claimants and sentences, denials, origins."""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import combinations
from typing import Any

from sqlalchemy import Connection, select

from claimledger.reconcile.claims import (
    attach_origins,
    denials_of,
    figure,
    figures_of,
    statements_by_id,
)
from claimledger.reconcile.verdicts import relation
from claimledger.store import Store
from claimledger.store import schema as t

MAX_NOTES = 40  # figures compared pairwise for the notes of one measure


def claims_view(
    store: Store,
    kind: str | None = None,
    keys: Sequence[str] | None = None,
    evidence: bool = True,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Claims, most independent origins first: kind, key, measure, label, verdict, origins,
    outlets, counts and `members` (ids by kind); with `evidence`, also their figures (value,
    bound, claimant, as-of, sentence offsets), denials and notes, or their statements."""
    query = select(t.claims).order_by(
        t.claims.c.kind, t.claims.c.n_origins.desc(), t.claims.c.n_members.desc(), t.claims.c.key
    )
    if kind:
        query = query.where(t.claims.c.kind == kind)
    if keys is not None:
        query = query.where(t.claims.c.key.in_(list(keys)))
    if limit is not None:
        query = query.limit(limit)
    out = []
    with store.engine.connect() as conn:
        claims = conn.execute(query.offset(offset)).all()
        members = _members(conn, [c.id for c in claims])
        for c in claims:
            item = {
                "id": c.id,
                "kind": c.kind,
                "key": c.key,
                "measure": c.key if c.kind == "quantity" else None,
                "label": c.label,
                "verdict": c.verdict,
                "members": members.get(c.id, {"quantities": [], "statements": []}),
                "origins": json.loads(c.origins),
                "outlets": json.loads(c.outlets),
                "n_members": c.n_members,
                "n_origins": c.n_origins,
                "n_articles": c.n_articles,
            }
            if evidence:
                item.update(_quantity_evidence(conn, c.key) if c.kind == "quantity" else
                            _statement_evidence(conn, item["members"]["statements"]))
            out.append(item)
    return out


def _members(conn: Connection, claim_ids: list[int]) -> dict[int, dict[str, list[int]]]:
    """Member ids of each claim, by kind, as reconcile stored them."""
    out: dict[int, dict[str, list[int]]] = {}
    m = t.claim_members
    for i in range(0, len(claim_ids), 500):
        rows = conn.execute(
            select(m.c.claim_id, m.c.item_kind, m.c.item_id)
            .where(m.c.claim_id.in_(claim_ids[i : i + 500]))
            .order_by(m.c.claim_id, m.c.item_kind, m.c.item_id)
        )
        for r in rows:
            found = out.setdefault(r.claim_id, {"quantities": [], "statements": []})
            found["quantities" if r.item_kind == "quantity" else "statements"].append(r.item_id)
    return out


def _quantity_evidence(conn: Connection, key: str) -> dict[str, Any]:
    figures = figures_of(conn, key)
    denials = denials_of(conn, key)
    attach_origins(conn, figures + denials)
    shown = [f for f in figures if f["stance"] != "deny"][:MAX_NOTES]
    notes = [
        {"a": a["id"], "b": b["id"], "relation": rel}
        for a, b in combinations(shown, 2)
        if (rel := relation(figure(a), figure(b))) in ("conflict", "evolved")
    ]
    for f in figures:
        f["as_of"] = figure(f).as_of
    return {
        "articles": sorted({r["article_id"] for r in figures + denials}),
        "figures": figures,
        "denials": denials + [f for f in figures if f["stance"] == "deny"],
        "notes": notes,
    }


def _statement_evidence(conn: Connection, ids: list[int]) -> dict[str, Any]:
    rows = statements_by_id(conn, ids)
    attach_origins(conn, rows)
    return {"articles": sorted({r["article_id"] for r in rows}), "statements": rows}
