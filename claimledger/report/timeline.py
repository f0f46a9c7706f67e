"""The story's timeline: resolved time expressions in their sentences, with the figures they date."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select

from claimledger.report.readmodel import (
    ARTICLE_COLS,
    A,
    Filters,
    Page,
    T,
    _article_filters,
    _page,
    article_texts,
    quantities,
)
from claimledger.store import Store

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n")


def timeline(
    store: Store, f: Filters | None = None, limit: int | None = None, offset: int = 0
) -> Page:
    """Dated events in date order, each with `date`, `text` (its sentence), `kind`, offsets.

    `kind` is `figure` when a quantity is dated by the expression (as-of time), else `event`.
    """
    f = f or Filters()
    query = (
        select(
            T.c.id,
            T.c.article_id,
            T.c.text.label("time_text"),
            T.c.start_char,
            T.c.end_char,
            T.c.resolved_start.label("date"),
            T.c.resolved_end.label("date_end"),
            T.c.grain,
            *ARTICLE_COLS,
        )
        .join(A, A.c.id == T.c.article_id)
        .where(T.c.resolved_start.is_not(None))
    )
    if f.q:
        query = query.where(func.lower(T.c.text).contains(f.q.lower()))
    query = _article_filters(query, f, T.c.article_id)
    order = (T.c.resolved_start, A.c.published_at, T.c.article_id, T.c.start_char)
    page = _page(store, query.order_by(*order), limit, offset)
    if not page.items:
        return page
    texts = article_texts(store, (e["article_id"] for e in page.items))
    dated = _figures_by_time(store, [e["id"] for e in page.items])
    for e in page.items:
        text = texts[e["article_id"]]
        start, end = sentence_around(text, e["start_char"], e["end_char"])
        e["sentence_start"], e["sentence_end"] = start, end
        e["text"] = text[start:end]
        e["figures"] = dated.get(e["id"], [])
        e["kind"] = "figure" if e["figures"] else "event"
    return page


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding text[start:end], by punctuation and line breaks."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    m = _SENTENCE_END.search(text, end)
    stop = m.start() + 1 if m and text[m.start()] != "\n" else (m.start() if m else len(text))
    return begin, max(stop, end)


def _figures_by_time(store: Store, time_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Quantities whose as-of time is one of `time_ids`."""
    out: dict[int, list[dict[str, Any]]] = {}
    for i in range(0, len(time_ids), 500):
        for row in quantities(store, time_ids=time_ids[i : i + 500]).items:
            out.setdefault(row["time_id"], []).append(row)
    return out
