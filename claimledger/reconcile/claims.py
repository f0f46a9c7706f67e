"""Claims grow by what is new: members, facets (origins, outlets, articles) and bounds."""

from __future__ import annotations

import datetime as dt
import json
import math
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, bindparam, delete, func, or_, select, text

from claimledger.model import Verdict
from claimledger.reconcile.measures import Overrides, label_of
from claimledger.reconcile.origins import origins_of
from claimledger.reconcile.verdicts import (
    ALL,
    CEILING_HEDGES,
    EVOLUTION,
    SHARE_UNITS,
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

# The statements run for every statement and figure reconciled, built once: building a Core
# expression costs several times what executing a cached one does.
_c, _m, _f, _b = t.claims, t.claim_members, t.claim_facets, t.claim_bounds
_STATEMENT_CLAIM_IDS = (
    select(_m.c.item_id, _m.c.claim_id)
    .join(_c, _c.c.id == _m.c.claim_id)
    .where(_m.c.item_kind == "statement")
    .where(_m.c.item_id.in_(bindparam("ids", expanding=True)))
    .where(_c.c.kind == "statement")
)
_CLAIMS_BY_ID = select(_c).where(_c.c.id.in_(bindparam("ids", expanding=True)))
_KNOWN_FACETS = select(_f.c.claim_id, _f.c.facet, _f.c.value).where(
    _f.c.claim_id.in_(bindparam("claims", expanding=True))
    & _f.c.facet.in_(bindparam("facets", expanding=True))
    & _f.c.value.in_(bindparam("values", expanding=True))
)  # every column of the key constrained, so the index finds the rows however big the claim
_UPDATE_CLAIM = _c.update().where(_c.c.id == bindparam("claim"))
_CLAIM_BY_KEY = select(_c).where((_c.c.kind == bindparam("kind")) & (_c.c.key == bindparam("key")))
_BOUNDS_AT = select(_b).where(
    (_b.c.claim_id == bindparam("claim")) & _b.c.as_of.in_(bindparam("dates", expanding=True))
)
_UPDATE_BOUNDS = _b.update().where(
    (_b.c.claim_id == bindparam("claim"))
    & (_b.c.horizon == bindparam("at_horizon"))
    & (_b.c.as_of == bindparam("at_as_of"))
)
_OPEN_CLAIM = _c.insert().returning(_c.c.id)
_ANY_CONFLICT = (
    select(_b.c.claim_id)
    .where((_b.c.claim_id == bindparam("claim")) & (_b.c.state == "conflict"))
    .limit(1)
)

# What a plea or a denial of wrongdoing names without disputing how many: "pleaded not guilty
# to nine counts" denies guilt, not that there are nine counts.
CHARGES = frozenset({"count", "charge", "offence", "offense", "allegation", "accusation"})


@lru_cache(maxsize=1)
def figure_query() -> Select:
    """Quantities with their article, as-of time and claimant, the one definition of a figure.

    Built once (a Core select is immutable; callers extend copies). The claimant is the
    quantity's statement, else the first statement that spans it, from its speaker or cue to
    the end of what was said (a figure before the speaker or after the statement in the same
    sentence is not theirs: "..., and Lee put it at 60" is not the first speaker's 60; nor is
    one before what a denial says: "Lee spent five hours on the stand, insisting he had never
    seen the data" denies no five hours); `canonical` is the claimant's cross-article entity
    name.
    """
    q, a, tm, s, link = t.quantities, t.articles, t.times, t.statements, t.entity_links
    held = t.statements.alias("held")
    holding = (
        select(func.min(held.c.id))
        .where(held.c.article_id == q.c.article_id)
        .where(held.c.sentence_start <= q.c.start_char)
        .where(held.c.sentence_end >= q.c.end_char)
        .where(held.c.content_end >= q.c.end_char)
        .where(
            or_(
                *(
                    start <= q.c.start_char
                    for start in (held.c.speaker_start, held.c.cue_start, held.c.content_start)
                )
            )
        )
        .where(or_(held.c.stance != "deny", held.c.content_start <= q.c.start_char))
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


def article_figures(conn: Connection, article_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The articles' figures by measure key."""
    q = t.quantities
    out: dict[str, list[dict[str, Any]]] = {}
    for f in _figures(conn, q.c.article_id.in_(article_ids) & q.c.measure.is_not(None)):
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
    change = row["change"]
    if change == "=" and (row["hedge"] or "").lower() in CEILING_HEDGES:
        change = "<"  # "as many as 9 million": at most that many, fewer not excluded
    share = row["unit"] in SHARE_UNITS
    return Figure(row["value_low"], row["value_high"], change, row["status"], as_of, cue, share)


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
    refuted = _refuted(conn, key, figures)
    asserted = [figure(f) for f in figures if f["id"] not in refuted]
    result = _fold_bounds(conn, claim["id"], asserted)
    denied = claim["verdict"] == "denied" or bool(denials) or len(asserted) < len(figures)
    members = [("quantity", f["id"]) for f in figures] + [("statement", d["id"]) for d in denials]
    backing = [f if f["id"] not in refuted else {**f, "origins": []} for f in figures]
    _grow(conn, claim, members, backing, "denied" if denied else result)  # deniers back nothing


def _refuted(conn: Connection, key: str, figures: list[dict[str, Any]]) -> set[int]:
    """The figures a denial names to refute them: those of a denying statement, unless others
    of the measure claim other values and this one is the denier's own ("the number was wrong;
    its system logged about 210", beside its earlier 212)."""
    denying = [f for f in figures if f["stance"] == "deny"]
    if not denying or key.split("|")[0] in CHARGES:
        return set()
    claimed = claimed_values(conn, key)
    return {f["id"] for f in denying if not claimed or f["value_low"] in claimed}


def claimed_values(conn: Connection, key: str) -> set[float]:
    """The values a measure's figures are claimed at (not those named only to deny them)."""
    return {f["value_low"] for f in figures_of(conn, key) if f["stance"] != "deny"}


def refresh_measure(conn: Connection, key: str, overrides: Overrides) -> None:
    """Rebuild the claim of one measure from all its figures (a user decision moved some)."""
    _drop(conn, "quantity", key)
    figures = figures_of(conn, key)
    attach_origins(conn, figures)
    extend_measure(conn, key, overrides, figures, [])


def join_statements(
    conn: Connection, rows: list[dict[str, Any]], matches: dict[int, list[int]]
) -> None:
    """Put each statement (rows with `origins`, in order) in the first of the proposition claims
    its `matches` (statement ids) are in, merging the others into it; with none, open a claim.

    The batch's statements are joined in memory and written together: one read of the
    matched claims, one write per table (merges, rare, are written as they happen).
    """
    ours = {r["id"] for r in rows}
    wanted = sorted({m for ms in matches.values() for m in ms} - ours)
    claim_of: dict[int, int] = {}
    claims: dict[int, dict[str, Any]] = {}
    if wanted:
        claim_of = {i: c for i, c in conn.execute(_STATEMENT_CLAIM_IDS, {"ids": wanted})}
        found = conn.execute(_CLAIMS_BY_ID, {"ids": sorted(set(claim_of.values()))})
        claims = {r.id: dict(r._mapping) for r in found}
    merged: dict[int, int] = {}  # claim id -> the claim it was merged into
    pending: Pending = {}

    def current(claim_id: int) -> int:
        while claim_id in merged:
            claim_id = merged[claim_id]
        return claim_id

    for row in rows:
        ids = sorted({current(claim_of[m]) for m in matches[row["id"]] if m in claim_of})
        if not ids:
            label = row["content_text"][:160]
            claim = _open(conn, "statement", f"s:{row['article_id']}:{row['idx']}", label)
            claims[claim["id"]] = claim
            ids = [claim["id"]]
        if len(ids) > 1:  # the statement bridges claims: write what is pending, then merge
            _grow_pending(conn, claims, pending)
            for other in ids[1:]:
                claims[ids[0]] = _merge(conn, claims[ids[0]], claims.pop(other))
                merged[other] = ids[0]
        claim = claims[ids[0]]
        joined, verdict = pending.get(claim["id"], ([], claim["verdict"]))
        previous = verdict if claim["n_members"] or joined else None
        pending[claim["id"]] = ([*joined, row], statement_verdict(previous, row["stance"]))
        claim_of[row["id"]] = claim["id"]
    _grow_pending(conn, claims, pending)


Pending = dict[int, tuple[list[dict[str, Any]], Verdict]]  # claim id -> rows joining, verdict


def _grow_pending(conn: Connection, claims: dict[int, dict[str, Any]], pending: Pending) -> None:
    """Write the statements waiting to join their claims, and empty `pending`."""
    grown = _grow_many(
        conn,
        [
            (claims[i], [("statement", r["id"]) for r in rows], rows, verdict)
            for i, (rows, verdict) in sorted(pending.items())
        ],
    )
    claims.update((c["id"], c) for c in grown)
    pending.clear()


def rename_origin(conn: Connection, old: str, new: str) -> None:
    """A person's cluster took a fuller name: the claims it backs name it so too."""
    f = t.claim_facets
    is_origin = f.c.facet == "origin"
    for claim_id in (
        conn.execute(select(f.c.claim_id).where(is_origin & (f.c.value == old))).scalars().all()
    ):
        ours = (f.c.claim_id == claim_id) & is_origin
        conn.execute(delete(f).where(ours & (f.c.value == old)))
        _add_facets(conn, {claim_id: {"origin": {new}}})
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
    return _tally_many(conn, [(into, other["n_members"], facets, verdict)])[0]


def _grow(
    conn: Connection,
    claim: dict[str, Any],
    members: list[tuple[str, int]],
    rows: list[dict[str, Any]],
    verdict: str,
) -> dict[str, Any]:
    """Add new members (their rows carry article, outlet and origins) to a claim."""
    return _grow_many(conn, [(claim, members, rows, verdict)])[0]


Growth = tuple[dict[str, Any], list[tuple[str, int]], list[dict[str, Any]], str]


def _grow_many(conn: Connection, growths: list[Growth]) -> list[dict[str, Any]]:
    """`_grow` for several claims at once: one write per table."""
    members = [
        {"claim_id": claim["id"], "item_kind": k, "item_id": i}
        for claim, new, _, _ in growths
        for k, i in new
    ]
    if members:
        conn.execute(_m.insert(), members)
    return _tally_many(
        conn,
        [
            (
                claim,
                len(new),
                {
                    "origin": {o for r in rows for o in r["origins"]},
                    "outlet": {r["outlet"] or "unknown outlet" for r in rows},
                    "article": {r["article_id"] for r in rows},
                },
                verdict,
            )
            for claim, new, rows, verdict in growths
        ],
    )


Tally = tuple[dict[str, Any], int, dict[str, set[str]], str]
_TALLIED = ("verdict", "n_members", "n_articles", "n_origins", "updated_at", "origins", "outlets")


def _tally_many(conn: Connection, tallies: list[Tally]) -> list[dict[str, Any]]:
    """Count new members and whatever origins, outlets and articles are new to each claim."""
    if not tallies:
        return []
    new = _add_facets(conn, {claim["id"]: facets for claim, _, facets, _ in tallies})
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
    out = []
    for claim, n_new, _, verdict in tallies:
        added = new[claim["id"]]
        values: dict[str, Any] = {
            "verdict": verdict,
            "n_members": claim["n_members"] + n_new,
            "n_articles": claim["n_articles"] + len(added["article"]),
            "n_origins": claim["n_origins"] + len(added["origin"]),
            "updated_at": now,
        }
        for column, facet in (("origins", "origin"), ("outlets", "outlet")):
            values[column] = claim[column]
            if added[facet]:
                values[column] = json.dumps(
                    sorted(set(json.loads(claim[column])) | added[facet]), ensure_ascii=False
                )
        out.append({**claim, **values})
    conn.execute(_UPDATE_CLAIM, [{"claim": c["id"], **{k: c[k] for k in _TALLIED}} for c in out])
    return out


def _add_facets(
    conn: Connection, facets: dict[int, dict[str, set[str]]]
) -> dict[int, dict[str, set[str]]]:
    """Insert the facet values each claim lacks; return them by claim and facet (one read and
    one write for all the claims)."""
    claim_ids = sorted(facets)
    kinds = sorted({f for by_facet in facets.values() for f in by_facet})
    wanted = sorted({v for by_facet in facets.values() for vs in by_facet.values() for v in vs})
    known: set[tuple[int, str, str]] = set()
    if wanted:
        params = {"claims": claim_ids, "facets": kinds, "values": wanted}
        known = {(r.claim_id, r.facet, r.value) for r in conn.execute(_KNOWN_FACETS, params)}
    new = {
        i: {f: {v for v in vs if (i, f, v) not in known} for f, vs in by_facet.items()}
        for i, by_facet in facets.items()
    }
    rows = [
        {"claim_id": i, "facet": f, "value": v}
        for i in claim_ids
        for f, vs in sorted(new[i].items())
        for v in sorted(vs)
    ]
    if rows:
        conn.execute(_f.insert(), rows)
    return new


def _fold_bounds(conn: Connection, claim_id: int, figures: list[Figure]) -> Verdict:
    """Fold new figures into the claim's stored bounds (their dates and the all-dates rows);
    the verdict they give with the claim's other dates."""
    dates = sorted({f.as_of or UNDATED for f in figures} | {ALL})
    stored = {
        (r.horizon, r.as_of): Bounds(r.lo, math.inf if r.hi is None else r.hi, r.n, r.cue)
        for r in conn.execute(_BOUNDS_AT, {"claim": claim_id, "dates": dates})
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
            at = {"claim": claim_id, "at_horizon": horizon, "at_as_of": as_of}
            conn.execute(_UPDATE_BOUNDS, {**at, **values})
        else:
            conn.execute(
                _b.insert(), {"claim_id": claim_id, "horizon": horizon, "as_of": as_of, **values}
            )
    spans = {s: v for s, v in {**stored, **changed}.items() if s[1] == ALL}
    states = {v.state(s) for s, v in spans.items()}
    if conn.execute(_ANY_CONFLICT, {"claim": claim_id}).first():
        states.add("conflict")
    return decide(spans.get((ALL, ALL), Bounds()), states)


def _claim(conn: Connection, kind: str, key: str) -> dict[str, Any] | None:
    row = conn.execute(_CLAIM_BY_KEY, {"kind": kind, "key": key}).first()
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
    claim_id = conn.execute(_OPEN_CLAIM, row).scalar_one()
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
