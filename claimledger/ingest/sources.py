"""Expand the paths a user gives (files, folders, `-`) into Sources, with sidecar metadata."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from claimledger.ingest.readers import SIDECAR, SUFFIXES, Source, is_sidecar, read_sidecar
from claimledger.model import Failure


def expand_paths(
    paths: Iterable[str],
    meta: dict[str, Any] | None = None,
    stdin_kind: str = "txt",
) -> Iterator[Source | Failure]:
    """Yield a Source per input file in a stable order; missing paths become Failures.

    `meta` (from command-line flags) overrides what files and sidecars say.
    """
    overrides = {k: v for k, v in (meta or {}).items() if v not in (None, "")}
    for raw in paths:
        if raw == "-":
            yield Source("<stdin>", stdin_kind, dict(overrides), data=sys.stdin.buffer.read())
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, overrides)
        elif path.exists():
            sidecar, failures = _sidecar_for(path.parent)
            yield from failures
            kind = SUFFIXES.get(path.suffix.lower(), "txt")
            yield Source(str(path), kind, {**sidecar.get(path.name, {}), **overrides})
        else:
            yield Failure(str(path), "no such file or directory")


def _walk(folder: Path, overrides: dict[str, Any]) -> Iterator[Source | Failure]:
    sidecars: dict[Path, dict[str, dict[str, Any]]] = {}
    used: set[tuple[Path, str]] = set()
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in SUFFIXES:
            continue
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.name == SIDECAR and is_sidecar(path):
            continue
        file_meta: dict[str, Any] = {}
        for parent in [path.parent, *path.parent.parents]:  # the nearest sidecar naming it
            if parent not in sidecars:
                meta, failures = _sidecar_for(parent)
                sidecars[parent] = meta
                yield from failures
            key = path.relative_to(parent).as_posix()
            if key in sidecars[parent]:
                file_meta = sidecars[parent][key]
                used.add((parent, key))
                break
            if parent == folder:
                break
        yield Source(str(path), SUFFIXES[path.suffix.lower()], {**file_meta, **overrides})
    for parent, meta in sidecars.items():  # a line naming no file is a typo the user must see
        for key in meta.keys() - {k for p, k in used if p == parent}:
            yield Failure(str(parent / SIDECAR), f"names {key!r}, which is no article file here")


def _sidecar_for(folder: Path) -> tuple[dict[str, dict[str, Any]], list[Failure]]:
    candidate = folder / SIDECAR
    if candidate.is_file() and is_sidecar(candidate):
        return read_sidecar(candidate)
    return {}, []


def estimate_items(paths: Iterable[str]) -> int | None:
    """How many articles `paths` hold (JSONL lines counted), for a progress bar; None for stdin."""
    total = 0
    for item in expand_paths(p for p in paths if p != "-"):
        if isinstance(item, Failure):
            total += 1
        elif item.kind == "jsonl":
            try:
                with open(item.path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return None if "-" in paths else total
