"""Bulk ingest of years of archives: walk a folder tree or read a manifest, queue documents at a
bounded pace, keep a journal in the database so a run can be interrupted and resumed, and report
what became of every file.

Files are streamed (never listed into memory); names are handled as bytes, so a file whose name is
not UTF-8 is read, journalled and reported like any other.
"""

from __future__ import annotations

import csv
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ingest.core.enums import BackfillKind, BackfillStatus, DocumentStatus, ItemStatus, JobSource
from ingest.core.errors import RejectedInput, SohoaError
from ingest.pipeline.submit import check_mode, submit_and_queue
from ingest.store.models import Backfill, BackfillItem, Document, Job, Page, utcnow
from ingest.store.services import Services

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 2  # the first try and one more on resume


@dataclass(frozen=True)
class Entry:
    """One file to ingest, with what a manifest may say about it."""

    path: bytes
    dossier_code: str | None = None
    agency: str | None = None
    doc_type: str | None = None


def shown(path: bytes) -> str:
    """A file name for people: undecodable bytes shown as \\xNN."""
    return path.decode("utf-8", "backslashreplace")


def walk(root: bytes) -> Iterator[Entry]:
    """Every regular file below `root`, depth first; hidden files and folders (".name") are passed
    over. Streams: nothing is listed into memory, only the folders on the current path are open."""
    try:
        it = os.scandir(root)
    except OSError:
        return
    with it:
        for entry in it:
            if entry.name.startswith(b"."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    yield from walk(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    yield Entry(entry.path)
            except OSError:
                continue


def read_manifest(manifest: Path) -> Iterator[Entry]:
    """Rows of a CSV manifest: `path` (relative to the manifest's folder, or absolute) and optional
    `dossier_code`, `agency`, `doc_type`."""
    base = manifest.resolve().parent
    with open(manifest, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "path" not in [f.strip().lower() for f in reader.fieldnames]:
            raise SohoaError(f"{manifest} needs a header row with a 'path' column "
                             "(and optionally dossier_code, agency, doc_type)")
        for row in reader:
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
            if not row.get("path"):
                continue
            path = Path(row["path"])
            full = os.fsencode(path if path.is_absolute() else base / path)
            yield Entry(full, row.get("dossier_code") or None, row.get("agency") or None,
                        row.get("doc_type") or None)


def entries(source: str, kind: str) -> Iterator[Entry]:
    return read_manifest(Path(source)) if kind == BackfillKind.MANIFEST else walk(os.fsencode(source))


def count(source: str, kind: str) -> int:
    """How many files the source holds (a streaming pass, for the progress bar's total)."""
    return sum(1 for _ in entries(source, kind))


@contextmanager
def _deferred_interrupt() -> Iterator[Callable[[], bool]]:
    """Let Ctrl-C mark the run as interrupted instead of cutting a file's bookkeeping in half; a
    second Ctrl-C interrupts at once. Only the main thread can take signals: elsewhere a no-op."""
    flag = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield flag.is_set
        return

    def on_sigint(_signum: int, _frame: object) -> None:
        if flag.is_set():
            raise KeyboardInterrupt
        flag.set()

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield flag.is_set
    finally:
        signal.signal(signal.SIGINT, previous)


def open_backfill(svc: Services, source: str, kind: str, mode: str, resume: int | None = None) -> Backfill:
    """The backfill to run: the one named by `resume`, else an unfinished one of the same source,
    else a new one."""
    mode = check_mode(mode)
    with svc.sessions() as session:
        if resume is not None:
            bf = session.get(Backfill, resume)
            if bf is None:
                raise SohoaError(f"backfill {resume} does not exist; `sohoa backfill status` lists them")
        else:
            bf = session.scalar(select(Backfill).where(Backfill.source == source, Backfill.kind == kind,
                                                       Backfill.status != BackfillStatus.FINISHED)
                                .order_by(Backfill.id.desc()))
            if bf is None:
                bf = Backfill(source=source, kind=kind, mode=mode, status=BackfillStatus.RUNNING)
                session.add(bf)
        bf.status, bf.finished_at = BackfillStatus.RUNNING, None
        session.commit()
        return bf


@dataclass
class Progress:
    """What a backfill has done so far."""

    total: int | None
    pending: int
    queued: int
    done: int
    failed: int
    duplicate: int
    pages: int
    elapsed: float

    @property
    def finished(self) -> int:
        return self.done + self.failed + self.duplicate

    @property
    def pages_per_minute(self) -> float:
        return self.pages / self.elapsed * 60 if self.elapsed > 0 else 0.0


def progress(session: Session, backfill_id: int) -> Progress:
    bf = session.get(Backfill, backfill_id)
    counts = dict(session.execute(select(BackfillItem.status, func.count()).where(
        BackfillItem.backfill_id == backfill_id).group_by(BackfillItem.status)).all())
    pages = session.scalar(select(func.count()).select_from(BackfillItem).join(
        Page, Page.document_id == BackfillItem.document_id).where(
        BackfillItem.backfill_id == backfill_id, BackfillItem.status == ItemStatus.DONE)) or 0
    elapsed = (utcnow() - bf.created_at).total_seconds()
    return Progress(bf.total, pending=counts.get(ItemStatus.PENDING, 0),
                    queued=counts.get(ItemStatus.QUEUED, 0), done=counts.get(ItemStatus.DONE, 0),
                    failed=counts.get(ItemStatus.FAILED, 0),
                    duplicate=counts.get(ItemStatus.DUPLICATE, 0), pages=pages, elapsed=elapsed)


class Runner:
    """Feeds one backfill's files to the workers, at most `max_inflight` documents in flight and at
    most `rate` files a second (0: no pace limit), and follows them to the end."""

    def __init__(self, svc: Services, backfill_id: int, enqueue: Callable[[int], None], *,
                 max_inflight: int = 200, rate: float = 0.0, poll: float = 1.0,
                 on_progress: Callable[[Progress], None] | None = None) -> None:
        self.svc, self.id, self.enqueue = svc, backfill_id, enqueue
        self.max_inflight, self.rate, self.poll = max_inflight, rate, poll
        self.on_progress = on_progress or (lambda _p: None)
        self._last_refresh = 0.0
        self._last_submit = 0.0
        self._cached: Progress | None = None
        with svc.sessions() as session:
            bf = session.get(Backfill, backfill_id)
            self.source, self.kind, self.mode = bf.source, bf.kind, bf.mode

    def run(self, *, wait: bool = True, total: int | None = None) -> Progress:
        """Feed every file; with `wait`, follow the documents to the end. Ctrl-C finishes the file in
        hand, then raises KeyboardInterrupt (a second Ctrl-C stops at once)."""
        if total is not None:
            with self.svc.sessions() as session:
                session.execute(update(Backfill).where(Backfill.id == self.id).values(total=total))
                session.commit()
        with _deferred_interrupt() as interrupted:
            for entry in entries(self.source, self.kind):
                self._handle(entry)
                if interrupted():
                    raise KeyboardInterrupt
                self._refresh()
            while wait and self._refresh(force=True).queued:
                if interrupted():
                    raise KeyboardInterrupt
                time.sleep(self.poll)
        with self.svc.sessions() as session:
            session.execute(update(Backfill).where(Backfill.id == self.id).values(
                status=BackfillStatus.FINISHED if wait else BackfillStatus.RUNNING,
                finished_at=utcnow() if wait else None))
            session.commit()
            return progress(session, self.id)

    def stop(self) -> None:
        """Record that the run was interrupted; rerunning the command (or --resume) continues it."""
        with self.svc.sessions() as session:
            session.execute(update(Backfill).where(Backfill.id == self.id)
                            .values(status=BackfillStatus.STOPPED))
            session.commit()

    # --------------------------------------------------------------------------------------------

    def _handle(self, entry: Entry) -> None:
        with self.svc.sessions() as session:
            item = session.scalar(select(BackfillItem).where(BackfillItem.backfill_id == self.id,
                                                             BackfillItem.path_raw == entry.path))
            if item is not None and (item.status in (ItemStatus.DONE, ItemStatus.DUPLICATE, ItemStatus.QUEUED)
                                     or (item.status == ItemStatus.FAILED and item.attempts >= MAX_ATTEMPTS)):
                return
            resumed = item is not None and item.status == ItemStatus.PENDING  # a run was killed mid-file
            if item is None:
                item = BackfillItem(backfill_id=self.id, path=shown(entry.path), path_raw=entry.path,
                                    status=ItemStatus.PENDING, attempts=0, dossier_code=entry.dossier_code,
                                    agency=entry.agency, doc_type_hint=entry.doc_type)
                session.add(item)
                session.commit()
            item_id = item.id
        self._throttle()
        status, reason, document_id = self._submit(entry)
        if status == ItemStatus.DUPLICATE and resumed and not self._claimed_elsewhere(item_id, document_id):
            status, reason = ItemStatus.QUEUED, None  # the document is this file's own, from the killed run
        with self.svc.sessions() as session:
            session.execute(update(BackfillItem).where(BackfillItem.id == item_id).values(
                status=status, reason=reason, document_id=document_id,
                attempts=BackfillItem.attempts + 1, updated_at=utcnow()))
            session.commit()

    def _submit(self, entry: Entry) -> tuple[ItemStatus, str | None, int | None]:
        name = shown(os.path.basename(entry.path))
        try:
            with open(entry.path, "rb") as fh:
                data = fh.read(self.svc.settings.max_upload_bytes + 1)
        except OSError as exc:
            return ItemStatus.FAILED, f"cannot read the file: {exc.strerror or exc}", None
        try:
            submitted = submit_and_queue(self.svc, data, name, dossier_code=entry.dossier_code,
                                         source=JobSource.BACKFILL, agency=entry.agency, ocr_mode=self.mode,
                                         enqueue=self.enqueue)
        except RejectedInput as exc:
            return ItemStatus.FAILED, exc.message, None
        sub = submitted.submission
        if entry.doc_type:
            with self.svc.sessions() as session:
                session.execute(update(Document).where(Document.id == sub.document_id,
                                                       Document.doc_type.is_(None))
                                .values(doc_type=entry.doc_type))
                session.commit()
        if sub.duplicate and not sub.queued:
            return ItemStatus.DUPLICATE, f"same bytes as document {sub.document_id} ({sub.status})", \
                sub.document_id
        if submitted.queue_error:  # stored and recorded as queued: the sweeper queues it once it can
            log.warning("%s: stored as document %s, the queue is unreachable (%s)", name, sub.document_id,
                        submitted.queue_error)
        return ItemStatus.QUEUED, None, sub.document_id

    def _claimed_elsewhere(self, item_id: int, document_id: int | None) -> bool:
        """Whether another file (of any backfill) or another ingest brought this document in."""
        with self.svc.sessions() as session:
            other_item = session.scalar(select(func.count()).select_from(BackfillItem).where(
                BackfillItem.document_id == document_id, BackfillItem.id != item_id))
            other_job = session.scalar(select(func.count()).select_from(Job).where(
                Job.document_id == document_id, Job.source != JobSource.BACKFILL))
            return bool(other_item or other_job)

    def _throttle(self) -> None:
        if self.rate > 0:
            gap = 1.0 / self.rate - (time.monotonic() - self._last_submit)
            if gap > 0:
                time.sleep(gap)
        self._last_submit = time.monotonic()
        while self.max_inflight and self._refresh(force=True).queued >= self.max_inflight:
            time.sleep(self.poll)

    def _refresh(self, force: bool = False) -> Progress:
        """Move items whose documents finished to done/failed, and report progress (at most once a
        `poll` interval unless forced)."""
        now = time.monotonic()
        if not force and self._cached is not None and now - self._last_refresh < self.poll:
            return self._cached
        self._last_refresh = now
        with self.svc.sessions() as session:
            finished = session.execute(select(BackfillItem.id, Document.status, Document.error).join(
                Document, Document.id == BackfillItem.document_id).where(
                BackfillItem.backfill_id == self.id, BackfillItem.status == ItemStatus.QUEUED,
                Document.status.in_((DocumentStatus.DONE, DocumentStatus.FAILED)))).all()
            for item_id, status, error in finished:
                session.execute(update(BackfillItem).where(BackfillItem.id == item_id).values(
                    status=status, reason=error if status == DocumentStatus.FAILED else None,
                    updated_at=utcnow()))
            session.commit()
            self._cached = progress(session, self.id)
        self.on_progress(self._cached)
        return self._cached


def write_report(svc: Services, backfill_id: int, out: Path) -> int:
    """One CSV row per file: path, document id, status, reason, pages, mean confidence."""
    n = 0
    with svc.sessions() as session, open(out, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["path", "document_id", "status", "reason", "pages", "mean_confidence"])
        rows = session.execute(
            select(BackfillItem.path, BackfillItem.document_id, BackfillItem.status, BackfillItem.reason,
                   func.count(Page.id), func.avg(Page.mean_conf))
            .outerjoin(Page, Page.document_id == BackfillItem.document_id)
            .where(BackfillItem.backfill_id == backfill_id)
            .group_by(BackfillItem.id).order_by(BackfillItem.id)).yield_per(1000)
        for path, doc_id, status, reason, pages, conf in rows:
            writer.writerow([path, doc_id or "", status, reason or "", pages or "",
                             f"{conf:.1f}" if conf is not None else ""])
            n += 1
    return n
