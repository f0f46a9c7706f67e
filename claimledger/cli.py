"""The `claimledger` command: ingest, analyze, report, eval."""

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

app = typer.Typer(
    help="Who said what, which numbers, who agrees: a sourced dossier from news coverage.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")
err = Console(stderr=True)

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
) -> None:
    """Analyse articles and store them; re-ingesting the same text is a no-op."""
    from claimledger.api import Ledger

    total = estimate_items(paths)
    with _guard(), Ledger(db) as ledger, _progress() as progress:
        task = progress.add_task("ingesting", total=total)

        def advance(kind: str, source: str) -> None:
            progress.update(task, advance=1, description=f"{kind}: {Path(source).name[:40]}")

        summary = ledger.ingest(
            paths, _meta(title, outlet, url, published_at), stdin_format, advance
        )
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
    from claimledger.analyze import analyze_doc, parse_articles
    from claimledger.ingest import read_articles

    settings = Settings()
    failures: list[Failure] = []

    def articles():
        for item in read_articles(
            paths, settings, _meta(title, outlet, url, published_at), stdin_format
        ):
            if isinstance(item, Failure):
                failures.append(item)
                err.print(f"failed: {item}", markup=False, highlight=False, soft_wrap=True)
            else:
                yield item

    with _guard():
        for article, doc in parse_articles(articles(), settings):
            analysis = analyze_doc(doc, article, settings)
            if as_json:
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
