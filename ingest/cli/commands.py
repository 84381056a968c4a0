"""The `sohoa` command: OCR in-process, queue and watch ingests, search, serve, run workers, demo."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from ingest.cli.main import main as main
from ingest.cli.ocr import read_file as _read
from ingest.cli.users import app as users_app
from ingest.core.enums import JobSource
from ingest.core.errors import ExitCode, SohoaError

app = typer.Typer(help="sohoa — Vietnamese OCR ingest of administrative results (Decree 45/2020).",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(users_app, name="users")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

FINAL = ("done", "failed", "needs_review")


def _services():
    from ingest.store.db import upgrade
    from ingest.store.services import get_services

    svc = get_services()
    upgrade(svc.settings.database_url)
    return svc


@app.command()
def ocr(files: Annotated[list[Path], typer.Argument(help="PDF, TIFF, PNG or JPEG scans")],
        as_json: Annotated[bool, typer.Option("--json", help="print an OcrResult as JSON")] = False,
        repair: Annotated[bool, typer.Option(help="polish unsure words with the Vietnamese model")] = True
        ) -> None:
    """OCR files in this process (no queue): text on stdout, pages separated by a form feed."""
    from ingest.cli.ocr import run

    raise typer.Exit(run(files, as_json=as_json, repair=repair))


@app.command()
def extract(file: Annotated[Path, typer.Argument(help="a scan (PDF, TIFF, PNG, JPEG) or a .txt of its text")]
            ) -> None:
    """Print the document's metadata (Decree 30 fields) as DocumentMetadata JSON."""
    from ingest.core.settings import get_settings
    from ingest.metadata.extract import extract_from_result, extract_from_text

    data = _read(file)
    if file.suffix.lower() == ".txt":
        meta = extract_from_text(data.decode("utf-8", "replace"))
    else:
        from ingest.pipeline.read import ocr_bytes

        meta = extract_from_result(ocr_bytes(data, file.name, get_settings()))
    sys.stdout.write(meta.model_dump_json(indent=1) + "\n")


