"""Cost of reconciling one more article against stores of 1k, 10k and 100k statements.

Builds one SQLite store with synthetic analyses (many topics, countries and counted nouns, so
blocking keys spread like a real multi-story archive), and at each size times adding a probe
article (median of several, rolled back so the store stays as built). Prints one JSON object.
Run: .venv/bin/python bench/reconcile.py [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import Connection, select

from claimledger.model import Analysis, Article, Quantity, Span, Statement
from claimledger.reconcile import reconcile_article
from claimledger.reconcile.claims import refresh_measure
from claimledger.reconcile.measures import Overrides, measure_of
from claimledger.reconcile.propositions import Proposition
from claimledger.store import Store
from claimledger.store import schema as t

STATEMENTS_PER_ARTICLE = 50
QUANTITIES_PER_ARTICLE = 10
PROBES = 7
COUNTRIES = ["France", "Germany", "Kenya", "Brazil", "Japan", "Canada", "Egypt", "Poland",
             "India", "Mexico", "Turkey", "Norway", "Chile", "Peru", "Iran", "Iraq"]
LETTERS = "bcdfghjklmnprstvz"


def _word(i: int, syllables: int = 4) -> str:
    """A distinct pronounceable letters-only word (the tokenizer drops digits)."""
    out = ""
    for _ in range(syllables):
        i, r = divmod(i, len(LETTERS) * 5)
        out += LETTERS[r // 5] + "aeiou"[r % 5]
    return out


NOUNS = [_word(i, 2) + "ers" for i in range(300)]
WORDS = [_word(i) for i in range(20000)]


def article(rng: random.Random, serial: int) -> Analysis:
    """One synthetic article: sentences with a speaker, a cue and content; some carry figures."""
    parts: list[str] = []
    statements: list[Statement] = []
    quantities: list[Quantity] = []
    pos = 0
    for i in range(STATEMENTS_PER_ARTICLE):
        speaker = f"Speaker{rng.randrange(5000)}"
        content = " ".join(rng.choices(WORDS, k=10))
        figure = ""
        if i < QUANTITIES_PER_ARTICLE:
            figure = f"{rng.randrange(1, 100) * 100} {rng.choice(COUNTRIES)} {rng.choice(NOUNS)} "
        sentence = f"{speaker} said that {figure}{content}. "
        s_span = Span(sentence.strip(), pos, pos + len(sentence) - 1)
        c_start = pos + sentence.index(figure + content)
        c_span = Span(figure + content, c_start, c_start + len(figure + content))
        statements.append(
            Statement(s_span, c_span, Span(speaker, pos, pos + len(speaker)), None, "person")
        )
        if figure:
            number = figure.split()[0]
            counted = figure.strip()
            quantities.append(
                Quantity(Span(counted, c_start, c_start + len(counted)), float(number),
                         counted=" ".join(counted.split()[1:]), sentence=s_span, statement=i)
            )
        parts.append(sentence)
        pos += len(sentence)
    text = "".join(parts)
    meta = {"outlet": f"Outlet{serial % 40}", "published_at": f"2030-{1 + serial % 12:02d}-01"}
    return Analysis(Article(text, title=f"a{serial}", **meta), statements, quantities)


def add(store: Store, analysis: Analysis, keep: bool) -> float:
    """Write and reconcile one article in one transaction; seconds taken."""
    started = time.perf_counter()
    with store.engine.connect() as conn:
        tx = conn.begin()
        store.write_in(conn, analysis)
        reconcile_article(store, conn, analysis.article.id)
        elapsed = time.perf_counter() - started
        tx.commit() if keep else tx.rollback()
    return elapsed


def bulk(store: Store, analyses: list[Analysis]) -> None:
    """Fill the store fast: what reconcile would write, in bulk (every proposition new)."""
    with store.engine.begin() as conn:
        for analysis in analyses:
            store.write_in(conn, analysis)
        ids = [a.article.id for a in analyses]
        texts = dict(conn.execute(select(t.articles.c.id, t.articles.c.text)
                                  .where(t.articles.c.id.in_(ids))).all())
        rows = [dict(r._mapping) for r in conn.execute(
            select(t.statements).where(t.statements.c.article_id.in_(ids)))]
        conn.execute(t.statement_keys.insert(), [
            {"key": k, "statement_id": r["id"]} for r in rows for k in set(Proposition.of(r).keys())
        ])
        now = "2030-01-01T00:00:00"
        claims = [{"kind": "statement", "key": f"s:{r['article_id']}:{r['idx']}",
                   "label": r["content_text"][:160], "verdict": "single", "n_members": 1,
                   "n_articles": 1, "n_origins": 1, "origins": "[]", "outlets": "[]",
                   "updated_at": now} for r in rows]
        claim_ids = conn.execute(t.claims.insert().returning(t.claims.c.id,
                                 sort_by_parameter_order=True), claims).scalars().all()
        conn.execute(t.claim_members.insert(), [
            {"claim_id": c, "item_kind": "statement", "item_id": r["id"]}
            for c, r in zip(claim_ids, rows, strict=True)
        ])
        _bulk_measures(conn, ids, texts)


def _bulk_measures(conn: Connection, ids: list[str], texts: dict[str, str]) -> None:
    keys: set[str] = set()
    for q in conn.execute(select(t.quantities).where(t.quantities.c.article_id.in_(ids))).all():
        m = measure_of(dict(q._mapping), texts[q.article_id], None)
        if m:
            keys.add(m.key)
            conn.execute(t.quantities.update().where(t.quantities.c.id == q.id)
                         .values(measure=m.key))
    overrides = Overrides([])
    for key in keys:
        refresh_measure(conn, key, overrides)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rng = random.Random(7)
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        serial = 0
        build_started = time.perf_counter()
        for size in sizes:
            batch = []
            while (serial + len(batch)) * STATEMENTS_PER_ARTICLE < size:
                batch.append(article(rng, serial + len(batch)))
            bulk(store, batch)
            serial += len(batch)
            probes = [add(store, article(rng, 10**9 + i), keep=False) for i in range(PROBES)]
            results[str(size)] = round(statistics.median(probes) * 1000, 1)
            print(f"{size} statements: {results[str(size)]} ms per added article", flush=True)
        store.close()
    print(json.dumps({
        "bench": "reconcile",
        "statements_per_article": STATEMENTS_PER_ARTICLE,
        "quantities_per_article": QUANTITIES_PER_ARTICLE,
        "ms_to_add_one_article": results,
        "build_seconds": round(time.perf_counter() - build_started, 1),
    }))


if __name__ == "__main__":
    main()
