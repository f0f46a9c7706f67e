"""One read model over the store, shared by the report, the web app and its JSON API.

Every list is a `Page` (items, total, limit, offset) so the app can paginate and the report can
ask for everything with `limit=None`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, or_, select

from claimledger.extract.numbers.lexicon import STRICT_HEDGES
from claimledger.reconcile import claims_view
from claimledger.reconcile.claims import figure_query
from claimledger.reconcile.verdicts import CEILING_HEDGES
from claimledger.store import Store
from claimledger.store import schema as t

MAX_LIMIT = 500  # no page of the app or API carries more rows than this
UNATTRIBUTED = "(unattributed)"

A, S, Q, T, L = t.articles, t.statements, t.quantities, t.times, t.entity_links
C = t.claims

# What a quantity measures: the reconciled key, else what it counts, else its unit.
measure_col = func.coalesce(Q.c.measure, Q.c.counted, Q.c.unit, literal("unspecified"))
# Who is speaking: the entity across articles, else the name in the article, else the words.
speaker_col = func.coalesce(L.c.canonical, S.c.speaker_name, S.c.speaker_text, literal(UNATTRIBUTED))
QUOTE_MARKS = frozenset("\"“”‘’«»„")
_OPENER = re.compile(r"[“‘«„]|(?<![\w.,!?])[\"']")  # a quotation opening
# A span that carries British single quotes: it opens and closes with one ('A,' … 'B.').
_SINGLE_QUOTED = re.compile(r"'.*'[.,!?]?", re.S)
_GLUE = " \t\n,;:—–-"  # what joins an attribution to the words around it
TIME_UNITS = ["second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade",
              "century"]
# A figure stated against another ("double the previous figures", "up 300").
relative_col = or_(Q.c.unit == "times", Q.c.change.in_(["up", "down"]))
# A figure that counts no actor or thing: a duration, a multiplier, a lone "one".
minor_col = or_(
    Q.c.unit.in_(TIME_UNITS + [u + "s" for u in TIME_UNITS]),
    relative_col,
    and_(~Q.c.is_range, Q.c.value_high.is_(None), Q.c.value_low <= 1),
)
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
    denials: list[dict[str, Any]] = field(default_factory=list)  # statements refuting it

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
        query = query.where(searched(f.q, A.c.title, A.c.text))
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
    store: Store,
    f: Filters | None = None,
    limit: int | None = None,
    offset: int = 0,
    grouped: bool = False,
) -> Page:
    """Who said what, with the article each statement comes from; `grouped` orders them by
    speaker, most quoted first, each with `who_total` (so a page cuts no speaker's count)."""
    f = f or Filters()
    who_total = func.count().over(partition_by=speaker_col)
    query = (
        select(S, speaker_col.label("who"), who_total.label("who_total"), *ARTICLE_COLS)
        .join(A, A.c.id == S.c.article_id)
        .outerjoin(L, L.c.entity_id == S.c.speaker_entity_id)
    )
    if f.q:
        query = query.where(searched(f.q, S.c.content_text, speaker_col))
    if f.speaker:
        query = query.where(searched(f.speaker, speaker_col, S.c.speaker_name, S.c.speaker_text))
    if f.stance:
        query = query.where(S.c.stance == f.stance)
    query = _article_filters(query, f, S.c.article_id)
    order = (A.c.published_at, S.c.article_id, S.c.idx)
    if grouped:
        order = (who_total.desc(), speaker_col, *order)
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
        .outerjoin(L, L.c.entity_id == S.c.speaker_entity_id)
        .group_by(speaker_col)
        .order_by(n.desc(), speaker_col)
    )
    return _page(store, query, limit, offset)


