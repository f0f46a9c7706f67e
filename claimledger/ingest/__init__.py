"""Files, folders, feeds and standard input to normalised Articles (or Failures)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from claimledger.config import Settings
from claimledger.ingest.normalize import normalize_text
from claimledger.ingest.readers import Limits, Source, read_source
from claimledger.ingest.sources import expand_paths
from claimledger.model import Article, Failure


def read_articles(
    paths: Iterable[str],
    settings: Settings | None = None,
    meta: dict[str, Any] | None = None,
    stdin_kind: str = "txt",
) -> Iterator[Article | Failure]:
    """Every article in `paths`, in order, each bad input as a Failure; nothing raises."""
    settings = settings or Settings()
    limits = Limits(settings.max_bytes, settings.max_chars)
    for item in expand_paths(paths, meta, stdin_kind):
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_source(item, limits)


__all__ = ["Source", "normalize_text", "read_articles"]
