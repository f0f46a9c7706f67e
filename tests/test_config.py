"""Settings come from the environment; database URLs are normalised."""

from __future__ import annotations

import pytest

from claimledger.config import Settings, db_url_for


def test_db_url_for_paths_and_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMLEDGER_DB_URL", raising=False)
    assert db_url_for("out/x.db") == "sqlite:///out/x.db"
    assert db_url_for(None) == "sqlite:///claimledger.db"
    assert db_url_for("postgresql://me@db/news") == "postgresql+psycopg://me@db/news"
    assert db_url_for("sqlite:////abs/path.db") == "sqlite:////abs/path.db"
    monkeypatch.setenv("CLAIMLEDGER_DB_URL", "postgres://me@db/news")
    assert db_url_for(None) == "postgresql+psycopg://me@db/news"


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMLEDGER_BATCH_SIZE", "7")
    monkeypatch.setenv("CLAIMLEDGER_EXTRACTORS", "times, quantities")
    settings = Settings()
    assert settings.batch_size == 7
    assert settings.extractors == ("times", "quantities")
    monkeypatch.setenv("CLAIMLEDGER_MAX_BYTES", "ten")
    with pytest.raises(ValueError, match="CLAIMLEDGER_MAX_BYTES must be a whole number"):
        Settings()
