"""Claims across articles: grouping, verdicts, independent origins.

`reconcile_article` runs in the transaction that stored the article. It reads only that
article's rows, computes their blocking keys (measure keys, denial keys, proposition keys,
entity keys) and touches only the claims that share them: the cost of one more article does
not grow with the store.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import CompoundSelect, Connection, bindparam, or_, select, union, union_all

from claimledger.reconcile.claims import (
    CHARGES,
    article_figures,
    attach_origins,
    claimed_values,
    extend_measure,
    join_statements,
    rename_origin,
    statements_by_id,
)
from claimledger.reconcile.measures import (
    CASUALTY,
    DESTINATION,
    GENERIC_UNITS,
    THINGS,
    WHEN_WORDS,
    Measure,
    Overrides,
    measure_of,
)
from claimledger.reconcile.origins import origin_renames
from claimledger.reconcile.propositions import Proposition, PropositionMemo
from claimledger.reconcile.text import lemma, words
from claimledger.reconcile.view import claims_view
from claimledger.resolve.across import find_places, resolve_entities
from claimledger.store import Store
from claimledger.store import schema as t

__all__ = ["claims_view", "forget", "reconcile_article", "reconcile_articles"]

CANDIDATES = 30  # most recent statements looked at per blocking key
SOURCE_COUNT = 20  # a speaker phrase counting this many or more is a poll, not a few sources
KEYS_PER_QUERY = 256  # blocking keys looked up in one statement (a power of two)
# a place that is the source of the denied claim, not the owner of the figure ("X's claims")
CLAIM_SOURCE = re.compile(
    r"(?:['’]s)?\s+(?:claims?|reports?|allegations?|accusations?|assertions?|media|intelligence)\b",
    re.I,
)
# a denial of hiding or understating a count ("denied that the government had concealed
# deaths") stands by the figures given: the thing it names is what was hidden, not disputed
CONCEALMENT = re.compile(
    r"\b(?:conceal|hid|hide|hiding|suppress|cover(?:ed|ing|s)?[\s-]+up|cover-?up|"
    r"under-?report|under-?count|under-?stat|downplay|play(?:ed|ing|s)?\s+down)\w*",
    re.I,
)


def reconcile_article(store: Store, conn: Connection, article_id: str) -> None:
    """Join one newly stored article's items to the claims they belong to (same transaction)."""
    reconcile_articles(store, conn, [article_id])


def reconcile_articles(store: Store, conn: Connection, article_ids: list[str]) -> None:
    """Join newly stored articles' items to their claims, as if one article after another, in
    one pass: each lookup and write is made once for the batch, not once per article."""
    if not article_ids:
        return
    a = t.articles
    texts = dict(conn.execute(select(a.c.id, a.c.text).where(a.c.id.in_(article_ids))).all())
    _link_entities(conn, article_ids)
    statements = _rows(conn, t.statements, article_ids)
    overrides = Overrides.load(conn)
    keys = assign_measures(conn, article_ids, texts, statements, overrides)
    said = {r["id"]: r for r in statements_by_id(conn, [s["id"] for s in statements])}
    figures = article_figures(conn, article_ids)
    attach_origins(conn, list(said.values()) + [f for fs in figures.values() for f in fs])
    denied: dict[str, list[dict[str, Any]]] = {}
    links = []
    for article_id, group in groupby(statements, key=itemgetter("article_id")):
        ours = list(group)
        deniers = [
            (s["speaker_start"], s["speaker_end"])
            for s in ours
            if s["stance"] == "deny" and s["speaker_end"] is not None
        ]
        for s in ours:
            if s["stance"] == "deny":
                for key in sorted(denial_keys(conn, s, texts[article_id], deniers)):
                    links.append({"key": key, "statement_id": s["id"]})
                    denied.setdefault(key, []).append(said[s["id"]])
    if links:
        conn.execute(t.denial_links.insert(), links)
    for key in sorted(keys | denied.keys()):
        extend_measure(conn, key, overrides, figures.get(key, []), denied.get(key, []))
    join_propositions(conn, [said[s["id"]] for s in statements], _memo(store))