@app.command()
def ingest(files: Annotated[list[Path], typer.Argument(help="scans to digitise")],
           dossier: Annotated[str | None, typer.Option(help="dossier code (mã hồ sơ) to link")] = None,
           wait: Annotated[bool, typer.Option(help="block until every document is done")] = False,
           timeout: Annotated[float, typer.Option(help="seconds to wait at most")] = 3600.0,
           mode: Annotated[str, typer.Option(help="existing PDF text layers: skip (keep good text, repair "
                                                  "garbage) | redo (OCR garbage again) | force (OCR all)")]
           = "skip") -> None:
    """Queue documents for the workers; with --wait, watch them finish."""
    from ingest.pipeline.submit import submit_and_queue

    svc = _services()
    ids: list[int] = []
    status = ExitCode.OK
    for path in files:
        try:
            submitted = submit_and_queue(svc, _read(path), path.name, dossier_code=dossier,
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
        status = max(status, _wait(svc, ids, timeout))
    raise typer.Exit(status)


def _wait(svc, ids: list[int], timeout: float) -> int:
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
                    if doc.status in FINAL:
                        finished[i] = doc
            time.sleep(0.5)
    status = 0
    for i in ids:
        doc = finished.get(i)
        if doc is None:
            err.print(f"document {i}: still not finished after {timeout:.0f} s — is a worker running? "
                      "(start one with `sohoa worker`)")
            status = 5
        elif doc.status == "failed":
            out.print(f"document {i} failed: {doc.error}")
            status = 4
        else:
            out.print(f"document {i} {doc.status}: {doc.filename} ({doc.page_count} pages)")
    return status


@app.command()
def search(query: Annotated[str, typer.Argument(help="words, with or without diacritics")] = "",
           as_json: Annotated[bool, typer.Option("--json")] = False,
           limit: Annotated[int, typer.Option(min=1, max=500)] = 20,
           agency: Annotated[str | None, typer.Option(help="agency (part of its name)")] = None,
           doc_type: Annotated[str | None, typer.Option("--type", help="e.g. 'Quyết định'")] = None,
           date_from: Annotated[datetime | None, typer.Option("--from", formats=["%Y-%m-%d", "%d/%m/%Y"],
                                                              help="issued on or after")] = None,
           date_to: Annotated[datetime | None, typer.Option("--to", formats=["%Y-%m-%d", "%d/%m/%Y"],
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
        raise typer.Exit(2)
    svc = _services()
    with svc.sessions() as session:
        results = run_search(session, query, limit=limit, filters=filters)
    if as_json:
        sys.stdout.write(results.model_dump_json(indent=1) + "\n")
        return
    print_hits(results)


def print_hits(results) -> None:
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


@app.command()
def backfill(
    path: Annotated[str | None, typer.Argument(help="folder to walk, or `status` to show a backfill")] = None,
    status_id: Annotated[int | None, typer.Argument(help="with `status`: the backfill id (default: latest)",
                                                    show_default=False)] = None,
    manifest: Annotated[Path | None, typer.Option(help="CSV: path[,dossier_code,agency,doc_type]")] = None,
    resume: Annotated[int | None, typer.Option(help="continue backfill ID (rerunning the same command "
                                                    "continues it too)")] = None,
    mode: Annotated[str, typer.Option(help="existing PDF text layers: skip | redo | force")] = "skip",
    report: Annotated[Path | None, typer.Option(help="write one CSV row per file here at the end")] = None,
    max_inflight: Annotated[int, typer.Option(help="documents in flight at most (0: no limit)")] = 200,
    rate: Annotated[float, typer.Option(help="files queued per second at most (0: no limit)")] = 0.0,
    wait: Annotated[bool, typer.Option(help="follow the documents until they finish")] = True,
) -> None:
    """Bulk ingest a folder tree or a manifest: bounded pace, resumable, one journal row per file."""
    from ingest.core.dispatch import get_dispatcher
    from ingest.pipeline import backfill as bf

    svc = _services()
    if path == "status":
        _backfill_status(svc, status_id)
        return
    if (path is None) == (manifest is None) and resume is None:
        err.print("[red]error:[/red] give a folder, or --manifest FILE.csv, or --resume ID")
        raise typer.Exit(2)
    if resume is not None and path is None and manifest is None:
        from ingest.store.models import Backfill

        with svc.sessions() as session:
            known = session.get(Backfill, resume)
            if known is None:
                err.print(f"[red]error:[/red] backfill {resume} does not exist; see `sohoa backfill status`")
                raise typer.Exit(2)
            source, kind = known.source, known.kind
    elif manifest is not None:
        source, kind = str(manifest.resolve()), "manifest"
        if not manifest.is_file():
            err.print(f"[red]error:[/red] manifest {manifest} does not exist")
            raise typer.Exit(2)
    else:
        source, kind = os.path.abspath(path), "folder"
        if not os.path.isdir(source):
            err.print(f"[red]error:[/red] {path} is not a folder (for a list of files use --manifest)")
            raise typer.Exit(2)
    run = bf.open_backfill(svc, source, kind, mode, resume)
    out.print(f"backfill {run.id}: {kind} {source} (mode {run.mode}); counting files…")
    total = bf.count(source, kind)
    runner = None
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
            raise typer.Exit(130) from None
    out.print(f"backfill {run.id}: {final.done} done, {final.failed} failed, {final.duplicate} duplicate, "
              f"{final.queued} still in flight, {final.pages} pages")
    if report:
        rows = bf.write_report(svc, run.id, report)
        out.print(f"report: {report} ({rows} rows)")


def _backfill_status(svc, backfill_id: int | None) -> None:
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
            err.print(f"[red]error:[/red] backfill {backfill_id} does not exist")
            raise typer.Exit(2)
        p = bf.progress(session, backfill_id)
    total = f" of {p.total}" if p.total else ""
    eta = ""
    if p.total and p.finished and run.status != "finished":
        left = (p.total - p.finished) * p.elapsed / p.finished
        eta = f" · ETA {left / 60:.0f} min"
    out.print(f"backfill {run.id} ({run.status}): {run.kind} {run.source}, mode {run.mode}\n"
              f"  files {p.finished}{total} finished · queued {p.queued} · done {p.done} · "
              f"failed {p.failed} · duplicate {p.duplicate} · pending {p.pending}\n"
              f"  {p.pages} pages · {p.pages_per_minute:.0f} pages/min{eta}")


dossiers_app = typer.Typer(help="Dossier records (hồ sơ TTHC).", no_args_is_help=True)
app.add_typer(dossiers_app, name="dossiers")


@dossiers_app.command("import")
def dossiers_import(file: Annotated[Path, typer.Argument(help="CSV or JSON export of a one-stop-shop system")]
                    ) -> None:
    """Create or update dossiers from a CSV/JSON export (code, procedure, agency, applicant, dates)."""
    from ingest.store.dossiers import import_file

    svc = _services()
    if not file.is_file():
        err.print(f"[red]error:[/red] {file} does not exist")
        raise typer.Exit(2)
    with svc.sessions() as session:
        report = import_file(session, file, actor=os.environ.get("USER"))
        session.commit()
    out.print(f"{report.created} created, {report.updated} updated, {len(report.errors)} refused")
    for e in report.errors:
        err.print(f"  {e}")
    raise typer.Exit(1 if report.errors and not (report.created or report.updated) else 0)


@dossiers_app.command("show")
def dossiers_show(code: str) -> None:
    """A dossier and its linked documents, as JSON."""
    from ingest.store.dossiers import dossier_out

    svc = _services()
    with svc.sessions() as session:
        sys.stdout.write(dossier_out(session, code).model_dump_json(indent=1) + "\n")


@app.command()
def worker(concurrency: Annotated[int | None, typer.Option(help="worker processes")] = None,
           loglevel: Annotated[str, typer.Option()] = "INFO",
           beat: Annotated[bool, typer.Option(help="also run the periodic sweep that requeues lost work "
                                                   "(run it in exactly one worker)")] = False) -> None:
    """Run a Celery worker that processes queued documents."""
    from ingest.core.dispatch import get_dispatcher

    svc = _services()
    get_dispatcher().run_worker(concurrency=concurrency or svc.settings.worker_concurrency, loglevel=loglevel,
                                beat=beat)


@app.command()
def sweep() -> None:
    """Requeue documents whose work was lost (no progress for SOHOA_STALE_AFTER seconds)."""
    from ingest.core.dispatch import get_dispatcher

    _services()
    ids = get_dispatcher().sweep()
    out.print(f"requeued {len(ids)} document(s){': ' + ', '.join(map(str, ids)) if ids else ''}")


@app.command()
def serve(host: Annotated[str, typer.Option()] = "127.0.0.1",
          port: Annotated[int, typer.Option()] = 8000) -> None:
    """Serve the web API (OpenAPI at /docs)."""
    import uvicorn

    from ingest.web.app import create_app

    _services()
    uvicorn.run(create_app(), host=host, port=port)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the database migrations."""
    svc = _services()
    out.print(f"database at {svc.settings.database_url} is up to date")


@app.command()
def restore(mode: Annotated[str, typer.Option(help="stripped: text typed without marks; "
                                                   "ocr: text from a non-Vietnamese OCR engine")] = "stripped"
            ) -> None:
    """Repair Vietnamese text from stdin, line for line, to stdout."""
    from ingest import vietnamese

    if mode not in ("stripped", "ocr"):
        err.print("[red]error:[/red] --mode must be 'stripped' or 'ocr'")
        raise typer.Exit(2)
    fn = vietnamese.restore if mode == "stripped" else vietnamese.repair_ocr
    sys.stdout.write(fn(sys.stdin.read()))


@app.command()
def demo(query: Annotated[str, typer.Option(help="search typed without diacritics")] = "ket qua giai quyet",
         timeout: Annotated[float, typer.Option()] = 170.0) -> None:
    """The main job end to end on the embedded default: sample scans → worker → search."""
    from ingest.cli.samples import write_demo_scans

    svc = _services()
    scans = write_demo_scans(svc.settings.home / "demo-scans")
    out.print(f"[bold]1.[/bold] sample scans: {', '.join(str(p) for p in scans)}")
    out.print(f"[bold]2.[/bold] starting a Celery worker (broker {svc.settings.broker_url})")
    log = open(svc.settings.home / "demo-worker.log", "ab")  # noqa: SIM115 — kept open for the child
    worker_proc = subprocess.Popen([sys.executable, "-m", "ingest", "worker", "--loglevel", "WARNING"],
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        out.print("[bold]3.[/bold] ingesting through the queue")
        status = 0
        try:
            ingest(scans, dossier=None, wait=True, timeout=timeout, mode="skip")
        except typer.Exit as exc:
            status = exc.exit_code
        if status:
            err.print(f"the ingest did not complete (exit {status}); worker log: {log.name}")
            raise typer.Exit(status)
        out.print(f"[bold]4.[/bold] search “{query}” (typed without diacritics)")
        search(query, as_json=False, limit=10)
    finally:
        _stop(worker_proc)
        log.close()
        out.print("worker stopped")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


if __name__ == "__main__":
    main()
