"""Claims grow by what is new: members, facets (origins, outlets, articles) and bounds."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, bindparam, delete, func, select, text

from claimledger.model import Verdict
from claimledger.reconcile.measures import Overrides, label_of
from claimledger.reconcile.origins import origins_of
from claimledger.reconcile.verdicts import (
    ALL,
    EVOLUTION,
    UNDATED,
    Bounds,
    Figure,
    decide,
    fold,
    statement_verdict,
)
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
    return _figures(conn, t.quantities.c.measure == key)


def article_figures(conn: Connection, article_id: str) -> dict[str, list[dict[str, Any]]]:
    """One article's figures by measure key."""
    q = t.quantities
    out: dict[str, list[dict[str, Any]]] = {}
    for f in _figures(conn, (q.c.article_id == article_id) & q.c.measure.is_not(None)):
        out.setdefault(f["measure"], []).append(f)
    return out


def _figures(conn: Connection, where: ColumnElement[bool]) -> list[dict[str, Any]]:
    q = t.quantities
    query = (
        figure_query()
        .where(where & q.c.value_low.is_not(None))
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


def extend_measure(
    conn: Connection,
    key: str,
    overrides: Overrides,
    figures: list[dict[str, Any]],
    denials: list[dict[str, Any]],
) -> None:
    """Add new figures and denials to the claim of a measure: the verdict compares them with the
    claim's stored bounds, not with every earlier figure. Figures (rows with `origins`) back
    the claim; denials are members but no origins of it."""
    claim = _claim(conn, "quantity", key)
    if claim is None:
        if not figures:
            return  # a denial waits for the figures it refutes
        denials = denials_of(conn, key)  # this article's and any that came before the figures
        claim = _open(conn, "quantity", key, overrides.label(key, label_of(key)))
    asserted = [figure(f) for f in figures if f["stance"] != "deny"]
    result = _fold_bounds(conn, claim["id"], asserted)
    denied = claim["verdict"] == "denied" or bool(denials) or len(asserted) < len(figures)
    members = [("quantity", f["id"]) for f in figures] + [("statement", d["id"]) for d in denials]
    _grow(conn, claim, members, figures, "denied" if denied else result)


def refresh_measure(conn: Connection, key: str, overrides: Overrides) -> None:
    """Rebuild the claim of one measure from all its figures (a user decision moved some)."""
    _drop(conn, "quantity", key)
    figures = figures_of(conn, key)
    attach_origins(conn, figures)
    extend_measure(conn, key, overrides, figures, [])


def statement_claims(conn: Connection, statement_ids: list[int]) -> list[dict[str, Any]]:
    """The proposition claims holding these statements (a denial is also in its measure's)."""
    c, m = t.claims, t.claim_members
    query = (
        select(c)
        .where(c.c.kind == "statement")
        .where(
            c.c.id.in_(
                select(m.c.claim_id).where(
                    (m.c.item_kind == "statement") & m.c.item_id.in_(statement_ids)
                )
            )
        )
        .order_by(c.c.id)
    )
    return [dict(r._mapping) for r in conn.execute(query)]


def join_statement(conn: Connection, claims: list[dict[str, Any]], row: dict[str, Any]) -> None:
    """Put a statement (a row with `origins`) in the first of the proposition claims it
    matches, merging the others into it; with none, open a claim of its own."""
    if not claims:
        label = row["content_text"][:160]
        claims = [_open(conn, "statement", f"s:{row['article_id']}:{row['idx']}", label)]
    claim = claims[0]
    for other in claims[1:]:
        claim = _merge(conn, claim, other)
    verdict = statement_verdict(claim["verdict"] if claim["n_members"] else None, row["stance"])
    _grow(conn, claim, [("statement", row["id"])], [row], verdict)


def rename_origin(conn: Connection, old: str, new: str) -> None:
    """A person's cluster took a fuller name: the claims it backs name it so too."""
    f = t.claim_facets
    is_origin = f.c.facet == "origin"
    for claim_id in (
        conn.execute(select(f.c.claim_id).where(is_origin & (f.c.value == old))).scalars().all()
    ):
        ours = (f.c.claim_id == claim_id) & is_origin
        conn.execute(delete(f).where(ours & (f.c.value == old)))
        _add_facets(conn, claim_id, "origin", {new})
        origins = json.loads(
            conn.execute(select(t.claims.c.origins).where(t.claims.c.id == claim_id)).scalar_one()
        )
        origins = sorted(set(origins) - {old} | {new})
        conn.execute(
            t.claims.update()
            .where(t.claims.c.id == claim_id)
            .values(origins=json.dumps(origins, ensure_ascii=False), n_origins=len(origins))
        )


def _merge(conn: Connection, into: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """Move the members and facets of `other` into `into` and drop it: a statement bridged them."""
    m, f = t.claim_members, t.claim_facets
    conn.execute(m.update().where(m.c.claim_id == other["id"]).values(claim_id=into["id"]))
    facets: dict[str, set[str]] = {"origin": set(), "outlet": set(), "article": set()}
    for r in conn.execute(select(f.c.facet, f.c.value).where(f.c.claim_id == other["id"])):
        facets[r.facet].add(r.value)
    _drop_rows(conn, other["id"])
    verdict = "denied" if "denied" in (into["verdict"], other["verdict"]) else "agree"
    return _tally(conn, into, other["n_members"], facets, verdict)


def _grow(
    conn: Connection,
    claim: dict[str, Any],
    members: list[tuple[str, int]],
    rows: list[dict[str, Any]],
    verdict: str,
) -> dict[str, Any]:
    """Add new members (their rows carry article, outlet and origins) to a claim."""
    if members:
        conn.execute(
            t.claim_members.insert(),
            [{"claim_id": claim["id"], "item_kind": k, "item_id": i} for k, i in members],
        )
    facets = {
        "origin": {o for r in rows for o in r["origins"]},
        "outlet": {r["outlet"] or "unknown outlet" for r in rows},
        "article": {r["article_id"] for r in rows},
    }
    return _tally(conn, claim, len(members), facets, verdict)


def _tally(
    conn: Connection,
    claim: dict[str, Any],
    n_new: int,
    facets: dict[str, set[str]],
    verdict: str,
) -> dict[str, Any]:
    """Count new members and whatever origins, outlets and articles are new to the claim."""
    new = {facet: _add_facets(conn, claim["id"], facet, values) for facet, values in facets.items()}
    values: dict[str, Any] = {
        "verdict": verdict,
        "n_members": claim["n_members"] + n_new,
        "n_articles": claim["n_articles"] + len(new["article"]),
        "n_origins": claim["n_origins"] + len(new["origin"]),
        "updated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds"),
    }
    for column, facet in (("origins", "origin"), ("outlets", "outlet")):
        if new[facet]:
            values[column] = json.dumps(
                sorted(set(json.loads(claim[column])) | new[facet]), ensure_ascii=False
            )
    conn.execute(t.claims.update().where(t.claims.c.id == claim["id"]).values(**values))
    return {**claim, **values}


def _add_facets(conn: Connection, claim_id: int, facet: str, values: set[str]) -> set[str]:
    """Insert the values the claim lacks; return them (insert-if-absent, on any backend)."""
    f = t.claim_facets
    if not values:
        return set()
    known = set(
        conn.execute(
            select(f.c.value).where(
                (f.c.claim_id == claim_id) & (f.c.facet == facet) & f.c.value.in_(sorted(values))
            )
        ).scalars()
    )
    new = values - known
    if new:
        conn.execute(
            f.insert(), [{"claim_id": claim_id, "facet": facet, "value": v} for v in sorted(new)]
        )
    return new


def _fold_bounds(conn: Connection, claim_id: int, figures: list[Figure]) -> Verdict:
    """Fold new figures into the claim's stored bounds (their dates and the all-dates rows);
    the verdict they give with the claim's other dates."""
    b = t.claim_bounds
    dates = sorted({f.as_of or UNDATED for f in figures} | {ALL})
    stored = {
        (r.horizon, r.as_of): Bounds(r.lo, math.inf if r.hi is None else r.hi, r.n, r.cue)
        for r in conn.execute(select(b).where((b.c.claim_id == claim_id) & b.c.as_of.in_(dates)))
    }
    changed = fold(stored, figures)
    for (horizon, as_of), bounds in changed.items():
        values = {
            "lo": bounds.lo,
            "hi": None if math.isinf(bounds.hi) else bounds.hi,
            "n": bounds.n,
            "cue": bounds.cue,
            "state": bounds.state((horizon, as_of)),
        }
        if (horizon, as_of) in stored:
            where = (b.c.claim_id == claim_id) & (b.c.horizon == horizon) & (b.c.as_of == as_of)
            conn.execute(b.update().where(where).values(**values))
        else:
            conn.execute(
                b.insert(), {"claim_id": claim_id, "horizon": horizon, "as_of": as_of, **values}
            )
    spans = {s: v for s, v in {**stored, **changed}.items() if s[1] == ALL}
    states = {v.state(s) for s, v in spans.items()}
    if conn.execute(
        select(b.c.claim_id).where((b.c.claim_id == claim_id) & (b.c.state == "conflict")).limit(1)
    ).first():
        states.add("conflict")
    return decide(spans.get((ALL, ALL), Bounds()), states)


def _claim(conn: Connection, kind: str, key: str) -> dict[str, Any] | None:
    where = (t.claims.c.kind == kind) & (t.claims.c.key == key)
    row = conn.execute(select(t.claims).where(where)).first()
    return dict(row._mapping) if row else None


def _open(conn: Connection, kind: str, key: str, label: str) -> dict[str, Any]:
    """A new empty claim; members are counted in as they join."""
    row = {
        "kind": kind,
        "key": key,
        "label": label,
        "verdict": "single",
        "n_members": 0,
        "n_articles": 0,
        "n_origins": 0,
        "origins": "[]",
        "outlets": "[]",
        "updated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds"),
    }
    claim_id = conn.execute(t.claims.insert().returning(t.claims.c.id), row).scalar_one()
    return {"id": claim_id, **row}


def _drop(conn: Connection, kind: str, key: str) -> None:
    claim = _claim(conn, kind, key)
    if claim is not None:
        conn.execute(delete(t.claim_members).where(t.claim_members.c.claim_id == claim["id"]))
        _drop_rows(conn, claim["id"])


def _drop_rows(conn: Connection, claim_id: int) -> None:
    """Delete a claim that has no members left, with what reconcile kept for it."""
    for table in (t.claim_facets, t.claim_bounds):
        conn.execute(delete(table).where(table.c.claim_id == claim_id))
    conn.execute(delete(t.claims).where(t.claims.c.id == claim_id))
