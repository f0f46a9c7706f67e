"""The `claimledger` command: ingest, analyze, report, export, serve, eval."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from claimledger.config import Settings
from claimledger.eval import eval_app
from claimledger.ingest.sources import estimate_items
from claimledger.model import Analysis, Failure, IngestSummary
from claimledger.nlp import ModelNotInstalled
from claimledger.reconcile.cli import measure_app

app = typer.Typer(
    help="Who said what, which numbers, who agrees: a sourced dossier from news coverage.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")
app.add_typer(measure_app, name="measure")
err = Console(stderr=True)
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})  # addresses only this machine reaches

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="CLAIMLEDGER_DB_URL",
        help="SQLite file or database URL (postgresql+psycopg://...).",
    ),
]
PathsArg = Annotated[
    list[str], typer.Argument(help="Files, folders, or - for standard input.", show_default=False)
]
TitleOpt = Annotated[Optional[str], typer.Option(help="Title for every input.")]  # noqa: UP045
OutletOpt = Annotated[Optional[str], typer.Option(help="Outlet for every input.")]  # noqa: UP045
UrlOpt = Annotated[Optional[str], typer.Option(help="URL for every input.")]  # noqa: UP045
PublishedOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--published-at", help="Publication date for every input (ISO 8601)."),
]
StdinOpt = Annotated[
    str, typer.Option("--stdin-format", help="Format of standard input: txt, md, html or jsonl.")
]


def _meta(title: str | None, outlet: str | None, url: str | None, published: str | None) -> dict:
    return {"title": title, "outlet": outlet, "url": url, "published_at": published}


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOption = "claimledger.db",
    title: TitleOpt = None,
    outlet: OutletOpt = None,
    url: UrlOpt = None,
    published_at: PublishedOpt = None,
    stdin_format: StdinOpt = "txt",
    workers: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--workers", help="Analyse on a local Dask cluster of N processes."),
    ] = None,
    dask: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--dask", help="Analyse on the Dask scheduler at ADDRESS (tcp://host:8786)."),
    ] = None,
) -> None:
    """Analyse articles and store them; re-ingesting the same text is a no-op."""
    from claimledger.api import Ledger
    from claimledger.scale import dask_runner

    total = estimate_items(paths)
    with (
        _guard(),
        Ledger(db) as ledger,
        dask_runner(ledger.settings, workers, dask) as runner,
        _progress() as progress,
    ):
        task = progress.add_task("ingesting", total=total)

        def advance(kind: str, source: str) -> None:
            progress.update(task, advance=1, description=f"{kind}: {Path(source).name[:40]}")

        meta = _meta(title, outlet, url, published_at)
        summary = ledger.ingest(paths, meta, stdin_format, advance, runner)
    _print_summary(summary)
    raise typer.Exit(0 if summary.ok else 1)


@app.command()
def analyze(
    paths: PathsArg,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSONL, one article a line.")
    ] = False,
    title: TitleOpt = None,
    outlet: OutletOpt = None,
    url: UrlOpt = None,
    published_at: PublishedOpt = None,
    stdin_format: StdinOpt = "txt",
) -> None:
    """Analyse without storing: one JSON object per article on standard output."""
    from claimledger.analyze import analyze_stream
    from claimledger.ingest import read_articles

    settings = Settings()
    failures: list[Failure] = []

    def failed(item: Failure) -> None:
        failures.append(item)
        err.print(f"failed: {item}", markup=False, highlight=False, soft_wrap=True)

    def articles():
        for item in read_articles(
            paths, settings, _meta(title, outlet, url, published_at), stdin_format
        ):
            if isinstance(item, Failure):
                failed(item)
            else:
                yield item

    with _guard():
        for analysis in analyze_stream(articles(), settings):
            if isinstance(analysis, Failure):
                failed(analysis)
            elif as_json:
                sys.stdout.write(json.dumps(analysis.to_json(), ensure_ascii=False) + "\n")
            else:
                _print_analysis(analysis)
    raise typer.Exit(1 if failures else 0)


@app.command()
def report(
    db: DbOption = "claimledger.db",
    fmt: Annotated[str, typer.Option("--format", "-f", help="html, md or json.")] = "json",
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write here instead of standard output."),
    ] = None,
) -> None:
    """The dossier of everything in the store."""
    from claimledger.api import Ledger

    with _guard(), Ledger(db) as ledger:
        text = ledger.report(fmt)
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")


@app.command()
def export(
    db: DbOption = "claimledger.db",
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or jsonl.")] = "csv",
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Folder for one file per table."),
    ] = None,
    table: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--table", "-t", help="Only this table, to standard output."),
    ] = None,
) -> None:
    """Every table as CSV or JSONL files (-o DIR), or one table (--table) to standard output."""
    from claimledger.report.export import export_all, export_table
    from claimledger.store import Store

    if (output is None) == (table is None):
        err.print("error: give either -o DIR (all tables) or --table NAME (to standard output)")
        raise typer.Exit(2)
    with _guard():
        store = Store(db)
        try:
            if table is not None:
                export_table(store, table, fmt, sys.stdout)
            else:
                counts = export_all(store, fmt, output)  # type: ignore[arg-type]
                err.print(f"wrote {sum(counts.values())} rows in {len(counts)} files to {output}")
        finally:
            store.close()


@app.command()
def serve(
    db: DbOption = "claimledger.db",
    host: Annotated[str, typer.Option(help="Address to bind; 127.0.0.1 keeps it local.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(envvar="CLAIMLEDGER_TOKEN", help="Write token (generated if not given)."),
    ] = None,
) -> None:
    """The dossier as a web app with a JSON API under /api; writes need the token."""
    import uvicorn

    from claimledger.web import create_app, generate_token

    if not token:
        token = generate_token()
        err.print(f"write token (set CLAIMLEDGER_TOKEN to choose one): {token}", markup=False)
    local = host in LOOPBACK
    if not local:
        err.print(f"warning: {host} is reachable from other machines; anyone there can read the "
                  "dossier (writes still need the token)", markup=False)
    with _guard():
        application = create_app(db, token, hosts=[*sorted(LOOPBACK), "[::1]"] if local else None)
    err.print(f"serving http://{host}:{port}/ (API: /api, OpenAPI: /api/openapi.json)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


def _print_analysis(analysis: Analysis) -> None:
    """A readable digest of one article, for people at a terminal."""
    out = Console()
    a = analysis.article
    out.rule(f"{a.title or a.path or a.id}")
    out.print(
        f"{a.outlet or 'unknown outlet'}, {a.published_at or 'undated'}: "
        f"{len(analysis.statements)} statements, {len(analysis.quantities)} quantities, "
        f"{len(analysis.times)} time expressions",
        markup=False,
    )
    for s in analysis.statements:
        who = s.speaker_entity or (s.speaker.text if s.speaker else "(unattributed)")
        cue = s.cue.text if s.cue else ""
        out.print(
            f"  {who} [{s.speaker_kind}, {s.stance}] {cue}: {s.content.text[:100]}", markup=False
        )
    for q in analysis.quantities:
        out.print(
            f"  # {q.span.text} -> {q.change} {q.value} {q.counted or q.unit or ''} ({q.status})",
            markup=False,
        )


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


def _print_summary(summary: IngestSummary) -> None:
    err.print(
        f"ingested {len(summary.ingested)}, unchanged {len(summary.unchanged)}, "
        f"failed {len(summary.failed)}"
    )
    for failure in summary.failed:
        err.print(f"  failed: {failure}", markup=False, highlight=False, soft_wrap=True)


class _guard:
    """Turn expected errors (no model, bad settings) into one clear line and exit code 2."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, exc: BaseException | None, _tb: object) -> bool:
        if isinstance(exc, (ModelNotInstalled, ValueError)) and not isinstance(exc, typer.Exit):
            err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(2)
        return False


def main() -> None:
    app()
