"""The web app: `create_app(store_url, token)` for uvicorn; `claimledger serve` starts it."""

from __future__ import annotations

from claimledger.web.app import create_app, generate_token

__all__ = ["create_app", "generate_token"]
