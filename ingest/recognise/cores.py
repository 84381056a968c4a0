"""Whether this process reads its pages on one core (a worker pool process) or may use a helper
thread beside the main pass: a module-level flag, set once by :func:`use_one_core`."""

from __future__ import annotations

_ONE_CORE = False  # set in worker pool processes by use_one_core()


def use_one_core() -> None:
    """Read every page of this process on one core, as a worker pool process does: Celery runs a
    process per core, so a page's own helper thread (the column re-reads) and OpenCV's thread pool
    would only take CPU from the other processes' pages, and cost some of their own (OpenCV's pool
    ~0.08 s of CPU a page for ~0.02 s sooner). The columns are read by the main engine after its
    pass, so the helper's model is not loaded. Pages read the same either way."""
    global _ONE_CORE
    import cv2

    cv2.setNumThreads(1)
    _ONE_CORE = True


def on_one_core() -> bool:
    """Whether :func:`use_one_core` was called in this process (read at each call, not imported)."""
    return _ONE_CORE
