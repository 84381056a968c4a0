"""`sohoa ingest`: scans stored and queued for the workers through the one submit-and-queue service,
and with `--wait` followed to the end with a progress bar."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ingest.cli.console import err, out, services
from ingest.cli.ocr import read_file
from ingest.core.enums import DocumentStatus, JobSource, OcrMode
from ingest.core.errors import ExitCode, SohoaError

if TYPE_CHECKING:
    from ingest.store.services import Services

__all__ = ["ingest"]

POLL_SECONDS = 0.5  # how often --wait looks at the documents


def ingest(files: Annotated[list[Path], typer.Argument(help="scans to digitise")],
           dossier: Annotated[str | None, typer.Option(help="dossier code (mã hồ sơ) to link")] = None,
           wait: Annotated[bool, typer.Option(help="block until every document is done")] = False,
           timeout: Annotated[float, typer.Option(help="seconds to wait at most")] = 3600.0,
           mode: Annotated[str, typer.Option(help="existing PDF text layers: skip (keep good text, repair "
                                                  "garbage) | redo (OCR garbage again) | force (OCR all)")]
           = OcrMode.SKIP) -> None:
    """Queue documents for the workers; with --wait, watch them finish."""
    from ingest.pipeline.submit import submit_and_queue

    svc = services()
    ids: list[int] = []
    status = ExitCode.OK
    for path in files:
        try:
            submitted = submit_and_queue(svc, read_file(path), path.name, dossier_code=dossier,
                                         source=JobSource.CLI, requested_by=os.environ.get("USER"),
                                         ocr_mode=mode)
        except SohoaError as exc:
            err.print(f"[red]refused[/red] {path}: {exc.message}")
            status = exc.exit_code
            continue
        sub = submitted.submission
        note = f"duplicate of document {sub.document_id}" if sub.duplicate else "new"
        out.print(f"document {sub.document_id} {sub.status}: {path} ({sub.page_count} pages, {note})")
        if submitted.queue_error:
            err.print(f"[yellow]not queued yet[/yellow]: the queue is unreachable ({submitted.queue_error}); "
                      f"document {sub.document_id} is stored and will be processed once the queue is back "
                      "(the sweeper of `sohoa worker --beat` sends it)")
            status = max(status, ExitCode.TEMPORARY)
        ids.append(sub.document_id)
    if wait and ids:
        status = max(status, wait_for(svc, ids, timeout))
    raise typer.Exit(status)


def wait_for(svc: Services, ids: list[int], timeout: float) -> ExitCode:
    """Follow the documents until each has finished (or `timeout` seconds passed), then say how each
    ended; the exit status tells a document that failed or did not finish."""
    from sqlalchemy import func, select

    from ingest.store.models import Document, Page

    deadline = time.monotonic() + timeout
    finished: dict[int, Document] = {}
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("pages"),
                  TimeElapsedColumn(), console=err, transient=True) as progress:
        tasks = {i: progress.add_task(f"document {i}", total=None) for i in ids}
        while len(finished) < len(ids) and time.monotonic() < deadline:
            with svc.sessions() as session:
                for i in ids:
                    if i in finished:
                        continue
                    doc = session.get(Document, i)
                    done = session.scalar(select(func.count()).select_from(Page).where(Page.document_id == i))
                    progress.update(tasks[i], total=doc.page_count, completed=done,
                                    description=f"document {i} {doc.status}")
                    if doc.status in DocumentStatus.final():
                        finished[i] = doc
            time.sleep(POLL_SECONDS)
    status = ExitCode.OK
    for i in ids:
        doc = finished.get(i)
        if doc is None:
            err.print(f"document {i}: still not finished after {timeout:.0f} s — is a worker running? "
                      "(start one with `sohoa worker`)")
            status = ExitCode.STILL_RUNNING
        elif doc.status == DocumentStatus.FAILED:
            out.print(f"document {i} failed: {doc.error}")
            status = ExitCode.RECOGNITION_FAILED
        else:
            out.print(f"document {i} {doc.status}: {doc.filename} ({doc.page_count} pages)")
    return status
