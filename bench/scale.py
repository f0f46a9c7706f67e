"""Scale-out throughput and memory: bare spaCy, then ingest on one and on two Dask workers.

Usage: python bench/scale.py [--articles 10000] [--repeat 1] [--memory]

Each ingest runs the real driver (`Ledger.ingest_items`: dedup, one transaction per batch,
incremental reconcile) into a fresh SQLite store, with the per-article stages on a local Dask
cluster of one or two single-threaded worker processes; models are loaded before the clock
starts. The corpus is streamed, 500 articles at a time, so the driver never holds all of it.
For reference it also times the in-process runner (every per-article stage, no Dask, no store),
and each cluster first runs the runner alone (results dropped) to separate the workers' throughput
from the driver's (store and reconcile, one process). Lines before the last show throughput and
worker and driver memory as the run progresses (flat is the goal), then a JSON line of the
runner-only figures and the CPU each article cost the workers and the driver. The last line is
one JSON object with the figures (medians over --repeat). `--memory` runs only the two-worker
ingest and samples memory every tenth of the corpus (the flat-memory check at large N).
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
from claimledger.analyze import analyze_stream  # noqa: E402
from claimledger.config import Settings  # noqa: E402
from claimledger.model import Analysis, Article  # noqa: E402
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


def in_process(n: int, settings: Settings) -> float:
    """Words per second of the in-process runner (all per-article stages, no Dask, no store)."""
    start = time.perf_counter()
    words = sum(
        r.article.n_words for r in analyze_stream(corpus(n), settings) if isinstance(r, Analysis)
    )
    return words / (time.perf_counter() - start)


def _warm(settings: Settings) -> None:
    """Load the pipeline in a worker before timing: loading is not throughput."""
    load_nlp(settings.spacy_model, settings.max_chars)


def _rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _cpu_s() -> float:
    return time.process_time()


Run = tuple[float, float, float, float, float]


def dask_run(n: int, workers: int, settings: Settings) -> Run:
    """On `workers` Dask workers: words/s of the runner alone (results dropped), words/s of
    the whole ingest (driver stores and reconciles), the peak worker RSS in MB, and the CPU
    milliseconds per article the ingest cost the workers (all together) and the driver
    (store, reconcile and the Dask client and scheduler): on a busy machine these still say
    what a quiet one would do."""
    with dask_runner(settings, workers=workers) as runner:
        assert isinstance(runner, DaskRunner)
        runner.client.run(_warm, settings)
        start = time.perf_counter()
        words = sum(r.article.n_words for r in runner(corpus(n)) if isinstance(r, Analysis))
        runner_wps = words / (time.perf_counter() - start)
        worker_cpu = sum(runner.client.run(_cpu_s).values())
        driver_cpu = time.process_time()
        ingest_wps, _ = _ingest(n, runner, settings)
        driver_ms = (time.process_time() - driver_cpu) * 1000 / n
        worker_ms = (sum(runner.client.run(_cpu_s).values()) - worker_cpu) * 1000 / n
        peak = max(runner.client.run(_peak_rss_mb).values())
    return runner_wps, ingest_wps, peak, worker_ms, driver_ms


Sample = tuple[int, float, float]  # articles done, worker RSS (largest), driver RSS in MB


def _ingest(
    n: int, runner: DaskRunner, settings: Settings, laps: int = 4
) -> tuple[float, list[Sample]]:
    """Ingest `n` articles into a fresh SQLite store through `runner`: words per second, and
    memory sampled `laps` times along the way."""
    words, done = 0, 0
    quarter = max(1, n // laps)
    lap = time.perf_counter()
    samples: list[Sample] = []

    def articles() -> Iterator[Article]:
        nonlocal words
        for article in corpus(n):
            words += article.n_words
            yield article

    def progress(_kind: str, _source: str) -> None:
        nonlocal done, lap
        done += 1
        if done % quarter == 0:
            now, worker_mb = time.perf_counter(), max(runner.client.run(_rss_mb).values())
            samples.append((done, worker_mb, _rss_mb()))
            print(
                f"  {len(runner.client.nthreads())} worker(s), {done:>6} articles: "
                f"{quarter / (now - lap):.1f} articles/s, worker rss {worker_mb:.0f} MB, "
                f"driver rss {_rss_mb():.0f} MB",
                flush=True,
            )
            lap = now

    with tempfile.TemporaryDirectory() as tmp, Ledger(str(Path(tmp) / "s.db"), settings) as ledger:
        start = time.perf_counter()
        summary = ledger.ingest_items(articles(), progress, runner=runner)
        elapsed = time.perf_counter() - start
    assert len(summary.ingested) + len(summary.failed) == n, summary.unchanged[:3]
    if summary.failed:  # analysed all the same; say so rather than hide it
        print(f"  warning: {len(summary.failed)} of {n} not stored: {summary.failed[0]}")
    return words / elapsed, samples


def memory_run(n: int, settings: Settings) -> dict[str, object]:
    """Only the whole ingest on two workers, memory sampled every tenth of the corpus: the
    flat-memory check at a size the full comparison would take hours for."""
    with dask_runner(settings, workers=2) as runner:
        assert isinstance(runner, DaskRunner)
        runner.client.run(_warm, settings)
        wps, samples = _ingest(n, runner, settings, laps=10)
    return {
        "articles": n,
        "two_workers_words_per_s": round(wps),
        "worker_rss_mb": [round(w) for _, w, _ in samples],
        "driver_rss_mb": [round(d) for _, _, d in samples],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=1, help="runs per side; medians are reported")
    ap.add_argument(
        "--memory", action="store_true", help="only the two-worker ingest, with memory samples"
    )
    args = ap.parse_args()
    settings = Settings()
    if args.memory:
        print(json.dumps(memory_run(args.articles, settings)))
        return
    spacy_wps: list[float] = []
    local_wps: list[float] = []
    runs: dict[int, list[Run]] = {1: [], 2: []}
    for run in range(args.repeat):
        spacy_wps.append(bare_spacy(args.articles, settings))
        local_wps.append(in_process(args.articles, settings))
        for workers, results in runs.items():
            results.append(dask_run(args.articles, workers, settings))
        print(
            f"run {run + 1}: spacy {spacy_wps[-1]:.0f}, in-process stages {local_wps[-1]:.0f} words/s; "
            "runner only / whole ingest: "
            + ", ".join(f"{w} worker(s) {r[-1][0]:.0f} / {r[-1][1]:.0f}" for w, r in runs.items()),
            flush=True,
        )
    spacy, local = statistics.median(spacy_wps), statistics.median(local_wps)
    runner_only = {w: statistics.median(r[0] for r in rs) for w, rs in runs.items()}
    one, two = (statistics.median(r[1] for r in runs[w]) for w in (1, 2))
    print(
        json.dumps(
            {
                "in_process_stages_words_per_s": round(local),
                "runner_only_one_worker_words_per_s": round(runner_only[1]),
                "runner_only_two_workers_words_per_s": round(runner_only[2]),
                "runner_only_speedup": round(runner_only[2] / runner_only[1], 2),
                "runner_only_ratio_to_spacy": round(runner_only[1] / spacy, 2),
                "runner_only_ratio_to_in_process": round(runner_only[1] / local, 2),
                "ingest_worker_cpu_ms_per_article": {
                    w: round(statistics.median(r[3] for r in rs), 1) for w, rs in runs.items()
                },
                "ingest_driver_cpu_ms_per_article": {
                    w: round(statistics.median(r[4] for r in rs), 1) for w, rs in runs.items()
                },
            }
        )
    )
    result = {
        "articles": args.articles,
        "spacy_words_per_s": round(spacy),
        "one_worker_words_per_s": round(one),
        "two_workers_words_per_s": round(two),
        "speedup": round(two / one, 2),
        "ratio_to_spacy": round(one / spacy, 2),
        "peak_rss_mb_per_worker": round(max(r[2] for rs in runs.values() for r in rs)),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
