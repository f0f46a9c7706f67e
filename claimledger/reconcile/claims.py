"""Recompute one claim from its members and write it: members, verdict, outlets, origins."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, text

from claimledger.reconcile.measures import Overrides, label_of
from claimledger.reconcile.origins import origins_of
from claimledger.reconcile.verdicts import EVOLUTION, Figure, statement_verdict, verdict
from claimledger.resolve.across import canonical_names
from claimledger.store import schema as t

# a quantity's claimant: its statement, else a statement whose sentence holds it
_FIGURES = """
SELECT q.id, q.article_id, q.idx, q.text, q.start_char, q.end_char, q.sentence_start,
       q.sentence_end, q.value_low, q.value_high, q.change, q.hedge, q.status, q.counted,
       substr(a.text, q.sentence_start + 1, q.sentence_end - q.sentence_start) AS sentence,
       a.outlet, a.published_at, tm.resolved_start AS as_of, tm.text AS time_text,
       s.id AS statement_id, s.speaker_text, s.speaker_name, s.speaker_kind,
       s.speaker_entity_id, s.stance
FROM quantities q
JOIN articles a ON a.id = q.article_id
LEFT JOIN times tm ON tm.id = q.time_id
LEFT JOIN statements s ON s.id = coalesce(q.statement_id, (
    SELECT min(s2.id) FROM statements s2
    WHERE s2.article_id = q.article_id AND s2.sentence_start <= q.start_char
      AND s2.sentence_end >= q.end_char))
WHERE q.measure = :key AND q.value_low IS NOT NULL
ORDER BY a.published_at, q.article_id, q.idx
"""

_STATEMENTS = """
SELECT s.id, s.article_id, s.idx, s.sentence_start, s.sentence_end, s.speaker_text,
       s.speaker_name, s.speaker_kind, s.speaker_entity_id, s.cue_text, s.content_text,
       s.content_start, s.content_end, s.direct, s.stance, a.outlet, a.published_at
FROM statements s JOIN articles a ON a.id = s.article_id
WHERE s.id IN :ids
ORDER BY a.published_at, s.article_id, s.idx
"""


def figures_of(conn: Connection, key: str) -> list[dict[str, Any]]:
    """The quantity members of a measure with claimant, as-of time and sentence."""
    return [dict(r._mapping) for r in conn.execute(text(_FIGURES), {"key": key})]


def statements_by_id(conn: Connection, ids: list[int]) -> list[dict[str, Any]]:
    """Statement rows with their article's outlet and date."""
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
    names = canonical_names(conn, (r["speaker_entity_id"] for r in rows))
    seen: dict[tuple[Any, ...], list[str]] = {}  # popular speakers recur across members
    for r in rows:
        canonical = names.get(r["speaker_entity_id"]) or r["speaker_name"]
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
