"""The Python API: `Ledger(path_or_url).ingest(paths)` and read access to the dossier."""

from __future__ import annotations


class Ledger:
    """A store plus the pipeline that fills it."""
