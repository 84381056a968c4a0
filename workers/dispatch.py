"""The Celery dispatcher that ingest.core.dispatch loads: queue documents, run a worker."""

from __future__ import annotations


class CeleryDispatcher:
    def enqueue_document(self, document_id: int) -> None:
        from workers.tasks import process_document

        process_document.delay(document_id)

    def sweep(self) -> list[int]:
        from workers.tasks import sweep

        return sweep()

    def run_worker(self, *, concurrency: int, loglevel: str, queues: list[str] | None = None,
                   beat: bool = False) -> None:
        from workers.app import app

        argv = ["worker", f"--loglevel={loglevel}", f"--concurrency={concurrency}", "-O", "fair",
                "--without-gossip", "--without-mingle"]
        if beat:
            argv.append("--beat")
        if queues:
            argv.append("--queues=" + ",".join(queues))
        app.worker_main(argv)
