"""A Dask runner: the per-article stages on a cluster's workers, a bounded window in flight."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import dask
from distributed import Client, Future, LocalCluster, as_completed

from claimledger.analyze import Runner, analyze_stream
from claimledger.batching import chunks
from claimledger.config import Settings
from claimledger.model import Analysis, Article, Failure
from claimledger.nlp import ModelNotInstalled


def analyze_batch(articles: list[Article], settings: Settings) -> list[Analysis | Failure]:
    """Worker side: the local runner over one batch (`load_nlp` caches the pipeline per process)."""
    return list(analyze_stream(articles, settings))


@dataclass
class DaskRunner:
    """Send batches of articles to Dask workers; yield results as they complete, in any order.

    At most `max_in_flight` batches (default: two per worker thread, re-read as workers come
    and go) are submitted and not yet yielded, so memory on the driver and in the cluster stays
    bounded however long the input is. A batch whose task fails (a worker killed, a parse
    error) comes back as one Failure per article; the run goes on.
    """

    client: Client
    settings: Settings
    batch_size: int = 32
    max_in_flight: int | None = None

    def __call__(self, articles: Iterable[Article]) -> Iterator[Analysis | Failure]:
        batches = chunks(articles, self.batch_size)
        window = as_completed()
        pending: dict[Future, list[Article]] = {}

        def fill() -> None:
            while len(pending) < self._limit() and (batch := next(batches, None)) is not None:
                future = self.client.submit(analyze_batch, batch, self.settings, pure=False)
                pending[future] = batch
                window.add(future)

        fill()
        for future in window:
            batch = pending.pop(future)
            fill()  # refill before the driver stores, so the workers never wait on it
            yield from _results(future, batch)

    def _limit(self) -> int:
        if self.max_in_flight is not None:
            return max(1, self.max_in_flight)
        return 2 * max(1, sum(self.client.nthreads().values()))


def _results(future: Future, batch: list[Article]) -> list[Analysis | Failure]:
    """A finished batch's results; a failed task fails its articles, a missing model stops all."""
    try:
        return future.result()
    except ModelNotInstalled:
        raise
    except Exception as exc:
        return [Failure(a.path or a.id, f"analysis failed on a worker: {exc!r}") for a in batch]
    finally:
        future.release()


@contextmanager
def dask_runner(
    settings: Settings, workers: int | None = None, address: str | None = None
) -> Iterator[Runner | None]:
    """A runner on the scheduler at `address`, or on a local cluster of `workers` processes.

    Yields None (the in-process runner) when neither is given; the cluster it started is shut
    down on exit, a remote one is only disconnected from.
    """
    if workers is not None and address is not None:
        raise ValueError(
            "give either --workers (a local cluster) or --dask (a scheduler), not both"
        )
    if workers is None and address is None:
        yield None
        return
    if workers is not None and workers < 1:
        raise ValueError(f"--workers must be at least 1, got {workers}")
    with _client(workers, address) as client:
        yield DaskRunner(client, settings, settings.batch_size)


# Dask settings for a batch ingest, in this process and the local cluster's workers (docs/scale.md
# gives the same for a cluster's own scheduler and workers):
# - Dask logs each connection's last 1,000 messages under 1 MB for debugging, and a batch's
#   message carries its articles' text (~450 KB): the driver held every batch it sent.
# - The nanny's MALLOC_TRIM_THRESHOLD_=65536 (hand freed memory back to the OS at once) made
#   spaCy's allocations cost ~15% more CPU per article; the profiler sampling the task thread
#   cost a few % more. Neither is of use to a batch ingest.
DASK_CONFIG = {
    "distributed.admin.low-level-log-length": 16,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
}


@contextmanager
def _client(workers: int | None, address: str | None) -> Iterator[Client]:
    """A client of the scheduler at `address`, or of a new local cluster of single-threaded
    worker processes (its scheduler in this process), with `DASK_CONFIG`."""
    with dask.config.set(DASK_CONFIG):
        if address is not None:
            with Client(address) as client:
                yield client
            return
        with (
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
