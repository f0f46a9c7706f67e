"""The story's timeline: events and estimates ordered by resolved time, publication as fallback."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from claimledger.reconcile.text import sentence_bounds
from claimledger.store import Store
from claimledger.store import schema as t


def timeline(store: Store) -> list[dict[str, Any]]:
    """Dated items, each traceable to its sentence: `date`, `date_end`, `grain`, `text`, `kind`
    ('event' | 'estimate'), `article_id`, `start_char`, `end_char`, `quantity_ids`,
    `statement_ids`, `time_text`."""
    with store.engine.connect() as conn:
        articles = {
            r.id: r
            for r in conn.execute(
                select(t.articles.c.id, t.articles.c.text, t.articles.c.published_at)
            )
        }
        times = [dict(r._mapping) for r in conn.execute(select(t.times))]
        quantities = [dict(r._mapping) for r in conn.execute(select(t.quantities))]
        statements: dict[str, list[Any]] = {}
        for r in conn.execute(
            select(t.statements.c.id, t.statements.c.article_id, t.statements.c.sentence_start,
                   t.statements.c.sentence_end)
        ):
            statements.setdefault(r.article_id, []).append(r)
    items: dict[tuple[str, str, int], dict[str, Any]] = {}

    def add(article_id: str, start: int, end: int, when: dict[str, Any]) -> dict[str, Any]:
        a = articles[article_id]
        s_start, s_end = sentence_bounds(a.text, start, end)
        item = items.setdefault(
            (article_id, when["date"], s_start),
            {
                **when,
                "text": a.text[s_start:s_end].strip(),
                "kind": "event",
                "article_id": article_id,
                "published_at": a.published_at,
                "start_char": s_start,
                "end_char": s_end,
                "quantity_ids": [],
                "statement_ids": [
                    s.id
                    for s in statements.get(article_id, [])
                    if s.sentence_start <= start < s.sentence_end
                ],
            },
        )
        return item

    by_time = {x["id"]: x for x in times}
    for x in times:
        if x["resolved_start"]:
            add(x["article_id"], x["start_char"], x["end_char"], _when(x))
    for q in quantities:
        if q["measure"] is None or q["value_low"] is None:
            continue
        x = by_time.get(q["time_id"])
        if x and x["resolved_start"]:
            when = _when(x)
        else:
            published = (articles[q["article_id"]].published_at or "")[:10]
            if not published:
                continue
            when = {"date": published, "date_end": published, "grain": "publication",
                    "time_text": None}
        item = add(q["article_id"], q["start_char"], q["end_char"], when)
        item["kind"] = "estimate"
        item["quantity_ids"].append(q["id"])
    return sorted(
        items.values(),
        key=lambda i: (i["date"], i["published_at"] or "", i["article_id"], i["start_char"]),
    )


def _when(x: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": x["resolved_start"],
        "date_end": x["resolved_end"] or x["resolved_start"],
        "grain": x["grain"],
        "time_text": x["text"],
    }
