"""Exports a journalist opens in a spreadsheet or loads into pandas: one file per table."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.model import Analysis, Article
from claimledger.report.export import TABLES
from claimledger.store import Store


@pytest.fixture
def db(tmp_path: Path, demo_db) -> str:
    return demo_db(tmp_path / "x.db", 3)


def test_csv_export_writes_every_table_with_all_rows(tmp_path: Path, db: str) -> None:
    result = CliRunner().invoke(app, ["export", "--db", db, "--format", "csv", "-o", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.output
    store = Store(db)
    for table in TABLES:
        with (tmp_path / "csv" / f"{table}.csv").open(newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == store.count(table), table
    statements = list(csv.DictReader((tmp_path / "csv" / "statements.csv").open(encoding="utf-8")))
    assert statements[0]["content_text"] == store.rows("statements")[0]["content_text"]


def test_jsonl_export_of_one_table_to_stdout_round_trips(tmp_path: Path, db: str) -> None:
    result = CliRunner().invoke(app, ["export", "--db", db, "--format", "jsonl", "--table", "quantities"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows == Store(db).rows("quantities")


def test_csv_cells_cannot_run_as_spreadsheet_formulas(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "f.db"))
    store.write(Analysis(Article(text="=HYPERLINK(\"http://evil\") is in the text")))
    store.close()
    out = tmp_path / "csv"
    CliRunner().invoke(app, ["export", "--db", str(tmp_path / "f.db"), "-o", str(out)])
    row = next(csv.DictReader((out / "articles.csv").open(encoding="utf-8")))
    assert row["text"].startswith("'=HYPERLINK")


def test_export_needs_a_folder_or_a_table(tmp_path: Path, db: str) -> None:
    assert CliRunner().invoke(app, ["export", "--db", db]).exit_code == 2
    bad = CliRunner().invoke(app, ["export", "--db", db, "--table", "nope"])
    assert bad.exit_code == 2
