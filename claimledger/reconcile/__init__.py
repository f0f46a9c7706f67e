"""Claims across articles: grouping, verdicts, independent origins.

`reconcile_article` runs in the transaction that stored the article. It reads only that
article's rows, computes their blocking keys (measure keys, denial keys, proposition keys,
entity keys) and touches only the claims that share them: the cost of one more article does
not grow with the store.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, select, union

from claimledger.reconcile.claims import (
    article_figures,
    attach_origins,
    extend_measure,
    join_statement,
    rename_origin,
    statement_claims,
    statements_by_id,
)
from claimledger.reconcile.measures import (
    CASUALTY,
    DESTINATION,
    THINGS,
    Overrides,
    measure_of,
)
from claimledger.reconcile.propositions import Proposition
from claimledger.reconcile.text import lemma, words
from claimledger.reconcile.view import claims_view
from claimledger.resolve.across import find_places, resolve_entities
from claimledger.store import Store
from claimledger.store import schema as t

__all__ = ["claims_view", "reconcile_article"]

CANDIDATES = 30  # most recent statements looked at per blocking key
# a place that is the source of the denied claim, not the owner of the figure ("X's claims")
CLAIM_SOURCE = re.compile(
    r"(?:['’]s)?\s+(?:claims?|reports?|allegations?|accusations?|assertions?|media|intelligence)\b",
    re.I,
)


def reconcile_article(store: Store, conn: Connection, article_id: str) -> None:
    """Join one newly stored article's items to the claims they belong to (same transaction)."""
    text = conn.execute(select(t.articles.c.text).where(t.articles.c.id == article_id)).scalar_one()
    _link_entities(conn, article_id)
    statements = _rows(conn, t.statements, article_id)
    overrides = Overrides.load(conn)
    keys = assign_measures(conn, article_id, text, statements, overrides)
    deniers = [
        (s["speaker_start"], s["speaker_end"])
        for s in statements
        if s["stance"] == "deny" and s["speaker_end"] is not None
    ]
    said = {r["id"]: r for r in statements_by_id(conn, [s["id"] for s in statements])}
    figures = article_figures(conn, article_id)
    attach_origins(conn, list(said.values()) + [f for fs in figures.values() for f in fs])
    denied: dict[str, list[dict[str, Any]]] = {}
    for s in statements:
        if s["stance"] == "deny":
            for key in denial_keys(conn, s, text, deniers):
                conn.execute(t.denial_links.insert(), {"key": key, "statement_id": s["id"]})
                denied.setdefault(key, []).append(said[s["id"]])
    for key in sorted(keys | denied.keys()):
        extend_measure(conn, key, overrides, figures.get(key, []), denied.get(key, []))
    for s in statements:
        join_proposition(conn, said[s["id"]])


def assign_measures(
    conn: Connection,
    article_id: str,
    text: str,
    statements: list[dict[str, Any]],
    overrides: Overrides,
) -> set[str]:
    """Set `quantities.measure` for the article's quantities; return the keys they use."""
    by_id = {s["id"]: s for s in statements}
    keys: set[str] = set()
    for q in _rows(conn, t.quantities, article_id):
        s = by_id.get(q["statement_id"]) or _statement_holding(statements, q)
        speaker = (s["speaker_start"], s["speaker_end"]) if s and s["speaker_end"] else None
        m = measure_of(q, text, speaker)
        key = overrides.apply(m.key, q) if m else None
        if key != q["measure"]:
            conn.execute(
                t.quantities.update().where(t.quantities.c.id == q["id"]).values(measure=key)
            )
        if key:
            keys.add(key)
    return keys


def denial_keys(
    conn: Connection, s: dict[str, Any], text: str, deniers: list[tuple[int, int]]
) -> set[str]:
    """Measure keys a denial may refute: things it names x countries whose figures they are.

    A country is not the owner when it names a denier (`deniers`: speaker spans of the
    sentence's denials), the place the thing went ("troops in X"), or the source of the denied
    claim ("X's claims"). A denial that names a thing but no owner refutes the article's own
    figures of that thing.
    """
    start = s["sentence_start"]
    sentence = text[start : s["sentence_end"]]
    lemmas = {lemma(w) for w in words(sentence)}
    things = {THINGS[w] for w in lemmas if w in THINGS}
    if lemmas & CASUALTY:
        things.add("casualties")
    countries = {
        p.entity
        for p in find_places(sentence)
        if not any(a <= start + p.start < b for a, b in deniers)
        and not DESTINATION.search(sentence[: p.start])
        and not CLAIM_SOURCE.match(sentence[p.end :])
    }
    if countries:
        return {f"{thing}|{country}" for thing in things for country in countries}
    owned = conn.execute(
        select(t.quantities.c.measure)
        .where(t.quantities.c.article_id == s["article_id"])
        .where(t.quantities.c.measure.is_not(None))
        .distinct()
    ).scalars()
    return {key for key in owned if key.count("|") == 1 and key.split("|")[0] in things}


def join_proposition(conn: Connection, s: dict[str, Any]) -> None:
    """Put a statement in the claim of the proposition it makes; open one if it is new.

    Its proposition is computed once and stored; candidates are compared as stored.
    """
    prop = Proposition.of(s)
    keys = sorted(set(prop.keys()))
    p, k = t.propositions, t.statement_keys
    candidates: dict[int, Proposition] = {}
    for key in keys:
        rows = conn.execute(
            select(p)
            .join(k, k.c.statement_id == p.c.statement_id)
            .where(k.c.key == key)
            .order_by(k.c.statement_id.desc())
            .limit(CANDIDATES)
        )
        candidates.update((r.statement_id, Proposition.stored(r._mapping)) for r in rows)
    conn.execute(p.insert(), prop.row(s["id"]))
    if keys:
        conn.execute(k.insert(), [{"key": key, "statement_id": s["id"]} for key in keys])
    matches = [i for i, c in candidates.items() if prop.same(c)]
    join_statement(conn, statement_claims(conn, matches) if matches else [], s)


def _link_entities(conn: Connection, article_id: str) -> None:
    """Resolve across articles the entities this article names or quotes."""
    named = union(
        select(t.mentions.c.entity_id).where(t.mentions.c.article_id == article_id),
        select(t.statements.c.speaker_entity_id).where(t.statements.c.article_id == article_id),
    ).subquery()
    rows = conn.execute(
        select(t.entities.c.id, t.entities.c.name, t.entities.c.kind).where(
            t.entities.c.id.in_(select(named.c[0]))
        )
    ).all()
    for old, new in resolve_entities(conn, [(r.id, r.name, r.kind) for r in rows]):
        rename_origin(conn, old, new)


def _rows(conn: Connection, table: t.Table, article_id: str) -> list[dict[str, Any]]:
    query = select(table).where(table.c.article_id == article_id).order_by(table.c.idx)
    return [dict(r._mapping) for r in conn.execute(query)]


def _statement_holding(statements: list[dict[str, Any]], q: dict[str, Any]) -> dict | None:
    """The statement whose sentence holds a quantity the extractor left unattributed."""
    for s in statements:
        if s["sentence_start"] <= q["start_char"] and q["end_char"] <= s["sentence_end"]:
            return s
    return None