_SET_MEASURE = t.quantities.update().where(t.quantities.c.id == bindparam("quantity"))


def assign_measures(
    conn: Connection,
    article_ids: list[str],
    texts: dict[str, str],
    statements: list[dict[str, Any]],
    overrides: Overrides,
) -> set[str]:
    """Set `quantities.measure` for the articles' quantities; return the keys they use."""
    by_id = {s["id"]: s for s in statements}
    by_article: dict[str, list[dict[str, Any]]] = {}
    for s in statements:
        by_article.setdefault(s["article_id"], []).append(s)
    keys: set[str] = set()
    changed = []
    # what an article last counted, by its words: the measure and where its sentence ends
    counted_before: dict[tuple[str, str], tuple[Measure, int]] = {}
    for q in _rows(conn, t.quantities, article_ids):
        s = by_id.get(q["statement_id"]) or _statement_holding(
            by_article.get(q["article_id"], []), q
        )
        speaker = (s["speaker_start"], s["speaker_end"]) if s and s["speaker_end"] else None
        sources = by_article.get(q["article_id"], [])
        text = texts[q["article_id"]]
        m = None if _counts_sources(q, sources) else measure_of(q, text, speaker)
        seen = (q["article_id"], q["counted"] or "")
        before = counted_before.get(seen)
        if before is not None and _borrowed(q, text) and _next_to(text, before[1], q):
            m = before[0]  # "200,000 people took part. Police said about 40,000."
        if m is not None and q["counted"]:
            counted_before[seen] = (m, q["sentence_end"] or q["end_char"])
        key = overrides.apply(m.key, q) if m else None
        if key != q["measure"]:
            changed.append({"quantity": q["id"], "measure": key})
        if key:
            keys.add(key)
    if changed:
        conn.execute(_SET_MEASURE, changed)
    return keys


def _borrowed(q: dict[str, Any], text: str) -> bool:
    """Did the figure borrow what it counts from an earlier one (its sentence never says it)?"""
    start, end = q["sentence_start"], q["sentence_end"]
    if not q["counted"] or start is None or not any(c.isdigit() for c in q["text"]):
        return False  # "a hundred, a thousand" in a speech counts nothing said before
    return q["counted"] not in text[start:end]


def _next_to(text: str, end: int, q: dict[str, Any]) -> bool:
    """Is the figure in the sentence that ended at `end`, or the one right after it?"""
    start = q["sentence_start"] if q["sentence_start"] is not None else q["start_char"]
    return start <= end or not text[end:start].strip()


def denial_keys(
    conn: Connection, s: dict[str, Any], text: str, deniers: list[tuple[int, int]]
) -> set[str]:
    """Measure keys a denial may refute: things it names x countries whose figures they are.

    A country is not the owner when it names a denier (`deniers`: speaker spans of the
    sentence's denials), the place the thing went ("troops in X"), or the source of the denied
    claim ("X's claims"). A denial that names a thing but no owner refutes the article's own
    figures of that thing; one of hiding a count names no thing it refutes.
    """
    start = s["sentence_start"]
    sentence = text[start : s["sentence_end"]]
    lemmas = set() if _denies_concealment(s, text) else {lemma(w) for w in words(sentence)}
    things = {THINGS[w] for w in lemmas if w in THINGS}
    if lemmas & CASUALTY:
        things.add("casualties")
    countries = {
        p.entity
        for p in find_places(sentence)
        if not any(a <= start + p.start < b for a, b in deniers)
        and not DESTINATION.search(sentence[: p.start])
        and not CLAIM_SOURCE.match(sentence[p.end :])
    }
    named = _figures_denied(conn, s)
    if countries:
        return named | {f"{thing}|{country}" for thing in things for country in countries}
    owned = conn.execute(
        select(t.quantities.c.measure)
        .where(t.quantities.c.article_id == s["article_id"])
        .where(t.quantities.c.measure.is_not(None))
        .distinct()
    ).scalars()
    return named | {key for key in owned if _denies_thing(key, things, sentence.lower())}


