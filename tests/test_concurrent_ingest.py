"""Two ingest processes writing one store at once lose nothing and duplicate nothing."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import func, select
from test_store_backends import TEXT, sample_analysis

from claimledger.api import Ledger
from claimledger.config import Settings
from claimledger.model import Analysis, Article
from claimledger.store import schema as t

# Both processes ingest the shared articles in the same order, so they race on each; between
# them each has its own, all naming one entity with a new alias, so they race on that row too.
SHARED = list(range(0, 60))
PLANS = [
    [i for pair in zip(SHARED, range(100, 160), strict=True) for i in pair],
    [i for pair in zip(SHARED, range(200, 260), strict=True) for i in pair],
]


def _text(i: int) -> str:
    return TEXT.replace("Mr. Austin", f"Official {i}")


def _hand_made(articles: Iterable[Article]) -> Iterator[Analysis]:
    """A runner without spaCy: every article gets its own alias for one shared entity."""
    for article in articles:
        i = int(article.text.split("Official ")[1].split()[0])
        analysis = sample_analysis(article.text, alias=f"Official {i}")
        if i % 2:  # entities arrive in either order, as they do in real articles
            analysis.entities.reverse()
        yield analysis


def _ingest(url: str, numbers: list[int], start: Any, out: Any) -> None:
    """One ingest process: open the store, wait for the other, ingest, report the summary."""
    with Ledger(url, Settings(db_url=url, batch_size=4)) as ledger:
        start.wait(timeout=60)
        summary = ledger.ingest_items([Article(_text(i)) for i in numbers], runner=_hand_made)
    out.put((len(summary.ingested), len(summary.unchanged), [str(f) for f in summary.failed]))


def test_two_processes_store_every_article_exactly_once(store_url: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_ingest, args=(store_url, plan, start, out)) for plan in PLANS]
    for p in procs:
        p.start()
    try:
        results = [out.get(timeout=120) for _ in procs]
    finally:
        for p in procs:
            p.join(timeout=30)
            p.kill()
    assert [p.exitcode for p in procs] == [0, 0]

    assert [failed for _, _, failed in results] == [[], []]
    numbers = set(PLANS[0]) | set(PLANS[1])
    n = len(numbers)
    assert sum(ingested for ingested, _, _ in results) == n
    assert sum(ingested + unchanged for ingested, unchanged, _ in results) == sum(map(len, PLANS))

    with Ledger(store_url) as ledger:
        store = ledger.store
        assert store.count("articles") == n
        expected = {"statements": 2 * n, "quantities": n, "times": n, "mentions": 3 * n}
        assert {name: store.count(name) for name in expected} == expected
        with store.engine.connect() as conn:
            for table in (t.statements, t.quantities, t.times):
                per_article = select(table.c.article_id, table.c.idx).group_by(
                    table.c.article_id, table.c.idx
                )
                dupes = per_article.having(func.count() > 1)
                assert conn.execute(dupes).all() == [], table.name
        assert store.count("entities") == 2
        [austin] = ledger.entities(name="Lloyd J. Austin III")
        aliases = {f"Official {i}" for i in numbers}
        assert set(json.loads(austin["aliases"])) == aliases
