"""One read model over the store, shared by the report, the web app and its JSON API.

Every list is a `Page` (items, total, limit, offset) so the app can paginate and the report can
ask for everything with `limit=None`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, or_, select

from claimledger.store import Store
from claimledger.store import schema as t

MAX_LIMIT = 500  # no page of the app or API carries more rows than this
UNATTRIBUTED = "(unattributed)"

A, S, Q, T = t.articles, t.statements, t.quantities, t.times

# What a quantity measures: the reconciled key, else what it counts, else its unit.
measure_col = func.coalesce(Q.c.measure, Q.c.counted, Q.c.unit, literal("unspecified"))
# Who is speaking: the resolved name, else the words of the text.
speaker_col = func.coalesce(S.c.speaker_name, S.c.speaker_text, literal(UNATTRIBUTED))
ARTICLE_COLS = (A.c.outlet, A.c.title, A.c.published_at, A.c.url)


@dataclass
class Filters:
    """What a reader narrows a list by; dates compare against publication dates (ISO)."""

    q: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    measure: str | None = None
    stance: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    article_id: str | None = None

    def active(self) -> dict[str, str]:
        """The filters in use, for links that keep them across pages."""
        return {k: v for k, v in asdict(self).items() if v}


@dataclass
class Page:
    """A slice of a list and where it sits in the whole."""

    items: list[dict[str, Any]]
    total: int
    limit: int | None = None
    offset: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


@dataclass
class Measure:
    """A quantity measured across articles: its figures and, once reconciled, its claim."""

    key: str
    label: str
    figures: list[dict[str, Any]] = field(default_factory=list)
    n_figures: int = 0
    claim: dict[str, Any] | None = None

    @property
    def verdict(self) -> str | None:
        return self.claim["verdict"] if self.claim else None

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "n_figures": self.n_figures,
            "verdict": self.verdict,
            "claim": self.claim,
            "figures": self.figures,
        }


def clamp(limit: int | None) -> int:
    """A page size the app accepts: 1..MAX_LIMIT."""
    return max(1, min(MAX_LIMIT, limit or MAX_LIMIT))


# --- articles ------------------------------------------------------------------------


def overview(store: Store) -> dict[str, Any]:
    """The story at a glance: how many articles, from which outlets, over which dates."""
    with store.engine.connect() as conn:
        n_articles, first, last = conn.execute(
            select(func.count(), func.min(A.c.published_at), func.max(A.c.published_at))
        ).one()
        outlets = conn.execute(
            select(func.coalesce(A.c.outlet, literal("unknown")).label("outlet"), func.count())
            .group_by("outlet")
            .order_by(func.count().desc(), "outlet")
        ).all()
    counts = {name: store.count(name) for name in ("statements", "quantities", "times", "claims")}
    return {
        "n_articles": n_articles,
        "first_published": first,
        "last_published": last,
        "outlets": [{"outlet": o, "n_articles": n} for o, n in outlets],
        **{f"n_{name}": n for name, n in counts.items()},
    }


def articles(
    store: Store, f: Filters | None = None, limit: int | None = None, offset: int = 0
) -> Page:
    """Articles by publication date, without their text."""
    f = f or Filters()
    cols = [c for c in A.c if c.name != "text"]
    query = select(*cols)
    if f.q:
        query = query.where(or_(_contains(A.c.title, f.q), _contains(A.c.text, f.q)))
    query = _article_filters(query, f)
    return _page(store, query.order_by(A.c.published_at, A.c.id), limit, offset)


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with its text and everything extracted from it."""
    rows = store.rows("articles", {"id": article_id})
    if not rows:
        return None
    only = Filters(article_id=article_id)
    return {
        **rows[0],
        "statements": statements(store, only).items,
        "quantities": quantities(store, only).items,
        "times": store.rows("times", {"article_id": article_id}, order_by=("idx",)),
    }


def article_texts(store: Store, ids: Iterable[str]) -> dict[str, str]:
    """Article texts by id, fetched in chunks."""
    wanted = list(dict.fromkeys(ids))
    out: dict[str, str] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            out.update(conn.execute(select(A.c.id, A.c.text).where(A.c.id.in_(chunk))).all())
    return out


