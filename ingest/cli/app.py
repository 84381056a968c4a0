"""The `sohoa` command's Typer application: every command and command group, in the order `--help`
lists them."""

from __future__ import annotations

import typer

from ingest.cli import backfill, demo, dossiers, read, search, servers, submit, users

__all__ = ["app"]

app = typer.Typer(help="sohoa — Vietnamese OCR ingest of administrative results (Decree 45/2020).",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
app.add_typer(servers.db_app, name="db")
app.add_typer(users.app, name="users")
app.command()(read.ocr)
app.command()(read.extract)
app.command()(submit.ingest)
app.command()(search.search)
app.command()(backfill.backfill)
app.add_typer(dossiers.app, name="dossiers")
app.command()(servers.worker)
app.command()(servers.sweep)
app.command()(servers.serve)
app.command()(read.restore)
app.command()(demo.demo)