def _denies_concealment(s: dict[str, Any], text: str) -> bool:
    """Does the denied content accuse someone of hiding or understating a count?"""
    return CONCEALMENT.search(text[s["content_start"] : s["content_end"]]) is not None


def _figures_denied(conn: Connection, s: dict[str, Any]) -> set[str]:
    """Measures of the article holding a figure the denial names: "The figure of seven is not
    accurate" refutes the "at least seven" dead the article reported. A figure naming what it
    counts refutes only the measure of that: denying "thousands of voters were turned away"
    leaves the "thousands of ballots" beside it alone."""
    q = t.quantities.c
    named = conn.execute(
        select(q.value_low, q.counted, q.measure)
        .where(q.article_id == s["article_id"])
        .where(q.start_char >= s["content_start"])
        .where(q.end_char <= s["content_end"])
        .where(q.value_low.is_not(None))
    ).all()
    values = {value for value, _, _ in named}
    bare = {value for value, counted, _ in named if counted is None}
    keys = {measure for _, counted, measure in named if counted and measure}
    if bare:
        keys |= set(
            conn.execute(
                select(q.measure)
                .where(q.article_id == s["article_id"])
                .where(q.measure.is_not(None))
                .where(or_(q.value_low.in_(bare), q.value_high.in_(bare)))
                .distinct()
            ).scalars()
        )
    return {  # not "three days", nor "nine counts" pleaded to; nor the denier's own count
        k  # beside others' ("logged about 210")
        for k in keys
        if k.split("|")[0] not in WHEN_WORDS | CHARGES and _claimed_by_others(conn, k, values)
    }


def _claimed_by_others(conn: Connection, key: str, values: set[float]) -> bool:
    """Does a figure the denial names stand in the measure as someone's claim (or does the
    measure hold no claim but the denial's)?"""
    claimed = claimed_values(conn, key)
    return not claimed or bool(claimed & values)


def _denies_thing(key: str, things: set[str], sentence: str) -> bool:
    """Does a denial naming `things` but no owner refute this measure of its article? One with
    an aspect only if the denial names it too ("denied that residents were evacuated")."""
    thing, _, *aspect = key.split("|")
    return thing in things and (not aspect or aspect[0] in sentence)


def join_propositions(conn: Connection, rows: list[dict[str, Any]], memo: PropositionMemo) -> None:
    """Put each statement in the claim of the proposition it makes; open one if it is new.

    Candidates are the most recent statements sharing a blocking key, fetched for the whole
    batch at once; a proposition is computed once, stored, and compared as stored. The
    batch's own statements join the candidates in the order they are reconciled.
    """
    props = {r["id"]: Proposition.of(r) for r in rows}
    keys = {i: sorted(set(p.keys())) for i, p in props.items()}
    recent = _recent_by_key(conn, sorted({k for ks in keys.values() for k in ks}))
    memo.load(conn, {i for ids in recent.values() for i in ids})
    matches: dict[int, list[int]] = {}
    for r in rows:
        prop = props[r["id"]]
        candidates = {c for key in keys[r["id"]] for c in recent.get(key, [])[:CANDIDATES]}
        matches[r["id"]] = sorted(c for c in candidates if prop.same(props.get(c) or memo[c]))
        for key in keys[r["id"]]:
            recent.setdefault(key, []).insert(0, r["id"])
    join_statements(conn, rows, matches)
    if props:
        conn.execute(t.propositions.insert(), [p.row(i) for i, p in props.items()])
    pairs = [{"key": key, "statement_id": i} for i, ks in keys.items() for key in ks]
    if pairs:
        conn.execute(t.statement_keys.insert(), pairs)


