"""The whole dossier: as one JSON dict (the DESIGN.md contract) and as the briefing people read."""

from __future__ import annotations

import json
from typing import Any

from claimledger.reconcile import claims_view
from claimledger.report import readmodel as rm
from claimledger.report.highlight import article_highlights, highlight
from claimledger.report.timeline import timeline
from claimledger.store import Store

FORMATS = ("json", "md", "html")


def build_dossier(store: Store) -> dict[str, Any]:
    """Articles (without text), entities, statements, quantities, claims and a timeline."""
    return {
        "articles": rm.articles(store).items,
        "entities": _entities(store),
        "statements": store.rows("statements", order_by=("article_id", "idx")),
        "quantities": store.rows("quantities", order_by=("article_id", "idx")),
        "times": store.rows("times", order_by=("article_id", "idx")),
        "claims": claims_view(store),
        "timeline": [_timeline_entry(e) for e in timeline(store).items],
    }


def build_briefing(store: Store) -> dict[str, Any]:
    """Everything the Markdown and HTML reports show, read once from the store."""
    stmts = rm.statements(store).items
    measures = rm.measures(store)
    figures = [f for m in measures for f in m.figures]
    headline, other_figures = rm.headline_measures(measures)
    by_id = {s["id"]: s for s in stmts}
    for m in headline:
        ids = m.claim["members"]["statements"] if m.claim else []
        m.denials = [by_id[i] for i in ids if i in by_id]
    arts = rm.articles(store).items
    texts = rm.article_texts(store, (a["id"] for a in arts))
    times = store.rows("times", order_by=("article_id", "idx"))
    for number, a in enumerate(arts, start=1):
        a.update(number=number, statements=[], quantities=[], times=[])
    by_article = {a["id"]: a for a in arts}
    for kind, rows in (("statements", stmts), ("quantities", figures), ("times", times)):
        for row in rows:
            by_article[row["article_id"]][kind].append(row)
    for a in arts:
        a["text"] = texts[a["id"]]
        a["body"] = highlight(a["text"], article_highlights(a))
    return {
        "overview": rm.overview(store),
        "articles": arts,
        "article_numbers": {a["id"]: a["number"] for a in arts},
        "measures": headline,
        "other_figures": other_figures,
        "speakers": rm.by_speaker(stmts),
        "denials": [s for s in stmts if s["stance"] == "deny"],
        "claims": rm.statement_claims(store, stmts),
        "timeline": timeline(store).items,
    }


def render(store: Store, fmt: str = "json") -> str:
    """Render the dossier in one of the supported formats."""
    if fmt == "json":
        return json.dumps(build_dossier(store), ensure_ascii=False, indent=2)
    if fmt == "md":
        from claimledger.report.markdown import render_markdown

        return render_markdown(build_briefing(store))
    if fmt == "html":
        from claimledger.report.html import render_html

        return render_html(build_briefing(store))
    raise ValueError(f"unsupported report format {fmt!r} ({', '.join(FORMATS)})")


def _timeline_entry(e: dict[str, Any]) -> dict[str, Any]:
    """A timeline entry for JSON: its sentence, offsets and the ids of the figures it dates."""
    keep = ("date", "date_end", "grain", "kind", "text", "time_text", "time_id", "article_id",
            "start_char", "end_char", "sentence_start", "sentence_end", "outlet")
    return {**{k: e[k] for k in keep}, "quantity_ids": [f["id"] for f in e["figures"]]}


def _entities(store: Store) -> list[dict[str, Any]]:
    """Entities with the cross-article entity each was merged into, and why."""
    links = {r["entity_id"]: r for r in store.rows("entity_links", order_by=("entity_id",))}
    out = store.rows("entities", order_by=("name",))
    for e in out:
        link = links.get(e["id"])
        e["canonical"] = link["canonical"] if link else e["name"]
        e["merge"] = {"rule": link["rule"], "evidence": link["evidence"]} if link else None
    return out
