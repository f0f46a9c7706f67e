"""Read models over the store: the dossier as JSON, Markdown or HTML."""

from __future__ import annotations

from claimledger.report.dossier import build_dossier, render

__all__ = ["build_dossier", "render"]
