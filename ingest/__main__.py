"""`python -m ingest`: the `sohoa` command."""

from ingest.cli.main import main

main()
