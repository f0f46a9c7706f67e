"""The store behaves the same on SQLite and PostgreSQL: round trip, idempotence, schema check."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from claimledger.model import (
    Analysis,
    Article,
    Entity,
    Mention,
    Quantity,
    Span,
    Statement,
    TimeExpr,
)
from claimledger.store import Store
from claimledger.store import schema as t
from claimledger.store.store import SchemaMismatch


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = Store(store_url)
    yield s
    s.close()


TEXT = (
    "Defense Secretary Lloyd J. Austin III said on Wednesday that at least 3,000 North Korean "
    'soldiers were in Russia. "We are watching closely," Mr. Austin told reporters.'
)


def span(source: str, needle: str) -> Span:
    start = source.index(needle)
    return Span.of(source, start, start + len(needle))


def sample_analysis(source: str = TEXT, alias: str = "Mr. Austin") -> Analysis:
    """A hand-made analysis with every kind of row, indices linking quantity to statement/time."""
    article = Article(source, title="Troops", outlet="Example Times", published_at="2024-10-23")
    first = span(source, source[: source.index(".", source.index("Russia")) + 1])
    austin = "Lloyd J. Austin III"
    statements = [
        Statement(
            sentence=first,
            content=span(source, "at least 3,000 North Korean soldiers were in Russia"),
            speaker=span(source, austin),
            speaker_entity=austin,
            speaker_kind="person",
            cue=span(source, "said"),
        ),
        Statement(
            sentence=span(source, f'"We are watching closely," {alias} told reporters.'),
            content=span(source, "We are watching closely,"),
            speaker=span(source, alias),
            speaker_entity=austin,
            speaker_kind="person",
            cue=span(source, "told"),
            direct=True,
        ),
    ]
    times = [TimeExpr(span(source, "on Wednesday"), "2024-10-23", "2024-10-23", "day")]
    quantities = [
        Quantity(
            span(source, "at least 3,000 North Korean soldiers"),
            3000.0,
            change=">",
            hedge="at least",
            unit="soldier",
            counted="North Korean soldiers",
            sentence=first,
            statement=0,
            time=0,
        )
    ]
    mentions = [
        Mention(span(source, austin), austin, "person"),
        Mention(span(source, alias), austin, "person"),
        Mention(span(source, "Russia"), "Russia", "place"),
    ]
    entities = [Entity(austin, "person", [alias]), Entity("Russia", "place", [])]
    return Analysis(article, statements, quantities, times, mentions, entities)


def test_round_trip_keeps_spans_and_links(store: Store) -> None:
    analysis = sample_analysis()
    assert store.write(analysis)
    a = analysis.article
    [article] = store.rows("articles")
    assert (article["id"], article["sha256"], article["text"]) == (a.id, a.sha256, TEXT)
    assert (article["outlet"], article["published_at"], article["n_words"]) == (
        "Example Times",
        "2024-10-23",
        a.n_words,
    )

    entities = {e["name"]: e for e in store.rows("entities")}
    assert set(entities) == {"Lloyd J. Austin III", "Russia"}
    assert entities["Lloyd J. Austin III"]["aliases"] == '["Mr. Austin"]'

    statements = store.rows("statements", {"article_id": a.id}, order_by=("idx",))
    assert [s["idx"] for s in statements] == [0, 1]
    for row, s in zip(statements, analysis.statements, strict=True):
        assert TEXT[row["content_start"] : row["content_end"]] == row["content_text"]
        assert (row["content_text"], row["speaker_text"], row["cue_text"]) == (
            s.content.text,
            s.speaker.text if s.speaker else None,
            s.cue.text if s.cue else None,
        )
        assert row["speaker_entity_id"] == entities["Lloyd J. Austin III"]["id"]
        assert (row["direct"], row["stance"], row["anonymous"]) == (s.direct, "assert", False)

    [time] = store.rows("times")
    assert (time["text"], time["resolved_start"], time["grain"]) == (
        "on Wednesday",
        "2024-10-23",
        "day",
    )
    [quantity] = store.rows("quantities")
    assert TEXT[quantity["start_char"] : quantity["end_char"]] == quantity["text"]
    assert (quantity["value_low"], quantity["change"], quantity["hedge"]) == (
        3000.0,
        ">",
        "at least",
    )
    assert quantity["statement_id"] == statements[0]["id"]
    assert quantity["time_id"] == time["id"]

    mentions = store.rows("mentions", order_by=("start_char",))
    assert [(m["text"], m["kind"]) for m in mentions] == [
        ("Lloyd J. Austin III", "person"),
        ("Russia", "place"),
        ("Mr. Austin", "person"),
    ]
    assert all(TEXT[m["start_char"] : m["end_char"]] == m["text"] for m in mentions)


def test_rewrite_is_a_no_op_even_from_a_new_store(store: Store, store_url: str) -> None:
    analysis = sample_analysis()
    assert store.write(analysis)
    counts = {tbl.name: store.count(tbl.name) for tbl in t.metadata.sorted_tables}
    assert not store.write(analysis)
    again = Store(store_url)
    try:
        assert not again.write(analysis)
        assert {tbl.name: again.count(tbl.name) for tbl in t.metadata.sorted_tables} == counts
        assert again.known([analysis.article.sha256, "0" * 64]) == {analysis.article.sha256}
    finally:
        again.close()


def test_entities_are_shared_and_aliases_accumulate(store: Store) -> None:
    store.write(sample_analysis())
    other = TEXT.replace("Mr. Austin", "Secretary Austin")
    store.write(sample_analysis(other, alias="Secretary Austin"))
    assert store.count("articles") == 2
    assert store.count("entities") == 2
    [austin] = store.rows("entities", {"name": "Lloyd J. Austin III"})
    assert austin["aliases"] == '["Mr. Austin", "Secretary Austin"]'


def test_a_batch_is_written_in_one_go_with_each_article_linked_to_its_own_rows(
    store: Store,
) -> None:
    """Ingest writes a batch with one statement per table: ids must still land on the right
    article, a repeated text is stored once and a known article is left alone."""
    known = sample_analysis()
    store.write(known)
    first, second, again = (
        sample_analysis(TEXT.replace("Mr. Austin", a), alias=a)
        for a in ("Secretary Austin", "Austin", "Secretary Austin")
    )
    with store.engine.begin() as conn:
        assert store.write_many(conn, [first, known, second, again]) == [True, False, True, False]
    assert store.count("articles") == 3 and store.count("statements") == 6
    for analysis in (first, second):
        [q] = store.rows("quantities", {"article_id": analysis.article.id})
        [s] = store.rows("statements", {"id": q["statement_id"]})
        [w] = store.rows("times", {"id": q["time_id"]})
        assert s["article_id"] == w["article_id"] == analysis.article.id and s["idx"] == 0
    [austin] = store.rows("entities", {"name": "Lloyd J. Austin III"})
    assert austin["aliases"] == '["Austin", "Mr. Austin", "Secretary Austin"]'


def test_other_schema_version_is_refused(store: Store, store_url: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(t.meta.update().where(t.meta.c.key == "schema_version").values(value="999"))
    with pytest.raises(SchemaMismatch, match="schema version 999"):
        Store(store_url)


def test_schema_version_is_recorded(store: Store) -> None:
    [row] = store.rows("meta", {"key": "schema_version"}, order_by=("key",))
    assert row["value"] == str(t.SCHEMA_VERSION)
