"""Recompute one claim from its members and write it: members, verdict, outlets, origins."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, Select, bindparam, delete, func, select, text

from claimledger.reconcile.measures import Overrides, label_of
from claimledger.reconcile.origins import origins_of
from claimledger.reconcile.verdicts import EVOLUTION, Figure, statement_verdict, verdict
from claimledger.store import schema as t

_STATEMENTS = """
SELECT s.id, s.article_id, s.idx, s.sentence_start, s.sentence_end, s.speaker_text,
       s.speaker_name, s.speaker_kind, s.speaker_entity_id, s.cue_text, s.content_text,
       s.content_start, s.content_end, s.direct, s.stance, a.outlet, a.published_at,
       l.canonical
FROM statements s JOIN articles a ON a.id = s.article_id
LEFT JOIN entity_links l ON l.entity_id = s.speaker_entity_id
WHERE s.id IN :ids
ORDER BY a.published_at, s.article_id, s.idx
"""


def figure_query() -> Select:
    """Quantities with their article, as-of time and claimant, the one definition of a figure.

    The claimant is the quantity's statement, else the first statement whose sentence holds it;
    `canonical` is the claimant's cross-article entity name.
    """
    q, a, tm, s, link = t.quantities, t.articles, t.times, t.statements, t.entity_links
    held = t.statements.alias("held")
    holding = (
        select(func.min(held.c.id))
        .where(held.c.article_id == q.c.article_id)
        .where(held.c.sentence_start <= q.c.start_char)
        .where(held.c.sentence_end >= q.c.end_char)
        .scalar_subquery()
    )
    sentence = func.substr(a.c.text, q.c.sentence_start + 1, q.c.sentence_end - q.c.sentence_start)
    return (
        select(
            *(c for c in q.c if c.name != "statement_id"),
            sentence.label("sentence"),
            a.c.outlet,
            a.c.title,
            a.c.url,
            a.c.published_at,
            tm.c.resolved_start.label("as_of"),
            tm.c.text.label("time_text"),
            s.c.id.label("statement_id"),
            s.c.speaker_text,
            s.c.speaker_name,
            s.c.speaker_kind,
            s.c.speaker_entity_id,
            s.c.stance,
            link.c.canonical,
        )
        .select_from(q)
        .join(a, a.c.id == q.c.article_id)
        .outerjoin(tm, tm.c.id == q.c.time_id)
        .outerjoin(s, s.c.id == func.coalesce(q.c.statement_id, holding))
        .outerjoin(link, link.c.entity_id == s.c.speaker_entity_id)
    )


def figures_of(conn: Connection, key: str) -> list[dict[str, Any]]:
    """The quantity members of a measure with claimant, as-of time and sentence."""
    q = t.quantities
    query = (
        figure_query()
        .where((q.c.measure == key) & q.c.value_low.is_not(None))
        .order_by(t.articles.c.published_at, q.c.article_id, q.c.idx)
    )
    return [dict(r._mapping) for r in conn.execute(query)]


def statements_by_id(conn: Connection, ids: list[int]) -> list[dict[str, Any]]:
    """Statement rows with their article's outlet and date and the speaker's canonical name."""
    if not ids:
        return []
    query = text(_STATEMENTS).bindparams(bindparam("ids", expanding=True))
    return [dict(r._mapping) for r in conn.execute(query, {"ids": ids})]


def denials_of(conn: Connection, key: str) -> list[dict[str, Any]]:
    """Denial statements linked to a measure."""
    ids = conn.execute(
        select(t.denial_links.c.statement_id).where(t.denial_links.c.key == key)
    ).scalars()
    return statements_by_id(conn, list(ids))


def figure(row: dict[str, Any]) -> Figure:
    """The verdict view of one figure row."""
    as_of = row["as_of"] or (row["published_at"] or "")[:10] or None
    cue = bool(EVOLUTION.search(row["sentence"] or row["text"]))
    return Figure(row["value_low"], row["value_high"], row["change"], row["status"], as_of, cue)


def attach_origins(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Give each row (a figure or a statement) its `origins`, the resolved speakers."""
    seen: dict[tuple[Any, ...], list[str]] = {}  # popular speakers recur across members
    for r in rows:
        canonical = r["canonical"] or r["speaker_name"]
        who = (canonical, r["speaker_text"], r["speaker_kind"], r["outlet"])
        if who not in seen:
            seen[who] = origins_of(conn, *who)
        r["origins"] = seen[who]


