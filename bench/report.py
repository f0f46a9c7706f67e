"""Time the dossier for a large story: `python bench/report.py --articles 1000`.

Builds a store of synthetic articles (hand-made analyses, no spaCy), renders html, md and json,
and prints one JSON object last.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from claimledger.reconcile import reconcile_article
from claimledger.report import demo, render
from claimledger.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        start = time.perf_counter()
        with store.engine.begin() as conn:
            for analysis in demo.story(args.articles):
                store.write_in(conn, analysis)
                reconcile_article(store, conn, analysis.article.id)  # claims, as ingest does
        built = time.perf_counter() - start
        result: dict[str, object] = {
            "articles": args.articles,
            "statements": store.count("statements"),
            "quantities": store.count("quantities"),
            "claims": store.count("claims"),
            "build_store_s": round(built, 2),
        }
        for fmt in ("html", "md", "json"):
            start = time.perf_counter()
            text = render(store, fmt)
            result[f"{fmt}_s"] = round(time.perf_counter() - start, 2)
            result[f"{fmt}_mb"] = round(len(text.encode()) / 1e6, 1)
            print(f"{fmt}: {result[f'{fmt}_s']} s, {result[f'{fmt}_mb']} MB", file=sys.stderr)
        store.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
