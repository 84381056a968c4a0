"""`sohoa search`: full-text search of the digitised text from the command line."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from ingest.cli.console import err, out, services
from ingest.core.errors import ExitCode

if TYPE_CHECKING:
    from schemas.api import SearchResults

__all__ = ["print_hits", "search"]

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def search(query: Annotated[str, typer.Argument(help="words, with or without diacritics")] = "",
           as_json: Annotated[bool, typer.Option("--json")] = False,
           limit: Annotated[int, typer.Option(min=1, max=500)] = 20,
           agency: Annotated[str | None, typer.Option(help="agency (part of its name)")] = None,
           doc_type: Annotated[str | None, typer.Option("--type", help="e.g. 'Quyết định'")] = None,
           date_from: Annotated[datetime | None, typer.Option("--from", formats=DATE_FORMATS,
                                                              help="issued on or after")] = None,
           date_to: Annotated[datetime | None, typer.Option("--to", formats=DATE_FORMATS,
                                                            help="issued on or before")] = None,
           dossier: Annotated[str | None, typer.Option(help="dossier code")] = None) -> None:
    """Full-text search of the digitised text, insensitive to diacritics, with optional filters."""
    from ingest.search.query import search as run_search
    from schemas.api import SearchFilters

    filters = SearchFilters(agency=agency, doc_type=doc_type, dossier_code=dossier,
                            date_from=date_from.date() if date_from else None,
                            date_to=date_to.date() if date_to else None)
    if not query.strip() and not any((agency, doc_type, date_from, date_to, dossier)):
        err.print("[red]error:[/red] give words to search for, or at least one filter")
        raise typer.Exit(ExitCode.REFUSED)
    svc = services()
    with svc.sessions() as session:
        results = run_search(session, query, limit=limit, filters=filters)
    if as_json:
        sys.stdout.write(results.model_dump_json(indent=1) + "\n")
        return
    print_hits(results)


def print_hits(results: SearchResults) -> None:
    """Each hit: its document, page and file, and its snippet with the matched words highlighted."""
    if not results.hits:
        out.print(f"no pages match “{results.query}”")
        return
    out.print(f"{results.total} page(s) match “{results.query}”:")
    for hit in results.hits:
        dossier = f" · dossier {hit.dossier_code}" if hit.dossier_code else ""
        out.print(f"\n[bold]document {hit.document_id}[/bold] · page {hit.page} · {hit.filename}{dossier}")
        snippet = Text("  ")
        last = 0
        for a, b in hit.highlights:
            snippet.append(hit.snippet[last:a])
            snippet.append(hit.snippet[a:b], style="bold reverse")
            last = b
        snippet.append(hit.snippet[last:])
        out.print(snippet)
