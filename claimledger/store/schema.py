"""The ledger's tables (SQLAlchemy Core): plain, documented, queryable with any SQL tool.

Offsets are `start_char`/`end_char` into `articles.text` (END is an SQL keyword).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

SCHEMA_VERSION = 2  # 2: claims are kept up to date through claim_facets/claim_bounds

metadata = MetaData()


def _extracted_span_columns() -> list[Column]:
    """Columns every extracted item has: its article, position, and span of the text."""
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("article_id", String(16), ForeignKey("articles.id"), nullable=False, index=True),
        Column("idx", Integer, nullable=False),  # position within the article
        Column("text", Text, nullable=False),
        Column("start_char", Integer, nullable=False),
        Column("end_char", Integer, nullable=False),
    ]


meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(16), primary_key=True),  # first 16 hex digits of sha256
    Column("sha256", String(64), nullable=False, unique=True),
    Column("path", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("published_at", String(32)),  # ISO date or datetime
    Column("n_words", Integer, nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Column("text", Text, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("aliases", Text, nullable=False, default="[]"),  # JSON list of names
    UniqueConstraint("name", "kind", name="uq_entities_name_kind"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(16), ForeignKey("articles.id"), nullable=False, index=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("kind", String(32)),
)

statements = Table(
    "statements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(16), ForeignKey("articles.id"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),  # position within the article
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("speaker_text", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_entity_id", Integer, ForeignKey("entities.id"), index=True),
    Column("speaker_name", Text),  # canonical name, denormalised for plain SQL
    Column("speaker_kind", String(16), nullable=False),
    Column("cue_text", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("content_text", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("stance", String(16), nullable=False),
    Column("anonymous", Boolean, nullable=False),
)

times = Table(
    "times",
    metadata,
    *_extracted_span_columns(),
    Column("resolved_start", String(32)),
    Column("resolved_end", String(32)),
    Column("grain", String(16)),
)

quantities = Table(
    "quantities",
    metadata,
    *_extracted_span_columns(),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("value_low", Float),
    Column("value_high", Float),
    Column("is_range", Boolean, nullable=False),
    Column("change", String(8), nullable=False),
    Column("hedge", Text),
    Column("unit", Text),
    Column("counted", Text),
    Column("status", String(32), nullable=False),
    Column("measure", Text, index=True),
    Column("statement_id", Integer, ForeignKey("statements.id")),
    Column("time_id", Integer, ForeignKey("times.id")),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),  # quantity | statement
    Column("key", Text, nullable=False),  # measure key or proposition key
    Column("label", Text, nullable=False),
    Column("verdict", String(16), nullable=False),  # agree|conflict|denied|evolved|single
    Column("n_members", Integer, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("n_origins", Integer, nullable=False),
    Column("origins", Text, nullable=False, default="[]"),  # JSON list of origin names
    Column("outlets", Text, nullable=False, default="[]"),  # JSON list
    Column("updated_at", String(32), nullable=False),
    UniqueConstraint("kind", "key", name="uq_claims_kind_key"),
)

claim_members = Table(
    "claim_members",
    metadata,
    Column("claim_id", Integer, ForeignKey("claims.id"), nullable=False),
    Column("item_kind", String(16), nullable=False),  # quantity | statement
    Column("item_id", Integer, nullable=False),
    PrimaryKeyConstraint("claim_id", "item_kind", "item_id"),
    Index("ix_claim_members_item", "item_kind", "item_id"),
)

# what reconcile keeps per claim so that one more member costs the same at any claim size
claim_facets = Table(
    "claim_facets",
    metadata,
    Column("claim_id", Integer, ForeignKey("claims.id"), nullable=False),
    Column("facet", String(16), nullable=False),  # origin | outlet | article
    Column("value", Text, nullable=False),
    PrimaryKeyConstraint("claim_id", "facet", "value"),
    Index("ix_claim_facets_value", "facet", "value"),  # a renamed origin finds its claims
)

claim_bounds = Table(
    "claim_bounds",
    metadata,
    Column("claim_id", Integer, ForeignKey("claims.id"), nullable=False),
    Column("horizon", String(16), nullable=False),  # current | future | * (all figures)
    Column("as_of", String(32), nullable=False),  # ISO date, "" unknown, * every date
    Column("lo", Float, nullable=False),  # the highest lower bound of the figures
    Column("hi", Float),  # the lowest upper bound; NULL: unbounded
    Column("n", Integer, nullable=False),  # figures folded in
    Column("cue", Boolean, nullable=False),  # some figure says it replaces an earlier one
    Column("state", String(16)),  # conflict | evolved | agree, what this scope says
    PrimaryKeyConstraint("claim_id", "horizon", "as_of"),
    Index("ix_claim_bounds_state", "claim_id", "state"),
)

ARTICLE_TABLES = (mentions, quantities, times, statements)  # children, delete order

# --- reconcile: cross-article state (claims above; these need no schema bump) ---------------

measure_overrides = Table(
    "measure_overrides",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("op", String(16), nullable=False),  # rename | merge | split
    Column("key", Text, nullable=False),  # the measure the user acted on
    Column("target", Text),  # merge/split: the measure its quantities go to
    Column("match", Text),  # split: case-insensitive text the moved quantities contain
    Column("label", Text),  # rename: the label to show
    Column("created_at", String(32), nullable=False),
)

denial_links = Table(
    "denial_links",
    metadata,
    Column("key", Text, nullable=False),  # measure key the denial may refute
    Column("statement_id", Integer, nullable=False),
    PrimaryKeyConstraint("key", "statement_id"),
)

statement_keys = Table(
    "statement_keys",
    metadata,
    Column("key", Text, nullable=False),  # blocking key: quoted phrase or sketch word
    Column("statement_id", Integer, nullable=False),
    PrimaryKeyConstraint("key", "statement_id"),
)

propositions = Table(
    "propositions",
    metadata,
    Column("statement_id", Integer, primary_key=True),  # statements.id
    Column("lemmas", Text, nullable=False),  # content lemmas, space-separated
    Column("quotes", Text, nullable=False),  # JSON list of normalised quoted phrases
    Column("places", Text, nullable=False),  # JSON list of gazetteer entities named
    Column("speaker", Text),
)

entity_links = Table(
    "entity_links",
    metadata,
    Column("entity_id", Integer, primary_key=True),  # entities.id
    Column("canonical", Text, nullable=False, index=True),  # name of the merged entity
    Column("rule", String(16), nullable=False),  # self|gazetteer|acronym|name|surname|group
    Column("evidence", Text, nullable=False),  # why this name is that entity
)

entity_keys = Table(
    "entity_keys",
    metadata,
    Column("key", Text, nullable=False),  # e.g. gaz:Russia, acr:NIS, pn:lloyd austin
    Column("canonical", Text, nullable=False, index=True),
    PrimaryKeyConstraint("key", "canonical"),
)
