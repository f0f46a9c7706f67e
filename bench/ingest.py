"""Ingest throughput against the bare spaCy parse of the same texts.

Usage: python bench/ingest.py --articles 200 [--repeat 3]
The last line of output is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import synthetic_articles  # noqa: E402

from claimledger import Ledger  # noqa: E402
from claimledger.config import Settings  # noqa: E402
from claimledger.nlp import load_nlp, parse  # noqa: E402


def time_spacy(texts: list[str], settings: Settings) -> float:
    nlp = load_nlp(settings.spacy_model, settings.max_chars)
    start = time.perf_counter()
    for _ in parse(texts, nlp, batch_size=settings.batch_size):
        pass
    return time.perf_counter() - start


def time_ingest(articles: list, settings: Settings) -> float:
    with tempfile.TemporaryDirectory() as tmp, Ledger(str(Path(tmp) / "b.db"), settings) as ledger:
        start = time.perf_counter()
        summary = ledger.ingest_items(articles)
        elapsed = time.perf_counter() - start
    assert len(summary.ingested) == len(articles), summary.failed[:3]
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3, help="runs per side; medians are reported")
    args = ap.parse_args()
    settings = Settings()
    articles = synthetic_articles(args.articles)
    texts = [a.text for a in articles]
    words = sum(a.n_words for a in articles)
    load_nlp(settings.spacy_model, settings.max_chars)  # loading is not throughput
    spacy_s, ingest_s = [], []
    for run in range(args.repeat):
        spacy_s.append(time_spacy(texts, settings))
        ingest_s.append(time_ingest(articles, settings))
        print(f"run {run + 1}: spacy {spacy_s[-1]:.2f}s, ingest {ingest_s[-1]:.2f}s", flush=True)
    spacy_t, ingest_t = statistics.median(spacy_s), statistics.median(ingest_s)
    result = {
        "articles": args.articles,
        "words": words,
        "articles_per_s": round(args.articles / ingest_t, 2),
        "words_per_s": round(words / ingest_t),
        "spacy_words_per_s": round(words / spacy_t),
        "ratio_to_spacy": round(spacy_t / ingest_t, 3),  # ingest speed as a share of spaCy's
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
