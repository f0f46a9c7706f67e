"""The Python API: `Ledger(path_or_url).ingest(paths)` and read access to the dossier."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from claimledger.analyze import Runner, analyze_stream
from claimledger.batching import chunks
from claimledger.config import Settings
from claimledger.ingest import read_articles
from claimledger.model import Analysis, Article, Failure, IngestSummary
from claimledger.reconcile import forget, reconcile_articles
from claimledger.store import Store

SEEN = 100_000  # hashes of articles in flight remembered for in-run deduplication

# Called once per input item: ("ingested" | "unchanged" | "failed", source).
ProgressFn = Callable[[str, str], None]


class Ledger:
    """A store plus the pipeline that fills it: `Ledger("x.db").ingest(["articles/"])`."""

    def __init__(self, path_or_url: str | None = None, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.store = Store(path_or_url or self.settings.db_url)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str],
        meta: dict[str, Any] | None = None,
        stdin_kind: str = "txt",
        progress: ProgressFn | None = None,
        runner: Runner | None = None,
    ) -> IngestSummary:
        """Read, analyse and store every article in `paths`; bad inputs are reported, not fatal.

        Articles are committed a batch at a time, each with everything extracted from it, so an
        interrupted run leaves a consistent store and re-running completes it.
        """
        items = read_articles(paths, self.settings, meta, stdin_kind)
        return self.ingest_items(items, progress, runner)

    def ingest_items(
        self,
        items: Iterable[Article | Failure],
        progress: ProgressFn | None = None,
        runner: Runner | None = None,
    ) -> IngestSummary:
        """Ingest already-read articles (Failures pass through to the summary).

        `runner` does the per-article stages (default: in this process); results are stored
        here, a batch per transaction (an article the database refuses is retried alone, so
        it loses only itself).
        """
        summary = IngestSummary()
        report = progress or (lambda _kind, _source: None)
        run = runner or (lambda articles: analyze_stream(articles, self.settings))

        def fresh() -> Iterator[Article]:
            # Hashes sent for analysis and maybe not stored yet; bounded, so memory stays flat
            # (a duplicate that slips past it is still stored once: inserts skip known hashes).
            seen: dict[str, None] = {}
            for chunk in chunks(items, self.settings.batch_size):
                known = self.store.known(i.sha256 for i in chunk if isinstance(i, Article))
                for item in chunk:
                    if isinstance(item, Failure):
                        summary.failed.append(item)
                        report("failed", item.source)
                    elif item.sha256 in known or item.sha256 in seen:
                        summary.unchanged.append(item.id)
                        report("unchanged", item.path or item.id)
                    else:
                        seen[item.sha256] = None
                        if len(seen) > SEEN:
                            del seen[next(iter(seen))]
                        yield item

        for batch in chunks(run(fresh()), self.settings.batch_size):
            analyses = [r for r in batch if isinstance(r, Analysis)]
            stored = self._store(analyses) if analyses else []
            outcomes = dict(zip((a.article.id for a in analyses), stored, strict=True))
            for result in batch:
                if isinstance(result, Failure):
                    summary.failed.append(result)
                    report("failed", result.source)
                    continue
                article, outcome = result.article, outcomes[result.article.id]
                if isinstance(outcome, Exception):
                    failure = Failure(article.path or article.id, f"not stored: {outcome!r}")
                    summary.failed.append(failure)
                    report("failed", failure.source)
                    continue
                (summary.ingested if outcome else summary.unchanged).append(article.id)
                report("ingested" if outcome else "unchanged", article.path or article.id)
        return summary

    def _store(self, analyses: list[Analysis]) -> list[bool] | list[bool | Exception]:
        """Write and reconcile a batch in one transaction: stored (or already known) per article.

        If the database refuses any of it, the batch is rolled back and stored one article per
        transaction, so a bad row loses only its own article.
        """
        try:
            with self.store.engine.begin() as conn:
                stored = self.store.write_many(conn, analyses)
                new = [a.article.id for a, ok in zip(analyses, stored, strict=True) if ok]
                reconcile_articles(self.store, conn, new)
                return stored
        except Exception as exc:
            forget(self.store)
            if len(analyses) == 1:
                return [exc]
        outcomes: list[bool | Exception] = []
        for analysis in analyses:
            outcomes += self._store([analysis])
        return outcomes

    # --- reading ---------------------------------------------------------------------

    def articles(self, **where: Any) -> list[dict[str, Any]]:
        return self.store.rows("articles", where, order_by=("published_at", "id"))

    def statements(self, **where: Any) -> list[dict[str, Any]]:
        return self.store.rows("statements", where, order_by=("article_id", "idx"))

    def quantities(self, **where: Any) -> list[dict[str, Any]]:
        return self.store.rows("quantities", where, order_by=("article_id", "idx"))

    def times(self, **where: Any) -> list[dict[str, Any]]:
        return self.store.rows("times", where, order_by=("article_id", "idx"))

    def entities(self, **where: Any) -> list[dict[str, Any]]:
        return self.store.rows("entities", where, order_by=("name",))

    def claims(self, **where: Any) -> list[dict[str, Any]]:
        return self.store.rows("claims", where, order_by=("kind", "key"))

    def report(self, fmt: str = "json") -> str:
        """The dossier as `json`, `md` or `html` text."""
        from claimledger.report import render

        return render(self.store, fmt)