def refresh_measure(conn: Connection, key: str, overrides: Overrides) -> None:
    """Rebuild the claim of one measure key; no figures left means no claim."""
    figures = figures_of(conn, key)
    if not figures:
        _delete(conn, "quantity", key)
        return
    denials = denials_of(conn, key)
    attach_origins(conn, figures + denials)
    members = [("quantity", f["id"]) for f in figures] + [("statement", d["id"]) for d in denials]
    label = overrides.label(key, label_of(key))
    asserted = [figure(f) for f in figures if f["stance"] != "deny"]
    denied = bool(denials) or len(asserted) < len(figures)  # "denied that 40,000 were ..."
    result = verdict(asserted, denied=denied)
    _write(conn, "quantity", key, label, result, members, figures)


def refresh_statement_claim(conn: Connection, claim_id: int) -> None:
    """Rebuild a proposition claim from its member statements."""
    ids = list(
        conn.execute(
            select(t.claim_members.c.item_id).where(t.claim_members.c.claim_id == claim_id)
        ).scalars()
    )
    rows = statements_by_id(conn, ids)
    attach_origins(conn, rows)
    row = conn.execute(select(t.claims).where(t.claims.c.id == claim_id)).one()
    members = [("statement", r["id"]) for r in rows]
    result = statement_verdict([r["stance"] for r in rows])
    _write(conn, "statement", row.key, row.label, result, members, rows)


def new_statement_claim(conn: Connection, key: str, label: str, statement_id: int) -> int:
    """Open a proposition claim with its first statement."""
    return _write(conn, "statement", key, label, "single", [("statement", statement_id)], [])


def merge_claims(conn: Connection, into: int, others: list[int]) -> None:
    """Move the members of `others` into `into` and drop them: a statement bridged them."""
    for other in others:
        moved = conn.execute(
            select(t.claim_members.c.item_kind, t.claim_members.c.item_id).where(
                t.claim_members.c.claim_id == other
            )
        ).all()
        conn.execute(delete(t.claim_members).where(t.claim_members.c.claim_id == other))
        conn.execute(delete(t.claims).where(t.claims.c.id == other))
        _add_members(conn, into, [(m.item_kind, m.item_id) for m in moved])


def _write(
    conn: Connection,
    kind: str,
    key: str,
    label: str,
    result: str,
    members: list[tuple[str, int]],
    rows: list[dict[str, Any]],
) -> int:
    """Upsert the claim row and replace its members."""
    origins = sorted({o for r in rows for o in r["origins"]})
    values = {
        "label": label,
        "verdict": result,
        "n_members": len(members),
        "n_articles": len({r["article_id"] for r in rows}),
        "n_origins": len(origins),
        "origins": json.dumps(origins, ensure_ascii=False),
        "outlets": json.dumps(
            sorted({r["outlet"] or "unknown outlet" for r in rows}), ensure_ascii=False
        ),
        "updated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds"),
    }
    where = (t.claims.c.kind == kind) & (t.claims.c.key == key)
    claim_id = conn.execute(select(t.claims.c.id).where(where)).scalar()
    if claim_id is None:
        claim_id = conn.execute(
            t.claims.insert().returning(t.claims.c.id), {"kind": kind, "key": key, **values}
        ).scalar_one()
    else:
        conn.execute(t.claims.update().where(t.claims.c.id == claim_id).values(**values))
        conn.execute(delete(t.claim_members).where(t.claim_members.c.claim_id == claim_id))
    _add_members(conn, claim_id, members)
    return claim_id


def _add_members(conn: Connection, claim_id: int, members: list[tuple[str, int]]) -> None:
    if members:
        conn.execute(
            t.claim_members.insert(),
            [{"claim_id": claim_id, "item_kind": k, "item_id": i} for k, i in members],
        )


def _delete(conn: Connection, kind: str, key: str) -> None:
    where = (t.claims.c.kind == kind) & (t.claims.c.key == key)
    claim_id = conn.execute(select(t.claims.c.id).where(where)).scalar()
    if claim_id is not None:
        conn.execute(delete(t.claim_members).where(t.claim_members.c.claim_id == claim_id))
        conn.execute(delete(t.claims).where(t.claims.c.id == claim_id))
