"""`claimledger measure list|rename|merge|split`: curate how figures group into measures."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from claimledger.reconcile import claims_view, curate
from claimledger.store import Store

measure_app = typer.Typer(help="List and curate measures (groups of comparable figures).")
DbOption = Annotated[
    str, typer.Option("--db", envvar="CLAIMLEDGER_DB_URL", help="SQLite file or database URL.")
]


@measure_app.command("list")
def list_measures(db: DbOption = "claimledger.db") -> None:
    """Measures with their label, verdict, figures, denials, articles and independent origins
    (a denying statement is a member of its measure but no figure of it)."""
    store = Store(db)
    table = Table("key", "label", "verdict", "figures", "denials", "articles", "origins")
    for c in sorted(claims_view(store, "quantity", evidence=False), key=lambda c: c["key"]):
        members = c["members"]
        table.add_row(
            c["key"], c["label"], c["verdict"], str(len(members["quantities"])),
            str(len(members["statements"])), str(c["n_articles"]), str(c["n_origins"]),
        )
    store.close()
    Console().print(table)


@measure_app.command()
def rename(key: str, label: str, db: DbOption = "claimledger.db") -> None:
    """Give measure KEY the label LABEL."""
    store = Store(db)
    curate.rename(store, key, label)
    store.close()


@measure_app.command()
def merge(key: str, into: str, db: DbOption = "claimledger.db") -> None:
    """Fold measure KEY into measure INTO."""
    store = Store(db)
    moved = curate.merge(store, key, into)
    store.close()
    typer.echo(f"moved {moved} figures from {key} to {into}")


@measure_app.command()
def split(
    key: str,
    into: str,
    match: Annotated[str, typer.Option(help="Text the moved figures contain.")],
    db: DbOption = "claimledger.db",
) -> None:
    """Move figures of KEY whose text or counted phrase contains --match into measure INTO."""
    store = Store(db)
    moved = curate.split(store, key, match, into)
    store.close()
    typer.echo(f"moved {moved} figures from {key} to {into}")
