"""Scale out: the per-article stages on Dask workers (local cores or a cluster)."""

from claimledger.scale.runner import DaskRunner, analyze_batch, dask_runner

__all__ = ["DaskRunner", "analyze_batch", "dask_runner"]
