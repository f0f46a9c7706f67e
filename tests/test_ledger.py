"""The Ledger API and CLI over a real store: summary, idempotency, contract, crash safety."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger import Ledger
from claimledger.cli import app

pytestmark = pytest.mark.slow


def feed(path: Path, n: int, start: int = 0) -> Path:
    """A JSONL feed of n distinct short articles."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            text = (
                f"Officials in Region {i} said on Monday that {i + 10} families had been moved. "
                f"\u201cWe expect more,\u201d the governor of Region {i} told reporters."
            )
            fh.write(json.dumps({"text": text, "outlet": f"Outlet {i % 3}"}) + "\n")
    return path


def test_ingest_summary_and_idempotency(tmp_path: Path, examples_dir: Path) -> None:
    db = tmp_path / "ledger.db"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    with Ledger(str(db)) as ledger:
        first = ledger.ingest([str(examples_dir / "nk-troops"), str(bad)])
        assert len(first.ingested) == 2 and first.unchanged == []
        assert [f.source for f in first.failed] == [str(bad)]
        again = ledger.ingest([str(examples_dir / "nk-troops")])
        assert again.ingested == [] and sorted(again.unchanged) == sorted(first.ingested)
        rows = ledger.articles()
    assert [r["published_at"] for r in rows] == ["2024-10-23", "2024-10-24"]
    assert rows[0]["outlet"] == "The New York Times"
    # the store is a plain SQLite file anyone can query
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 2
        assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
        assert conn.execute("select value from meta where key='schema_version'").fetchone()


def test_same_text_twice_in_one_batch_is_stored_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Identical story.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Identical story.\r\n", encoding="utf-8")
    with Ledger(str(tmp_path / "x.db")) as ledger:
        summary = ledger.ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert len(summary.ingested) == 1 and len(summary.unchanged) == 1


def test_an_article_the_store_refuses_loses_only_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles are stored a batch per transaction; a failure inside one rolls the batch back
    and the rest of it is stored article by article, with nothing left of the bad one."""
    import claimledger.api

    real = claimledger.api.reconcile_articles
    refused: list[str] = []

    def refuse_region_3(store, conn, article_ids):  # type: ignore[no-untyped-def]
        for article_id in article_ids:
            text = conn.exec_driver_sql(
                "select text from articles where id = ?", (article_id,)
            ).scalar_one()
            if "Region 3 " in text:
                refused.append(article_id)
                raise RuntimeError("refused by the database")
        real(store, conn, article_ids)

    monkeypatch.setattr(claimledger.api, "reconcile_articles", refuse_region_3)
    with Ledger(str(tmp_path / "x.db")) as ledger:
        summary = ledger.ingest([str(feed(tmp_path / "feed.jsonl", 6))])
        assert len(summary.ingested) == 5 and len(summary.failed) == 1
        assert "refused by the database" in summary.failed[0].reason
        assert refused[0] not in {a["id"] for a in ledger.articles()}
        assert {s["article_id"] for s in ledger.statements()} == set(summary.ingested)
        assert ledger.claims()  # the others were reconciled
        again = ledger.ingest([str(feed(tmp_path / "feed.jsonl", 6))])
        assert len(again.unchanged) == 5 and len(again.failed) == 1


def test_cli_ingest_exit_codes_and_summary(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    good = feed(tmp_path / "good.jsonl", 3)
    ok = runner.invoke(app, ["ingest", str(good), "--db", db])
    assert ok.exit_code == 0, ok.output
    assert "ingested 3, unchanged 0, failed 0" in ok.output
    bad = runner.invoke(app, ["ingest", str(good), str(tmp_path / "missing.txt"), "--db", db])
    assert bad.exit_code == 1
    assert "ingested 0, unchanged 3, failed 1" in bad.output
    assert "missing.txt: no such file or directory" in bad.output


def test_analyze_json_contract(tmp_path: Path) -> None:
    lines = feed(tmp_path / "f.jsonl", 2)
    result = CliRunner().invoke(
        app, ["analyze", str(lines), "--json", "--published-at", "2024-10-23"]
    )
    assert result.exit_code == 0, result.output
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objs) == 2  # one object per JSONL line, in order
    assert objs[0]["article"]["path"].endswith("f.jsonl:1")
    assert objs[1]["article"]["path"].endswith("f.jsonl:2")
    for obj in objs:
        assert set(obj) >= {"article", "statements", "quantities", "times"}
        assert obj["article"]["published_at"] == "2024-10-23"
        assert set(obj["article"]) >= {"id", "path", "title", "outlet", "published_at"}


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text.", encoding="utf-8")
    env = {**os.environ, "CLAIMLEDGER_SPACY_MODEL": "no_such_pipeline_xyz"}
    proc = subprocess.run(
        [sys.executable, "-m", "claimledger", "analyze", str(tmp_path / "a.txt")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "no_such_pipeline_xyz" in proc.stderr and "pip install" in proc.stderr


def test_kill_mid_batch_leaves_store_consistent_and_rerun_completes(tmp_path: Path) -> None:
    n = 400
    src = feed(tmp_path / "big.jsonl", n)
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "claimledger", "ingest", str(src), "--db", str(db)]
    env = {**os.environ, "CLAIMLEDGER_BATCH_SIZE": "8"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    stored = conn.execute("select count(*) from articles").fetchone()[0]
            except sqlite3.Error:
                stored = 0
            if stored >= 20:
                break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        partial = conn.execute("select count(*) from articles").fetchone()[0]
        assert 0 < partial < n
        for child in ("statements", "quantities", "times", "mentions"):
            orphans = conn.execute(
                f"select count(*) from {child} where article_id not in (select id from articles)"
            ).fetchone()[0]
            assert orphans == 0
    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"ingested {n - partial}, unchanged {partial}, failed 0" in rerun.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*), count(distinct sha256) from articles").fetchone() == (
            n,
            n,
        )
