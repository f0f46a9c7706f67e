"""Every table as CSV or JSONL: one file per table in a folder, or one table to a stream."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from claimledger.store import Store
from claimledger.store import schema as t

TABLES = ("articles", "entities", "mentions", "statements", "times", "quantities", "claims",
          "claim_members")
FORMATS = ("csv", "jsonl")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # spreadsheet formula starters


def export_table(store: Store, table: str, fmt: str, out: IO[str]) -> int:
    """Write one table to `out`; returns the number of rows."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r} ({', '.join(TABLES)})")
    if fmt not in FORMATS:
        raise ValueError(f"unsupported export format {fmt!r} ({', '.join(FORMATS)})")
    columns = [c.name for c in t.metadata.tables[table].columns]
    n = 0
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in _rows(store, table):
            writer.writerow([_cell(row[c]) for c in columns])
            n += 1
    else:
        for row in _rows(store, table):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def export_all(store: Store, fmt: str, folder: Path) -> dict[str, int]:
    """`folder/TABLE.csv` (or `.jsonl`) for every table; returns rows written per table."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        with (folder / f"{table}.{fmt}").open("w", encoding="utf-8", newline="") as out:
            counts[table] = export_table(store, table, fmt, out)
    return counts


def _rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    """Stream rows in primary-key order without loading the table into memory."""
    tbl = t.metadata.tables[table]
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=1000).execute(
            select(tbl).order_by(*tbl.primary_key.columns)
        )
        for row in result:
            yield dict(row._mapping)


def _cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value