def _recent_by_key(conn: Connection, keys: list[str]) -> dict[str, list[int]]:
    """The newest CANDIDATES statement ids under each key, newest first (one query, indexed)."""
    found: dict[str, set[int]] = {}
    for start in range(0, len(keys), KEYS_PER_QUERY):
        part = keys[start : start + KEYS_PER_QUERY]
        # Padded to a power of two (repeating a key), so a handful of statement shapes serve
        # every batch: each shape is compiled and cached once.
        size = min(KEYS_PER_QUERY, 1 << (len(part) - 1).bit_length())
        params = {f"k{i}": part[min(i, len(part) - 1)] for i in range(size)}
        for key, statement_id in conn.execute(_recent_query(size), params).all():
            found.setdefault(key, set()).add(statement_id)
    return {key: sorted(ids, reverse=True) for key, ids in found.items()}


@lru_cache(maxsize=16)
def _recent_query(n: int) -> CompoundSelect:
    """One query for the newest candidates under `n` keys: a LIMIT per key keeps each an
    index range scan, however common the key."""
    k = t.statement_keys
    parts = [
        select(k.c.key, k.c.statement_id)
        .where(k.c.key == bindparam(f"k{i}"))
        .order_by(k.c.statement_id.desc())
        .limit(CANDIDATES)
        .subquery()
        for i in range(n)
    ]
    return union_all(*(select(part) for part in parts))


def _link_entities(conn: Connection, article_ids: list[str]) -> None:
    """Resolve across articles the entities these articles name or quote."""
    m, s = t.mentions, t.statements
    named = union(
        select(m.c.entity_id).where(m.c.article_id.in_(article_ids)),
        select(s.c.speaker_entity_id).where(s.c.article_id.in_(article_ids)),
    ).subquery()
    rows = conn.execute(
        select(t.entities.c.id, t.entities.c.name, t.entities.c.kind).where(
            t.entities.c.id.in_(select(named.c[0]))
        )
    ).all()
    for renamed in resolve_entities(conn, [(r.id, r.name, r.kind) for r in rows]):
        for old, new in origin_renames(*renamed):
            rename_origin(conn, old, new)


_MEMOS: WeakKeyDictionary[Store, PropositionMemo] = WeakKeyDictionary()


def _memo(store: Store) -> PropositionMemo:
    """The store's memo of stored propositions: candidates recur from article to article."""
    return _MEMOS.setdefault(store, PropositionMemo())


def forget(store: Store) -> None:
    """Drop what reconcile remembers of a store: a rolled-back transaction may have fed it."""
    _MEMOS.pop(store, None)


def _rows(conn: Connection, table: t.Table, article_ids: list[str]) -> list[dict[str, Any]]:
    """The articles' rows of `table`, in the order of `article_ids`, then in text order."""
    order = {a: i for i, a in enumerate(article_ids)}
    query = select(table).where(table.c.article_id.in_(article_ids))
    rows = [dict(r._mapping) for r in conn.execute(query)]
    return sorted(rows, key=lambda r: (order[r["article_id"]], r["idx"]))


def _counts_sources(q: dict[str, Any], statements: list[dict[str, Any]]) -> bool:
    """Is the figure a count of those who speak ("two people familiar with the matter said",
    "one juror said", "a jury of seven women and five men found")? It counts the speakers,
    not anything they claim; a poll's share who said so is a finding."""
    if q["unit"] in GENERIC_UNITS or (q["value_low"] or 0) >= SOURCE_COUNT:
        return False
    return any(
        s["speaker_end"] is not None
        and s["speaker_start"] <= q["start_char"]
        and q["end_char"] <= s["speaker_end"]
        for s in statements
    )


def _statement_holding(statements: list[dict[str, Any]], q: dict[str, Any]) -> dict | None:
    """The statement whose sentence holds a quantity the extractor left unattributed: its
    speaker names no owner of the figure, whoever claims it."""
    for s in statements:
        if s["sentence_start"] <= q["start_char"] and q["end_char"] <= s["sentence_end"]:
            return s
    return None
