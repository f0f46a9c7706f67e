"""Scorers against gold annotations: `claimledger eval attribution|quantities`."""

import typer

eval_app = typer.Typer(
    help="Score extraction against gold annotations (P/R/F1).", no_args_is_help=True
)

# Each scorer module adds its command to eval_app when imported.
from claimledger.eval import attribution, quantities  # noqa: E402,F401

__all__ = ["eval_app"]
