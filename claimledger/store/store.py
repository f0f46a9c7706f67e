"""Write analyses atomically and read them back; SQLite by default, PostgreSQL by URL."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url

from claimledger.config import db_url_for
from claimledger.model import Analysis, Article, Entity
from claimledger.store import schema as t

_SCHEMA_LOCK = 0x636C61696D  # any fixed key: PostgreSQL advisory lock held while creating tables


class SchemaMismatch(RuntimeError):
    """The store was written by a different schema version."""


class Store:
    """One database: `Store("out/claimledger.db")` or `Store("postgresql+psycopg://...")`."""

    def __init__(self, path_or_url: str | None = None) -> None:
        self.url = db_url_for(path_or_url)
        self.engine = _make_engine(self.url)
        self._create_schema()
        self._check_version()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def _create_schema(self) -> None:
        """Create missing tables under a lock: two processes opening a new store don't collide."""
        with self.engine.begin() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK})
            elif self.dialect == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            t.metadata.create_all(conn)

    def _check_version(self) -> None:
        with self.engine.begin() as conn:
            found = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "schema_version"))
            version = found.scalar()
            if version is None:
                conn.execute(
                    self._insert(t.meta).on_conflict_do_nothing(),
                    {"key": "schema_version", "value": str(t.SCHEMA_VERSION)},
                )
            elif int(version) != t.SCHEMA_VERSION:
                raise SchemaMismatch(
                    f"{self.url} has schema version {version}; this claimledger writes "
                    f"version {t.SCHEMA_VERSION}"
                )

    def _insert(self, table: t.Table) -> Any:
        """A dialect insert that supports ON CONFLICT DO NOTHING."""
        module = postgresql if self.dialect == "postgresql" else sqlite
        return module.insert(table)

    # --- writing ---------------------------------------------------------------------

    def known(self, sha256s: Iterable[str]) -> set[str]:
        """Which of these article hashes are stored already."""
        wanted = list(dict.fromkeys(sha256s))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                rows = conn.execute(
                    select(t.articles.c.sha256).where(t.articles.c.sha256.in_(chunk))
                )
                found.update(r[0] for r in rows)
        return found

    def write(self, analysis: Analysis) -> bool:
        """Store one article with everything extracted from it, in one transaction.

        Returns False (and writes nothing) when the article is stored already.
        """
        with self.engine.begin() as conn:
            return self.write_in(conn, analysis)

    def write_in(self, conn: Connection, analysis: Analysis) -> bool:
        """`write` inside a transaction the caller owns (reconcile joins the same one)."""
        return self.write_many(conn, [analysis])[0]

    def write_many(self, conn: Connection, analyses: list[Analysis]) -> list[bool]:
        """`write_in` for a batch, one statement per table: stored or not, per article."""
        if not analyses:
            return []
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        # RETURNING, not rowcount: psycopg reports rowcount -1 here, which read as "inserted".
        # No conflict target: id and sha256 are the same hash, and a racing writer may trip
        # PostgreSQL on either unique index first.
        inserted = set(
            conn.execute(
                self._insert(t.articles).on_conflict_do_nothing().returning(t.articles.c.id),
                [_article_row(a.article, now) for a in analyses],
            ).scalars()
        )
        stored, new = [], []
        for analysis in analyses:
            ok = analysis.article.id in inserted
            inserted.discard(analysis.article.id)  # the same text twice is stored once
            stored.append(ok)
            if ok:
                new.append(analysis)
        if new:
            self._write_items(conn, new)
        return stored

    def _write_items(self, conn: Connection, analyses: list[Analysis]) -> None:
        """Everything extracted from newly stored articles, one statement per table."""
        entity_ids = self._entity_ids(conn, analyses)
        by_name = {name: eid for (name, _), eid in entity_ids.items()}
        mentions = [
            {
                "article_id": x.article.id,
                "entity_id": entity_ids[(m.entity, m.kind)],
                "text": m.span.text,
                "start_char": m.span.start,
                "end_char": m.span.end,
                "kind": m.kind,
            }
            for x in analyses
            for m in x.mentions
            if (m.entity, m.kind) in entity_ids
        ]
        if mentions:
            conn.execute(t.mentions.insert(), mentions)
        statement_ids = _per_article(
            [len(x.statements) for x in analyses],
            _insert_returning(
                conn,
                t.statements,
                [
                    _statement_row(x.article.id, i, s, by_name)
                    for x in analyses
                    for i, s in enumerate(x.statements)
                ],
            ),
        )
        time_ids = _per_article(
            [len(x.times) for x in analyses],
            _insert_returning(
                conn,
                t.times,
                [_time_row(x.article.id, i, w) for x in analyses for i, w in enumerate(x.times)],
            ),
        )
        _insert_returning(
            conn,
            t.quantities,
            [
                _quantity_row(x.article.id, i, q, sids, tids)
                for x, sids, tids in zip(analyses, statement_ids, time_ids, strict=True)
                for i, q in enumerate(x.quantities)
            ],
        )

    def _entity_ids(self, conn: Connection, analyses: list[Analysis]) -> dict[tuple[str, str], int]:
        """Get or create the articles' entities; aliases accumulate across articles."""
        entities: dict[tuple[str, str], Entity] = {}
        for x in analyses:
            for e in x.entities:
                known = entities.get((e.name, e.kind))
                aliases = sorted(set(known.aliases) | set(e.aliases)) if known else e.aliases
                entities[(e.name, e.kind)] = Entity(e.name, e.kind, aliases)
            for m in x.mentions:
                entities.setdefault((m.entity, m.kind), Entity(m.entity, m.kind, []))
        if not entities:
            return {}
        e = t.entities
        # Sorted, so concurrent writers take the entity rows' locks in one order (no deadlock).
        wanted = sorted(entities)
        conn.execute(
            self._insert(e).on_conflict_do_nothing(index_elements=["name", "kind"]),
            [{"name": name, "kind": kind, "aliases": "[]"} for name, kind in wanted],
        )
        query = (
            select(e.c.id, e.c.name, e.c.kind, e.c.aliases)
            .where(e.c.name.in_(sorted({name for name, _ in wanted})))
            .order_by(e.c.name, e.c.kind)
        )
        rows = {(r.name, r.kind): r for r in conn.execute(query) if (r.name, r.kind) in entities}
        grown = [
            k for k, r in rows.items() if not set(entities[k].aliases) <= set(json.loads(r.aliases))
        ]
        if grown:
            # Lock and re-read before merging, or a concurrent writer's aliases get lost.
            ids = sorted(rows[k].id for k in grown)
            for r in conn.execute(query.where(e.c.id.in_(ids)).with_for_update()):
                known = json.loads(r.aliases)
                merged = sorted(set(known) | set(entities[(r.name, r.kind)].aliases))
                if merged != known:
                    conn.execute(
                        e.update()
                        .where(e.c.id == r.id)
                        .values(aliases=json.dumps(merged, ensure_ascii=False))
                    )
        return {k: r.id for k, r in rows.items()}

    # --- reading ---------------------------------------------------------------------

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.execute(
                select(func.count()).select_from(t.metadata.tables[table])
            ).scalar_one()

    def rows(
        self,
        table: str,
        where: dict[str, Any] | None = None,
        limit: int | None = None,
        offset: int = 0,
        order_by: Sequence[str] = ("id",),
    ) -> list[dict[str, Any]]:
        """Rows of one table as dicts, filtered by equality on columns."""
        tbl = t.metadata.tables[table]
        query = select(tbl)
        for column, value in (where or {}).items():
            query = query.where(tbl.c[column] == value)
        query = query.order_by(*(tbl.c[c] for c in order_by)).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]


