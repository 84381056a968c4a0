"""`sohoa backfill`: bulk ingest of an archive (a folder tree or a manifest) at a bounded pace with a
progress bar, resumable; `sohoa backfill status [ID]` from any terminal."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ingest.cli.console import err, out, services
from ingest.core.enums import BackfillKind, BackfillStatus, OcrMode
from ingest.core.errors import ExitCode

if TYPE_CHECKING:
    from ingest.store.services import Services

__all__ = ["backfill"]

STATUS = "status"  # the word that turns `sohoa backfill` into a progress report


def _refuse(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}")
    return typer.Exit(ExitCode.REFUSED)


def backfill(
    path: Annotated[str | None, typer.Argument(help="folder to walk, or `status` to show a backfill")] = None,
    status_id: Annotated[int | None, typer.Argument(help="with `status`: the backfill id (default: latest)",
                                                    show_default=False)] = None,
    manifest: Annotated[Path | None, typer.Option(help="CSV: path[,dossier_code,agency,doc_type]")] = None,
    resume: Annotated[int | None, typer.Option(help="continue backfill ID (rerunning the same command "
                                                    "continues it too)")] = None,
    mode: Annotated[str, typer.Option(help="existing PDF text layers: skip | redo | force")] = OcrMode.SKIP,
    report: Annotated[Path | None, typer.Option(help="write one CSV row per file here at the end")] = None,
    max_inflight: Annotated[int, typer.Option(help="documents in flight at most (0: no limit)")] = 200,
    rate: Annotated[float, typer.Option(help="files queued per second at most (0: no limit)")] = 0.0,
    wait: Annotated[bool, typer.Option(help="follow the documents until they finish")] = True,
) -> None:
    """Bulk ingest a folder tree or a manifest: bounded pace, resumable, one journal row per file."""
    from ingest.core.dispatch import get_dispatcher
    from ingest.pipeline import backfill as bf

    svc = services()
    if path == STATUS:
        _status(svc, status_id)
        return
    source, kind = _source(svc, path, manifest, resume)
    run = bf.open_backfill(svc, source, kind, mode, resume)
    out.print(f"backfill {run.id}: {kind} {source} (mode {run.mode}); counting files…")
    total = bf.count(source, kind)
    with Progress(TextColumn("[bold]backfill {task.fields[id]}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("queued {task.fields[queued]} · done {task.fields[done]} · failed "
                             "{task.fields[failed]} · duplicate {task.fields[duplicate]} · "
                             "{task.fields[ppm]:.0f} pages/min"),
                  TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err) as bar:
        task = bar.add_task("backfill", total=total, id=run.id, queued=0, done=0, failed=0, duplicate=0,
                            ppm=0.0)

        def show(p: bf.Progress) -> None:
            bar.update(task, completed=p.finished, queued=p.queued, done=p.done, failed=p.failed,
                       duplicate=p.duplicate, ppm=p.pages_per_minute)

        runner = bf.Runner(svc, run.id, get_dispatcher().enqueue_document, max_inflight=max_inflight,
                           rate=rate, on_progress=show)
        try:
            final = runner.run(wait=wait, total=total)
        except KeyboardInterrupt:
            runner.stop()
            err.print(f"stopped. Resume with: sohoa backfill --resume {run.id}")
            raise typer.Exit(ExitCode.INTERRUPTED) from None
    out.print(f"backfill {run.id}: {final.done} done, {final.failed} failed, {final.duplicate} duplicate, "
              f"{final.queued} still in flight, {final.pages} pages")
    if report:
        rows = bf.write_report(svc, run.id, report)
        out.print(f"report: {report} ({rows} rows)")


def _source(svc: Services, path: str | None, manifest: Path | None,
            resume: int | None) -> tuple[str, BackfillKind]:
    """What the backfill walks, from the command line: a folder, a manifest, or the run to resume."""
    if (path is None) == (manifest is None) and resume is None:
        raise _refuse("give a folder, or --manifest FILE.csv, or --resume ID")
    if resume is not None and path is None and manifest is None:
        from ingest.store.models import Backfill

        with svc.sessions() as session:
            known = session.get(Backfill, resume)
            if known is None:
                raise _refuse(f"backfill {resume} does not exist; see `sohoa backfill status`")
            return known.source, BackfillKind(known.kind)
    if manifest is not None:
        if not manifest.is_file():
            raise _refuse(f"manifest {manifest} does not exist")
        return str(manifest.resolve()), BackfillKind.MANIFEST
    source = os.path.abspath(path or "")
    if not os.path.isdir(source):
        raise _refuse(f"{path} is not a folder (for a list of files use --manifest)")
    return source, BackfillKind.FOLDER


def _status(svc: Services, backfill_id: int | None) -> None:
    from sqlalchemy import select

    from ingest.pipeline import backfill as bf
    from ingest.store.models import Backfill

    with svc.sessions() as session:
        if backfill_id is None:
            backfill_id = session.scalar(select(Backfill.id).order_by(Backfill.id.desc()))
            if backfill_id is None:
                out.print("no backfill has run yet")
                return
        run = session.get(Backfill, backfill_id)
        if run is None:
            raise _refuse(f"backfill {backfill_id} does not exist")
        p = bf.progress(session, backfill_id)
    total = f" of {p.total}" if p.total else ""
    eta = ""
    if p.total and p.finished and run.status != BackfillStatus.FINISHED:
        left = (p.total - p.finished) * p.elapsed / p.finished
        eta = f" · ETA {left / 60:.0f} min"
    out.print(f"backfill {run.id} ({run.status}): {run.kind} {run.source}, mode {run.mode}\n"
              f"  files {p.finished}{total} finished · queued {p.queued} · done {p.done} · "
              f"failed {p.failed} · duplicate {p.duplicate} · pending {p.pending}\n"
              f"  {p.pages} pages · {p.pages_per_minute:.0f} pages/min{eta}")
