"""User decisions on measures (rename, merge, split): stored, applied now and on every re-run."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, select

from claimledger.reconcile.claims import refresh_measure
from claimledger.reconcile.measures import Overrides
from claimledger.store import Store
from claimledger.store import schema as t


def rename(store: Store, key: str, label: str) -> None:
    """Show measure `key` as `label`."""
    _decide(store, {"op": "rename", "key": key, "label": label}, [key])


def merge(store: Store, key: str, into: str) -> int:
    """Fold measure `key` into measure `into`; returns how many quantities moved."""
    return _decide(store, {"op": "merge", "key": key, "target": into}, [key, into])


def split(store: Store, key: str, match: str, into: str) -> int:
    """Move the quantities of `key` whose text or counted phrase contains `match` to `into`."""
    return _decide(store, {"op": "split", "key": key, "target": into, "match": match}, [key, into])


def _decide(store: Store, row: dict[str, str], keys: list[str]) -> int:
    """Record one decision, re-key the quantities it concerns, rebuild the claims involved."""
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with store.engine.begin() as conn:
        conn.execute(t.measure_overrides.insert(), {**row, "created_at": now})
        overrides = Overrides.load(conn)
        moved = _rekey(conn, row["key"], overrides)
        for key in keys:
            refresh_measure(conn, key, overrides)
    return moved


def _rekey(conn: Connection, key: str, overrides: Overrides) -> int:
    rows = conn.execute(
        select(t.quantities.c.id, t.quantities.c.text, t.quantities.c.counted).where(
            t.quantities.c.measure == key
        )
    ).all()
    moved = 0
    for r in rows:
        new = overrides.apply(key, dict(r._mapping))
        if new != key:
            moved += 1
            conn.execute(
                t.quantities.update().where(t.quantities.c.id == r.id).values(measure=new)
            )
    return moved
