"""The app's writes: add an article from upload or paste; rename or merge a measure."""

from __future__ import annotations

from pathlib import Path
from threading import Lock
from typing import Any

from sqlalchemy import select

from claimledger.api import Ledger
from claimledger.ingest.readers import META_FIELDS, SUFFIXES, Limits, Source, read_source
from claimledger.model import Failure, IngestSummary
from claimledger.reconcile import curate
from claimledger.report.readmodel import measure_col
from claimledger.store import Store

_INGEST = Lock()  # one ingest at a time: spaCy and SQLite writers both prefer it


class EditError(ValueError):
    """A write the ledger refuses (unknown measure, name taken)."""


def add_article(
    ledger: Ledger, data: bytes, filename: str | None, meta: dict[str, Any]
) -> IngestSummary:
    """Read uploaded or pasted bytes like a file on disk (format by suffix), analyse, store."""
    settings = ledger.settings
    name = Path(filename or "pasted.txt").name or "pasted.txt"
    if len(data) > settings.max_bytes:
        return IngestSummary(failed=[Failure(name, f"upload is {len(data):,} bytes; the limit "
                                                   f"is {settings.max_bytes:,}")])
    kind = SUFFIXES.get(Path(name).suffix.lower(), "txt")
    given = {k: v.strip() for k, v in meta.items() if k in META_FIELDS and v and v.strip()}
    source = Source(path=name, kind=kind, meta=given, data=data)
    items = list(read_source(source, Limits(settings.max_bytes, settings.max_chars)))
    with _INGEST:
        return ledger.ingest_items(items)


def edit_measure(store: Store, key: str, target: str, merge: bool) -> int:
    """Rename measure `key` (show it as `target`) or merge it into measure `target`.

    Recorded by reconcile's curation so the decision holds for articles added later; returns
    how many figures moved (0 for a rename).
    """
    target = target.strip()
    if not target or target == key:
        raise EditError("give a different name for the measure")
    with store.engine.connect() as conn:
        found = {k for (k,) in conn.execute(
            select(measure_col).where(measure_col.in_([key, target])).distinct())}
    if key not in found:
        raise EditError(f"no measure named {key!r}")
    if not merge:
        curate.rename(store, key, target)
        return 0
    if target not in found:
        raise EditError(f"no measure named {target!r} to merge into")
    return curate.merge(store, key, target)
