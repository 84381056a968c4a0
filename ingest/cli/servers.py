"""The long-running sides of sohoa and their upkeep: `sohoa serve` (the web app and the API), `sohoa
worker` (a Celery worker), `sohoa sweep` (requeue lost work), `sohoa db upgrade`."""

from __future__ import annotations

from typing import Annotated

import typer

from ingest.cli.console import out, services

__all__ = ["db_app", "serve", "sweep", "worker"]

db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)


def worker(concurrency: Annotated[int | None, typer.Option(help="worker processes")] = None,
           loglevel: Annotated[str, typer.Option()] = "INFO",
           beat: Annotated[bool, typer.Option(help="also run the periodic sweep that requeues lost work "
                                                   "(run it in exactly one worker)")] = False) -> None:
    """Run a Celery worker that processes queued documents."""
    from ingest.core.dispatch import get_dispatcher

    svc = services()
    get_dispatcher().run_worker(concurrency=concurrency or svc.settings.worker_concurrency, loglevel=loglevel,
                                beat=beat)


def sweep() -> None:
    """Requeue documents whose work was lost (no progress for SOHOA_STALE_AFTER seconds)."""
    from ingest.core.dispatch import get_dispatcher

    services()
    ids = get_dispatcher().sweep()
    out.print(f"requeued {len(ids)} document(s){': ' + ', '.join(map(str, ids)) if ids else ''}")


def serve(host: Annotated[str, typer.Option()] = "127.0.0.1",
          port: Annotated[int, typer.Option()] = 8000) -> None:
    """Serve the web API (OpenAPI at /docs)."""
    import uvicorn

    from ingest.web.app import create_app

    services()
    uvicorn.run(create_app(), host=host, port=port)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the database migrations."""
    svc = services()
    out.print(f"database at {svc.settings.database_url} is up to date")
