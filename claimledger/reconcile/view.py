"""Claims as the report shows them: figures with claimants and sentences, denials, origins."""

from __future__ import annotations

import json
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


def claims_view(store: Store, min_members: int = 1) -> list[dict[str, Any]]:
    """Every claim with kind, key, label, verdict, member ids, articles, outlets, origins and
    its evidence: figures (value, bound, claimant, as-of, sentence offsets) and denials for
    measures; statements (speaker, stance, content offsets) for propositions."""
    out = []
    with store.engine.connect() as conn:
        query = (
            select(t.claims)
            .where(t.claims.c.n_members >= min_members)
            .order_by(t.claims.c.kind, t.claims.c.n_origins.desc(), t.claims.c.n_members.desc())
        )
        for c in conn.execute(query).all():
            item = {
                "id": c.id,
                "kind": c.kind,
                "key": c.key,
                "measure": c.key if c.kind == "quantity" else None,
                "label": c.label,
                "verdict": c.verdict,
                "origins": json.loads(c.origins),
                "outlets": json.loads(c.outlets),
                "n_origins": c.n_origins,
                "n_articles": c.n_articles,
            }
            item.update(_quantity_evidence(conn, c.key) if c.kind == "quantity" else
                        _statement_evidence(conn, c.id))
            out.append(item)
    return out


def _quantity_evidence(conn: Connection, key: str) -> dict[str, Any]:
    figures = figures_of(conn, key)
    denials = denials_of(conn, key)
    attach_origins(conn, figures + denials)
    shown = figures[:MAX_NOTES]
    notes = [
        {"a": a["id"], "b": b["id"], "relation": rel}
        for a, b in combinations(shown, 2)
        if a["stance"] != "deny" and b["stance"] != "deny"
        and (rel := relation(figure(a), figure(b))) in ("conflict", "evolved")
    ]
    return {
        "members": {"quantities": [f["id"] for f in figures],
                    "statements": [d["id"] for d in denials]},
        "articles": sorted({r["article_id"] for r in figures + denials}),
        "figures": [_figure_json(f) for f in figures],
        "denials": [_statement_json(d) for d in denials]
        + [_figure_json(f) for f in figures if f["stance"] == "deny"],
        "notes": notes,
    }


def _statement_evidence(conn: Connection, claim_id: int) -> dict[str, Any]:
    ids = list(
        conn.execute(
            select(t.claim_members.c.item_id).where(t.claim_members.c.claim_id == claim_id)
        ).scalars()
    )
    rows = statements_by_id(conn, ids)
    attach_origins(conn, rows)
    return {
        "members": {"quantities": [], "statements": [r["id"] for r in rows]},
        "articles": sorted({r["article_id"] for r in rows}),
        "statements": [_statement_json(r) for r in rows],
    }


def _figure_json(f: dict[str, Any]) -> dict[str, Any]:
    return {
        "quantity_id": f["id"],
        "text": f["text"],
        "value_low": f["value_low"],
        "value_high": f["value_high"],
        "change": f["change"],
        "hedge": f["hedge"],
        "status": f["status"],
        "as_of": figure(f).as_of,
        "time_text": f["time_text"],
        "claimant": f["speaker_name"] or f["speaker_text"],
        "origins": f["origins"],
        "stance": f["stance"] or "assert",
        "statement_id": f["statement_id"],
        "article_id": f["article_id"],
        "outlet": f["outlet"],
        "published_at": f["published_at"],
        "start_char": f["start_char"],
        "end_char": f["end_char"],
        "sentence_start": f["sentence_start"],
        "sentence_end": f["sentence_end"],
        "sentence": f["sentence"],
    }


def _statement_json(s: dict[str, Any]) -> dict[str, Any]:
    return {
        "statement_id": s["id"],
        "speaker": s["speaker_name"] or s["speaker_text"],
        "origins": s["origins"],
        "stance": s["stance"],
        "cue": s["cue_text"],
        "content": s["content_text"],
        "article_id": s["article_id"],
        "outlet": s["outlet"],
        "published_at": s["published_at"],
        "content_start": s["content_start"],
        "content_end": s["content_end"],
        "sentence_start": s["sentence_start"],
        "sentence_end": s["sentence_end"],
    }
