"""SQLAlchemy Core tables and the Store that writes and reads them."""

from claimledger.store.schema import SCHEMA_VERSION
from claimledger.store.store import SchemaMismatch, Store

__all__ = ["SCHEMA_VERSION", "SchemaMismatch", "Store"]
