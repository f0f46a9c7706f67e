"""Cost of reconciling one more article against stores of 1k, 10k and 100k statements.

Two stores of synthetic analyses: `spread` (many topics, countries and counted nouns, so
blocking keys spread like a real multi-story archive) and `hot` (one story: every article gives
figures of the same measure and repeats the same few propositions, so the probe joins claims
holding most of the store). At each size, times adding a probe article of the same kind (median
of several, rolled back so the store stays as built). Prints one JSON object.
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
from claimledger.reconcile.claims import attach_origins, refresh_measure, statements_by_id
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
HOT_PROPOSITIONS = 5


def _word(i: int, syllables: int = 4) -> str:
    """A distinct pronounceable letters-only word (the tokenizer drops digits)."""
    out = ""
    for _ in range(syllables):
        i, r = divmod(i, len(LETTERS) * 5)
        out += LETTERS[r // 5] + "aeiou"[r % 5]
    return out


NOUNS = [_word(i, 2) + "ers" for i in range(300)]
WORDS = [_word(i) for i in range(20000)]


def article(rng: random.Random, serial: int, hot: bool) -> Analysis:
    """One synthetic article: sentences with a speaker, a cue and content; some carry figures.

    A `hot` article counts one thing of one country and says one of a few fixed things.
    """
    parts: list[str] = []
    statements: list[Statement] = []
    quantities: list[Quantity] = []
    pos = 0
    for i in range(STATEMENTS_PER_ARTICLE):
        speaker = f"Speaker{rng.randrange(5000)}"
        words = WORDS[rng.randrange(HOT_PROPOSITIONS) * 10 :][:10] if hot else rng.choices(WORDS, k=10)
        content = " ".join(words)
        figure = ""
        if i < QUANTITIES_PER_ARTICLE:
            country, noun = (COUNTRIES[0], NOUNS[0]) if hot else (rng.choice(COUNTRIES), rng.choice(NOUNS))
            figure = f"{rng.randrange(1, 100) * 100} {country} {noun} "
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
    """Fill the store fast: what reconcile would write, in bulk (statements of the same ten
    content words make one proposition)."""
    with store.engine.begin() as conn:
        for analysis in analyses:
            store.write_in(conn, analysis)
        ids = [a.article.id for a in analyses]
        texts = dict(conn.execute(select(t.articles.c.id, t.articles.c.text)
                                  .where(t.articles.c.id.in_(ids))).all())
        rows = statements_by_id(conn, [s for (s,) in conn.execute(
            select(t.statements.c.id).where(t.statements.c.article_id.in_(ids)))])
        props = {r["id"]: Proposition.of(r) for r in rows}
        conn.execute(t.propositions.insert(), [p.row(i) for i, p in props.items()])
        conn.execute(t.statement_keys.insert(), [
            {"key": k, "statement_id": i} for i, p in props.items() for k in set(p.keys())
        ])
        attach_origins(conn, rows)
        groups: dict[str, list[dict]] = {}
        for r in rows:  # the words after any figure: what reconcile would find the same
            groups.setdefault(" ".join(r["content_text"].split()[-10:]), []).append(r)
        for group in groups.values():
            _bulk_proposition(conn, group)
        _bulk_measures(conn, ids, texts)


def _bulk_proposition(conn: Connection, rows: list[dict]) -> None:
    """One proposition claim with its members and facets, as reconcile keeps them."""
    first = rows[0]
    facets = {"origin": {o for r in rows for o in r["origins"]},
              "outlet": {r["outlet"] for r in rows}, "article": {r["article_id"] for r in rows}}
    claim_id = conn.execute(t.claims.insert().returning(t.claims.c.id), {
        "kind": "statement", "key": f"s:{first['article_id']}:{first['idx']}",
        "label": first["content_text"][:160], "verdict": "agree" if len(rows) > 1 else "single",
        "n_members": len(rows), "n_articles": len(facets["article"]),
        "n_origins": len(facets["origin"]), "origins": json.dumps(sorted(facets["origin"])),
        "outlets": json.dumps(sorted(facets["outlet"])), "updated_at": "2030-01-01T00:00:00",
    }).scalar_one()
    conn.execute(t.claim_members.insert(), [
        {"claim_id": claim_id, "item_kind": "statement", "item_id": r["id"]} for r in rows])
    conn.execute(t.claim_facets.insert(), [
        {"claim_id": claim_id, "facet": f, "value": v} for f, vs in facets.items() for v in vs])


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


def measure(sizes: list[int], hot: bool, rng: random.Random) -> dict[str, float]:
    """Median ms to add one article at each store size, for one kind of store."""
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        serial = 0
        for size in sizes:
            batch = []
            while (serial + len(batch)) * STATEMENTS_PER_ARTICLE < size:
                batch.append(article(rng, serial + len(batch), hot))
            bulk(store, batch)
            serial += len(batch)
            probes = [add(store, article(rng, 10**9 + i, hot), keep=False) for i in range(PROBES)]
            results[str(size)] = round(statistics.median(probes) * 1000, 1)
            kind = "hot" if hot else "spread"
            print(f"{kind}: {size} statements: {results[str(size)]} ms per added article", flush=True)
        store.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    started = time.perf_counter()
    results = {kind: measure(sizes, kind == "hot", random.Random(7)) for kind in ("spread", "hot")}
    print(json.dumps({
        "bench": "reconcile",
        "statements_per_article": STATEMENTS_PER_ARTICLE,
        "quantities_per_article": QUANTITIES_PER_ARTICLE,
        "ms_to_add_one_article": results,
        "seconds": round(time.perf_counter() - started, 1),
    }))


if __name__ == "__main__":
    main()
