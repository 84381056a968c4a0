"""`sohoa dossiers`: dossier records (hồ sơ TTHC) imported from a one-stop-shop system's export, and
shown with their linked documents."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from ingest.cli.console import err, out, services
from ingest.core.errors import ExitCode

__all__ = ["app"]

app = typer.Typer(help="Dossier records (hồ sơ TTHC).", no_args_is_help=True)


@app.command("import")
def import_dossiers(file: Annotated[Path, typer.Argument(help="CSV or JSON export of a one-stop-shop system")]
                    ) -> None:
    """Create or update dossiers from a CSV/JSON export (code, procedure, agency, applicant, dates)."""
    from ingest.store.dossiers import import_file

    svc = services()
    if not file.is_file():
        err.print(f"[red]error:[/red] {file} does not exist")
        raise typer.Exit(ExitCode.REFUSED)
    with svc.sessions() as session:
        report = import_file(session, file, actor=os.environ.get("USER"))
        session.commit()
    out.print(f"{report.created} created, {report.updated} updated, {len(report.errors)} refused")
    for e in report.errors:
        err.print(f"  {e}")
    nothing_taken = report.errors and not (report.created or report.updated)
    raise typer.Exit(ExitCode.ERROR if nothing_taken else ExitCode.OK)


@app.command("show")
def show(code: str) -> None:
    """A dossier and its linked documents, as JSON."""
    from ingest.store.dossiers import dossier_out

    svc = services()
    with svc.sessions() as session:
        sys.stdout.write(dossier_out(session, code).model_dump_json(indent=1) + "\n")