def by_speaker(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statements grouped under their speaker's entity across articles, biggest group first;
    `aliases` are the other names the entity goes by in the articles."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for s in items:
        groups.setdefault(s["who"], []).append(s)
    def size(group: list[dict[str, Any]]) -> int:
        return group[0].get("who_total") or len(group)  # all of theirs, on this page or not

    ordered = sorted(groups.items(), key=lambda kv: (-size(kv[1]), kv[0] == UNATTRIBUTED, kv[0]))
    return [
        {
            "who": who,
            "total": size(group),
            "speaker_kind": group[0]["speaker_kind"],
            "aliases": sorted({s["speaker_name"] for s in group if s["speaker_name"]} - {who}),
            "statements": group,
        }
        for who, group in ordered
    ]


# --- quantities and measures ---------------------------------------------------------


def quantities(
    store: Store,
    f: Filters | None = None,
    limit: int | None = None,
    offset: int = 0,
    time_ids: Sequence[int] | None = None,
    ids: Sequence[int] | None = None,
) -> Page:
    """Figures with their claimant (the speaker, else the outlet) and as-of date."""
    f = f or Filters()
    who = func.coalesce(L.c.canonical, S.c.speaker_name, S.c.speaker_text)
    query = figure_query().add_columns(
        measure_col.label("measure_key"),
        who.label("speaker"),
        minor_col.label("minor"),
        relative_col.label("relative"),
        T.c.resolved_end.label("as_of_end"),
        T.c.grain.label("as_of_grain"),
    )
    if f.q:
        query = query.where(searched(f.q, Q.c.text, measure_col))
    if f.measure:
        query = query.where(measure_col == f.measure)
    if time_ids is not None:
        query = query.where(Q.c.time_id.in_(time_ids))
    if ids is not None:
        query = query.where(Q.c.id.in_(ids))
    if f.speaker:
        query = query.where(searched(f.speaker, who, S.c.speaker_name, S.c.speaker_text))
    if f.stance:
        query = query.where(S.c.stance == f.stance)
    query = _article_filters(query, f, Q.c.article_id)
    order = (A.c.published_at, Q.c.article_id, Q.c.idx)
    page = _page(store, query.order_by(*order), limit, offset)
    for row in page.items:
        _describe_figure(row)
    return page


def measures(
    store: Store,
    figures: bool = True,
    limit: int | None = None,
    offset: int = 0,
    headline: bool = False,
) -> list[Measure]:
    """Measures with the most independent origins, then figures, first; `figures=True`
    attaches all their figures; `headline=True` keeps only measures reconcile made with a
    figure that is not minor (no durations, multipliers or ones: what the briefing heads)."""
    n = func.count()
    origins = func.coalesce(func.max(C.c.n_origins), 0)
    query = (
        select(measure_col.label("key"), n.label("n"))
        .outerjoin(C, (C.c.kind == "quantity") & (C.c.key == measure_col))
        .group_by(measure_col)
        .order_by(origins.desc(), n.desc(), measure_col)
        .offset(offset)
    )
    if headline:
        major = func.sum(case((minor_col, 0), else_=1))
        query = query.where(Q.c.measure.is_not(None)).having(major > 0)
    if limit is not None:
        query = query.limit(clamp(limit))
    with store.engine.connect() as conn:
        counted = conn.execute(query).all()
    claims = {c["key"]: c for c in claims_view(store, "quantity", [k for k, _ in counted], False)}
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
    claim = next(iter(claims_view(store, "quantity", [key], False)), None)
    label = claim["label"] if claim else key
    return Measure(key, label, page.items, page.total, claim)


def headline_measures(found: list[Measure]) -> tuple[list[Measure], list[dict[str, Any]]]:
    """Measures worth a headline of their own (every measure reconcile made a claim of, even
    one of falls: "cut emissions 60 percent"), and the figures left for an "Other figures"
    table; a relative figure becomes a note on the figure its sentence states it against."""
    headline = [m for m in found if m.claim or not (m.figures and all(f["minor"] for f in m.figures))]
    others = [f for m in found if m not in headline for f in m.figures]
    by_sentence: dict[tuple[str, int | None], list[dict[str, Any]]] = {}
    for f in (f for m in headline for f in m.figures):
        by_sentence.setdefault((f["article_id"], f["sentence_start"]), []).append(f)
    rest = []
    for f in others:
        before = [
            g for g in by_sentence.get((f["article_id"], f["sentence_start"]), [])
            if g["end_char"] <= f["start_char"]
        ]
        if f["relative"] and before:
            max(before, key=lambda g: g["end_char"]).setdefault("notes", []).append(f)
        else:
            rest.append(f)
    return headline, rest


# --- claims --------------------------------------------------------------------------


def claim_count(store: Store, kind: str | None = None) -> int:
    """How many claims (of one kind), for pagers over `claims_view`."""
    query = select(func.count()).select_from(C)
    if kind:
        query = query.where(C.c.kind == kind)
    with store.engine.connect() as conn:
        return conn.execute(query).scalar_one()


def statement_claims(
    store: Store, items: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """Propositions made by more than one statement, each with its statements (from `items`)."""
    claims = [c for c in claims_view(store, "statement", evidence=False) if c["n_members"] > 1]
    if not claims:
        return claims
    found = {s["id"]: s for s in (statements(store).items if items is None else items)}
    for c in claims:
        c["statements"] = [found[i] for i in c["members"]["statements"] if i in found]
    return claims


# --- formatting ----------------------------------------------------------------------


def number(v: float | None) -> str:
    """3000.0 -> '3,000'; 2.5 -> '2.5'."""
    if v is None:
        return "?"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def figure_text(
    low: float | None,
    high: float | None,
    is_range: bool,
    change: str,
    unit: str | None = None,
    hedge: str | None = None,
) -> str:
    """A figure with its bound in plain signs: '≥ 3,000', '25,000–30,000', '~10,000', '×2';
    "as many as 500" is '≤ 500', the ceiling the verdicts read it as; "more than 3,000" is
    '> 3,000'."""
    if is_range:
        return f"{number(low)}–{number(high)}"
    value = low if low is not None else high
    if unit == "times":
        return f"×{number(value)}"
    hedge = (hedge or "").lower()
    if change == "=" and hedge in CEILING_HEDGES:
        change = "<"
    sign = {">": "≥ ", "<": "≤ ", "~": "~", "up": "+", "down": "−"}.get(change, "")
    if hedge in STRICT_HEDGES:  # "fewer than 1 million" excludes it: '< 1,000,000'
        sign = sign.replace("≥", ">").replace("≤", "<")
    return f"{sign}{number(value)}"


def shown_content(s: dict[str, Any]) -> str:
    """A statement's words as a reader sees them: an attribution the span runs across is cut
    out ("“A,” she said, “B.”" shows "“A,” … “B.”"); the stored span stays whole for tracing."""
    text, start, end = s["content_text"], s["content_start"], s["content_end"]
    inner = [
        (s[f"{role}_start"], s[f"{role}_end"])
        for role in ("cue", "speaker")
        if s.get(f"{role}_start") is not None and start < s[f"{role}_start"] < end
    ]
    if inner:
        left = text[: min(a for a, _ in inner) - start].rstrip(_GLUE)
        right = text[max(b for _, b in inner) - start :]
        if s["direct"] and (opener := _OPENER.search(right)):
            right = right[opener.start() :]  # what the speaker said next, not where or to whom
        right = right.lstrip(_GLUE)
        if left and right:
            text = f"{left} … {right}"
    return quoted(text, s["direct"])


def quoted(content: str, direct: bool) -> str:
    """A statement's content for display: a direct quote in quote marks, never in two pairs
    (a span that already carries its quote marks, curly or British single, is shown as it
    stands)."""
    text = content.strip()
    if not direct or QUOTE_MARKS & set(text) or _SINGLE_QUOTED.fullmatch(text):
        return text
    return f"“{text}”"


def interval(start: str | None, end: str | None = None) -> str | None:
    """A resolved time as a reader should take it, at the grain it is whole in: a day
    '2025-03-05', a month '2025-03', a year '2025', else 'from – to' ('2025-03-11 – 2025-03-20',
    '2025-09 – 2025-11'); a coarse time printed as its first day reads as an exact date."""
    if not start:
        return None
    first, last = date.fromisoformat(start[:10]), date.fromisoformat((end or start)[:10])
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        shown = f"{first.year}", f"{last.year}"
    elif first.day == 1 and (last + timedelta(days=1)).day == 1:
        shown = f"{first:%Y-%m}", f"{last:%Y-%m}"
    else:
        shown = first.isoformat(), last.isoformat()
    return shown[0] if shown[0] == shown[1] else f"{shown[0]} – {shown[1]}"


def speaker_label(s: dict[str, Any]) -> str:
    """The speaker next to a statement: a body speaking for a country keeps its own name too
    ("Russia (Kremlin)"); a person's name variants are listed under their group instead."""
    name = s["speaker_name"]
    if s["speaker_kind"] != "person" and name and name != s["who"]:
        return f"{s['who']} ({name})"
    return s["who"]


def _describe_figure(row: dict[str, Any]) -> None:
    """Add the claimant, plotted date and figure text a reader sees."""
    row["claimant"] = row["speaker"] or row["outlet"] or "the article"
    if row.get("stance") == "deny":
        row["claimant"] += " (denying it)"  # names the figure to refute it: no claimant of it
    row["claimant_is_outlet"] = not row["speaker"]
    row["date"] = (row["published_at"] or "")[:10] or None
    row["when"] = interval(row["as_of"], row["as_of_end"]) or row["date"]  # what verdicts use
    row["figure"] = figure_text(
        row["value_low"],
        row["value_high"],
        row["is_range"],
        row["change"],
        row["unit"],
        row.get("hedge"),
    )


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


def searched(q: str, *columns: Any) -> Any:
    """Rows where every word of the search is in one of the columns, whichever apostrophe it
    was typed with ("Putin mobilization", "Korea's"); a "quoted phrase" stays one phrase."""
    terms = re.findall(r'"([^"]+)"|(\S+)', q)
    clauses = []
    for phrase, word in terms:
        term = phrase or word
        forms = {term, term.replace("'", "’"), term.replace("’", "'")}
        clauses.append(or_(*(_contains(c, t) for c in columns for t in forms)))
    return and_(*clauses) if clauses else literal(True)


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