# --- statements ----------------------------------------------------------------------


def statements(
    store: Store, f: Filters | None = None, limit: int | None = None, offset: int = 0
) -> Page:
    """Who said what, with the article each statement comes from."""
    f = f or Filters()
    query = select(S, speaker_col.label("who"), *ARTICLE_COLS).join(A, A.c.id == S.c.article_id)
    if f.q:
        query = query.where(or_(_contains(S.c.content_text, f.q), _contains(speaker_col, f.q)))
    if f.speaker:
        query = query.where(speaker_col == f.speaker)
    if f.stance:
        query = query.where(S.c.stance == f.stance)
    query = _article_filters(query, f, S.c.article_id)
    order = (A.c.published_at, S.c.article_id, S.c.idx)
    return _page(store, query.order_by(*order), limit, offset)


def speakers(store: Store, limit: int | None = None, offset: int = 0) -> Page:
    """Speakers with how many statements and denials each made, most prolific first."""
    n = func.count()
    query = (
        select(
            speaker_col.label("who"),
            func.max(S.c.speaker_kind).label("speaker_kind"),
            n.label("n_statements"),
            func.sum(case((S.c.stance == "deny", 1), else_=0)).label("n_denials"),
            func.count(func.distinct(S.c.article_id)).label("n_articles"),
        )
        .group_by(speaker_col)
        .order_by(n.desc(), speaker_col)
    )
    return _page(store, query, limit, offset)


def by_speaker(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statements grouped under their speaker, biggest group first."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for s in items:
        groups.setdefault(s["who"], []).append(s)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0] == UNATTRIBUTED, kv[0]))
    return [
        {"who": who, "speaker_kind": group[0]["speaker_kind"], "statements": group}
        for who, group in ordered
    ]


# --- quantities and measures ---------------------------------------------------------


def quantities(
    store: Store,
    f: Filters | None = None,
    limit: int | None = None,
    offset: int = 0,
    time_ids: Sequence[int] | None = None,
) -> Page:
    """Figures with their claimant (the speaker, else the outlet) and as-of date."""
    f = f or Filters()
    query = (
        select(
            Q,
            measure_col.label("measure_key"),
            S.c.speaker_kind,
            S.c.stance,
            func.coalesce(S.c.speaker_name, S.c.speaker_text).label("speaker"),
            T.c.resolved_start.label("as_of"),
            T.c.text.label("as_of_text"),
            *ARTICLE_COLS,
        )
        .join(A, A.c.id == Q.c.article_id)
        .outerjoin(S, S.c.id == Q.c.statement_id)
        .outerjoin(T, T.c.id == Q.c.time_id)
    )
    if f.q:
        query = query.where(or_(_contains(Q.c.text, f.q), _contains(measure_col, f.q)))
    if f.measure:
        query = query.where(measure_col == f.measure)
    if time_ids is not None:
        query = query.where(Q.c.time_id.in_(time_ids))
    if f.speaker:
        query = query.where(speaker_col == f.speaker)
    if f.stance:
        query = query.where(S.c.stance == f.stance)
    query = _article_filters(query, f, Q.c.article_id)
    order = (A.c.published_at, Q.c.article_id, Q.c.idx)
    page = _page(store, query.order_by(*order), limit, offset)
    for row in page.items:
        _describe_figure(row)
    return page


