"""Bounded batches over any stream, so no stage holds more than one batch at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items (at least one item each)."""
    it = iter(items)
    while chunk := list(islice(it, max(1, size))):
        yield chunk
