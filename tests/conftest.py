"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from claimledger.analyze import analyze_text
from claimledger.config import Settings
from claimledger.model import Analysis
from claimledger.nlp import load_nlp

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def analyze(nlp):
    """Analyse a short text written for the test: `analyze(text, published_at="2024-10-23")`."""
    settings = Settings()

    def run(text: str, **meta: str | None) -> Analysis:
        return analyze_text(text, settings, **meta)

    return run


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def demo_db():
    """Write the demo story (n articles) plus one hostile article to a new SQLite file."""
    from claimledger.report import demo
    from claimledger.store import Store

    def make(path: Path, articles: int) -> str:
        store = Store(str(path))
        for analysis in demo.story(articles):
            store.write(analysis)
        store.write(demo.hostile_article())
        store.close()
        return str(path)

    return make


PG_ENV = "CLAIMLEDGER_TEST_PG_URL"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pg_server_url() -> str:
    """The test server's URL; without one, skip (fail under CI, where it must be there)."""
    url = os.environ.get(PG_ENV)
    if url:
        return url
    reason = f"{PG_ENV} is not set; start a server with scripts/start-postgres.sh"
    if os.environ.get("CI"):
        pytest.fail(reason + " (required under CI)")
    pytest.skip(reason)


@contextmanager
def backend_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store URL: a SQLite file, or a scratch PostgreSQL database dropped after.

    A database per test keeps tests (and people sharing one server) from seeing each other.
    """
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    server = pg_server_url()
    name = f"cl_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with backend_url(request.param, tmp_path) as url:
        yield url
