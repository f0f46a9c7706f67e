"""The story's one timeline: events and estimates ordered by resolved time, publication as fallback.

An entry is a resolved time expression (an `event`, or an `estimate` when figures are dated by
it) or a figure of a measure that no resolved time dates, placed on its article's publication
day (durations, multipliers and other minor figures are no estimates). Paginated in SQL, so a page of the app never reads more than it shows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import func, literal, null, select, union_all

from claimledger.nlp.components import DATELINE
from claimledger.reconcile.text import sentence_bounds
from claimledger.report.readmodel import (
    ARTICLE_COLS,
    A,
    Filters,
    Page,
    Q,
    T,
    _article_filters,
    _page,
    article_texts,
    minor_col,
    quantities,
    searched,
)
from claimledger.store import Store


def timeline(
    store: Store, f: Filters | None = None, limit: int | None = None, offset: int = 0
) -> Page:
    """Dated entries in date order, each with `date`, `date_end`, `grain`, `kind` ('event' |
    'estimate'), `text` (its sentence), `start_char`/`end_char` (the dating span: the time
    expression, else the figure), sentence offsets, `time_text` and the `figures` it dates."""
    f = f or Filters()
    published = func.substr(A.c.published_at, 1, 10)
    events = select(
        T.c.id.label("time_id"),
        null().label("quantity_id"),
        T.c.article_id,
        T.c.start_char,
        T.c.end_char,
        T.c.resolved_start.label("date"),
        func.coalesce(T.c.resolved_end, T.c.resolved_start).label("date_end"),
        T.c.grain,
        T.c.text.label("time_text"),
    ).where(T.c.resolved_start.is_not(None))
    undated = (
        select(
            null().label("time_id"),
            Q.c.id.label("quantity_id"),
            Q.c.article_id,
            Q.c.start_char,
            Q.c.end_char,
            published.label("date"),
            published.label("date_end"),
            literal("publication").label("grain"),
            Q.c.text.label("time_text"),
        )
        .join(A, A.c.id == Q.c.article_id)
        .outerjoin(T, T.c.id == Q.c.time_id)
        .where(Q.c.measure.is_not(None) & Q.c.value_low.is_not(None) & ~minor_col)
        .where(T.c.resolved_start.is_(None) & A.c.published_at.is_not(None))
    )
    u = union_all(events, undated).subquery()
    query = select(u, *ARTICLE_COLS).join(A, A.c.id == u.c.article_id)
    if f.q:
        query = query.where(searched(f.q, u.c.time_text))
    # a timeline's dates are those of its events, not of the articles that report them
    query = _article_filters(query, replace(f, date_from=None, date_to=None), u.c.article_id)
    if f.date_from:
        query = query.where(u.c.date_end >= f.date_from)
    if f.date_to:
        query = query.where(u.c.date <= f.date_to)
    order = (u.c.date, A.c.published_at, u.c.article_id, u.c.start_char)
    page = _page(store, query.order_by(*order), limit, offset)
    if page.items:
        _fill(store, page.items)
        page.items = _one_per_sentence(page.items)
    return page


def _one_per_sentence(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A sentence's times that name the same interval are one event (a wire dateline "Jan 12"
    and "on Monday"): the first of them, dating the figures of all."""
    kept: dict[tuple[Any, ...], dict[str, Any]] = {}
    out = []
    for e in entries:
        key = (e["article_id"], e["sentence_start"], e["date"], e["date_end"])
        if e["time_id"] is not None:
            if key in kept:
                first = kept[key]
                first["figures"] = first["figures"] + e["figures"]
                first["kind"] = "estimate" if first["figures"] else "event"
                continue
            kept[key] = e
        out.append(e)
    return out


def _fill(store: Store, entries: list[dict[str, Any]]) -> None:
    """Give each entry its sentence and the figures it dates."""
    texts = article_texts(store, (e["article_id"] for e in entries))
    time_ids = [e["time_id"] for e in entries if e["time_id"] is not None]
    quantity_ids = [e["quantity_id"] for e in entries if e["quantity_id"] is not None]
    by_time: dict[int, list[dict[str, Any]]] = {}
    by_id: dict[int, dict[str, Any]] = {}
    for i in range(0, max(len(time_ids), len(quantity_ids)), 500):
        for row in quantities(store, time_ids=time_ids[i : i + 500]).items:
            by_time.setdefault(row["time_id"], []).append(row)
        for row in quantities(store, ids=quantity_ids[i : i + 500]).items:
            by_id[row["id"]] = row
    for e in entries:
        text = texts[e["article_id"]]
        start, end = sentence_bounds(text, e["start_char"], e["end_char"])
        e["sentence_start"], e["sentence_end"] = start, end
        e["text"] = text[_past_dateline(text, start, e["start_char"]) : end].strip()
        if e["quantity_id"] is None:
            e["figures"] = by_time.get(e["time_id"], [])
            e["kind"] = "estimate" if e["figures"] else "event"
        else:
            e["figures"] = [by_id[e["quantity_id"]]]
            e["kind"] = "estimate"
            e["time_text"] = None


def _past_dateline(text: str, start: int, dating: int) -> int:
    """Past a wire dateline opening the sentence's line, when what dates the entry follows it:
    where a story was filed is no part of the event ("PINE HOLLOW, Ore. (AP) — A fire ...",
    which the splitter may also cut after "Ore.", leaving "(AP) — A fire ...")."""
    line = text.rfind("\n", 0, start) + 1
    m = DATELINE.match(text, line)
    return m.end() if m and start < m.end() <= dating else start