def measures(
    store: Store, figures: bool = True, limit: int | None = None, offset: int = 0
) -> list[Measure]:
    """Measures with the most figures first; `figures=True` attaches all their figures."""
    n = func.count()
    query = (
        select(measure_col.label("key"), n.label("n"))
        .group_by(measure_col)
        .order_by(n.desc(), measure_col)
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(clamp(limit))
    with store.engine.connect() as conn:
        counted = conn.execute(query).all()
    claims = {c["key"]: c for c in claim_rows(store, "quantity")}
    found = [
        Measure(key, claims[key]["label"] if key in claims else key, n_figures=n,
                claim=claims.get(key))
        for key, n in counted
    ]
    if figures and found:
        by_key = {m.key: m for m in found}
        for row in quantities(store).items:
            if row["measure_key"] in by_key:
                by_key[row["measure_key"]].figures.append(row)
    return found


def measure(store: Store, key: str, limit: int | None = None, offset: int = 0) -> Measure | None:
    """One measure with a page of its figures."""
    page = quantities(store, Filters(measure=key), limit, offset)
    if page.total == 0:
        return None
    claim = next((c for c in claim_rows(store, "quantity") if c["key"] == key), None)
    label = claim["label"] if claim else key
    return Measure(key, label, page.items, page.total, claim)


# --- claims --------------------------------------------------------------------------


def claim_rows(store: Store, kind: str | None = None) -> list[dict[str, Any]]:
    """Claims with their JSON lists decoded and their member ids attached."""
    rows = store.rows("claims", {"kind": kind} if kind else None, order_by=("kind", "key"))
    members: dict[int, list[dict[str, Any]]] = {}
    for m in store.rows("claim_members", order_by=("claim_id", "item_kind", "item_id")):
        members.setdefault(m["claim_id"], []).append({"kind": m["item_kind"], "id": m["item_id"]})
    for row in rows:
        row["origins"] = _json_list(row["origins"])
        row["outlets"] = _json_list(row["outlets"])
        row["members"] = members.get(row["id"], [])
        if row["kind"] == "quantity":
            row["measure"] = row["key"]
    return rows


def statement_claims(
    store: Store, items: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """Propositions made across articles, each with the statements (from `items`) making it."""
    claims = claim_rows(store, "statement")
    if not claims:
        return claims
    found = {s["id"]: s for s in (statements(store).items if items is None else items)}
    for c in claims:
        c["statements"] = [found[m["id"]] for m in c["members"] if m["id"] in found]
    return claims


# --- formatting ----------------------------------------------------------------------


def number(v: float | None) -> str:
    """3000.0 -> '3,000'; 2.5 -> '2.5'."""
    if v is None:
        return "?"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def figure_text(low: float | None, high: float | None, is_range: bool, change: str) -> str:
    """A figure with its bound in plain signs: '≥ 3,000', '25,000–30,000', '~10,000'."""
    if is_range:
        return f"{number(low)}–{number(high)}"
    value = low if low is not None else high
    sign = {">": "≥ ", "<": "≤ ", "~": "~", "up": "+", "down": "−"}.get(change, "")
    return f"{sign}{number(value)}"


def _describe_figure(row: dict[str, Any]) -> None:
    """Add the claimant, plotted date and figure text a reader sees."""
    row["claimant"] = row["speaker"] or row["outlet"] or "the article"
    row["claimant_is_outlet"] = not row["speaker"]
    row["date"] = (row["published_at"] or "")[:10] or None
    row["figure"] = figure_text(row["value_low"], row["value_high"], row["is_range"], row["change"])


# --- helpers -------------------------------------------------------------------------


def _article_filters(query: Select, f: Filters, article_col: Any = None) -> Select:
    """Outlet, date range and article filters shared by every list."""
    col = A.c.id if article_col is None else article_col
    conds = []
    if f.outlet:
        conds.append(func.coalesce(A.c.outlet, literal("unknown")) == f.outlet)
    if f.date_from:
        conds.append(A.c.published_at >= f.date_from)
    if f.date_to:
        conds.append(A.c.published_at < _day_after(f.date_to))
    if f.article_id:
        conds.append(col == f.article_id)
    return query.where(and_(*conds)) if conds else query


def _day_after(day: str) -> str:
    """An exclusive upper bound that keeps datetimes on `day` itself: '2024-10-23' + '~'."""
    return day[:10] + "~"


def _contains(column: Any, text: str) -> Any:
    """Case-insensitive substring match with the user's % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


def _page(store: Store, query: Select, limit: int | None, offset: int) -> Page:
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        if limit is not None:
            limit = clamp(limit)
            query = query.limit(limit)
        rows = conn.execute(query.offset(max(0, offset))).all()
    return Page([dict(r._mapping) for r in rows], total, limit, max(0, offset))


def _json_list(raw: Any) -> list[Any]:
    if isinstance(raw, list):
        return raw
    try:
        value = json.loads(raw or "[]")
    except (TypeError, ValueError):
        return []
    return value if isinstance(value, list) else []
