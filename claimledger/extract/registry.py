"""Extractors register by name; settings pick which run, in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from claimledger.model import Analysis

# An extractor reads the parsed Doc and fills its part of the Analysis in place.
Extractor = Callable[[Doc, Analysis], None]


@dataclass(frozen=True)
class Registered:
    name: str
    fn: Extractor


_REGISTRY: dict[str, Registered] = {}


def extractor(name: str) -> Callable[[Extractor], Extractor]:
    """Decorator: make `fn` available to settings under `name`."""

    def register(fn: Extractor) -> Extractor:
        _REGISTRY[name] = Registered(name, fn)
        return fn

    return register


def get_extractor(name: str) -> Extractor:
    try:
        return _REGISTRY[name].fn
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise KeyError(f"unknown extractor {name!r} (known: {known})") from None
