"""Scale-out throughput and memory: bare spaCy, then ingest on one and on two Dask workers.

Usage: python bench/scale.py [--articles 10000] [--repeat 1]

Each ingest runs the real driver (`Ledger.ingest_items`: dedup, one transaction per article,
incremental reconcile) into a fresh SQLite store, with the per-article stages on a local Dask
cluster of one or two single-threaded worker processes; models are loaded before the clock
starts. The corpus is streamed, 500 articles at a time, so the driver never holds all of it.
Lines before the last show worker and driver memory as the run progresses (flat is the goal).
The last line of output is one JSON object with the figures (medians over --repeat runs).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import synthetic_articles  # noqa: E402

from claimledger import Ledger  # noqa: E402
from claimledger.config import Settings  # noqa: E402
from claimledger.model import Article  # noqa: E402
from claimledger.nlp import load_nlp, parse  # noqa: E402
from claimledger.scale import DaskRunner, dask_runner  # noqa: E402

CHUNK = 500


def corpus(n: int) -> Iterator[Article]:
    """`n` distinct synthetic articles, generated a chunk at a time (one seed per chunk)."""
    for seed, start in enumerate(range(0, n, CHUNK)):
        yield from synthetic_articles(min(CHUNK, n - start), seed=1000 + seed)


def bare_spacy(n: int, settings: Settings) -> float:
    """Words per second of `nlp.pipe` alone over the same texts, in this process."""
    nlp = load_nlp(settings.spacy_model, settings.max_chars)
    words = 0

    def texts() -> Iterator[str]:
        nonlocal words
        for article in corpus(n):
            words += article.n_words
            yield article.text

    start = time.perf_counter()
    for _ in parse(texts(), nlp, batch_size=settings.batch_size):
        pass
    return words / (time.perf_counter() - start)


def _warm(settings: Settings) -> None:
    """Load the pipeline in a worker before timing: loading is not throughput."""
    load_nlp(settings.spacy_model, settings.max_chars)


def _rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def dask_ingest(n: int, workers: int, settings: Settings) -> tuple[float, float]:
    """Ingest `n` articles on `workers` Dask workers: (words per second, peak worker RSS MB)."""
    with (
        tempfile.TemporaryDirectory() as tmp,
        Ledger(str(Path(tmp) / "scale.db"), settings) as ledger,
        dask_runner(settings, workers=workers) as runner,
    ):
        assert isinstance(runner, DaskRunner)
        client = runner.client
        client.run(_warm, settings)
        words, done = 0, 0

        def articles() -> Iterator[Article]:
            nonlocal words
            for article in corpus(n):
                words += article.n_words
                yield article

        def progress(_kind: str, _source: str) -> None:
            nonlocal done
            done += 1
            if done % max(1, n // 4) == 0:
                worker_mb = max(client.run(_rss_mb).values())
                print(
                    f"  {workers} worker(s), {done:>6} articles: worker rss {worker_mb:.0f} MB, "
                    f"driver rss {_rss_mb():.0f} MB",
                    flush=True,
                )

        start = time.perf_counter()
        summary = ledger.ingest_items(articles(), progress, runner=runner)
        elapsed = time.perf_counter() - start
        assert len(summary.ingested) == n, (len(summary.ingested), summary.failed[:3])
        peak = max(client.run(_peak_rss_mb).values())
    return words / elapsed, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=1, help="runs per side; medians are reported")
    args = ap.parse_args()
    settings = Settings()
    spacy_wps, one_wps, two_wps, peaks = [], [], [], []
    for run in range(args.repeat):
        spacy_wps.append(bare_spacy(args.articles, settings))
        one, peak_one = dask_ingest(args.articles, 1, settings)
        two, peak_two = dask_ingest(args.articles, 2, settings)
        one_wps.append(one)
        two_wps.append(two)
        peaks += [peak_one, peak_two]
        print(
            f"run {run + 1}: spacy {spacy_wps[-1]:.0f}, one worker {one:.0f}, "
            f"two workers {two:.0f} words/s",
            flush=True,
        )
    spacy, one, two = (statistics.median(x) for x in (spacy_wps, one_wps, two_wps))
    result = {
        "articles": args.articles,
        "spacy_words_per_s": round(spacy),
        "one_worker_words_per_s": round(one),
        "two_workers_words_per_s": round(two),
        "speedup": round(two / one, 2),
        "ratio_to_spacy": round(one / spacy, 2),
        "peak_rss_mb_per_worker": round(max(peaks)),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