def _make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.close()

    return engine


def _per_article(counts: list[int], ids: list[int]) -> list[list[int]]:
    """Split the ids of a batch's rows of one kind back into one list per article."""
    out, start = [], 0
    for n in counts:
        out.append(ids[start : start + n])
        start += n
    return out


def _article_row(a: Article, ingested_at: str) -> dict[str, Any]:
    return {
        "id": a.id,
        "sha256": a.sha256,
        "path": a.path,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "published_at": a.published_at,
        "n_words": a.n_words,
        "ingested_at": ingested_at,
        "text": a.text,
    }


def _insert_returning(conn: Connection, table: t.Table, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    stmt = table.insert().returning(table.c.id, sort_by_parameter_order=True)
    return [r[0] for r in conn.execute(stmt, rows)]


def _span_cols(prefix: str, span: Any) -> dict[str, Any]:
    if span is None:
        return {f"{prefix}_text": None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {f"{prefix}_text": span.text, f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def _statement_row(article_id: str, idx: int, s: Any, entity_ids: dict[str, int]) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "idx": idx,
        "sentence_start": s.sentence.start,
        "sentence_end": s.sentence.end,
        **_span_cols("speaker", s.speaker),
        "speaker_entity_id": entity_ids.get(s.speaker_entity) if s.speaker_entity else None,
        "speaker_name": s.speaker_entity,
        "speaker_kind": s.speaker_kind,
        **_span_cols("cue", s.cue),
        **_span_cols("content", s.content),
        "direct": s.direct,
        "stance": s.stance,
        "anonymous": s.anonymous,
    }


def _time_row(article_id: str, idx: int, x: Any) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "idx": idx,
        "text": x.span.text,
        "start_char": x.span.start,
        "end_char": x.span.end,
        "resolved_start": x.resolved,
        "resolved_end": x.resolved_end,
        "grain": x.grain,
    }


def _quantity_row(
    article_id: str, idx: int, q: Any, statement_ids: list[int], time_ids: list[int]
) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "idx": idx,
        "text": q.span.text,
        "start_char": q.span.start,
        "end_char": q.span.end,
        "sentence_start": q.sentence.start if q.sentence else None,
        "sentence_end": q.sentence.end if q.sentence else None,
        "value_low": q.value_low,
        "value_high": q.value_high,
        "is_range": q.is_range,
        "change": q.change,
        "hedge": q.hedge,
        "unit": q.unit,
        "counted": q.counted,
        "status": q.status,
        "measure": q.measure,
        "statement_id": statement_ids[q.statement] if q.statement is not None else None,
        "time_id": time_ids[q.time] if q.time is not None else None,
    }
