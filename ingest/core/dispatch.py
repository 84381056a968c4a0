"""Where `ingest` hands work to the distributed engine without importing it.

The dispatcher (Celery's, in `workers.dispatch`) is named in settings and loaded only when work is
actually queued or a worker is started, so the pipeline library stays free of Celery.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Protocol

DEFAULT_DISPATCHER = "workers.dispatch:CeleryDispatcher"


class Dispatcher(Protocol):
    def enqueue_document(self, document_id: int) -> None:
        """Queue a stored document for recognition (one task, fanned out per page)."""

    def run_worker(self, *, concurrency: int, loglevel: str, queues: list[str] | None = None,
                   beat: bool = False) -> None:
        """Run a worker in this process until it is told to stop (with `beat`, also the scheduler
        of the periodic sweep)."""

    def sweep(self) -> list[int]:
        """Requeue documents whose work was lost; returns their ids."""


@lru_cache(maxsize=4)
def get_dispatcher(path: str = DEFAULT_DISPATCHER) -> Dispatcher:
    """The dispatcher named `module:Class`."""
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)()
