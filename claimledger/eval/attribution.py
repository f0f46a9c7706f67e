"""`claimledger eval attribution SPLIT_DIR`: who-said-what scored against PolNeAR."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from spacy.tokens import Doc

from claimledger.eval import eval_app
from claimledger.eval.polnear import ROLES, RoleSpans, Tally, read_split, trim
from claimledger.model import Statement


def predicted_spans(text: str, statements: Iterable[Statement]) -> RoleSpans:
    """Our statements as PolNeAR role spans, trimmed by the same rule as the gold."""
    out = RoleSpans.empty()
    for st in statements:
        for role, span in (("source", st.speaker), ("cue", st.cue), ("content", st.content)):
            if span is not None:
                out.of(role).append(trim(text, span.start, span.end))
    return out


def score_split(split_dir: Path, docs: Iterable[Doc] | None = None) -> dict[str, dict]:
    """Exact and overlap P/R/F1 per role over one split; `docs` may bring pre-parsed texts."""
    from claimledger.extract.attribution import find_statements
    from claimledger.nlp import load_nlp, parse

    articles = list(read_split(split_dir))
    if docs is None:
        docs = parse((text for _, text, _ in articles), load_nlp())
    tallies = {role: Tally() for role in ROLES}
    for (_, text, gold), doc in zip(articles, docs, strict=True):
        pred = predicted_spans(text, find_statements(doc))
        for role in ROLES:
            tallies[role].add(text, pred.of(role), gold.of(role))
    return {role: tallies[role].figures() for role in ROLES} | {"articles": len(articles)}


@eval_app.command("attribution")
def attribution(
    split_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="PolNeAR split"),
) -> None:
    """Score statements (source, cue, content) against a PolNeAR-layout split."""
    figures = score_split(split_dir)
    table = Table(title=f"attribution: {split_dir} ({figures['articles']} articles)")
    table.add_column("role")
    for kind in ("exact", "overlap"):
        for m in ("P", "R", "F1"):
            table.add_column(f"{kind} {m}", justify="right")
    for role in ROLES:
        cells = [str(figures[role][k][m]) for k in ("exact", "overlap") for m in ("p", "r", "f1")]
        table.add_row(role, *cells)
    Console(stderr=True).print(table)
    print(json.dumps({"split": str(split_dir), **figures}))
