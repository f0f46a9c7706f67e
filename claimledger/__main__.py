"""`python -m claimledger` runs the CLI."""

from claimledger.cli import main

main()
