"""Settings as data: defaults, overridden by CLAIMLEDGER_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_DB = "claimledger.db"


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a whole number, got {raw!r}") from exc


@dataclass
class Settings:
    """Everything a run can be configured with; one instance flows through the stages."""

    db_url: str = field(default_factory=lambda: os.environ.get("CLAIMLEDGER_DB_URL", DEFAULT_DB))
    spacy_model: str | None = field(
        default_factory=lambda: os.environ.get("CLAIMLEDGER_SPACY_MODEL") or None
    )
    batch_size: int = field(default_factory=lambda: _env_int("CLAIMLEDGER_BATCH_SIZE", 32))
    n_process: int = field(default_factory=lambda: _env_int("CLAIMLEDGER_N_PROCESS", 1))
    max_bytes: int = field(
        default_factory=lambda: _env_int("CLAIMLEDGER_MAX_BYTES", 10 * 1024 * 1024)
    )
    max_chars: int = field(default_factory=lambda: _env_int("CLAIMLEDGER_MAX_CHARS", 1_000_000))
    extractors: tuple[str, ...] = field(
        default_factory=lambda: tuple(
            name.strip()
            for name in os.environ.get(
                "CLAIMLEDGER_EXTRACTORS", "statements,times,quantities"
            ).split(",")
            if name.strip()
        )
    )


def db_url_for(path_or_url: str | None) -> str:
    """Turn a plain file path into a SQLite URL; pass URLs through."""
    target = path_or_url or os.environ.get("CLAIMLEDGER_DB_URL") or DEFAULT_DB
    if target.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship; SQLAlchemy's bare scheme would ask for psycopg2
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    if "://" in target:
        return target
    return f"sqlite:///{target}"
