"""The Dask runner: same analyses as in-process, bounded window, failures contained."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import dask
import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from claimledger.analyze import analyze_stream
from claimledger.api import Ledger
from claimledger.cli import app
from claimledger.config import Settings
from claimledger.model import Analysis, Article, Failure
from claimledger.nlp import ModelNotInstalled
from claimledger.scale import DaskRunner, dask_runner
from claimledger.scale import runner as scale_runner

pytestmark = pytest.mark.slow
CHILD_TABLES = ("statements", "quantities", "times", "mentions")


def make_articles(examples_dir: Path, n: int) -> list[Article]:
    """`n` distinct articles cut from the example story's paragraphs."""
    paragraphs = [
        p.strip()
        for path in sorted((examples_dir / "nk-troops").glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) > 20
    ]
    return [
        Article(f"Report {i}. {paragraphs[i % len(paragraphs)]}", path=f"a{i}.txt")
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """An in-process cluster with one single-threaded worker: quick to start, shares the model."""
    with (
        LocalCluster(
            n_workers=1,
            threads_per_worker=1,
            processes=False,
            protocol="tcp",  # a real address, so `--dask ADDRESS` can connect to it
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def test_same_analyses_as_in_process(nlp: object, client: Client, examples_dir: Path) -> None:
    articles = make_articles(examples_dir, 7)
    settings = Settings()
    local = {a.article.id: a.to_json() for a in analyze_stream(articles, settings)}
    results = list(DaskRunner(client, settings, batch_size=3)(articles))
    assert all(isinstance(r, Analysis) for r in results)
    assert {r.article.id: r.to_json() for r in results} == local


def test_window_bounds_articles_in_flight(nlp: object, client: Client, examples_dir: Path) -> None:
    pulled = 0

    def stream() -> Iterator[Article]:
        nonlocal pulled
        for article in make_articles(examples_dir, 20):
            pulled += 1
            yield article

    batch, window = 2, 2
    received = 0
    for _ in DaskRunner(client, Settings(), batch_size=batch, max_in_flight=window)(stream()):
        # the window plus the batch being handed over, never the whole input
        assert pulled - received <= (window + 1) * batch
        received += 1
    assert received == pulled == 20


def test_failed_batch_fails_its_articles_and_the_run_goes_on(
    nlp: object, client: Client, examples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = make_articles(examples_dir, 6)
    poison = articles[4]

    def flaky(batch: list[Article], settings: Settings) -> Iterator[Analysis | Failure]:
        if poison in batch:
            raise MemoryError("worker ran out")
        return analyze_stream(batch, settings)

    monkeypatch.setattr(scale_runner, "analyze_stream", flaky)  # in-process worker sees it
    results = list(DaskRunner(client, Settings(), batch_size=2)(articles))
    failed = sorted(r.source for r in results if isinstance(r, Failure))
    assert failed == ["a4.txt", "a5.txt"]
    assert all("MemoryError" in r.reason for r in results if isinstance(r, Failure))
    assert len([r for r in results if isinstance(r, Analysis)]) == 4


def test_missing_model_stops_the_run(client: Client, examples_dir: Path) -> None:
    settings = Settings(spacy_model="no_such_pipeline")
    with pytest.raises(ModelNotInstalled):
        list(DaskRunner(client, settings)(make_articles(examples_dir, 2)))


def test_runner_options() -> None:
    with dask_runner(Settings()) as runner:
        assert runner is None
    with pytest.raises(ValueError, match="not both"), dask_runner(Settings(), 2, "tcp://x:8786"):
        pass
    with pytest.raises(ValueError, match="at least 1"), dask_runner(Settings(), 0):
        pass


def test_cli_workers_store_what_a_local_ingest_stores(
    nlp: object, tmp_path: Path, examples_dir: Path
) -> None:
    """End to end on a local cluster of two worker processes, against the in-process path."""
    story = examples_dir / "nk-troops"
    result = CliRunner().invoke(
        app, ["ingest", str(story), "--db", str(tmp_path / "dask.db"), "--workers", "2"]
    )
    assert result.exit_code == 0, result.output
    with Ledger(str(tmp_path / "local.db")) as local:
        local.ingest([str(story)])
    with Ledger(str(tmp_path / "dask.db")) as dask, Ledger(str(tmp_path / "local.db")) as local:
        assert dask.store.count("articles") == local.store.count("articles") > 0
        for table in CHILD_TABLES:
            assert _content(dask, table) == _content(local, table), table


def test_cli_dask_address_uses_a_running_scheduler(
    nlp: object, client: Client, tmp_path: Path, examples_dir: Path
) -> None:
    db = str(tmp_path / "remote.db")
    address = client.scheduler.address
    result = CliRunner().invoke(
        app, ["ingest", str(examples_dir / "nk-troops"), "--db", db, "--dask", address]
    )
    assert result.exit_code == 0, result.output
    with Ledger(db) as ledger:
        assert ledger.store.count("articles") == 2
    assert client.scheduler_info()["workers"], "the scheduler outlives the ingest"


def _content(ledger: Ledger, table: str) -> list[tuple[object, ...]]:
    """A table's rows without surrogate keys, in a stable order."""
    rows = ledger.store.rows(
        table, order_by=("article_id", "start_char" if table != "statements" else "idx")
    )
    return [tuple(v for k, v in row.items() if k != "id" and not k.endswith("_id")) for row in rows]


def test_driver_lets_go_of_the_articles_it_has_sent(nlp: object, examples_dir: Path) -> None:
    """Dask logs each connection's recent messages, and a batch's message carries its text:
    a long run must not keep every article it sent (the driver's memory grew with the input)."""
    sent = 80
    mine = [
        Article(a.text, path=f"lets-go-{i}.txt")
        for i, a in enumerate(make_articles(examples_dir, sent))
    ]
    with (
        dask.config.set({"distributed.admin.low-level-log-length": 1000}),  # Dask's default
        dask_runner(Settings(batch_size=1), workers=1) as runner,
    ):
        assert runner is not None
        done = sum(1 for _ in runner(iter(mine)))
        del mine
        gc.collect()
        alive = sum(
            isinstance(o, Article) and (o.path or "").startswith("lets-go-")
            for o in gc.get_objects()
        )
    assert done == sent
    assert alive < sent // 2


def test_local_workers_run_without_the_costly_dask_defaults(nlp: object) -> None:
    """The nanny's memory-trim setting and the profiler cost ~15% of a worker's CPU."""
    with dask_runner(Settings(), workers=1) as runner:
        assert runner is not None
        assert set(runner.client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_").values()) == {None}
        enabled = runner.client.run(dask.config.get, "distributed.worker.profile.enabled")
        assert set(enabled.values()) == {False}
